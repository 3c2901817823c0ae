/**
 * England and Wales bank holidays 2025–2027 (gov.uk/bank-holidays), the seed of the BankHolidays
 * list. School-day counting (reporting calendar) skips them.
 */
import type { BankHoliday } from "../../schemas/reference/bank-holiday";

const EW = "england-and-wales" as const;

export const BANK_HOLIDAYS: readonly BankHoliday[] = [
  { date: "2025-01-01", name: "New Year’s Day", division: EW },
  { date: "2025-04-18", name: "Good Friday", division: EW },
  { date: "2025-04-21", name: "Easter Monday", division: EW },
  { date: "2025-05-05", name: "Early May bank holiday", division: EW },
  { date: "2025-05-26", name: "Spring bank holiday", division: EW },
  { date: "2025-08-25", name: "Summer bank holiday", division: EW },
  { date: "2025-12-25", name: "Christmas Day", division: EW },
  { date: "2025-12-26", name: "Boxing Day", division: EW },
  { date: "2026-01-01", name: "New Year’s Day", division: EW },
  { date: "2026-04-03", name: "Good Friday", division: EW },
  { date: "2026-04-06", name: "Easter Monday", division: EW },
  { date: "2026-05-04", name: "Early May bank holiday", division: EW },
  { date: "2026-05-25", name: "Spring bank holiday", division: EW },
  { date: "2026-08-31", name: "Summer bank holiday", division: EW },
  { date: "2026-12-25", name: "Christmas Day", division: EW },
  // 26 December 2026 is a Saturday: the substitute day is Monday 28 December.
  { date: "2026-12-28", name: "Boxing Day (substitute day)", division: EW },
  { date: "2027-01-01", name: "New Year’s Day", division: EW },
  { date: "2027-03-26", name: "Good Friday", division: EW },
  { date: "2027-03-29", name: "Easter Monday", division: EW },
  { date: "2027-05-03", name: "Early May bank holiday", division: EW },
  { date: "2027-05-31", name: "Spring bank holiday", division: EW },
  { date: "2027-08-30", name: "Summer bank holiday", division: EW },
  // 25 and 26 December 2027 fall at a weekend: substitute days Monday 27 and Tuesday 28 December.
  { date: "2027-12-27", name: "Christmas Day (substitute day)", division: EW },
  { date: "2027-12-28", name: "Boxing Day (substitute day)", division: EW },
];

export const BANK_HOLIDAY_DATES: readonly string[] = BANK_HOLIDAYS.map((h) => h.date);
