/**
 * England's year groups and the ages that fit them — pure rules used by the referral schema.
 *
 * A child in Year N is aged N + 4 on 31 August before the academic year begins (Reception = 4,
 * Year 1 = 5 … Year 13 = 17), i.e. born between 1 September and 31 August of the years that make
 * that age. Children educated out of their chronological year group (summer-born deferred entry,
 * held back, accelerated) are allowed one year either side.
 */
import { academicYearFirstYear, academicYearOf } from "./academic-year";
import { type PlainDate, comparePlainDates, describePlainDate, ageInMonths } from "./plain-dates";

export const YEAR_GROUPS = ["YR", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Y8", "Y9", "Y10", "Y11", "Y12", "Y13"] as const;
export type YearGroup = (typeof YEAR_GROUPS)[number];

export const YEAR_GROUP_LABELS: Record<YearGroup, string> = Object.fromEntries(
  YEAR_GROUPS.map((y) => [y, y === "YR" ? "Reception" : `Year ${y.slice(1)}`]),
) as Record<YearGroup, string>;

/** 0 for Reception, 1–13 for Years 1–13. */
export function yearGroupNumber(y: YearGroup): number {
  return y === "YR" ? 0 : Number(y.slice(1));
}

/** Primary (Reception–Year 6) or secondary (Years 7–13): decides which LIFT an all-through school uses when a district splits them. */
export function yearGroupStage(y: YearGroup): "primary" | "secondary" {
  return yearGroupNumber(y) <= 6 ? "primary" : "secondary";
}

/** Age on 31 August before the academic year begins. */
export function expectedAgeOnAugust31(y: YearGroup): number {
  return yearGroupNumber(y) + 4;
}

export interface BirthRange {
  from: PlainDate; // inclusive, a 1 September
  to: PlainDate; // inclusive, a 31 August
}

/** Birth dates of children in year group `y` in the academic year that starts in `startYear`, `tolerance` years either side. */
export function birthRangeFor(y: YearGroup, startYear: number, tolerance = 0): BirthRange {
  const age = expectedAgeOnAugust31(y);
  // Aged `age` on 31 Aug startYear ⇔ born 1 Sep (startYear − age − 1) … 31 Aug (startYear − age).
  return {
    from: { year: startYear - age - 1 - tolerance, month: 9, day: 1 },
    to: { year: startYear - age + tolerance, month: 8, day: 31 },
  };
}

/** One year either side of the chronological year group. */
export const OUT_OF_YEAR_TOLERANCE = 1;

/**
 * Whether a date of birth is plausible for a year group in the academic year of `asOf`. Returns
 * undefined when plausible, otherwise a message for the "Date of birth" field.
 */
export function dateOfBirthProblemForYearGroup(dob: PlainDate, y: YearGroup, asOf: PlainDate): string | undefined {
  const academicYear = academicYearOf(asOf);
  const start = academicYearFirstYear(academicYear) as number;
  const usual = birthRangeFor(y, start, 0);
  const allowed = birthRangeFor(y, start, OUT_OF_YEAR_TOLERANCE);
  if (comparePlainDates(dob, allowed.from) >= 0 && comparePlainDates(dob, allowed.to) <= 0) return undefined;
  const label = YEAR_GROUP_LABELS[y];
  return (
    `Date of birth does not fit ${label}: children in ${label} in ${academicYear} are usually born between ` +
    `${describePlainDate(usual.from)} and ${describePlainDate(usual.to)}. Children educated out of their year group ` +
    `are accepted one year either side (born ${describePlainDate(allowed.from)} to ${describePlainDate(allowed.to)}). ` +
    `Check the date of birth and the year group.`
  );
}

/** Early years referrals: children from birth to 60 months (5 years). */
export const EARLY_YEARS_MAX_MONTHS = 60;

/**
 * Early years: the age in months on `asOf` must be 0–60. Returns a message for "Date of birth" when
 * not plausible.
 */
export function dateOfBirthProblemForEarlyYears(dob: PlainDate, asOf: PlainDate): string | undefined {
  const months = ageInMonths(dob, asOf);
  if (months < 0) return undefined; // "in the future" is reported separately
  if (months > EARLY_YEARS_MAX_MONTHS) {
    return (
      `Date of birth gives an age of ${months} months on ${describePlainDate(asOf)}; early years LIFT is for children ` +
      `up to ${EARLY_YEARS_MAX_MONTHS} months. Check the date of birth, or use a school referral if the child is in school.`
    );
  }
  return undefined;
}

/**
 * True when an early years child is already of Reception age this academic year (4 or over on the
 * 31 August before it began). Rare in early years settings (deferred entry), so a warning, not an error.
 */
export function isReceptionAgeOrOlder(dob: PlainDate, asOf: PlainDate): boolean {
  const start = academicYearFirstYear(academicYearOf(asOf)) as number;
  return comparePlainDates(dob, birthRangeFor("YR", start, 0).to) <= 0;
}
