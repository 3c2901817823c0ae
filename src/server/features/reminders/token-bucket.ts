/**
 * Paces proactive sends to Teams' per-app limit (50 requests a second per tenant,
 * [teams-platform.md §4.3](../../../../docs/reference/teams-platform.md#43-rate-limits)), as the
 * connector counts them: at most `perSecond` requests in any one-second window.
 *
 * The bucket starts full: up to `perSecond` requests may be in flight at once. A token comes back to
 * the bucket one second after its request's answer arrived (the caller calls the `done` that `take`
 * gave it). The answer arrives after the connector counted the request, and the next request that
 * uses the token is counted after it is sent, so two requests on one token are always more than a
 * second apart at the connector, whatever the network delay: no margin is needed and the allowance
 * is used fully. A rate-based bucket has to stay below the limit instead (jitter between our clock
 * and the connector's would otherwise give 429s).
 *
 * One bucket per process is shared by every send and card update; a 429 pauses it for the
 * Retry-After, for everyone, as Company Communicator's global throttle did.
 */
export class TokenBucket {
  private tokens: number;
  private pausedUntil = 0;
  /** Callers waiting for a token, served in order. */
  private readonly waiting: Array<() => void> = [];
  private wakeAt: number | undefined;

  constructor(
    private readonly perSecond: number,
    private readonly clock: () => number = () => performance.now(),
    private readonly schedule: (fn: () => void, ms: number) => void = (fn, ms) => void setTimeout(fn, ms),
    private readonly windowMs = 1000,
  ) {
    if (!Number.isInteger(perSecond) || perSecond < 1) throw new Error("a token bucket needs a whole number of requests a second");
    this.tokens = perSecond;
  }

  /**
   * Resolves when the caller may send one request, with `done`: call it once the request's answer
   * (success or failure) has arrived; the token returns to the bucket a window later. Callers are
   * served in order.
   */
  take(): Promise<() => void> {
    return new Promise((resolve) => {
      this.waiting.push(() => resolve(this.release()));
      this.serve();
    });
  }

  /** Stop handing out tokens for this long (a 429's Retry-After). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock() + ms);
  }

  /** Tokens free now (for tests and diagnostics). */
  get available(): number {
    return this.tokens;
  }

  private release(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.schedule(() => {
        this.tokens++;
        this.serve();
      }, this.windowMs);
    };
  }

  private serve(): void {
    const now = this.clock();
    if (now < this.pausedUntil) {
      this.wakeUpAt(this.pausedUntil);
      return;
    }
    while (this.tokens > 0 && this.waiting.length > 0) {
      this.tokens--;
      this.waiting.shift()!();
    }
  }

  private wakeUpAt(at: number): void {
    if (this.wakeAt !== undefined && this.wakeAt <= at) return;
    this.wakeAt = at;
    this.schedule(() => {
      this.wakeAt = undefined;
      this.serve();
    }, Math.max(0, at - this.clock()));
  }
}
