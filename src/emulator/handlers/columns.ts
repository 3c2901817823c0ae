/** Columns: GET and POST /lists/{id}/columns, GET and PATCH /lists/{id}/columns/{column-id} ([§2.4](../../../docs/reference/graph-sharepoint-lists.md#24-column-definitions)). */
import { GraphErrors } from "../errors";
import { ok } from "../http/respond";
import { nowIso, type EmulatorResponse } from "../http/types";
import { columnForCreate, columnForGet, columnFromRequest, patchColumn } from "../model/columns";
import { parseSelect } from "../query/options";
import { project } from "../model/serialize";
import type { ListRecord } from "../store/types";
import { allowOnly, type HandlerContext } from "./context";

export function listColumns(ctx: HandlerContext, list: ListRecord): EmulatorResponse {
  allowOnly(ctx, ["select"]);
  const select = parseSelect(ctx.query.params.get("select"));
  // [§2.4](../../../docs/reference/graph-sharepoint-lists.md#24-column-definitions): hidden columns are excluded unless `hidden` is in $select.
  const showHidden = select?.includes("hidden") ?? false;
  const value = ctx.store
    .columnsOf(list.id)
    .filter((c) => showHidden || c.definition.hidden !== true)
    .map((c) => project(columnForGet(c), select, ["id"]));
  return ok({ value });
}

export function createColumn(ctx: HandlerContext, list: ListRecord): EmulatorResponse {
  allowOnly(ctx, []);
  const created = ctx.store.transaction(() => {
    const existing = ctx.store.columnsOf(list.id);
    const column = columnFromRequest(list.id, ctx.req.body, existing.length);
    if (existing.some((c) => c.name.toLowerCase() === column.name.toLowerCase())) {
      throw GraphErrors.nameAlreadyExists(`A duplicate field name "${column.name}" was found.`);
    }
    if (column.definition.enforceUniqueValues === true && ctx.store.pageItems(list.id, 0, 1).length > 0) {
      // Existing duplicates would have to be checked; the emulator only allows it on an empty list.
      throw GraphErrors.notImplemented("adding a unique-value column to a list that already has items");
    }
    ctx.store.insertColumn(column);
    ctx.store.touchList(list.id, nowIso());
    return column;
  });
  return ok(columnForCreate(created), 201);
}

/** One column by its id (GET), or changed in place (PATCH, `patchColumn`): 200 with the whole definition. */
export function oneColumn(ctx: HandlerContext, list: ListRecord, ref: string, method: "GET" | "PATCH"): EmulatorResponse {
  allowOnly(ctx, method === "GET" ? ["select"] : []);
  const find = () => ctx.store.columnsOf(list.id).find((c) => c.id === ref);
  if (method === "GET") {
    const column = find();
    if (!column) throw GraphErrors.columnNotFound();
    return ok(project(columnForGet(column), parseSelect(ctx.query.params.get("select")), ["id"]));
  }
  const changed = ctx.store.transaction(() => {
    const column = find();
    if (!column) throw GraphErrors.columnNotFound();
    const next = patchColumn(column, ctx.req.body);
    ctx.store.updateColumnDefinition(next);
    ctx.store.touchList(list.id, nowIso());
    return next;
  });
  return ok(columnForCreate(changed));
}
