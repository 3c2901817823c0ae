/**
 * UK time: the one zone every date in LIFT is read in (the service runs in Kent), and the moves
 * between an instant and a UK calendar date or wall-clock time. Pure: nothing here reads the clock —
 * callers pass `now` in (the server from its context, a tab page from `new Date()`).
 *
 * - a *date* is an ISO calendar date ("2026-04-20") and means that day in the UK;
 * - an *instant* is an ISO date-time with an offset ("2026-05-01T16:00:00Z"); instants made here are
 *   UTC with a "Z" unless said otherwise;
 * - UK wall-clock times follow the BST/GMT changes (09:00 BST = 08:00Z, 09:00 GMT = 09:00Z).
 */
import { DateTime } from "luxon";
import { AppError } from "../../errors";
import { UK_ZONE } from "./uk-zone";

export { UK_ZONE };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HH_MM = /^(\d{2}):(\d{2})$/;

/** Parse an ISO instant (or a date, read as UK midnight). Throws a validation error when it is not one. */
export function parseInstant(value: string): DateTime {
  const dt = ISO_DATE.test(value)
    ? DateTime.fromISO(value, { zone: UK_ZONE })
    : DateTime.fromISO(value, { setZone: true });
  if (!dt.isValid) throw new AppError("validation_failed", `'${value}' is not an ISO date-time.`);
  return dt;
}

/** The same moment in UK time, from a Date or an ISO instant (a bare date is UK midnight). */
export function inUk(at: Date | string): DateTime {
  if (typeof at !== "string") {
    const dt = DateTime.fromJSDate(at, { zone: UK_ZONE });
    if (!dt.isValid) throw new AppError("validation_failed", "Not a valid date-time.");
    return dt;
  }
  return parseInstant(at).setZone(UK_ZONE);
}

function toInstant(dt: DateTime): string {
  return dt.toUTC().toISO({ suppressMilliseconds: true }) as string;
}

/** Normalise any ISO instant to UTC ("…Z"), so instants compare as strings. */
export function normaliseInstant(value: string): string {
  return toInstant(parseInstant(value));
}

/** The UK calendar date (ISO) an instant falls on: 00:30 BST on 1 June (23:30Z on 31 May) is 1 June. */
export function ukDateOf(instant: Date | string): string {
  return inUk(instant).toISODate() as string;
}

/** Today's date in the UK at `now`: the `asOf` of validation, "overdue" and "this academic year". */
export function ukToday(now: Date | string): string {
  return ukDateOf(now);
}

function dateParts(date: string): { year: number; month: number; day: number } {
  const d = ISO_DATE.test(date) ? DateTime.fromISO(date, { zone: "utc" }) : DateTime.invalid("not an ISO date");
  if (!d.isValid) throw new AppError("validation_failed", `'${date}' is not an ISO calendar date (YYYY-MM-DD).`);
  return { year: d.year, month: d.month, day: d.day };
}

/**
 * The UK wall-clock time on a UK date, in UK time. A time the clocks skip (01:30 on the last Sunday
 * of March) moves forward an hour; a time they repeat (01:30 on the last Sunday of October) is the
 * second of the two (GMT), as luxon resolves it.
 */
function ukWallClock(date: string, hour: number, minute: number): DateTime {
  return DateTime.fromObject({ ...dateParts(date), hour, minute }, { zone: UK_ZONE });
}

/** The instant for a UK wall-clock time on a UK date, e.g. 09:00 on 2026-03-30 → "2026-03-30T08:00:00Z". */
export function atUkTime(date: string, hour: number, minute = 0): string {
  return toInstant(ukWallClock(date, hour, minute));
}

/**
 * A date and an "HH:MM" time as typed into a form, read as UK time, as ISO 8601 with the UK offset
 * ("2026-06-10T09:30:00+01:00"); undefined when either is not in that form.
 */
export function ukWallClockInstant(date: string, time: string): string | undefined {
  const m = HH_MM.exec(time);
  if (!ISO_DATE.test(date) || !m) return undefined;
  const dt = DateTime.fromISO(date, { zone: "utc" });
  if (!dt.isValid) return undefined;
  const local = ukWallClock(date, Number(m[1]), Number(m[2]));
  return local.isValid ? (local.toISO({ suppressMilliseconds: true, includeOffset: true }) as string) : undefined;
}

/** The UK date (YYYY-MM-DD) and 24-hour time (HH:MM) of an instant, for date and time inputs; empty when not an instant. */
export function ukDateAndTimeOf(instant: string): { date: string; time: string } {
  const dt = DateTime.fromISO(instant, { setZone: true });
  if (!dt.isValid) return { date: "", time: "" };
  const uk = dt.setZone(UK_ZONE);
  return { date: uk.toISODate() as string, time: uk.toFormat("HH:mm") };
}
