/**
 * Bank holidays from the GOV.UK bank-holidays file (https://www.gov.uk/bank-holidays.json):
 * `{ "england-and-wales": { "division": …, "events": [{ "title", "date", "notes", "bunting" }] }, … }`.
 * Schools in Kent keep the England and Wales division; other divisions in the file are ignored.
 */
import type { BankHoliday } from "../../schemas/reference/bank-holiday";

export interface GovUkEvent {
  title: string;
  date: string;
  notes?: string;
  bunting?: boolean;
}

export interface GovUkBankHolidays {
  "england-and-wales": { division: string; events: readonly GovUkEvent[] };
}

export interface BankHolidayImport {
  /** Holidays not yet in the list. */
  added: BankHoliday[];
  /** Dates already held (kept as they are). */
  unchanged: string[];
}

/** What importing the file would add to `existing` (dates in England and Wales; a date is held once). */
export function planBankHolidayImport(file: GovUkBankHolidays, existing: readonly Pick<BankHoliday, "date">[]): BankHolidayImport {
  const have = new Set(existing.map((h) => h.date));
  const added: BankHoliday[] = [];
  const unchanged: string[] = [];
  const seen = new Set<string>();
  for (const e of [...file["england-and-wales"].events].sort((a, b) => a.date.localeCompare(b.date))) {
    if (seen.has(e.date)) continue;
    seen.add(e.date);
    if (have.has(e.date)) unchanged.push(e.date);
    else added.push({ date: e.date, name: e.title.trim().slice(0, 120), division: "england-and-wales" });
  }
  return { added, unchanged };
}
