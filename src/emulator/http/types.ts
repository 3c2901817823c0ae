/**
 * The transport-independent request/response the handlers see. The HTTPS listener and the
 * $batch handler both build an EmulatorRequest, so a sub-request of a batch runs exactly the
 * same code as a top-level request ([§6](../../../docs/reference/graph-sharepoint-lists.md#6-json-batching)).
 */
export interface EmulatorRequest {
  method: string;
  /** Path after `/v1.0`, starting with `/`, still percent-encoded (e.g. `/sites/root/lists`). */
  path: string;
  /** Raw query string without `?`. */
  query: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: unknown;
  /** The raw bytes of a file upload (`PUT …/content`, an upload session's fragments); JSON bodies are in `body`. */
  rawBody?: Buffer;
  /** `https://localhost:3979` as the client addressed us; nextLink/deltaLink are built on it ([§10.1](../../../docs/reference/graph-sharepoint-lists.md#101-https-and-absolute-links)). */
  origin: string;
  requestId: string;
  clientRequestId: string;
  /** True for a $batch sub-request (a nested $batch is rejected). */
  inBatch: boolean;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** [§0](../../../docs/reference/graph-sharepoint-lists.md#0-rules-for-every-endpoint): Graph's JSON content type (the JS client parses bodies whose type before `;` is application/json). */
export const JSON_CONTENT_TYPE = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

/** A created item's time stamps: ISO-8601 UTC without a fraction ([§0](../../../docs/reference/graph-sharepoint-lists.md#0-rules-for-every-endpoint)). */
export function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** innerError.date has no Z and no fraction ([§7.1](../../../docs/reference/graph-sharepoint-lists.md#71-error-body)). */
export function errorDate(): string {
  return new Date().toISOString().slice(0, 19);
}
