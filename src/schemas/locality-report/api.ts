/**
 * The locality report's contract: a district's LIFT, casework and training work for a term or the
 * academic year so far, by locality (or cluster) and by LIFT group, counted from the records each
 * setting has. Counts only: no child's details. Shared by the server, /api/openapi.json and the
 * summary tab.
 */
import { z } from "zod";
import { DistrictSlugParam, route } from "../core/contract";
import { AcademicYearParam, TermParam } from "../kpi/api";

/** The figures of each row, in the order the table and the CSV show them. */
export const LOCALITY_REPORT_MEASURES = [
  { id: "referralsReceived", label: "Referrals received" },
  { id: "settingsReferring", label: "Settings that referred" },
  { id: "casesDiscussed", label: "Children discussed at LIFT" },
  { id: "outcomesApproved", label: "Outcomes approved" },
  { id: "resolvedAtLift", label: "Resolved at LIFT" },
  { id: "settingsSupported", label: "Settings supported" },
  { id: "settingsTrained", label: "Settings at staff training" },
  { id: "casesOpened", label: "Cases opened" },
  { id: "casesOpen", label: "Cases open at the end" },
  { id: "casesClosed", label: "Cases closed" },
] as const;
export type LocalityReportMeasure = (typeof LOCALITY_REPORT_MEASURES)[number]["id"];

/**
 * `locality`: a locality or cluster of the district; `no-locality`: the district's settings with
 * none; `lift-group` and `no-lift-group` likewise for LIFT groups; `other-district`: settings that
 * are not the district's now (moved by a split, or a school of another district on its training);
 * `district`: the whole district.
 */
export const ROW_KINDS = ["district", "locality", "no-locality", "lift-group", "no-lift-group", "other-district"] as const;

export const LocalityReportRow = z.object({
  kind: z.enum(ROW_KINDS),
  /** The locality's slug or the group's id; none for the other rows. */
  id: z.string().optional(),
  name: z.string(),
  /** "locality" or "cluster" for a locality row. */
  localityKind: z.enum(["locality", "cluster"]).optional(),
  /** How many of the district's settings the row holds now; null for other districts' settings. */
  settings: z.number().int().nullable(),
  /** LIFT meetings of the group held in the period (group rows only). */
  meetingsHeld: z.number().int().nullable(),
  figures: z.record(z.enum(LOCALITY_REPORT_MEASURES.map((m) => m.id) as [LocalityReportMeasure, ...LocalityReportMeasure[]]), z.number().int()),
});
export type LocalityReportRow = z.infer<typeof LocalityReportRow>;

export const LocalityReport = z.object({
  district: z.object({ slug: z.string(), name: z.string() }),
  academicYear: z.string(),
  /** The term reported on; null for the academic year so far. */
  term: z.number().int().nullable(),
  /** The days counted (UK dates, inclusive): to today while the period runs. */
  from: z.string(),
  to: z.string(),
  total: LocalityReportRow,
  /** Empty when the district has no localities. */
  byLocality: z.array(LocalityReportRow),
  /** Empty when the district has no LIFT groups. */
  byLiftGroup: z.array(LocalityReportRow),
});
export type LocalityReport = z.infer<typeof LocalityReport>;

const ReportQuery = z.object({ district: DistrictSlugParam, year: AcademicYearParam, term: TermParam.optional() });
const FILE_TYPES = ["text/csv"] as const;

export const localityReportApi = {
  localityReport: route("GET /kpi/locality-report", "A district's work by locality and by LIFT group, for a term or (without term) the academic year so far", {
    query: ReportQuery,
    responses: { 200: LocalityReport },
    errors: [403, 404],
  }),
  localityReportExport: route("GET /kpi/locality-report/export", "The locality report as CSV", {
    query: ReportQuery.extend({ format: z.literal("csv", { message: "Choose csv" }).default("csv") }),
    responses: { 200: { file: FILE_TYPES } },
    errors: [403, 404],
  }),
} as const;
