/**
 * Dates, times and field ids every tab page shows the same way: UK time whatever the browser's zone
 * (meetings happen in Kent; the rules are the domain's, src/domain/time), and one id per dotted field
 * path so error summaries can link to fields.
 */
import { ukDateOf } from "../../src/domain/time/uk-clock";

/** The element id of a field's control, from its dotted path (error summary links use it). */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** Today's date in the UK (YYYY-MM-DD): the `asOf` for the shared validation rules. */
export function ukToday(now: Date = new Date()): string {
  return ukDateOf(now);
}

export { formatDate, formatDateTime, formatTime } from "../../src/domain/time/format";

/** A fresh random key (idempotency keys, new item ids), with a prefix saying what it is for. */
export function newKey(prefix: string): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return `${prefix}-${crypto.randomUUID()}`;
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
