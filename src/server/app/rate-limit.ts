/**
 * A per-user rate limit for the API: a token bucket per signed-in person, kept in memory. Each
 * request takes a token; tokens come back at `perMinute` a minute up to `burst`. Without one, the
 * request is refused with 429 and a Retry-After saying when the next token is due. Generous by
 * default: a person clicking through the tabs never meets it; a script hammering the API does.
 */
import type { RequestHandler } from "express";
import { AppError } from "../../errors";

export interface RateLimitOptions {
  perMinute: number;
  burst: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets idle this long are full again, so they are dropped to keep the map small. */
const IDLE_MS = 10 * 60_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private lastSweep = 0;

  constructor(private readonly options: RateLimitOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Takes a token for `key`: undefined when allowed, else the milliseconds until one is due. */
  take(key: string): number | undefined {
    const now = this.now();
    this.sweep(now);
    const ratePerMs = this.options.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.options.burst, at: now };
    b.tokens = Math.min(this.options.burst, b.tokens + (now - b.at) * ratePerMs);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return undefined;
    }
    return Math.ceil((1 - b.tokens) / ratePerMs);
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < IDLE_MS) return;
    this.lastSweep = now;
    for (const [key, b] of this.buckets) if (now - b.at > IDLE_MS) this.buckets.delete(key);
  }
}

/** Behind `authenticate`: one bucket per person (object id). */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const limiter = new RateLimiter(options);
  return (req, res, next) => {
    const key = req.user?.oid;
    if (!key) return next();
    const waitMs = limiter.take(key);
    if (waitMs === undefined) return next();
    res.setHeader("Retry-After", String(Math.max(1, Math.ceil(waitMs / 1000))));
    next(new AppError("too_many_requests", "Too many requests in a short time. Wait a moment and try again."));
  };
}
