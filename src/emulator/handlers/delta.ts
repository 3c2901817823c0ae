/**
 * GET /lists/{id}/items/delta ([§5](../../../docs/reference/graph-sharepoint-lists.md#5-delta)). Each list has a change counter `seq`; every write stamps the
 * item with the next value and a deletion leaves a tombstone with its own. A token is the counter
 * value the client has seen; a page's token also says where within the round it stopped.
 */
import { GraphErrors } from "../errors";
import { ok } from "../http/respond";
import type { EmulatorResponse } from "../http/types";
import { ListSchema } from "../model/fields";
import { deletedItemJson } from "../model/serialize";
import { parseTop } from "../query/options";
import type { ListRecord, SiteRecord } from "../store/types";
import { allowOnly, selfLink, type HandlerContext } from "./context";
import { parseItemView, renderItem } from "./items";

interface DeltaState {
  l: string; // list id
  m: "e" | "c"; // enumerate everything, or changes since `s`
  s: number; // changes after this seq
  u: number; // upper bound of this round (the seq when the round started)
  a: number; // resume after this item id (enumerate) or seq (changes)
}

function encode(state: DeltaState): string {
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

function decode(token: string, listId: string, currentSeq: number): DeltaState | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch (err) {
    // An unreadable token is treated like an expired one: [§5](../../../docs/reference/graph-sharepoint-lists.md#5-delta) says answer 410 and restart.
    if (err instanceof SyntaxError) return undefined;
    throw err;
  }
  // Any JSON may come back (null, a number, an object of the wrong shape): check every member.
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const s = parsed as Partial<Record<keyof DeltaState, unknown>>;
  const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
  const valid =
    typeof s.l === "string" &&
    s.l.toLowerCase() === listId.toLowerCase() &&
    (s.m === "e" || s.m === "c") &&
    isCount(s.s) &&
    isCount(s.u) &&
    isCount(s.a) &&
    s.s <= currentSeq &&
    s.u <= currentSeq;
  return valid ? (s as DeltaState) : undefined;
}

export function delta(ctx: HandlerContext, site: SiteRecord, list: ListRecord): EmulatorResponse {
  allowOnly(ctx, ["token", "expand", "select", "top"]);
  const schema = new ListSchema(ctx.store.columnsOf(list.id));
  const view = parseItemView(ctx);
  const top = parseTop(ctx.query.params.get("top"));
  const current = ctx.store.currentSeq(list.id);
  const token = ctx.query.params.get("token");
  const link = (state: DeltaState) => selfLink(ctx, [`token=${encode(state)}`]);
  const base = { "@odata.context": `${ctx.req.origin}/v1.0/$metadata#Collection(listItem)` };

  if (token === "latest") {
    return ok({ ...base, value: [], "@odata.deltaLink": link({ l: list.id, m: "c", s: current, u: 0, a: 0 }) });
  }
  let state: DeltaState;
  if (token === undefined) state = { l: list.id, m: "e", s: 0, u: current, a: 0 };
  else {
    const decoded = decode(token, list.id, current);
    // [§5](../../../docs/reference/graph-sharepoint-lists.md#5-delta): an invalid or expired token → 410 with a Location that starts a fresh enumeration.
    if (!decoded) throw GraphErrors.resyncRequired(selfLink(ctx, []));
    state = decoded.u === 0 ? { ...decoded, u: current } : decoded;
  }

  const value: Record<string, unknown>[] = [];
  let resumeAt: number | undefined;
  if (state.m === "e") {
    const page = ctx.store.pageItems(list.id, state.a, top + 1);
    for (const item of page.slice(0, top)) value.push(renderItem(ctx, schema, item, list, site, view));
    if (page.length > top) resumeAt = page[top - 1]?.id;
  } else {
    // [§5](../../../docs/reference/graph-sharepoint-lists.md#5-delta): "the latest state for each item, not each change"; deletions in the same feed.
    const changes = [
      ...ctx.store.changedItems(list.id, state.s, state.u).map((item) => ({ seq: item.seq, render: () => renderItem(ctx, schema, item, list, site, view) })),
      ...ctx.store.deletedItems(list.id, state.s, state.u).map((t) => ({ seq: t.seq, render: () => deletedItemJson(t.id, site) })),
    ]
      .filter((c) => c.seq > state.a)
      .sort((x, y) => x.seq - y.seq);
    for (const c of changes.slice(0, top)) value.push(c.render());
    if (changes.length > top) resumeAt = changes[top - 1]?.seq;
  }
  if (resumeAt !== undefined) return ok({ ...base, value, "@odata.nextLink": link({ ...state, a: resumeAt }) });
  return ok({ ...base, value, "@odata.deltaLink": link({ l: list.id, m: "c", s: state.u, u: 0, a: 0 }) });
}
