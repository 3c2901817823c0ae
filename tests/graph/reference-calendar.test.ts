// The term dates and the 195-day check: [calendar.md](../../docs/reference/calendar.md#term-dates-2025-26).
import { describe, expect, it } from "vitest";
import { TERMS, TERMS_2025_26, TERMS_2026_27 } from "../../src/domain/reference/terms";
import { BANK_HOLIDAYS } from "../../src/domain/reference/bank-holidays";
import { Term } from "../../src/schemas/reference/term";
import { BankHoliday } from "../../src/schemas/reference/bank-holiday";
import { DISTRICTS } from "../../src/domain/reference/districts";
import { SETTINGS } from "../../src/domain/reference/settings";
import { District } from "../../src/schemas/reference/district";
import { Setting } from "../../src/schemas/reference/setting";
import { DEMO_PEOPLE } from "../../src/domain/reference/people";
import { Person } from "../../src/schemas/reference/person";

const HOLIDAYS = new Set(BANK_HOLIDAYS.map((h) => h.date));

/** Weekdays from start to end inclusive, optionally leaving out bank holidays. */
function weekdays(start: string, end: string, skipBankHolidays = false): number {
  let n = 0;
  for (let d = new Date(`${start}T00:00:00Z`); d <= new Date(`${end}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.getUTCDay();
    if (day === 0 || day === 6) continue;
    if (skipBankHolidays && HOLIDAYS.has(d.toISOString().slice(0, 10))) continue;
    n++;
  }
  return n;
}

describe("reference data", () => {
  it.each([
    ["2025-26", TERMS_2025_26, [35, 40, 30, 29, 24, 37]],
    ["2026-27", TERMS_2026_27, [39, 35, 30, 24, 34, 33]],
  ] as const)("%s has six terms and 195 working weekdays (domain-research.md §2)", (_year, terms, perTerm) => {
    expect(terms.map((t) => t.term)).toEqual([1, 2, 3, 4, 5, 6]);
    // The per-term figures of [Term dates](../../docs/reference/calendar.md#term-dates-2025-26) leave out the May bank holiday that falls inside term 5.
    expect(terms.map((t) => weekdays(t.start, t.end, true))).toEqual(perTerm);
    expect(terms.reduce((n, t) => n + weekdays(t.start, t.end, true), 0)).toBe(195);
  });

  it("terms do not overlap and every seed record passes its schema", () => {
    for (let i = 1; i < TERMS.length; i++) expect(TERMS[i]!.start > TERMS[i - 1]!.end).toBe(true);
    for (const t of TERMS) expect(Term.parse(t)).toEqual(t);
    for (const h of BANK_HOLIDAYS) expect(BankHoliday.parse(h)).toEqual(h);
    for (const d of DISTRICTS) expect(District.parse(d)).toEqual(d);
    for (const s of SETTINGS) expect(Setting.parse(s)).toEqual(s);
    for (const p of DEMO_PEOPLE) expect(Person.parse(p)).toEqual(p);
  });

  it("bank holidays are weekdays, 8 a year, in order", () => {
    for (const h of BANK_HOLIDAYS) expect(weekdays(h.date, h.date)).toBe(1);
    for (const y of ["2025", "2026", "2027"]) expect(BANK_HOLIDAYS.filter((h) => h.date.startsWith(y))).toHaveLength(8);
    expect([...BANK_HOLIDAYS].map((h) => h.date).sort()).toEqual(BANK_HOLIDAYS.map((h) => h.date));
  });

  it("12 districts in 4 areas, schools in every district", () => {
    expect(DISTRICTS).toHaveLength(12);
    expect(new Set(DISTRICTS.map((d) => d.area)).size).toBe(4);
    for (const d of DISTRICTS) expect(SETTINGS.filter((s) => s.districtSlug === d.slug).length).toBeGreaterThanOrEqual(3);
  });
});
