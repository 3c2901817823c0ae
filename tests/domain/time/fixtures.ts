/**
 * Fixture reporting calendars built from the published Kent term dates ([Academic year and terms](../../../docs/reference/calendar.md#academic-year-and-terms))
 * and the England and Wales bank holidays 2025–2027 (gov.uk/bank-holidays, [Bank holidays](../../../docs/reference/calendar.md#bank-holidays)).
 */
import type { MonitoringMeeting, ReportingCalendar, Term } from "../../../src/domain/time/calendar";

export const TERMS_2025_26: Term[] = [
  { academicYear: "2025-26", term: 1, start: "2025-09-01", end: "2025-10-17" },
  { academicYear: "2025-26", term: 2, start: "2025-10-27", end: "2025-12-19" },
  { academicYear: "2025-26", term: 3, start: "2026-01-05", end: "2026-02-13" },
  { academicYear: "2025-26", term: 4, start: "2026-02-23", end: "2026-04-02" },
  { academicYear: "2025-26", term: 5, start: "2026-04-20", end: "2026-05-22" },
  { academicYear: "2025-26", term: 6, start: "2026-06-01", end: "2026-07-21" },
];

export const TERMS_2026_27: Term[] = [
  { academicYear: "2026-27", term: 1, start: "2026-09-01", end: "2026-10-23" },
  { academicYear: "2026-27", term: 2, start: "2026-11-02", end: "2026-12-18" },
  { academicYear: "2026-27", term: 3, start: "2027-01-04", end: "2027-02-12" },
  { academicYear: "2026-27", term: 4, start: "2027-02-22", end: "2027-03-25" },
  { academicYear: "2026-27", term: 5, start: "2027-04-12", end: "2027-05-28" },
  { academicYear: "2026-27", term: 6, start: "2027-06-07", end: "2027-07-21" },
];

export const BANK_HOLIDAYS_2025_2027: string[] = [
  // 2025
  "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
  // 2026 (26 Dec is a Saturday: substitute day Monday 28 Dec)
  "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
  // 2027 (25 and 26 Dec fall at a weekend: substitute days 27 and 28 Dec)
  "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
];

export function calendar(overrides: { terms?: Term[]; monitoringMeetings?: MonitoringMeeting[] } = {}): ReportingCalendar {
  return {
    terms: overrides.terms ?? [...TERMS_2025_26, ...TERMS_2026_27],
    bankHolidays: BANK_HOLIDAYS_2025_2027,
    monitoringMeetings: overrides.monitoringMeetings ?? [],
  };
}

/** The calendar with some terms replaced (matched by academic year and term number). */
export function withTerms(...replacements: Term[]): ReportingCalendar {
  const terms = [...TERMS_2025_26, ...TERMS_2026_27].map(
    (t) => replacements.find((r) => r.academicYear === t.academicYear && r.term === t.term) ?? t,
  );
  return calendar({ terms });
}

export function term(academicYear: string, n: number): Term {
  const found = [...TERMS_2025_26, ...TERMS_2026_27].find((t) => t.academicYear === academicYear && t.term === n);
  if (!found) throw new Error(`no fixture term ${academicYear} ${n}`);
  return found;
}

export const DOVER_LEAD = { oid: "a34e9dd4-6a9d-5cb2-a373-2a9ec36ac300", upn: "lead.dover@lift.local", districtSlug: "dover", role: "district_lead" };
export const THANET_LEAD = { oid: "9c35e656-ac06-5f54-aaaf-34336479ff08", upn: "lead.thanet@lift.local", districtSlug: "thanet", role: "district_lead" };
export const COMMISSIONER = { oid: "5b7c1c8e-0000-4000-8000-000000000001", upn: "commissioner@lift.local", role: "commissioner" };
