/**
 * A thin request layer over the Graph client: every call goes through the retry policy, errors keep
 * their HTTP status, and `$batch` is chunked to 20 with only the throttled sub-requests retried.
 */
import { GraphError, type Client } from "@microsoft/microsoft-graph-client";
import { AppError } from "../errors";
import type { GraphConnection } from "./client";
import { DEFAULT_RETRY_POLICY, isRetryableStatus, mayWait, parseRetryAfter, withRetry, backoffDelay, type RetryPolicy, type RetryVerdict } from "./retry";

/** [§6.1](../../docs/reference/graph-sharepoint-lists.md#61-batch-requests): "Limit: 20 requests" per `$batch`; the JS client refuses a 21st itself ([§8.6](../../docs/reference/graph-sharepoint-lists.md#86-responses-errors-pageiterator-and-batch-helpers)). */
export const BATCH_LIMIT = 20;

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

export interface BatchStep {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Relative to the version root, e.g. `/sites/{id}/lists/{id}/items` ([§6.1](../../docs/reference/graph-sharepoint-lists.md#61-batch-requests): relative urls). */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface BatchOutcome {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  /** How many times this step was sent; >1 means an earlier try may have been applied ([§7.4](../../docs/reference/graph-sharepoint-lists.md#74-what-a-client-should-do)). */
  attempts: number;
}

/** The HTTP status of an error from the client, or undefined for non-HTTP failures. */
export function statusOf(err: unknown): number | undefined {
  if (err instanceof GraphError && err.statusCode > 0) return err.statusCode;
  return undefined;
}

/** A network failure (no HTTP answer at all): the client reports statusCode -1. */
function isNetworkError(err: unknown): boolean {
  if (err instanceof GraphError) return err.statusCode <= 0;
  return err instanceof TypeError;
}

export function retryVerdictFor(err: unknown): RetryVerdict {
  if (isNetworkError(err)) return { retry: true };
  const status = statusOf(err);
  if (!isRetryableStatus(status)) return { retry: false };
  const headers = err instanceof GraphError ? err.headers : undefined;
  return { retry: true, retryAfterMs: parseRetryAfter(headers?.get("retry-after")) };
}

/**
 * Turns a final Graph failure into the app's error type. Graph's details (status, code, message,
 * request id) go in `upstream` and the message, for logs and commands; an API answer never carries
 * them (src/server/app/http-errors.ts).
 */
export function toAppError(err: unknown, what: string): AppError {
  if (AppError.isAppError(err)) return err;
  const status = statusOf(err);
  const graph = err instanceof GraphError ? { status: err.statusCode, code: err.code, message: err.message, requestId: err.requestId } : undefined;
  const message = `${what}: ${graph ? `${graph.status} ${graph.code ?? ""} ${graph.message}`.trim() : (err as Error)?.message ?? String(err)}`;
  const options = { upstream: graph ?? { message: (err as Error)?.message ?? String(err) }, cause: err };
  switch (status) {
    case 404:
      return new AppError("not_found", message, options);
    case 409:
      return new AppError("conflict", message, options);
    case 412:
      return new AppError("precondition_failed", message, options);
    case 429:
    case 503:
      return new AppError("too_many_requests", message, options);
    case 400:
      return new AppError("bad_request", message, options);
    default:
      return new AppError("upstream_failed", message, options);
  }
}

export class GraphApi {
  readonly client: Client;
  readonly baseUrl: string;

  constructor(
    readonly connection: GraphConnection,
    readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {
    this.client = connection.client;
    this.baseUrl = connection.baseUrl;
  }

  /** One request, retried by the policy. `path` may be relative or an absolute nextLink ([§3.5](../../docs/reference/graph-sharepoint-lists.md#35-paging)). */
  async request<T = unknown>(
    method: "GET" | "POST" | "PATCH" | "DELETE",
    path: string,
    options: RequestOptions = {},
    onAttempt?: (attempt: number) => void,
  ): Promise<T> {
    return withRetry(
      this.policy,
      (attempt) => {
        onAttempt?.(attempt);
        return this.once<T>(method, path, options);
      },
      retryVerdictFor,
    );
  }

  /** One request, no retry. */
  async once<T = unknown>(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, options: RequestOptions = {}): Promise<T> {
    let req = this.client.api(path);
    if (options.headers) req = req.headers(options.headers);
    switch (method) {
      case "GET":
        return (await req.get()) as T;
      case "POST":
        return (await req.post(options.body ?? {})) as T;
      case "PATCH":
        return (await req.patch(options.body ?? {})) as T;
      case "DELETE":
        return (await req.delete()) as T;
    }
  }

  /**
   * Runs the steps through `$batch` in chunks of 20 ([§6.1](../../docs/reference/graph-sharepoint-lists.md#61-batch-requests)). Sub-requests answered 429/503/504 are
   * sent again in a new batch after the longest of their Retry-After values ([§6.3](../../docs/reference/graph-sharepoint-lists.md#63-throttling-inside-a-batch): "retry all the
   * failed requests in a new batch after the longest retry-after value"); the others are final.
   * Outcomes come back in the order of `steps`.
   */
  async batch(steps: readonly BatchStep[]): Promise<BatchOutcome[]> {
    const outcomes: BatchOutcome[] = new Array(steps.length);
    const attempts = new Array<number>(steps.length).fill(0);
    let pending = steps.map((_, i) => i);
    const startedAt = this.policy.now();
    for (let round = 1; pending.length > 0; round++) {
      const retryLater: number[] = [];
      let longestWait: number | undefined;
      for (let start = 0; start < pending.length; start += BATCH_LIMIT) {
        const chunk = pending.slice(start, start + BATCH_LIMIT);
        const { responses, sends } = await this.sendBatch(chunk.map((i) => steps[i] as BatchStep));
        chunk.forEach((stepIndex, j) => {
          // A `$batch` POST retried as a whole (its answer lost) sent every step in it again.
          attempts[stepIndex] = (attempts[stepIndex] ?? 0) + sends;
          const r = responses[j] as { status: number; body: unknown; headers: Record<string, string> };
          const outcome: BatchOutcome = { ...r, attempts: attempts[stepIndex] ?? 1 };
          outcomes[stepIndex] = outcome;
          if (isRetryableStatus(r.status) && round < this.policy.maxAttempts) {
            retryLater.push(stepIndex);
            const wait = parseRetryAfter(headerValue(r.headers, "retry-after"));
            if (wait !== undefined) longestWait = Math.max(longestWait ?? 0, wait);
          }
        });
      }
      if (retryLater.length > 0) {
        const wait = backoffDelay(this.policy, round, longestWait);
        // Out of time: the throttled steps keep their 429/503 outcome and the caller reports it.
        if (!mayWait(this.policy, startedAt, wait)) break;
        await this.policy.sleep(wait);
      }
      pending = retryLater;
    }
    return outcomes;
  }

  /** One `$batch` POST of at most 20 steps; the POST itself is retried when throttled as a whole. */
  private async sendBatch(
    steps: readonly BatchStep[],
  ): Promise<{ responses: Array<{ status: number; body: unknown; headers: Record<string, string> }>; sends: number }> {
    let sends = 0;
    const requests = steps.map((s, i) => {
      const headers = { ...(s.headers ?? {}) };
      // [§6.1](../../docs/reference/graph-sharepoint-lists.md#61-batch-requests): a body requires a Content-Type header in the step.
      if (s.body !== undefined) headers["Content-Type"] = "application/json";
      return {
        id: String(i + 1),
        method: s.method,
        url: s.url,
        ...(Object.keys(headers).length > 0 ? { headers } : {}),
        ...(s.body !== undefined ? { body: s.body } : {}),
      };
    });
    const answer = await this.request<{ responses?: Array<{ id: string; status: number; body?: unknown; headers?: Record<string, string> }> }>(
      "POST",
      "/$batch",
      { body: { requests } },
      (n) => (sends = n),
    );
    // [§6.2](../../docs/reference/graph-sharepoint-lists.md#62-batch-responses): "Individual responses might appear in a different order than the requests."
    const byId = new Map((answer?.responses ?? []).map((r) => [String(r.id), r]));
    const responses = requests.map((req) => {
      const r = byId.get(req.id);
      if (!r) throw new AppError("upstream_failed", `The $batch answer has no response for request ${req.id}`);
      return { status: r.status, body: r.body, headers: r.headers ?? {} };
    });
    return { responses, sends };
  }
}

/** Header lookup that ignores case (sub-response header names are not normalised, [§6.2](../../docs/reference/graph-sharepoint-lists.md#62-batch-responses)). */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** The Graph error object of a failed batch sub-response, for messages. */
export function subError(body: unknown): { code?: string; message?: string } {
  const e = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return { code: e?.code, message: e?.message };
}
