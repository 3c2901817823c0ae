/**
 * Dates, times and field ids every tab page shows the same way: UK time whatever the browser's zone
 * (meetings happen in Kent; the rules are the domain's, src/domain/time), and one id per dotted field
 * path so error summaries can link to fields.
 */
import { UK_ZONE } from "../../src/domain/time/uk-zone";

/** The element id of a field's control, from its dotted path (error summary links use it). */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

// The browser's own time zone data, not luxon's ukDateOf (the same answer, tests/tabs/shell): a page
// needs today's date before its first paint, and luxon is 70 KB that most pages never need.
const UK_CALENDAR_DATE = new Intl.DateTimeFormat("en-GB", { timeZone: UK_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in the UK (YYYY-MM-DD): the `asOf` for the shared validation rules. */
export function ukToday(now: Date = new Date()): string {
  const parts = Object.fromEntries(UK_CALENDAR_DATE.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export { formatDate, formatDateTime, formatTime } from "../../src/domain/time/format";

/** A fresh random key (idempotency keys, new item ids), with a prefix saying what it is for. */
export function newKey(prefix: string): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return `${prefix}-${crypto.randomUUID()}`;
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
