/**
 * The one retry policy for every Graph call the app makes (single requests and `$batch`
 * sub-requests alike).
 *
 * Why our own and not the client's RetryHandler ([graph-sharepoint-lists.md §8.4](../../docs/reference/graph-sharepoint-lists.md#84-retryhandler)): the SDK's handler
 * knows nothing about `$batch` inner statuses ("a 200 batch with inner 429s is not retried"), caps
 * its delay at 180 s with no way for a test to shorten it, and would multiply with any retry above
 * it. So the client is built without it (client.ts) and everything retries here.
 *
 * What is retried ([§7.3](../../docs/reference/graph-sharepoint-lists.md#73-sharepoint-throttling), [§7.4](../../docs/reference/graph-sharepoint-lists.md#74-what-a-client-should-do)): 429 and 503 (throttling, both with Retry-After), 504, and network
 * errors. Retrying a POST is only safe because creates carry an idempotency key (list-store.ts).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { setTimeout as sleepMs } from "node:timers/promises";

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** First backoff when the service gives no Retry-After; doubles per attempt. */
  baseDelayMs: number;
  /** Upper bound for any single wait, Retry-After included. Tests lower it to stay fast. */
  maxDelayMs: number;
  /**
   * The most one call may spend waiting between its tries, all tries together. A retry whose wait
   * would pass it is not made: the caller gets the last error instead of a request held for minutes.
   */
  budgetMs: number;
  sleep: (ms: number) => Promise<void>;
  /** 0 ≤ x < 1; injectable so tests are deterministic. */
  random: () => number;
  /** The clock the budget and deadlines are measured on (tests move it with `sleep`). */
  now: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 500,
  // [§8.4](../../docs/reference/graph-sharepoint-lists.md#84-retryhandler): the SDK's own cap is 180 s; a request thread waiting longer than a minute helps nobody.
  maxDelayMs: 60_000,
  // A person is waiting on most calls: half a minute of retries, then an answer.
  budgetMs: 30_000,
  sleep: (ms) => sleepMs(ms).then(() => undefined),
  random: Math.random,
  now: Date.now,
};

const deadlines = new AsyncLocalStorage<number>();

/**
 * Runs `fn` with a deadline (an epoch-milliseconds instant) that every Graph call made inside it
 * respects on top of its policy's budget: the HTTP edge sets one per request, so a request that
 * makes several Graph calls is still bounded as a whole.
 */
export function withDeadline<T>(deadline: number, fn: () => T): T {
  const outer = deadlines.getStore();
  return deadlines.run(outer === undefined ? deadline : Math.min(outer, deadline), fn);
}

/** Whether waiting `waitMs` more, from `now`, stays within the current deadline and the call's budget. */
export function mayWait(policy: RetryPolicy, startedAt: number, waitMs: number): boolean {
  const at = policy.now() + waitMs;
  const deadline = deadlines.getStore();
  return at - startedAt <= policy.budgetMs && (deadline === undefined || at <= deadline);
}

export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, ...overrides };
}

/** [§7.4](../../docs/reference/graph-sharepoint-lists.md#74-what-a-client-should-do): retry 429, 503 and 504. */
export function isRetryableStatus(status: number | undefined): boolean {
  return status === 429 || status === 503 || status === 504;
}

/**
 * Retry-After in milliseconds: delay-seconds or an HTTP-date ([§8.4](../../docs/reference/graph-sharepoint-lists.md#84-retryhandler) "numeric seconds, or an HTTP-date
 * converted to seconds"). Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * How long to wait before attempt `attempt + 1` (attempt counts from 1). With Retry-After: exactly
 * that ([§7.2](../../docs/reference/graph-sharepoint-lists.md#72-graph-throttling) "Wait the number of seconds specified"), capped. Without: capped exponential backoff
 * with "equal jitter" so that many clients throttled together do not retry in step.
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfterMs: number | undefined): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * policy.random());
}

/** What a failed attempt tells the loop. */
export interface RetryVerdict {
  retry: boolean;
  retryAfterMs?: number;
}

/**
 * Runs `fn` until it succeeds, `classify` says the error is final, or attempts run out. `fn` gets the
 * attempt number so callers can tell a first try from a retry (a retried create or PATCH may have
 * been applied by the service before the failure, [§7.4](../../docs/reference/graph-sharepoint-lists.md#74-what-a-client-should-do)).
 */
export async function withRetry<T>(
  policy: RetryPolicy,
  fn: (attempt: number) => Promise<T>,
  classify: (err: unknown) => RetryVerdict,
): Promise<T> {
  const startedAt = policy.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      const verdict = classify(err);
      if (!verdict.retry || attempt >= policy.maxAttempts) throw err;
      const wait = backoffDelay(policy, attempt, verdict.retryAfterMs);
      if (!mayWait(policy, startedAt, wait)) throw err;
      await policy.sleep(wait);
    }
  }
}
