/**
 * The reporting calendar as commissioners and leads keep it: an academic year's six terms (checked by
 * src/domain/admin, previewed before saving), the bank holidays from the GOV.UK file, each district's
 * INSET and closure days and its monitoring meetings. Reference data is cached (core/list-reference-data.ts),
 * so every write invalidates the cache: the next deadline, due date or reminder pass sees it at once.
 */
import { checkAcademicYearTerms, type TermEntry } from "../../../domain/admin/academic-year-terms";
import { previewCalendarChange, withYearTerms } from "../../../domain/admin/calendar-preview";
import { planBankHolidayImport, type GovUkBankHolidays } from "../../../domain/admin/gov-uk-bank-holidays";
import { returnPeriod } from "../../../domain/reminders/plan";
import { firstDayOfAcademicYear, lastDayOfAcademicYear } from "../../../domain/time/academic-year";
import { calendarCoverage, type CalendarCoverage } from "../../../domain/time/coverage";
import { findTerm, resolveReturnDue, schoolDaysOfTerm, termContaining, type ReportingCalendar } from "../../../domain/time/calendar";
import { ukDateOf } from "../../../domain/time/uk-clock";
import { AppError, type FieldErrors } from "../../../errors";
import type { PreviewAnswer, TermInput, YearView } from "../../../schemas/admin/api";
import type { DistrictDay } from "../../../schemas/reference/district-day";
import type { MonitoringMeetingRecord } from "../../../schemas/reference/monitoring-meeting";
import type { Person } from "../../../schemas/reference/person";
import type { FeatureContext } from "../../core/feature-context";

/** What the preview needs from other features: reminders already written down, and planned LIFT meetings. */
export interface CalendarDependents {
  /** How many return reminders the outbox holds per period ("2027-28-T1"). */
  remindersPlanned(periods: readonly string[]): Promise<Map<string, number>>;
  /** The UK dates of LIFT meetings planned between two dates. */
  meetingDates(from: string, to: string): Promise<string[]>;
}

type Ctx = Pick<FeatureContext, "stores" | "reference" | "audit" | "now">;

function requireCommissioner(caller: Person, what: string): void {
  if (caller.role !== "commissioner") throw new AppError("forbidden", `${what} is for commissioners.`);
}

/** Districts whose days and meetings the caller may change. */
function editableDistricts(caller: Person, all: readonly string[]): string[] {
  if (caller.role === "commissioner") return [...all];
  if (caller.role === "district_lead" && caller.districtSlug) return [caller.districtSlug];
  return [];
}

export class CalendarAdminService {
  constructor(
    private readonly ctx: Ctx,
    private readonly dependents: CalendarDependents,
  ) {}

  private requireViewer(caller: Person): void {
    if (caller.role !== "commissioner" && caller.role !== "district_lead") throw new AppError("forbidden", "The calendar is kept by commissioners and district leads.");
  }

  private async requireDistrict(caller: Person, slug: string): Promise<void> {
    this.requireViewer(caller);
    const districts = await this.ctx.reference.districts();
    if (!districts.some((d) => d.slug === slug)) throw new AppError("not_found", `There is no district '${slug}'.`);
    if (!editableDistricts(caller, districts.map((d) => d.slug)).includes(slug)) {
      throw new AppError("forbidden", "You can change your own district's calendar only.");
    }
  }

  private refreshed(): void {
    this.ctx.reference.invalidate?.();
  }

  async coverage(): Promise<CalendarCoverage> {
    const calendar = await this.ctx.reference.calendar();
    return calendarCoverage(calendar.terms, ukDateOf(this.ctx.now()));
  }

  async year(caller: Person, academicYear: string): Promise<YearView> {
    this.requireViewer(caller);
    const [calendar, holidays, districts] = await Promise.all([this.ctx.reference.calendar(), this.ctx.stores.bankHolidays.all(), this.ctx.reference.districts()]);
    const from = firstDayOfAcademicYear(academicYear);
    const to = lastDayOfAcademicYear(academicYear);
    const mine = editableDistricts(caller, districts.map((d) => d.slug));
    const visible = (slug: string) => caller.role === "commissioner" || mine.includes(slug);
    const days = (await this.ctx.stores.districtDays.all()).map((i) => i.value).filter((d) => d.date >= from && d.date <= to && visible(d.districtSlug));
    const set = new Set((await this.ctx.stores.monitoringMeetings.all()).map((i) => `${i.value.districtSlug}:${i.value.academicYear}:${i.value.covers}`));
    return {
      academicYear,
      terms: calendar.terms
        .filter((t) => t.academicYear === academicYear)
        .map((t) => {
          const due = resolveReturnDue(t, calendar);
          return {
            academicYear,
            term: t.term,
            start: t.start,
            end: t.end,
            ...(t.returnDueAt ? { returnDueAt: t.returnDueAt } : {}),
            ...(t.returnDueSchoolDay ? { returnDueSchoolDay: t.returnDueSchoolDay } : {}),
            schoolDays: schoolDaysOfTerm(t, calendar).length,
            ...(due.ok ? { returnDue: due.dueAt, returnDueSource: due.source === "override" ? "override" : t.returnDueSchoolDay ? "school-day" : "default" } : {}),
          } as YearView["terms"][number];
        }),
      bankHolidays: holidays
        .map((h) => h.value)
        .filter((h) => h.date >= from && h.date <= to)
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((h) => ({ date: h.date, name: h.name })),
      districtDays: days.sort((a, b) => a.date.localeCompare(b.date)).map((d) => ({ districtSlug: d.districtSlug, date: d.date, kind: d.kind, ...(d.note ? { note: d.note } : {}) })),
      monitoringMeetings: calendar.monitoringMeetings
        .filter((m) => m.academicYear === academicYear && visible(m.districtSlug))
        .map((m) => {
          const covers = `${m.covers[0]}-${m.covers[1]}` as MonitoringMeetingRecord["covers"];
          return { districtSlug: m.districtSlug, academicYear, covers, at: m.at, ...(m.packUrl ? { packUrl: m.packUrl } : {}), set: set.has(`${m.districtSlug}:${academicYear}:${covers}`) };
        }),
      canEditTerms: caller.role === "commissioner",
      editableDistricts: mine,
      coverage: await this.coverage(),
    };
  }

  private async checked(academicYear: string, terms: readonly TermInput[], calendar: ReportingCalendar): Promise<void> {
    const problems = checkAcademicYearTerms(academicYear, terms as TermEntry[], { others: calendar.terms, bankHolidays: calendar.bankHolidays });
    if (Object.keys(problems).length > 0) {
      const fieldErrors: FieldErrors = Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, [v]]));
      throw new AppError("validation_failed", "Check the term dates.", { fieldErrors });
    }
  }

  async preview(caller: Person, academicYear: string, terms: readonly TermInput[]): Promise<PreviewAnswer> {
    requireCommissioner(caller, "Changing term dates");
    const before = await this.ctx.reference.calendar();
    await this.checked(academicYear, terms, before);
    const after = withYearTerms(before, academicYear, terms);
    const changes = previewCalendarChange(before, after, academicYear);
    const planned = await this.dependents.remindersPlanned(changes.map((c) => returnPeriod(c.academicYear, c.term)));
    // Meetings planned inside the old terms of this year that the new terms no longer cover.
    const from = firstDayOfAcademicYear(academicYear);
    const to = lastDayOfAcademicYear(academicYear);
    const meetings = await this.dependents.meetingDates(from, to);
    const meetingsOutsideTerms = meetings.filter((d) => termContaining(d, before) && !termContaining(d, after)).length;
    return {
      academicYear,
      changes: changes.map((c) => ({ ...c, remindersAlreadyPlanned: planned.get(returnPeriod(c.academicYear, c.term)) ?? 0 })),
      meetingsOutsideTerms,
      coverage: calendarCoverage(after.terms, ukDateOf(this.ctx.now())),
    };
  }

  async save(caller: Person, academicYear: string, terms: readonly TermInput[]): Promise<YearView> {
    requireCommissioner(caller, "Changing term dates");
    const calendar = await this.ctx.reference.calendar();
    await this.checked(academicYear, terms, calendar);
    const store = this.ctx.stores.terms;
    const existing = await store.all({ where: { academicYear } });
    const before = findTerm(calendar, academicYear, 1);
    await this.ctx.audit.change(caller, { action: before ? "admin.calendar.change_year" : "admin.calendar.add_year", listTitle: store.title, detail: { academicYear, terms: terms.length } }, async () => {
      for (const t of terms) {
        const value = { academicYear, term: t.term, start: t.start, end: t.end, returnDueAt: t.returnDueAt, returnDueSchoolDay: t.returnDueSchoolDay };
        const item = existing.find((i) => i.value.term === t.term);
        if (item) await store.update(item.id, value, { eTag: item.eTag });
        else await store.create(value, { idempotencyKey: `term:${academicYear}:${t.term}` });
      }
    });
    this.refreshed();
    return this.year(caller, academicYear);
  }

  async importBankHolidays(caller: Person, file: GovUkBankHolidays): Promise<{ added: string[]; unchanged: number }> {
    requireCommissioner(caller, "Importing bank holidays");
    const store = this.ctx.stores.bankHolidays;
    const plan = planBankHolidayImport(file, (await store.all()).map((i) => i.value));
    await this.ctx.audit.change(caller, { action: "admin.calendar.import_bank_holidays", listTitle: store.title, detail: { added: plan.added.length, unchanged: plan.unchanged.length } }, async () => {
      if (plan.added.length > 0) await store.createMany(plan.added.map((h) => ({ value: h, idempotencyKey: `bank-holiday:${h.division}:${h.date}` })));
    });
    this.refreshed();
    return { added: plan.added.map((h) => h.date), unchanged: plan.unchanged.length };
  }

  async setDistrictDay(caller: Person, districtSlug: string, date: string, body: Pick<DistrictDay, "kind" | "note">): Promise<DistrictDay> {
    await this.requireDistrict(caller, districtSlug);
    const store = this.ctx.stores.districtDays;
    const value: DistrictDay = { districtSlug, date, kind: body.kind, ...(body.note ? { note: body.note } : {}) };
    const [item] = (await store.all({ where: { districtSlug } })).filter((i) => i.value.date === date);
    const saved = await this.ctx.audit.change(
      caller,
      { action: "admin.calendar.district_day", listTitle: store.title, itemId: item?.id, detail: { district: districtSlug, date, kind: body.kind } },
      () => (item ? store.update(item.id, { ...value, note: body.note }, { eTag: item.eTag }) : store.create(value, { idempotencyKey: `district-day:${districtSlug}:${date}` })),
      (s) => ({ itemId: s.id }),
    );
    this.refreshed();
    return saved.value;
  }

  async removeDistrictDay(caller: Person, districtSlug: string, date: string): Promise<void> {
    await this.requireDistrict(caller, districtSlug);
    const store = this.ctx.stores.districtDays;
    const [item] = (await store.all({ where: { districtSlug } })).filter((i) => i.value.date === date);
    if (!item) throw new AppError("not_found", `${districtSlug} has no INSET or closure day on ${date}.`);
    await this.ctx.audit.change(caller, { action: "admin.calendar.remove_district_day", listTitle: store.title, itemId: item.id, detail: { district: districtSlug, date } }, () =>
      store.delete(item.id, { eTag: item.eTag }),
    );
    this.refreshed();
  }

  async setMonitoring(caller: Person, districtSlug: string, academicYear: string, covers: MonitoringMeetingRecord["covers"], body: { at: string; packUrl?: string }) {
    await this.requireDistrict(caller, districtSlug);
    const store = this.ctx.stores.monitoringMeetings;
    const value: MonitoringMeetingRecord = { districtSlug, academicYear, covers, at: body.at, ...(body.packUrl ? { packUrl: body.packUrl } : {}) };
    const [item] = (await store.all({ where: { districtSlug } })).filter((i) => i.value.academicYear === academicYear && i.value.covers === covers);
    const saved = await this.ctx.audit.change(
      caller,
      { action: "admin.calendar.monitoring_meeting", listTitle: store.title, itemId: item?.id, detail: { district: districtSlug, academicYear, covers, date: ukDateOf(body.at) } },
      () =>
        item
          ? store.update(item.id, { ...value, packUrl: body.packUrl }, { eTag: item.eTag })
          : store.create(value, { idempotencyKey: `monitoring:${districtSlug}:${academicYear}:${covers}` }),
      (s) => ({ itemId: s.id }),
    );
    this.refreshed();
    return { districtSlug, academicYear, covers, at: saved.value.at, ...(saved.value.packUrl ? { packUrl: saved.value.packUrl } : {}), set: true };
  }
}
