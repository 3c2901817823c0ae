/** What every resource handler receives: the store, the request and its parsed query options. */
import { GraphErrors } from "../errors";
import type { EmulatorRequest } from "../http/types";
import type { QueryOptions } from "../query/options";
import type { SqliteStore } from "../store/SqliteStore";

export interface HandlerContext {
  store: SqliteStore;
  req: EmulatorRequest;
  query: QueryOptions;
}

/** The Prefer token that lifts the indexed-column rule ([§3.3](../../../docs/reference/graph-sharepoint-lists.md#33-filtering)). */
export const NON_INDEXED_PREFER = "honornonindexedquerieswarningmayfailrandomly";

export function prefersNonIndexed(req: EmulatorRequest): boolean {
  return (req.headers.prefer ?? "").toLowerCase().includes(NON_INDEXED_PREFER);
}

/** Rejects query options an endpoint does not implement (strict by default). */
export function allowOnly(ctx: HandlerContext, allowed: string[]): void {
  for (const key of ctx.query.params.keys()) {
    if (!allowed.includes(key)) throw notSupportedOption(key);
  }
}

function notSupportedOption(key: string) {
  return GraphErrors.notImplemented(`the query option '$${key}' on this resource`);
}

export function requireObject(body: unknown, what: string): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw GraphErrors.invalidRequest(`${what} must be a JSON object`);
  return body as Record<string, unknown>;
}

/** [§0](../../../docs/reference/graph-sharepoint-lists.md#0-rules-for-every-endpoint): links are absolute, on the origin the client used, under /v1.0. */
export function selfLink(ctx: HandlerContext, extraPairs: string[]): string {
  const pairs = ctx.query.rawPairs.filter((p) => p.key !== "skiptoken" && p.key !== "token").map((p) => p.raw);
  const qs = [...pairs, ...extraPairs].join("&");
  return `${ctx.req.origin}/v1.0${ctx.req.path}${qs ? `?${qs}` : ""}`;
}
