/**
 * Dates and times written the UK way (GOV.UK style), always in UK time (Europe/London):
 * "Friday 15 January 2027", "5pm", "9:30am", "5pm on Friday 15 January 2027".
 */
import { DateTime } from "luxon";
import { AppError } from "../../errors";
import { UK_ZONE } from "./calendar";

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
