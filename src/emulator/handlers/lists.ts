/** Lists: list, get by id or title, create with columns, delete ([§2.1–2.3](../../../docs/reference/graph-sharepoint-lists.md#21-listing-lists)). */
import { randomUUID } from "node:crypto";
import { GraphErrors } from "../errors";
import { noContent, ok } from "../http/respond";
import { nowIso, type EmulatorResponse } from "../http/types";
import { builtInColumns, columnForGet, columnFromRequest } from "../model/columns";
import { listJson, project } from "../model/serialize";
import { compileFilter } from "../query/compile";
import type { FilterNode } from "../query/ast";
import { evaluateFilter } from "../query/evaluate";
import { parseExpand, parseSelect, parseTop } from "../query/options";
import type { ListRecord, SiteRecord } from "../store/types";
import { allowOnly, requireObject, type HandlerContext } from "./context";
import { createLibraryDrive } from "./drives";

export function findList(ctx: HandlerContext, site: SiteRecord, idOrTitle: string): ListRecord {
  const list = ctx.store.findList(site.id, idOrTitle);
  if (!list) throw GraphErrors.listNotFound();
  return list;
}

export function listLists(ctx: HandlerContext, site: SiteRecord): EmulatorResponse {
  allowOnly(ctx, ["select", "filter", "top"]);
  let lists = ctx.store.listsOfSite(site.id);
  const filter = ctx.query.params.get("filter");
  if (filter !== undefined) {
    // [§2.1](../../../docs/reference/graph-sharepoint-lists.md#21-listing-lists): `$filter=displayName eq 'X'` is used in the wild; the emulator allows id, name and displayName.
    const tree = compileFilter(filter) as FilterNode;
    lists = lists.filter((l) =>
      evaluateFilter(tree, (prop) => {
        const key = prop.path.join("/");
        if (key === "displayName") return { value: l.displayName, kind: "text" };
        if (key === "name") return { value: l.name, kind: "text" };
        if (key === "id") return { value: l.id, kind: "text" };
        throw GraphErrors.notImplemented(`filtering lists on '${key}' (only id, name and displayName)`);
      }),
    );
  }
  if (ctx.query.params.has("top")) lists = lists.slice(0, parseTop(ctx.query.params.get("top")));
  const select = parseSelect(ctx.query.params.get("select"));
  return ok({
    "@odata.context": `${ctx.req.origin}/v1.0/$metadata#sites('${encodeURIComponent(site.id)}')/lists`,
    value: lists.map((l) => project(listJson(l, site), select, ["id"])),
  });
}

export function getList(ctx: HandlerContext, site: SiteRecord, list: ListRecord): EmulatorResponse {
  allowOnly(ctx, ["select", "expand"]);
  const body = project(listJson(list, site), parseSelect(ctx.query.params.get("select")), ["id"]);
  for (const clause of parseExpand(ctx.query.params.get("expand"))) {
    if (clause.name !== "columns") throw GraphErrors.notImplemented(`$expand=${clause.name} on a list (only columns)`);
    body.columns = ctx.store
      .columnsOf(list.id)
      .filter((c) => c.definition.hidden !== true)
      .map((c) => project(columnForGet(c), clause.select));
  }
  return ok({ "@odata.context": `${ctx.req.origin}/v1.0/$metadata#sites('${encodeURIComponent(site.id)}')/lists/$entity`, ...body });
}

const LIST_CREATE_PROPS = new Set(["displayName", "description", "columns", "list", "name"]);

export function createList(ctx: HandlerContext, site: SiteRecord): EmulatorResponse {
  allowOnly(ctx, []);
  const body = requireObject(ctx.req.body, "The list");
  for (const key of Object.keys(body)) {
    if (!LIST_CREATE_PROPS.has(key)) throw GraphErrors.invalidRequest(`Property '${key}' is not supported when creating a list`);
  }
  // [§2.3](../../../docs/reference/graph-sharepoint-lists.md#23-creating-a-list)/[§10.15](../../../docs/reference/graph-sharepoint-lists.md#1015-list-creation): `name` is assigned by the server; the observed message.
  if (body.name !== undefined) {
    throw GraphErrors.invalidRequest("Cannot define a 'name' for a list as it is assigned by the server. Instead, provide 'displayName'");
  }
  const displayName = body.displayName;
  if (typeof displayName !== "string" || displayName.trim() === "") throw GraphErrors.invalidRequest("'displayName' is required");
  const info = body.list === undefined ? {} : requireObject(body.list, "'list'");
  const template = info.template ?? "genericList";
  if (typeof template !== "string") throw GraphErrors.invalidRequest("'list.template' must be a string");
  if (template !== "genericList" && template !== "documentLibrary") {
    throw GraphErrors.notImplemented(`the list template '${String(template)}' (only genericList and documentLibrary)`);
  }
  const columnsIn = body.columns ?? [];
  if (!Array.isArray(columnsIn)) throw GraphErrors.invalidRequest("'columns' must be an array");

  const now = nowIso();
  const list: ListRecord = {
    id: randomUUID(),
    siteId: site.id,
    displayName,
    // [UNK] [§2.1](../../../docs/reference/graph-sharepoint-lists.md#21-listing-lists): name derivation; "usually equal" to displayName for custom lists.
    name: displayName,
    description: typeof body.description === "string" ? body.description : "",
    template,
    created: now,
    modified: now,
    version: 1,
  };
  const builtIns = builtInColumns(list.id);
  const custom = columnsIn.map((c, i) => columnFromRequest(list.id, c, builtIns.length + i));
  const names = new Set<string>(builtIns.map((c) => c.name.toLowerCase()));
  for (const c of custom) {
    if (names.has(c.name.toLowerCase())) throw GraphErrors.nameAlreadyExists(`A duplicate field name "${c.name}" was found.`);
    names.add(c.name.toLowerCase());
  }
  ctx.store.transaction(() => {
    if (ctx.store.findList(site.id, displayName)) {
      // SharePoint's message for a duplicate title; the Graph status/code is [UNK] ([§2.3](../../../docs/reference/graph-sharepoint-lists.md#23-creating-a-list)).
      throw GraphErrors.nameAlreadyExists(
        "A list, survey, discussion board, or document library with the specified title already exists in this Web site.",
      );
    }
    ctx.store.insertList(list);
    for (const c of [...builtIns, ...custom]) ctx.store.insertColumn(c);
    // [§12.1](../../../docs/reference/graph-sharepoint-lists.md#121-document-libraries-and-drives): a document library is a list with a drive.
    if (template === "documentLibrary") createLibraryDrive(ctx, site, list);
  });
  return ok({ "@odata.context": `${ctx.req.origin}/v1.0/$metadata#sites('${encodeURIComponent(site.id)}')/lists/$entity`, ...listJson(list, site) }, 201);
}

export function deleteList(ctx: HandlerContext, list: ListRecord): EmulatorResponse {
  allowOnly(ctx, []);
  ctx.store.transaction(() => ctx.store.deleteList(list.id));
  return noContent();
}
