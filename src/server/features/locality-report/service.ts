/**
 * The locality report: a district's work for a term or the academic year so far, by locality and by
 * LIFT group, counted from each setting's records with the rules the KPI prefill uses
 * (src/domain/lift-meetings/lift-work.ts) and grouped by src/domain/locality-report/report.ts.
 * Access is checked here for every call; every read is audited. Only counts leave this module.
 */
import { AppError } from "../../../errors";
import { liftWork, type WorkMeeting, type WorkReferral } from "../../../domain/lift-meetings/lift-work";
import { localityReportRows, workBySetting } from "../../../domain/locality-report/report";
import { toCsv } from "../../../domain/kpi/csv";
import { inSummaryScope, summaryScopeOf } from "../../../domain/kpi/oversight-scope";
import { engagedSettings, type EngagementInput } from "../../../domain/settings-register/engagement";
import type { District } from "../../../domain/reference/districts";
import type { Term, TermNumber } from "../../../domain/time/calendar";
import { ukToday } from "../../../domain/time/uk-clock";
import { LOCALITY_REPORT_MEASURES, type LocalityReport, type LocalityReportRow } from "../../../schemas/locality-report/api";
import type { Person } from "../../../schemas/reference/person";
import type { FeatureContext } from "../../core/feature-context";

/** The records the report counts, each feature's list read by the composition root. */
export interface LocalityRecordsReader {
  /** The referrals made in the district (their own district, which a split never changes). */
  referrals(districtSlug: string): Promise<readonly WorkReferral[]>;
  meetings(districtSlug: string): Promise<readonly (WorkMeeting & { liftGroupId?: string })[]>;
  /** The district STLS's own cases (not the county teams'), with the date each closed. */
  cases(districtSlug: string): Promise<readonly (EngagementInput["cases"][number] & { closedAt?: string })[]>;
  visits(): Promise<EngagementInput["visits"]>;
  clinics(districtSlug: string): Promise<EngagementInput["clinics"]>;
  /** The district's training sessions with their audience and attendance (staff sessions count). */
  trainingSessions(districtSlug: string): Promise<readonly { date: string; audience: string; settingIds: readonly string[] }[]>;
}

/**
 * Who may read a district's report: a district lead, specialist teacher or LIFT member their own
 * district; everyone who reads the KPI summary the part of the county it shows them (commissioners
 * any). Another district is as if it did not exist (404); anyone else 403.
 */
const TEAM: ReadonlySet<Person["role"]> = new Set(["district_lead", "specialist_teacher", "lift_member"]);

function mayRead(p: Person, d: District): boolean {
  if (TEAM.has(p.role)) return p.districtSlug === d.slug;
  const scope = summaryScopeOf(p);
  return scope !== undefined && inSummaryScope(scope, d);
}

const invalid = (field: string, message: string) => new AppError("validation_failed", message, { fieldErrors: { [field]: [message] } });

export class LocalityReportService {
  constructor(
    private readonly ctx: FeatureContext,
    private readonly records: LocalityRecordsReader,
  ) {}

  async report(p: Person, query: { district: string; year: string; term?: TermNumber }): Promise<LocalityReport> {
    if (!TEAM.has(p.role) && !summaryScopeOf(p)) throw new AppError("forbidden", "The locality report is for commissioners, district teams and the LIFT Executives.");
    const district = (await this.ctx.reference.districts()).find((d) => d.slug === query.district);
    if (!district || !mayRead(p, district)) throw new AppError("not_found", "There is no such district.");

    const calendar = await this.ctx.reference.calendar();
    const yearTerms = calendar.terms.filter((t) => t.academicYear === query.year);
    if (yearTerms.length === 0) throw invalid("year", `There are no term dates for ${query.year}.`);
    const today = ukToday(this.ctx.now());
    let period: Term[];
    if (query.term !== undefined) {
      const t = yearTerms.find((x) => x.term === query.term);
      if (!t) throw invalid("term", `There are no dates for term ${query.term} of ${query.year}.`);
      period = [t];
    } else {
      // The year so far: the terms that have begun (the first, before the year begins).
      const begun = yearTerms.filter((t) => t.start <= today);
      period = begun.length > 0 ? begun : yearTerms.slice(0, 1);
    }
    const from = (period[0] as Term).start;
    const last = (period[period.length - 1] as Term).end;
    const to = today >= last ? last : today >= from ? today : from;

    const slug = district.slug;
    const [referrals, meetings, cases, visits, clinics, sessions, settings, localities, liftGroups] = await Promise.all([
      this.records.referrals(slug),
      this.records.meetings(slug),
      this.records.cases(slug),
      this.records.visits(),
      this.records.clinics(slug),
      this.records.trainingSessions(slug),
      this.ctx.reference.settings(),
      this.ctx.reference.localities(),
      this.ctx.reference.liftGroups(),
    ]);
    const lift = liftWork({ referrals, meetings, period, calendar: calendar.terms });
    const training = sessions.filter((s) => s.audience === "staff");
    const range = { start: from, end: to };
    const supported = engagedSettings({ term: range, discussedReferrals: lift.discussed, cases, visits, clinics, training });
    const work = workBySetting({ period: range, lift, cases, training, supported });
    const rows = localityReportRows({ districtSlug: slug, districtName: district.name, period: range, settings, localities, liftGroups, work, heldMeetings: lift.held });

    // Counts only, but they are counted from children's referrals and cases: the read is audited.
    await this.ctx.audit.record(p, { action: "kpi.locality_report_read", listTitle: "Referrals", detail: { district: slug, academicYear: query.year, term: query.term ?? null, localities: rows.byLocality.length, liftGroups: rows.byLiftGroup.length } });
    return { district: { slug, name: district.name }, academicYear: query.year, term: query.term ?? null, from, to, ...rows };
  }

  /** The report as CSV: one line per row (district, localities, LIFT groups), every cell neutralised. */
  async csv(p: Person, query: { district: string; year: string; term?: TermNumber }): Promise<{ name: string; data: Buffer }> {
    const r = await this.report(p, query);
    const header = ["district", "academic_year", "period", "from", "to", "grouping", "kind", "name", "settings", "lift_meetings_held", ...LOCALITY_REPORT_MEASURES.map((m) => m.id.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))];
    const period = r.term === null ? "year_to_date" : `T${r.term}`;
    const line = (grouping: string, row: LocalityReportRow) => [
      r.district.name,
      r.academicYear,
      period,
      r.from,
      r.to,
      grouping,
      row.kind,
      row.name,
      row.settings === null ? "" : String(row.settings),
      row.meetingsHeld === null ? "" : String(row.meetingsHeld),
      ...LOCALITY_REPORT_MEASURES.map((m) => String(row.figures[m.id])),
    ];
    const lines = [header, line("district", r.total), ...r.byLocality.map((row) => line("locality", row)), ...r.byLiftGroup.map((row) => line("lift_group", row))];
    return { name: `locality-report-${r.district.slug}-${r.academicYear}-${period}.csv`, data: Buffer.from(toCsv(lines), "utf8") };
  }
}
