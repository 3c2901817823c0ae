/**
 * Routing → one handler per resource → store ([Routing, handlers, store](../../docs/reference/architecture.md#routing-handlers-store)). Transport-free: the HTTPS
 * listener and $batch both call `dispatch`, which never throws (errors become Graph error bodies).
 */
import { GraphErrors } from "./errors";
import { batch } from "./handlers/batch";
import { createColumn, listColumns, oneColumn } from "./handlers/columns";
import type { HandlerContext } from "./handlers/context";
import { delta } from "./handlers/delta";
import { driveRequest, libraryDrive, listDrives } from "./handlers/drives";
import { createItem, deleteItem, getItem, getItemFields, listItems, updateItemFields } from "./handlers/items";
import { createList, deleteList, findList, getList, listLists } from "./handlers/lists";
import { getSite, resolveSite } from "./handlers/sites";
import { errorResponse } from "./http/respond";
import { route } from "./http/router";
import type { EmulatorRequest, EmulatorResponse } from "./http/types";
import { parseQuery } from "./query/options";
import type { SqliteStore } from "./store/SqliteStore";

export interface DispatchDeps {
  store: SqliteStore;
  rootHostname: string;
  /** Runs one $batch sub-request with its own fault decision ([§6.3](../../docs/reference/graph-sharepoint-lists.md#63-throttling-inside-a-batch)). */
  runSubRequest: (req: EmulatorRequest) => Promise<EmulatorResponse>;
}

export async function dispatch(req: EmulatorRequest, deps: DispatchDeps): Promise<EmulatorResponse> {
  try {
    return await handle(req, deps);
  } catch (err) {
    return errorResponse(err, req);
  }
}

async function handle(req: EmulatorRequest, deps: DispatchDeps): Promise<EmulatorResponse> {
  const r = route(req.path);
  const method = req.method.toUpperCase();
  if (r.kind === "batch") {
    if (method !== "POST") throw GraphErrors.methodNotAllowed(method);
    return batch(req, deps.runSubRequest);
  }
  const ctx: HandlerContext = { store: deps.store, req, query: parseQuery(req.query) };
  const site = resolveSite(deps.store, r.site, deps.rootHostname);
  const [s0, listRef, s2, itemRef, s4, ...extra] = r.segments;
  const allow = (...methods: string[]) => {
    if (!methods.includes(method)) throw GraphErrors.methodNotAllowed(method);
  };
  if (s0 === undefined) {
    allow("GET");
    return getSite(ctx, site);
  }
  if (s0 === "drives") {
    if (listRef === undefined) {
      allow("GET");
      return listDrives(ctx, site);
    }
    return driveRequest(ctx, site, listRef, r.segments.slice(2), method);
  }
  if (s0 !== "lists") {
    if (["drive", "pages", "permissions", "columns", "contentTypes", "sites"].includes(s0)) {
      throw GraphErrors.notImplemented(`/sites/{id}/${s0}`);
    }
    throw GraphErrors.badSegment(s0);
  }
  if (listRef === undefined) {
    allow("GET", "POST");
    return method === "GET" ? listLists(ctx, site) : createList(ctx, site);
  }
  const list = findList(ctx, site, listRef);
  if (s2 === undefined) {
    allow("GET", "DELETE");
    return method === "GET" ? getList(ctx, site, list) : deleteList(ctx, list);
  }
  if (s2 === "columns" && itemRef === undefined) {
    allow("GET", "POST");
    return method === "GET" ? listColumns(ctx, list) : createColumn(ctx, list);
  }
  if (s2 === "columns" && s4 === undefined) {
    allow("GET", "PATCH");
    return oneColumn(ctx, list, itemRef!, method as "GET" | "PATCH");
  }
  if (s2 === "drive" && itemRef === undefined) {
    allow("GET");
    return libraryDrive(ctx, site, list);
  }
  if (s2 !== "items") {
    if (["columns", "contentTypes", "drive", "subscriptions", "operations"].includes(s2)) {
      throw GraphErrors.notImplemented(`/lists/{id}/${s2}${itemRef ? "/…" : ""}`);
    }
    throw GraphErrors.badSegment(s2);
  }
  if (itemRef === undefined) {
    allow("GET", "POST");
    return method === "GET" ? listItems(ctx, site, list) : createItem(ctx, site, list);
  }
  if ((itemRef === "delta" || itemRef === "delta()") && s4 === undefined) {
    allow("GET");
    return delta(ctx, site, list);
  }
  if (s4 === undefined) {
    if (method === "PATCH") throw GraphErrors.notImplemented("PATCH on a listItem itself; use PATCH …/items/{id}/fields (§4.2)");
    allow("GET", "DELETE");
    return method === "GET" ? getItem(ctx, site, list, itemRef) : deleteItem(ctx, list, itemRef);
  }
  if (s4 === "fields" && extra.length === 0) {
    allow("GET", "PATCH");
    return method === "GET" ? getItemFields(ctx, site, list, itemRef) : updateItemFields(ctx, site, list, itemRef);
  }
  if (["versions", "driveItem", "analytics", "permissions", "documentSetVersions"].includes(s4)) {
    throw GraphErrors.notImplemented(`/items/{id}/${s4}`);
  }
  throw GraphErrors.badSegment(extra[0] ?? s4);
}
