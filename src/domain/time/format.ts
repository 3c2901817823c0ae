/**
 * Dates and times as people read them, always in UK time (Europe/London) whatever the reader's or the
 * server's zone: the sentence forms of messages and cards (GOV.UK style: "Friday 15 January 2027",
 * "5pm", "5pm on Friday 15 January 2027") and the compact forms of tab pages ("Fri 15 Jan 2027, 17:00").
 */
import { DateTime } from "luxon";
import { AppError } from "../../errors";
import { UK_ZONE } from "./uk-zone";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function ukDateTime(value: string): DateTime {
  // A bare date is that calendar day (no time zone shift); an instant is shown in UK time.
  const dt = ISO_DATE.test(value)
    ? DateTime.fromISO(value, { zone: UK_ZONE })
    : DateTime.fromISO(value, { setZone: true }).setZone(UK_ZONE);
  if (!dt.isValid) throw new AppError("validation_failed", `'${value}' is not an ISO date or date-time.`);
  return dt.setLocale("en-GB");
}

/** "2027-01-15" or "2027-01-15T17:00:00Z" → "Friday 15 January 2027". */
export function formatUkDate(isoDateOrInstant: string): string {
  return ukDateTime(isoDateOrInstant).toFormat("cccc d LLLL yyyy");
}

/** "Fri 15 Jan 2027", for tables and narrow cards. */
export function formatUkDateShort(isoDateOrInstant: string): string {
  return ukDateTime(isoDateOrInstant).toFormat("ccc d LLL yyyy");
}

/** UK time of day, GOV.UK style: "9am", "5:30pm", "midday", "midnight". */
export function formatUkTime(instant: string): string {
  const dt = ukDateTime(instant);
  if (dt.hour === 0 && dt.minute === 0) return "midnight";
  if (dt.hour === 12 && dt.minute === 0) return "midday";
  const suffix = dt.hour < 12 ? "am" : "pm";
  const hour12 = dt.hour % 12 === 0 ? 12 : dt.hour % 12;
  return dt.minute === 0 ? `${hour12}${suffix}` : `${hour12}:${String(dt.minute).padStart(2, "0")}${suffix}`;
}

/** "2027-01-15T17:00:00Z" → "5pm on Friday 15 January 2027". */
export function formatUkDateTime(instant: string): string {
  return `${formatUkTime(instant)} on ${formatUkDate(instant)}`;
}

/** "Wednesday 15 October 2025 at 23:59" (24-hour clock), for deadlines in referral messages. */
export function describeUkDateTime(at: Date | string): string {
  return ukDateTime(typeof at === "string" ? at : at.toISOString()).toFormat("cccc d LLLL yyyy 'at' HH:mm");
}

// Compact forms for tab pages. They take what the API sent, so anything that is not a date comes
// back unchanged (or empty when absent) instead of throwing in the middle of rendering a page.

const COMPACT_DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: UK_ZONE,
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const COMPACT_DATE = new Intl.DateTimeFormat("en-GB", { timeZone: UK_ZONE, day: "numeric", month: "short", year: "numeric" });
const COMPACT_TIME = new Intl.DateTimeFormat("en-GB", { timeZone: UK_ZONE, hour: "2-digit", minute: "2-digit" });

/** "Fri, 15 Jan 2027, 17:00". */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : COMPACT_DATE_TIME.format(d);
}

/** "15 Jan 2027"; a plain date (YYYY-MM-DD) is that calendar day, an instant its UK date. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return "";
  // Noon UTC is the same calendar day in the UK whether it is GMT or BST.
  const d = new Date(ISO_DATE.test(iso) ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : COMPACT_DATE.format(d);
}

/** "09:40" in UK time. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : COMPACT_TIME.format(d);
}
