/**
 * POST /$batch ([§6](../../../docs/reference/graph-sharepoint-lists.md#6-json-batching)). Each sub-request runs through the same dispatcher as a top-level request.
 * Requests run in dependency order (one at a time, so `dependsOn` chains see earlier writes);
 * a request whose dependency failed gets 424. Throttling is decided per sub-request ([§6.3](../../../docs/reference/graph-sharepoint-lists.md#63-throttling-inside-a-batch)):
 * the batch answers 200 and the throttled ones carry their own 429 + Retry-After.
 */
import { GraphErrors } from "../errors";
import { errorResponse } from "../http/respond";
import type { EmulatorRequest, EmulatorResponse } from "../http/types";
import { requireObject } from "./context";

/** [§6.1](../../../docs/reference/graph-sharepoint-lists.md#61-batch-requests): at most 20 requests. */
export const BATCH_LIMIT = 20;

interface SubRequest {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

export type SubRunner = (req: EmulatorRequest) => Promise<EmulatorResponse>;

export async function batch(req: EmulatorRequest, run: SubRunner): Promise<EmulatorResponse> {
  if (req.inBatch) throw GraphErrors.invalidRequest("A $batch request cannot contain another $batch");
  const requests = parseRequests(req.body);
  const results = new Map<string, EmulatorResponse>();
  const responses: Array<Record<string, unknown>> = [];
  const pending = [...requests];
  while (pending.length > 0) {
    const index = pending.findIndex((r) => r.dependsOn.every((d) => results.has(d.toLowerCase())));
    if (index < 0) throw GraphErrors.invalidRequest("The dependsOn graph of the batch has a cycle");
    const sub = pending.splice(index, 1)[0] as SubRequest;
    const failedDep = sub.dependsOn.some((d) => (results.get(d.toLowerCase())?.status ?? 0) >= 400);
    const subReq = toEmulatorRequest(req, sub);
    const res = failedDep ? errorResponse(GraphErrors.failedDependency(), subReq) : await run(subReq);
    results.set(sub.id.toLowerCase(), res);
    responses.push(toSubResponse(sub.id, res));
  }
  return { status: 200, body: { responses } };
}

function parseRequests(body: unknown): SubRequest[] {
  const b = requireObject(body, "The batch");
  const list = b.requests;
  if (!Array.isArray(list) || list.length === 0) throw GraphErrors.invalidRequest("The batch must have a non-empty 'requests' array");
  // Observed wording for more than 20 ([§6.1](../../../docs/reference/graph-sharepoint-lists.md#61-batch-requests), status [UNK], 400 assumed).
  if (list.length > BATCH_LIMIT) throw GraphErrors.invalidRequest("Number of requests inside batch exceeds the limit.");
  const seen = new Set<string>();
  const out = list.map((raw, i): SubRequest => {
    const r = requireObject(raw, `Request ${i}`);
    const { id, method, url } = r;
    if (typeof id !== "string" || id === "") throw GraphErrors.invalidRequest(`Request ${i} needs a string 'id'`);
    if (seen.has(id.toLowerCase())) throw GraphErrors.invalidRequest(`Request id '${id}' is not unique in the batch`);
    seen.add(id.toLowerCase());
    if (typeof method !== "string" || !/^(GET|POST|PATCH|PUT|DELETE)$/i.test(method)) {
      throw GraphErrors.invalidRequest(`Request '${id}' has an invalid 'method'`);
    }
    if (typeof url !== "string" || url === "" || /^https?:/i.test(url)) {
      throw GraphErrors.invalidRequest(`Request '${id}' needs a relative 'url'`);
    }
    const headers: Record<string, string> = {};
    if (r.headers !== undefined) {
      for (const [k, v] of Object.entries(requireObject(r.headers, `Headers of request '${id}'`))) {
        if (typeof v !== "string") throw GraphErrors.invalidRequest(`Header '${k}' of request '${id}' must be a string`);
        headers[k.toLowerCase()] = v;
      }
    }
    // [§6.1](../../../docs/reference/graph-sharepoint-lists.md#61-batch-requests): headers are required when a body is present, and must include Content-Type.
    if (r.body !== undefined && !headers["content-type"]) {
      throw GraphErrors.invalidRequest(`Request '${id}' has a body but no Content-Type header`);
    }
    if (headers["content-type"] && !headers["content-type"].toLowerCase().startsWith("application/json")) {
      throw GraphErrors.notImplemented(`the content type '${headers["content-type"]}' in $batch (only application/json)`);
    }
    const dependsOn = r.dependsOn ?? [];
    if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== "string")) {
      throw GraphErrors.invalidRequest(`'dependsOn' of request '${id}' must be an array of ids`);
    }
    return { id, method: method.toUpperCase(), url, headers, body: r.body, dependsOn: dependsOn as string[] };
  });
  for (const r of out) {
    for (const d of r.dependsOn) {
      if (!seen.has(d.toLowerCase())) throw GraphErrors.invalidRequest(`Request '${r.id}' depends on unknown request '${d}'`);
    }
  }
  return out;
}

function toEmulatorRequest(outer: EmulatorRequest, sub: SubRequest): EmulatorRequest {
  // [§6.1](../../../docs/reference/graph-sharepoint-lists.md#61-batch-requests): relative url, with or without the leading slash; tolerate a leading version segment.
  const url = sub.url.replace(/^\/+/, "").replace(/^v1\.0\//i, "");
  const q = url.indexOf("?");
  return {
    method: sub.method,
    path: `/${q < 0 ? url : url.slice(0, q)}`,
    query: q < 0 ? "" : url.slice(q + 1),
    headers: { ...sub.headers, authorization: outer.headers.authorization ?? "" },
    body: sub.body,
    origin: outer.origin,
    requestId: outer.requestId,
    clientRequestId: outer.clientRequestId,
    inBatch: true,
  };
}

function toSubResponse(id: string, res: EmulatorResponse): Record<string, unknown> {
  // [§8.6](../../../docs/reference/graph-sharepoint-lists.md#86-responses-errors-pageiterator-and-batch-helpers)/[§10.2](../../../docs/reference/graph-sharepoint-lists.md#102-content-type-on-every-json-answer): the key must be exactly "Content-Type" for BatchResponseContent to parse the body.
  const headers: Record<string, string> = { ...(res.headers ?? {}) };
  const out: Record<string, unknown> = { id, status: res.status, headers };
  if (res.body !== undefined) {
    headers["Content-Type"] = "application/json";
    out.body = res.body;
  }
  return out;
}
