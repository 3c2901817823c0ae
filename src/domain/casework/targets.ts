/**
 * Targets in force: set on or before a day and not yet ended (amended away at a review, or ended
 * at closure). A child is "working towards individual targets" while at least one is in force.
 */
import type { Target } from "../../schemas/casework/records";

/** In force at the end of `date`: set on or before it, ended after it (or not ended). */
export function targetsInForceOn<T extends Pick<Target, "setAt" | "endedAt">>(targets: readonly T[], date: string): T[] {
  return targets.filter((t) => t.setAt <= date && (t.endedAt === undefined || t.endedAt > date));
}

/** In force on at least one day from `from` to `to` (inclusive). */
export function targetsInForceDuring<T extends Pick<Target, "setAt" | "endedAt">>(targets: readonly T[], from: string, to: string): T[] {
  return targets.filter((t) => t.setAt <= to && (t.endedAt === undefined || t.endedAt >= from));
}
