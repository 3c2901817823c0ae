import { describe, expect, it } from "vitest";
import { TokenBucket } from "../../../src/server/features/reminders/token-bucket";

/** A manual clock and timer queue, so the bucket's pacing is checked without waiting. */
function fakeTime() {
  let now = 0;
  const timers: Array<{ at: number; fn: () => void }> = [];
  return {
    clock: () => now,
    schedule: (fn: () => void, ms: number) => void timers.push({ at: now + ms, fn }),
    /** Moves the clock on, running the timers that fall due in order. */
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > until) break;
        timers.shift();
        now = next.at;
        next.fn();
        await Promise.resolve();
      }
      now = until;
      await Promise.resolve();
    },
  };
}

async function settled(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe("TokenBucket (requests per one-second window, counted from the answers)", () => {
  it("starts full: the whole allowance goes out at once, the next request waits", async () => {
    const t = fakeTime();
    const bucket = new TokenBucket(3, t.clock, t.schedule);
    const granted: number[] = [];
    const takes = [1, 2, 3, 4].map((n) => bucket.take().then((done) => (granted.push(n), done)));
    await settled();
    expect(granted).toEqual([1, 2, 3]);
    expect(bucket.available).toBe(0);
    const [done1] = await Promise.all(takes.slice(0, 3));
    await t.advance(5000);
    expect(granted).toEqual([1, 2, 3]); // no answer yet: the token stays out
    done1!();
    await t.advance(999);
    await settled();
    expect(granted).toEqual([1, 2, 3]);
    await t.advance(1);
    await settled();
    expect(granted).toEqual([1, 2, 3, 4]);
  });

  it("gives a token back one window after the answer, once however often done is called", async () => {
    const t = fakeTime();
    const bucket = new TokenBucket(2, t.clock, t.schedule);
    const done = await bucket.take();
    await t.advance(300);
    done();
    done();
    await t.advance(1000);
    expect(bucket.available).toBe(2);
  });

  it("never lets more than the allowance be counted in any one window, whatever the delays", async () => {
    const t = fakeTime();
    const perSecond = 5;
    const bucket = new TokenBucket(perSecond, t.clock, t.schedule);
    const countedAt: number[] = [];
    // 40 requests; each is counted by the connector 0–90 ms after it was sent and answered 0–60 ms later.
    const sends = Array.from({ length: 40 }, (_, i) =>
      bucket.take().then((done) => {
        const arrive = (i * 37) % 91;
        t.schedule(() => {
          countedAt.push(t.clock());
          t.schedule(done, (i * 53) % 61);
        }, arrive);
      }),
    );
    for (let i = 0; i < 200 && countedAt.length < 40; i++) await t.advance(50);
    await Promise.all(sends);
    expect(countedAt).toHaveLength(40);
    countedAt.sort((a, b) => a - b);
    for (let i = perSecond; i < countedAt.length; i++) expect(countedAt[i]! - countedAt[i - perSecond]!).toBeGreaterThanOrEqual(1000);
  });

  it("hands out nothing while paused for a Retry-After", async () => {
    const t = fakeTime();
    const bucket = new TokenBucket(5, t.clock, t.schedule);
    bucket.pause(2000);
    let granted = false;
    void bucket.take().then(() => (granted = true));
    await t.advance(1999);
    await settled();
    expect(granted).toBe(false);
    await t.advance(1);
    await settled();
    expect(granted).toBe(true);
  });
});
