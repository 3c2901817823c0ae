/**
 * The KPI API contract: the measure catalogue, district returns (read, save, submit, return with a
 * comment), imports, the commissioners' summary and export, and the monitoring pack. Shared by the
 * server (which parses requests with it), /api/openapi.json and the two KPI tabs.
 */
import { z } from "zod";
import { isAcademicYear } from "../../domain/time/academic-year";
import type { TermNumber } from "../../domain/time/calendar";
import { DistrictSlugParam, ETag, Instant, route } from "../core/contract";

// ---------------------------------------------------------------------------------------------
// Parameters

/** "2025-26": two consecutive years. */
export const AcademicYearParam = z
  .string()
  .refine(isAcademicYear, "Expected an academic year such as 2025-26")
  .meta({ description: "An academic year such as 2025-26" });

export const TermParam = z
  .string()
  .regex(/^[1-6]$/, "Expected a term from 1 to 6")
  .meta({ description: "A term of the academic year, 1 to 6" })
  .transform((t) => Number(t) as TermNumber);

/** "1,2": terms in any order, each 1 to 6; answered sorted and without repeats. */
export const TermsParam = z
  .string()
  .regex(/^\s*[1-6]\s*(,\s*[1-6]\s*)*$/, "Expected terms such as 1,2")
  .meta({ description: "Comma-separated terms, e.g. 1,2; default all six" })
  .transform((v) => [...new Set(v.split(",").map((t) => Number(t.trim()) as TermNumber))].sort((a, b) => a - b));

export const FileFormat = z.enum(["csv", "xlsx"], { message: "Choose csv or xlsx" });
export type FileFormat = z.infer<typeof FileFormat>;

export const ReturnParams = z.object({ district: DistrictSlugParam, year: AcademicYearParam, term: TermParam });

// ---------------------------------------------------------------------------------------------
// Shapes

export const RETURN_STATUSES = ["not_started", "draft", "submitted", "returned"] as const;
export const ReturnStatus = z.enum(RETURN_STATUSES);
export type ReturnStatus = z.infer<typeof ReturnStatus>;

/** "too_few": a questionnaire figure from fewer answers than its minimum ("too few answers to rate"), not a rating. */
export const Rag = z.enum(["green", "amber", "red", "na", "too_few"]);
export type Rag = z.infer<typeof Rag>;

export const ReturnHistoryEntry = z.object({ version: z.number().int(), status: ReturnStatus, at: Instant, byName: z.string(), comment: z.string().optional() });
export type ReturnHistoryEntry = z.infer<typeof ReturnHistoryEntry>;

export const ComputedPercent = z.object({
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  percent: z.number().nullable(),
  rag: Rag,
  /** Questionnaire-based measures: questionnaires sent, when the return says; absent when unknown. */
  asked: z.number().nullable().optional(),
});
export type ComputedPercent = z.infer<typeof ComputedPercent>;

export const PrefillValue = z.object({
  value: z.number(),
  /** Plain-English provenance, e.g. "12 referrals from primary schools submitted in term 2 (…)". */
  source: z.string(),
});
export type PrefillValue = z.infer<typeof PrefillValue>;
export const Prefill = z.record(z.string(), PrefillValue);
export type Prefill = z.infer<typeof Prefill>;

export const KpiReturnView = z.object({
  districtSlug: z.string(),
  academicYear: z.string(),
  term: z.number().int(),
  status: ReturnStatus,
  version: z.number().int(),
  eTag: ETag.optional(),
  values: z.record(z.string(), z.number().nullable()),
  narrative: z.string(),
  prefill: Prefill,
  computed: z.record(z.string(), ComputedPercent),
  history: z.array(ReturnHistoryEntry),
  returnedComment: z.string().optional(),
  missing: z.array(z.string()),
});
export type KpiReturnView = z.infer<typeof KpiReturnView>;

export const ReturnListItem = z.object({
  districtSlug: z.string(),
  districtName: z.string(),
  academicYear: z.string(),
  term: z.number().int(),
  status: ReturnStatus,
  version: z.number().int(),
  submittedAt: Instant.optional(),
  dueAt: Instant.optional(),
});
export type ReturnListItem = z.infer<typeof ReturnListItem>;

export const ImportRowError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof ImportRowError>;

export const Reachability = z.object({ districtSlug: z.string(), leadName: z.string(), reachable: z.boolean() });
export type Reachability = z.infer<typeof Reachability>;

const Level = z.enum(["county", "area", "district"]);
const Period = z.enum(["T1", "T2", "T3", "T4", "T5", "T6", "year"]);

export const SummaryRow = z.object({
  key: z.string(),
  level: Level,
  name: z.string(),
  academicYear: z.string(),
  period: Period,
  measure: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  percent: z.number().nullable(),
  rag: Rag,
  /** Questionnaire-based percent measures: questionnaires sent over the districts in the figure; null when unknown (or not a questionnaire figure). */
  asked: z.number().nullable(),
  districtsReporting: z.number().int(),
  districtsExpected: z.number().int(),
  missing: z.array(z.string()),
  partial: z.array(z.string()),
});
/** A term number, 1 to 6. */
const TermNumber = z.literal([1, 2, 3, 4, 5, 6]);
export const Completeness = z.object({
  academicYear: z.string(),
  term: TermNumber,
  missingDistricts: z.array(z.string()),
  submittedDistricts: z.array(z.string()),
  /** Districts that were not a district in the term (began after it or retired before it): neither missing nor submitted. */
  notExpectedDistricts: z.array(z.string()),
});
export const Anomaly = z.object({
  level: Level,
  scope: z.string(),
  districtSlug: z.string().optional(),
  academicYear: z.string(),
  period: Period,
  measure: z.string(),
  kind: z.enum(["numerator_over_denominator", "percent_over_100", "jump"]),
  detail: z.string(),
});

/** The three waits of time to support (the casework records answer them). */
export const SupportStage = z.enum(["referral-to-lift", "lift-to-allocation", "allocation-to-first-visit"]);
export type SupportStage = z.infer<typeof SupportStage>;
/** One district's wait at one stage in one term: how many children waited, and the median in days. */
export const SupportWait = z.object({
  districtSlug: z.string(),
  term: z.number().int(),
  stage: SupportStage,
  count: z.number().int(),
  /** Null when no child waited at this stage in the term (missing, not zero). */
  medianDays: z.number().nullable(),
});
export type SupportWait = z.infer<typeof SupportWait>;

export const SummaryAnswer = z.object({
  rows: z.array(SummaryRow),
  /** Days from referral to LIFT, LIFT to allocation and allocation to first visit, per district in scope and term. */
  timeToSupport: z.array(SupportWait),
  completeness: z.array(Completeness),
  anomalies: z.array(Anomaly),
  reachability: z.array(Reachability),
  generatedAt: Instant,
});
export type SummaryAnswer = z.infer<typeof SummaryAnswer>;

const RagRule = z.object({ green: z.number(), amber: z.number(), direction: z.enum(["higher_is_better", "lower_is_better"]) });
/** A measure of the catalogue (src/domain/kpi/catalogue.ts holds the list and its rules). */
export const MeasureView = z.object({
  id: z.string(),
  label: z.string(),
  definition: z.string(),
  kind: z.enum(["count", "percent"]),
  kpi: z.string().optional(),
  source: z.string(),
  phase: z.string().optional(),
  areaOfNeed: z.string().optional(),
  group: z.string(),
  appliesFrom: z.string().optional(),
  appliesTo: z.string().optional(),
  unit: z.enum(["whole", "fte"]).optional(),
  yearRollup: z.enum(["sum", "latest", "max"]).optional(),
  atMost: z.string().optional(),
  numeratorId: z.string().optional(),
  denominatorId: z.string().optional(),
  rag: RagRule.optional(),
  outOfDistrict: z.boolean().optional(),
  askedId: z.string().optional(),
  minAnswers: z.number().int().optional(),
  optional: z.boolean().optional(),
});

export const MonitoringPack = z.object({
  district: z.object({ slug: z.string(), name: z.string(), area: z.string(), code: z.string() }),
  academicYear: z.string(),
  terms: z.array(z.number().int()),
  rows: z.array(SummaryRow),
  returns: z.array(KpiReturnView),
  anomalies: z.array(Anomaly),
  narrative: z.array(z.object({ term: z.number().int(), narrative: z.string() })),
});
export type MonitoringPack = z.infer<typeof MonitoringPack>;

// ---------------------------------------------------------------------------------------------
// Requests

export const SaveReturnBody = z.object({
  eTag: ETag.optional(),
  /** Measure id → number or null; checked by the service against the year's catalogue, errors keyed by measure id. */
  values: z.record(z.string().max(64), z.unknown()),
  narrative: z.string().max(20_000, "Write at most 20000 characters").optional(),
});
export const SubmitReturnBody = z.object({ eTag: ETag.optional() });
export const SendBackBody = z.object({ comment: z.string().trim().min(1, "Write a comment of 1 to 4000 characters").max(4000, "Write a comment of 1 to 4000 characters") });

export const UPLOAD_TYPES = ["text/csv", "text/plain", "application/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream"] as const;
const FILE_TYPES = ["text/csv; charset=utf-8", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] as const;

// ---------------------------------------------------------------------------------------------
// Routes

const OneReturn = z.object({ return: KpiReturnView });

export const kpiApi = {
  catalogue: route("GET /kpi/catalogue", "The measures collected in a year, and the form's sections", { query: z.object({ year: AcademicYearParam.default("2025-26") }), responses: { 200: z.object({ measures: z.array(MeasureView), groups: z.array(z.object({ id: z.string(), title: z.string() })) }) } }),
  listReturns: route("GET /kpi/returns", "Every term's return of the districts the caller may see, with status and due date", { query: z.object({ year: AcademicYearParam }), responses: { 200: z.object({ items: z.array(ReturnListItem) }) }, errors: [403] }),
  getReturn: route("GET /kpi/returns/:district/:year/:term", "A district's return for a term: latest version, prefill, computed percentages, history", { params: ReturnParams, responses: { 200: OneReturn }, errors: [403, 404] }),
  saveReturn: route("PUT /kpi/returns/:district/:year/:term", "Save the draft (a submitted return gets a new draft version); 412 with the current return when the eTag is stale", { params: ReturnParams, body: SaveReturnBody, responses: { 200: OneReturn }, errors: [403, 404, 409, 412] }),
  submitReturn: route("POST /kpi/returns/:district/:year/:term/submit", "Submit the draft (every count measure filled in)", { params: ReturnParams, body: SubmitReturnBody, responses: { 200: OneReturn }, errors: [403, 404, 409, 412] }),
  sendBackReturn: route("POST /kpi/returns/:district/:year/:term/return", "A commissioner returns a submitted return with a comment", { params: ReturnParams, body: SendBackBody, responses: { 200: OneReturn }, errors: [403, 404, 409, 412] }),
  template: route("GET /kpi/template", "The import template (district leads and commissioners)", { query: z.object({ format: FileFormat.default("csv") }), responses: { 200: { file: FILE_TYPES } }, errors: [403] }),
  importReturns: route("POST /kpi/import", "Import past returns from a CSV or XLSX file: all rows or none (400 with detail.errors by row and column)", { query: z.object({ format: FileFormat.optional().meta({ description: "Default: xlsx for a spreadsheet content type, csv otherwise" }) }), upload: UPLOAD_TYPES, responses: { 200: z.object({ imported: z.number().int(), unchanged: z.number().int() }) }, errors: [403, 404] }),
  summary: route("GET /kpi/summary", "The commissioners' countywide summary: rows by county, area and district, completeness, anomalies, bot reach", { query: z.object({ year: AcademicYearParam, terms: TermsParam.optional(), area: z.string().optional(), district: DistrictSlugParam.optional() }), responses: { 200: SummaryAnswer }, errors: [403, 404] }),
  summaryExport: route("GET /kpi/summary/export", "Every summary row of a year as a file (commissioners)", { query: z.object({ year: AcademicYearParam, format: FileFormat.default("csv") }), responses: { 200: { file: FILE_TYPES } }, errors: [403] }),
  monitoringPack: route("GET /kpi/monitoring-pack/:district", "A district's monitoring pack: its rows with area and county, each term's return, anomalies and narratives", { params: z.object({ district: DistrictSlugParam }), query: z.object({ year: AcademicYearParam, terms: TermsParam.optional() }), responses: { 200: MonitoringPack }, errors: [403, 404] }),
} as const;
