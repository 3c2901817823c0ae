/**
 * The emulator's error catalogue. One factory per Graph error the emulator can produce, named after
 * Graph's own `error.code` ([graph-sharepoint-lists.md §7.1](../../docs/reference/graph-sharepoint-lists.md#71-error-body): "code against error codes").
 * Handlers and the store only `throw GraphErrors.x(...)`; http/respond.ts turns a GraphError into
 * Graph's body `{error:{code,message,innerError:{date,request-id,client-request-id}}}`.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra members of innerError (the 429 body carries code/status/message there, [§7.2](../../docs/reference/graph-sharepoint-lists.md#72-graph-throttling)). */
    readonly innerExtra: Record<string, string> = {},
  ) {
    super(message);
    this.name = "GraphError";
  }
}

export const GraphErrors = {
  /** [§7.1](../../docs/reference/graph-sharepoint-lists.md#71-error-body): 401 bodies use InvalidAuthenticationToken. */
  invalidAuthenticationToken: (message = "Access token is empty.") =>
    new GraphError(401, "InvalidAuthenticationToken", message),
  /** [§4.1](../../docs/reference/graph-sharepoint-lists.md#41-creating-an-item), [§3.3](../../docs/reference/graph-sharepoint-lists.md#33-filtering): the generic 400 for bad input (unknown field, non-indexed filter, bad value). */
  invalidRequest: (message: string) => new GraphError(400, "invalidRequest", message),
  /** [§4.1](../../docs/reference/graph-sharepoint-lists.md#41-creating-an-item): the exact wording for an unknown field name. */
  fieldNotRecognized: (name: string) => new GraphError(400, "invalidRequest", `Field '${name}' is not recognized`),
  /** [§3.3](../../docs/reference/graph-sharepoint-lists.md#33-filtering): the exact wording SharePoint uses for filter/orderby on a non-indexed column. */
  notIndexed: (name: string) =>
    new GraphError(
      400,
      "invalidRequest",
      `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
    ),
  /** Graph's wording for an unknown URL segment. */
  badSegment: (segment: string) => new GraphError(400, "BadRequest", `Resource not found for the segment '${segment}'.`),
  methodNotAllowed: (method: string) =>
    new GraphError(405, "BadRequest", `The HTTP method '${method}' is not allowed for this resource.`),
  /** [§1.2](../../docs/reference/graph-sharepoint-lists.md#12-site-by-hostname-and-path) / [§2.2](../../docs/reference/graph-sharepoint-lists.md#22-getting-one-list) / [§4.3](../../docs/reference/graph-sharepoint-lists.md#43-deleting-an-item): 404 itemNotFound with the messages seen on the real service. */
  siteNotFound: () => new GraphError(404, "itemNotFound", "Requested site could not be found"),
  listNotFound: () => new GraphError(404, "itemNotFound", "The specified list was not found"),
  itemNotFound: () => new GraphError(404, "itemNotFound", "Item not found"),
  columnNotFound: () => new GraphError(404, "itemNotFound", "The specified column was not found"),
  /** [§4.2](../../docs/reference/graph-sharepoint-lists.md#42-updating-fields): 412 on an If-Match mismatch. The code is [UNK] in the contract; resourceModified is its guess. */
  resourceModified: () =>
    new GraphError(412, "resourceModified", "The resource has changed since the caller last read it; usually an eTag mismatch"),
  /** Duplicate list title or column name, and a unique-column violation ([UNK] codes: nameAlreadyExists is Graph's conflict code). */
  nameAlreadyExists: (message: string) => new GraphError(409, "nameAlreadyExists", message),
  /** [§5](../../docs/reference/graph-sharepoint-lists.md#5-delta): an unknown or expired delta token → 410 with a Location that restarts enumeration. */
  resyncRequired: (location: string) =>
    new GraphError(410, "resyncRequired", "The delta token is no longer valid; restart enumeration from the Location header", {
      Location: location,
    }),
  /** [§6.2](../../docs/reference/graph-sharepoint-lists.md#62-batch-responses): a request whose dependency failed. */
  failedDependency: () => new GraphError(424, "failedDependency", "The request depends on a request that failed"),
  /** [§7.2](../../docs/reference/graph-sharepoint-lists.md#72-graph-throttling): the throttled body, innerError carrying code/status/message. */
  tooManyRequests: (retryAfterSeconds: number) =>
    new GraphError(
      429,
      "TooManyRequests",
      "Please retry again later.",
      { "Retry-After": String(retryAfterSeconds) },
      { code: "429", status: "429", message: "Please retry after" },
    ),
  /** [§7.3](../../docs/reference/graph-sharepoint-lists.md#73-sharepoint-throttling): SharePoint's 503 "Server Too Busy", also with Retry-After. */
  serviceNotAvailable: (retryAfterSeconds: number) =>
    new GraphError(503, "serviceNotAvailable", "The service is temporarily unavailable. Please retry after the time in Retry-After.", {
      "Retry-After": String(retryAfterSeconds),
    }),
  payloadTooLarge: () => new GraphError(413, "invalidRequest", "The request body is too large"),
  /**
   * [Strict by default](../../docs/reference/architecture.md#strict-by-default): whatever the emulator does not implement fails loudly
   * instead of being guessed. 501 so that nobody mistakes it for a real-service answer.
   */
  notImplemented: (what: string) =>
    new GraphError(501, "notImplemented", `The Graph emulator does not implement ${what}.`),
  /** [§12.4](../../docs/reference/graph-sharepoint-lists.md#124-upload-sessions): a fragment that does not start where the session expects it. The code is [UNK]. */
  invalidRange: (message: string) => new GraphError(416, "invalidRange", message),
  /** [§12.4](../../docs/reference/graph-sharepoint-lists.md#124-upload-sessions): an unknown, finished, cancelled or expired upload session ([UNK] message). */
  uploadSessionNotFound: () => new GraphError(404, "itemNotFound", "The upload session was not found or has expired"),
  generalException: (message: string) => new GraphError(500, "generalException", message),
};
