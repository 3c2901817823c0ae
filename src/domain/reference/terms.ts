/**
 * Kent term dates as data ([Academic year and terms](../../../docs/reference/calendar.md#academic-year-and-terms)). 2025-26 is the published KCC pattern
 * [High]; 2026-27 is derived [Medium] and must be checked against kent.gov.uk before it is relied on.
 * Both give 195 weekdays that are not bank holidays (190 pupil days + 5 development days; term 5
 * holds the May bank holiday), which a unit test checks. These are
 * the seed values for the Terms list; once loaded, the list is the source of truth.
 */
import type { Term } from "../../schemas/reference/term";

export const TERMS_2025_26: readonly Term[] = [
  { academicYear: "2025-26", term: 1, start: "2025-09-01", end: "2025-10-17" },
  { academicYear: "2025-26", term: 2, start: "2025-10-27", end: "2025-12-19" },
  { academicYear: "2025-26", term: 3, start: "2026-01-05", end: "2026-02-13" },
  { academicYear: "2025-26", term: 4, start: "2026-02-23", end: "2026-04-02" },
  { academicYear: "2025-26", term: 5, start: "2026-04-20", end: "2026-05-22" },
  { academicYear: "2025-26", term: 6, start: "2026-06-01", end: "2026-07-21" },
];

export const TERMS_2026_27: readonly Term[] = [
  { academicYear: "2026-27", term: 1, start: "2026-09-01", end: "2026-10-23" },
  { academicYear: "2026-27", term: 2, start: "2026-11-02", end: "2026-12-18" },
  { academicYear: "2026-27", term: 3, start: "2027-01-04", end: "2027-02-12" },
  { academicYear: "2026-27", term: 4, start: "2027-02-22", end: "2027-03-25" },
  { academicYear: "2026-27", term: 5, start: "2027-04-12", end: "2027-05-28" },
  { academicYear: "2026-27", term: 6, start: "2027-06-07", end: "2027-07-21" },
];

export const TERMS: readonly Term[] = [...TERMS_2025_26, ...TERMS_2026_27];
