/**
 * The administration API: the calendar (academic years and their terms, bank holidays, district
 * INSET/closure days, monitoring meetings) and the people who may use the app. Commissioners change
 * everything; a district lead changes only their own district's part. Every change is audited.
 */
import { z } from "zod";
import { DistrictSlugParam, ETag, Instant, route } from "../core/contract";
import { AreaName } from "../reference/district";
import { DISTRICT_DAY_KINDS } from "../reference/district-day";
import { MONITORING_COVERS } from "../reference/monitoring-meeting";
import { CountyTeamName, Role } from "../reference/person";
import { AcademicYear } from "../reference/term";

export const YearParam = z.object({ year: AcademicYear });
const IsoDate = z.iso.date("Enter a date as YYYY-MM-DD");

// ---------------------------------------------------------------------------------------------
// Calendar

export const TermInput = z.object({
  term: z.literal([1, 2, 3, 4, 5, 6]),
  start: IsoDate,
  end: IsoDate,
  /** A fixed due date for this term's return (date = 17:00 UK time that day, or an instant). */
  returnDueAt: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  /** Or: the school day of the next term it is due on (default 10). */
  returnDueSchoolDay: z.number().int().min(1).max(30).optional(),
});
export type TermInput = z.infer<typeof TermInput>;
export const SaveYearBody = z.object({ terms: z.array(TermInput).min(1).max(6) });

export const TermView = TermInput.extend({
  academicYear: z.string(),
  schoolDays: z.number().int(),
  /** When this term's KPI return is due, if it can be worked out (the next term must be known). */
  returnDue: Instant.optional(),
  returnDueSource: z.enum(["override", "school-day", "default"]).optional(),
});
export const DistrictDayView = z.object({ districtSlug: z.string(), date: z.string(), kind: z.enum(DISTRICT_DAY_KINDS), note: z.string().optional() });
export const MonitoringView = z.object({ districtSlug: z.string(), academicYear: z.string(), covers: z.enum(MONITORING_COVERS), at: Instant, packUrl: z.string().optional(), set: z.boolean() });
export const Coverage = z.object({
  ok: z.boolean(),
  missing: z.array(z.object({ academicYear: z.string(), term: z.number().int() })),
  coveredUntil: z.string().optional(),
  message: z.string().optional(),
});
export const YearView = z.object({
  academicYear: z.string(),
  terms: z.array(TermView),
  bankHolidays: z.array(z.object({ date: z.string(), name: z.string() })),
  districtDays: z.array(DistrictDayView),
  monitoringMeetings: z.array(MonitoringView),
  /** Whether the caller may change the terms and bank holidays (commissioners). */
  canEditTerms: z.boolean(),
  /** The districts whose days and meetings the caller may change. */
  editableDistricts: z.array(z.string()),
  coverage: Coverage,
});
export type YearView = z.infer<typeof YearView>;

const Move = z.object({ before: z.string().optional(), after: z.string().optional() });
export const PreviewAnswer = z.object({
  academicYear: z.string(),
  changes: z.array(
    z.object({
      academicYear: z.string(),
      term: z.number().int(),
      start: Move,
      end: Move,
      schoolDays: z.object({ before: z.number().int().optional(), after: z.number().int() }),
      /** The KPI return's due instant. */
      returnDue: Move,
      /** The reminder steps for that return (when each goes out). */
      reminders: z.array(z.object({ step: z.string(), before: z.string().optional(), after: z.string().optional() })),
      /** Reminders for this term's return already written down (sent or waiting to be sent). */
      remindersAlreadyPlanned: z.number().int(),
      moved: z.boolean(),
    }),
  ),
  /** LIFT meetings planned on days the new terms no longer cover (their referral deadlines go with them). */
  meetingsOutsideTerms: z.number().int(),
  coverage: Coverage,
});
export type PreviewAnswer = z.infer<typeof PreviewAnswer>;

export const GovUkBankHolidaysBody = z
  .object({
    "england-and-wales": z.object({
      division: z.string(),
      events: z.array(z.object({ title: z.string().trim().min(1).max(200), date: IsoDate, notes: z.string().optional(), bunting: z.boolean().optional() })).max(500),
    }),
  })
  .catchall(z.unknown())
  .meta({ description: "The GOV.UK bank-holidays file (https://www.gov.uk/bank-holidays.json); only England and Wales is used" });

export const DistrictDayParams = z.object({ district: DistrictSlugParam, date: IsoDate });
export const DistrictDayBody = z.object({ kind: z.enum(DISTRICT_DAY_KINDS), note: z.string().trim().max(200).optional() });
export const MonitoringParams = z.object({ district: DistrictSlugParam, year: AcademicYear, covers: z.enum(MONITORING_COVERS) });
export const MonitoringBody = z.object({ at: z.iso.datetime({ offset: true }), packUrl: z.url({ protocol: /^https?$/ }).max(500).optional() });

// ---------------------------------------------------------------------------------------------
// People

export const PersonInput = z.object({
  oid: z.guid("Expected the person's Entra object id (pick them from the directory)"),
  upn: z.string().trim().toLowerCase().email().max(256),
  displayName: z.string().trim().min(1).max(120),
  role: Role,
  districtSlug: DistrictSlugParam.optional(),
  settingId: z.string().regex(/^[A-Z]{3}-[A-Z]\d+$/, "Expected a setting id such as DOV-P1").optional(),
  areaName: AreaName.optional(),
  chairOf: z.array(z.string().trim().min(1).max(80)).max(20).optional(),
  /** A countywide team (sensory, physical disability); a change replaces it, so send it to keep it. */
  countyTeam: CountyTeamName.optional(),
});
export type PersonInput = z.infer<typeof PersonInput>;
export const UpdatePersonBody = PersonInput.omit({ oid: true }).extend({ eTag: ETag.optional() });
export const PersonParams = z.object({ oid: z.string().min(1) });

export const PersonView = PersonInput.extend({ active: z.boolean(), deactivatedAt: z.string().optional(), eTag: z.string() });
export type PersonView = z.infer<typeof PersonView>;
export const PeopleAdminQuery = z.object({ district: DistrictSlugParam.optional(), inactive: z.enum(["include", "only"]).optional() });

export const ImportPeopleBody = z.object({ csv: z.string().min(1, "The CSV file is empty").max(500_000) });
export const ImportPeopleAnswer = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });

export const DirectoryUser = z.object({ oid: z.string(), displayName: z.string(), upn: z.string() });
export const DirectoryQuery = z.object({ q: z.string().trim().min(2, "Type at least two letters").max(100) });

export const adminApi = {
  calendarYear: route("GET /admin/calendar/:year", "An academic year's terms (school days, KPI due dates), bank holidays, district days and monitoring meetings the caller may see", { params: YearParam, responses: { 200: YearView }, errors: [403] }),
  previewYear: route("POST /admin/calendar/:year/preview", "What saving these terms would move: term dates, school days, KPI due dates, reminder dates, reminders already planned", { params: YearParam, body: SaveYearBody, responses: { 200: PreviewAnswer }, errors: [403] }),
  saveYear: route("PUT /admin/calendar/:year", "Save an academic year's six terms (commissioners)", { params: YearParam, body: SaveYearBody, responses: { 200: YearView }, errors: [403] }),
  importBankHolidays: route("POST /admin/calendar/bank-holidays", "Import bank holidays from the GOV.UK bank-holidays file (England and Wales; commissioners)", { body: GovUkBankHolidaysBody, responses: { 200: z.object({ added: z.array(z.string()), unchanged: z.number().int() }) }, errors: [403] }),
  setDistrictDay: route("PUT /admin/calendar/districts/:district/days/:date", "Mark an INSET or closure day of a district (its lead or a commissioner)", { params: DistrictDayParams, body: DistrictDayBody, responses: { 200: DistrictDayView }, errors: [403, 404] }),
  removeDistrictDay: route("DELETE /admin/calendar/districts/:district/days/:date", "Remove a district's INSET or closure day", { params: DistrictDayParams, responses: { 204: null }, errors: [403, 404] }),
  setMonitoring: route("PUT /admin/calendar/districts/:district/monitoring/:year/:covers", "Set a district's monitoring meeting date and pack link", { params: MonitoringParams, body: MonitoringBody, responses: { 200: MonitoringView }, errors: [403, 404] }),
  coverage: route("GET /admin/coverage", "Whether the calendar holds the current and the next two terms (any signed-in user)", { responses: { 200: Coverage } }),
  listPeople: route("GET /admin/people", "The people the caller administers: everyone for commissioners, their district's for a lead", { query: PeopleAdminQuery, responses: { 200: z.object({ items: z.array(PersonView) }) }, errors: [403, 404] }),
  addPerson: route("POST /admin/people", "Add a person (or bring back one switched off); effective at their next sign-in", { body: PersonInput, responses: { 201: PersonView }, errors: [403, 404, 409] }),
  updatePerson: route("PUT /admin/people/:oid", "Change a person's role, district, setting or LIFT groups", { params: PersonParams, body: UpdatePersonBody, responses: { 200: PersonView }, errors: [403, 404, 412] }),
  deactivatePerson: route("POST /admin/people/:oid/deactivate", "Switch a person off: they sign in to nothing and get no reminders", { params: PersonParams, responses: { 200: PersonView }, errors: [403, 404] }),
  reactivatePerson: route("POST /admin/people/:oid/reactivate", "Switch a person back on", { params: PersonParams, responses: { 200: PersonView }, errors: [403, 404] }),
  importPeople: route("POST /admin/people/import", "Add or change people from a CSV (columns: oid, upn, displayName, role, district, setting, area, chairOf): all rows or none, 400 with detail.errors by row", { body: ImportPeopleBody, responses: { 200: ImportPeopleAnswer }, errors: [403] }),
  directory: route("GET /admin/directory", "Look a person up in the organisation's directory (Microsoft Entra ID; demo users locally) to get their object id", { query: DirectoryQuery, responses: { 200: z.object({ items: z.array(DirectoryUser) }) }, errors: [403, 502] }),
} as const;
