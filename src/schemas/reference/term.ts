import { z } from "zod";

/**
 * One of the six terms of an academic year ([Academic year and terms](../../../docs/reference/calendar.md#academic-year-and-terms): terms 1–2 autumn, 3–4 spring,
 * 5–6 summer). Term dates are list data so a commissioner can correct them without a release.
 */
export const AcademicYear = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'expected an academic year such as "2025-26"')
  .refine((y) => (Number(y.slice(0, 4)) + 1) % 100 === Number(y.slice(5)), "the second year must follow the first");

export const Term = z
  .object({
    academicYear: AcademicYear,
    term: z.literal([1, 2, 3, 4, 5, 6]),
    /** First day of the term (ISO date, inclusive). */
    start: z.iso.date(),
    /** Last day of the term (ISO date, inclusive). */
    end: z.iso.date(),
    /** A commissioner's due date for this term's return: an ISO instant, or a date meaning 17:00 UK time. */
    returnDueAt: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
    /** The school day of the following term this term's return is due on, instead of the default 10th. */
    returnDueSchoolDay: z.number().int().min(1).max(30).optional(),
  })
  .refine((t) => t.start <= t.end, { path: ["end"], message: "A term cannot end before it starts" });
export type Term = z.infer<typeof Term>;
