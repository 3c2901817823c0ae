// §n in test names: [graph-sharepoint-lists.md](../../docs/reference/graph-sharepoint-lists.md).
import { describe, expect, it } from "vitest";
import { GraphError } from "@microsoft/microsoft-graph-client";
import { backoffDelay, parseRetryAfter, retryPolicy, withRetry } from "../../src/graph/retry";
import { retryVerdictFor } from "../../src/graph/graph-api";

function fakeClock() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

function throttled(status: number, retryAfter?: string): GraphError {
  const e = new GraphError(status, "throttled");
  e.headers = new Headers(retryAfter === undefined ? {} : { "Retry-After": retryAfter });
  return e;
}

describe("Retry-After", () => {
  it("reads delay-seconds and HTTP-dates (§8.4)", () => {
    expect(parseRetryAfter("10")).toBe(10_000);
    expect(parseRetryAfter("0")).toBe(0);
    const now = Date.parse("2026-01-01T12:00:00Z");
    expect(parseRetryAfter("Thu, 01 Jan 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });

  it("waits exactly Retry-After, capped by the policy", () => {
    const policy = retryPolicy({ maxDelayMs: 60_000 });
    expect(backoffDelay(policy, 1, 10_000)).toBe(10_000);
    expect(backoffDelay(policy, 5, 120_000)).toBe(60_000);
    expect(backoffDelay(retryPolicy({ maxDelayMs: 5 }), 1, 10_000)).toBe(5);
  });

  it("backs off exponentially with jitter when there is no Retry-After", () => {
    const low = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0 });
    const high = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0.999 });
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(low, n, undefined))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(high, n, undefined))).toEqual([100, 200, 400, 800, 1000]);
  });
});

describe("withRetry", () => {
  it("retries 429, 503 and 504 honouring Retry-After, then succeeds", async () => {
    const clock = fakeClock();
    const policy = retryPolicy({ sleep: clock.sleep, random: () => 0.5 });
    const failures = [throttled(429, "2"), throttled(503, "1"), throttled(504)];
    const seen: number[] = [];
    const result = await withRetry(
      policy,
      async (attempt) => {
        seen.push(attempt);
        const f = failures.shift();
        if (f) throw f;
        return "ok";
      },
      retryVerdictFor,
    );
    expect(result).toBe("ok");
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(clock.waits).toEqual([2_000, 1_000, 1_500]); // third: no Retry-After → 500·2² · (0.5 + 0.5·0.5)
  });

  it("does not retry other errors", async () => {
    const clock = fakeClock();
    let calls = 0;
    await expect(
      withRetry(retryPolicy({ sleep: clock.sleep }), async () => {
        calls++;
        throw throttled(400);
      }, retryVerdictFor),
    ).rejects.toMatchObject({ statusCode: 400 });
    expect(calls).toBe(1);
    expect(clock.waits).toEqual([]);
  });

  it("gives up after maxAttempts with the last error", async () => {
    const clock = fakeClock();
    let calls = 0;
    await expect(
      withRetry(retryPolicy({ sleep: clock.sleep, maxAttempts: 4 }), async () => {
        calls++;
        throw throttled(429, "0");
      }, retryVerdictFor),
    ).rejects.toMatchObject({ statusCode: 429 });
    expect(calls).toBe(4);
    expect(clock.waits).toEqual([0, 0, 0]);
  });

  it("retries network failures (no HTTP answer)", () => {
    expect(retryVerdictFor(new GraphError(-1, "fetch failed")).retry).toBe(true);
    expect(retryVerdictFor(new TypeError("fetch failed")).retry).toBe(true);
  });
});
