/**
 * Plain calendar dates ("YYYY-MM-DD", no time, no zone), academic years and ages — pure functions.
 *
 * Dates of birth, agreement dates and "today" (`asOf`) are plain dates: a child's birthday does not
 * depend on a time zone. The caller supplies today's date (`ukToday` in uk-clock.ts); nothing here
 * reads the clock.
 */

export interface PlainDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a real calendar date in the form YYYY-MM-DD (years 1000–9999); undefined otherwise. */
export function parsePlainDate(value: unknown): PlainDate | undefined {
  if (typeof value !== "string") return undefined;
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isPlainDate(value: unknown): value is string {
  return parsePlainDate(value) !== undefined;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatPlainDate(d: PlainDate): string {
  return `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/** Negative when a is before b, 0 when equal, positive after. */
export function comparePlainDates(a: PlainDate, b: PlainDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

/** "1 September 2017" — UK style, for messages. */
export function describePlainDate(d: PlainDate): string {
  return `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

/**
 * Whole years of age on `on` (a birthday on 29 February counts on 1 March in non-leap years, as in
 * English law for age thresholds).
 */
export function ageInYears(dob: PlainDate, on: PlainDate): number {
  let age = on.year - dob.year;
  if (on.month < dob.month || (on.month === dob.month && on.day < dob.day)) age -= 1;
  return age;
}

/**
 * Whole months of age on `on`: the number of month-days passed. A child born on the 31st turns a
 * month older on the 31st, or on the 1st of the next month when a month is shorter (so born
 * 31 January is 0 months on 28 February and 1 month on 1 March). Negative before birth.
 */
export function ageInMonths(dob: PlainDate, on: PlainDate): number {
  let months = (on.year - dob.year) * 12 + (on.month - dob.month);
  if (on.day < dob.day) months -= 1;
  return months;
}
