/**
 * Every request has an overall deadline across its Graph retries: a throttled service is waited
 * for only while the budget lasts (not 8 tries × up to 60 s), and a request's own deadline, set
 * once at the edge, bounds every Graph call made while serving it.
 */
import { describe, expect, it } from "vitest";
import { GraphError } from "@microsoft/microsoft-graph-client";
import { retryPolicy, withDeadline, withRetry } from "../../src/graph/retry";
import { retryVerdictFor } from "../../src/graph/graph-api";

function throttled(retryAfterSeconds: number): GraphError {
  const e = new GraphError(429, "throttled");
  e.headers = new Headers({ "Retry-After": String(retryAfterSeconds) });
  return e;
}

/** A clock that moves only when the retry loop sleeps. */
function fakeTime() {
  let now = 1_000_000;
  const waits: number[] = [];
  return { waits, now: () => now, sleep: async (ms: number) => void (waits.push(ms), (now += ms)) };
}

describe("the retry budget", () => {
  it("stops retrying once the next wait would pass the budget, and fails with the last error", async () => {
    const time = fakeTime();
    const policy = retryPolicy({ maxAttempts: 8, maxDelayMs: 60_000, budgetMs: 25_000, sleep: time.sleep, now: time.now });
    let attempts = 0;
    const err = await withRetry(
      policy,
      async () => {
        attempts++;
        throw throttled(10);
      },
      retryVerdictFor,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect(time.waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(25_000);
    expect(attempts).toBe(3);
  });

  it("a request's deadline bounds every call made inside it, whatever the policy allows", async () => {
    const time = fakeTime();
    const policy = retryPolicy({ maxAttempts: 8, maxDelayMs: 60_000, budgetMs: 600_000, sleep: time.sleep, now: time.now });
    let attempts = 0;
    const fail = () =>
      withRetry(
        policy,
        async () => {
          attempts++;
          throw throttled(4);
        },
        retryVerdictFor,
      );
    await withDeadline(time.now() + 10_000, async () => {
      await expect(fail()).rejects.toBeInstanceOf(GraphError);
      // The deadline is shared: a second call after the first used it up is not retried at all.
      await expect(fail()).rejects.toBeInstanceOf(GraphError);
    });
    expect(time.waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10_000);
    expect(attempts).toBe(3 + 1);
  });
});
