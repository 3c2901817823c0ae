/**
 * The reminder plan: which reminders are due now, as a pure function of
 * (calendar, people, returns, sent log, snoozes, now). The bot writes each due reminder down under its
 * key before sending it; this module never sends, stores or reads the clock. See README.md here.
 */
import { AppError } from "../../errors";
import { addDays, districtCalendar, nextSchoolDayAfter, nthSchoolDayAfter, previousSchoolDayBefore, resolveReturnDue, schoolDaysBetween, type MonitoringCovers, type ReportingCalendar, type TermNumber } from "../time/calendar";
import { atUkTime, normaliseInstant, ukDateOf } from "../time/uk-clock";
import { type AcademicYear } from "../time/academic-year";
import { expectedIn, type Lifetime } from "../structure/lifetime";

/**
 * A district to plan for: its slug, or the district itself with its dates, so no term before it
 * started or after it retired is chased (`expectedIn`).
 */
export type PlannedDistrict = string | ({ slug: string } & Lifetime);

/** Slugs and dates of districts given either way, one per slug (the first given). */
function lifetimesOf(districts: readonly PlannedDistrict[]): Map<string, Lifetime> {
  const out = new Map<string, Lifetime>();
  for (const d of districts) {
    const slug = typeof d === "string" ? d : d.slug;
    if (!out.has(slug)) out.set(slug, typeof d === "string" ? {} : d);
  }
  return out;
}

export type ReminderKind = "return" | "monitoring";
export type ReturnStatus = "not_started" | "draft" | "submitted" | "returned";

/** Reminders go out at this UK wall-clock time. */
export const REMINDER_TIME = { hour: 9, minute: 0 } as const;
/** Overdue reminders repeat every this many school days. */
export const OVERDUE_EVERY_SCHOOL_DAYS = 5;
/** A reminder picked up more than this long after its time is marked `late`. */
export const DEFAULT_LATE_AFTER_MINUTES = 60;
/** Safety stop for the overdue series. */
const MAX_OVERDUE_STEPS = 500;

/** A district's termly return (KPI report and LAR) as far as reminders care. */
export interface ReturnRecord {
  districtSlug: string;
  academicYear: AcademicYear;
  term: TermNumber;
  /** Only "submitted" stops reminders; "returned" (sent back for changes) keeps them going. */
  status: ReturnStatus;
  /** Parts still missing, for the reminder's wording. */
  missing?: readonly string[];
}

/** Someone who may receive reminders. People with a role other than district_lead are ignored. */
export interface ReminderPerson {
  oid: string;
  upn: string;
  districtSlug?: string;
  role?: string;
}

export interface Recipient {
  oid: string;
  upn: string;
}

/** A key already written down (sent, or recorded as skipped) — it is never planned again. */
export interface SentRecord {
  key: string;
  sentAt: string;
}

/** "Remind me later" for one series: reminders are held until `until`, when one reminder goes out. */
export interface Snooze {
  kind: ReminderKind;
  districtSlug: string;
  period: string;
  until: string;
}

export type ReturnStep =
  | "7-days-before"
  | "school-day-before"
  | "due-day"
  | "first-school-day-after"
  | `overdue-${number}`
  | `snooze-${string}`;
export type MonitoringStep = "7-days-before" | "school-day-before" | `snooze-${string}`;

interface PlannedBase {
  /** Stable unique key: `${kind}:${districtSlug}:${period}:${step}`. */
  key: string;
  districtSlug: string;
  academicYear: AcademicYear;
  period: string;
  /** When it should have gone out (UTC ISO instant). */
  scheduledAt: string;
  recipients: Recipient[];
  /** Picked up well after its time (the app was down, or it was held by a snooze). */
  late: boolean;
}

export interface PlannedReturnReminder extends PlannedBase {
  kind: "return";
  step: ReturnStep;
  term: TermNumber;
  dueAt: string;
  status: Exclude<ReturnStatus, "submitted">;
  missing: string[];
}

export interface PlannedMonitoringReminder extends PlannedBase {
  kind: "monitoring";
  step: MonitoringStep;
  covers: MonitoringCovers;
  meetingAt: string;
  packUrl?: string;
}

export type PlannedReminder = PlannedReturnReminder | PlannedMonitoringReminder;

/** Final: record these keys as skipped so they are not reported again. */
export type SkipReason = "superseded" | "meeting-passed";
export interface SkippedReminder {
  key: string;
  scheduledAt: string;
  reason: SkipReason;
  /** For "superseded": the key that goes (or went) out instead. */
  supersededBy?: string;
}

/** Not final: the reminder is due but waits (do not record it). */
export type HoldReason = "snoozed" | "no-recipients";
export interface HeldReminder {
  key: string;
  scheduledAt: string;
  reason: HoldReason;
  until?: string;
}

export interface PlanProblem {
  kind: ReminderKind;
  period: string;
  districtSlug?: string;
  message: string;
}

export interface PlanInput {
  calendar: ReportingCalendar;
  /** District leads (people with another role are ignored). */
  people: readonly ReminderPerson[];
  returns: readonly ReturnRecord[];
  sent: readonly SentRecord[];
  snoozes?: readonly Snooze[];
  /** The time to plan for (ISO instant). */
  now: string;
  /** Districts to remind about returns (with their dates, to skip terms they were not open in). Default: every district with a lead or a return. */
  districts?: readonly PlannedDistrict[];
  /**
   * Go-live: ignore returns due and meetings held before this instant, and any step scheduled before
   * it, so terms from before the app do not produce reminders.
   */
  notBefore?: string;
  lateAfterMinutes?: number;
}

export interface ReminderPlan {
  due: PlannedReminder[];
  skipped: SkippedReminder[];
  held: HeldReminder[];
  problems: PlanProblem[];
  /** The next time a reminder falls due, as far as can be known now (for the scheduler's next wake-up). */
  nextAt?: string;
}

// ---------------------------------------------------------------------------------------------
// Keys and periods

/** "2025-26-T1". */
export function returnPeriod(academicYear: AcademicYear, term: TermNumber): string {
  return `${academicYear}-T${term}`;
}

/** "2025-26-T1-2". */
export function monitoringPeriod(academicYear: AcademicYear, covers: MonitoringCovers): string {
  return `${academicYear}-T${covers[0]}-${covers[1]}`;
}

export function reminderKey(parts: { kind: ReminderKind; districtSlug: string; period: string; step: string }): string {
  for (const [name, value] of Object.entries(parts)) {
    if (value.length === 0 || value.includes(":")) {
      throw new AppError("validation_failed", `Reminder key part '${name}' must be non-empty and contain no ':' (got '${value}').`);
    }
  }
  return `${parts.kind}:${parts.districtSlug}:${parts.period}:${parts.step}`;
}

export function parseReminderKey(
  key: string,
): { kind: ReminderKind; districtSlug: string; period: string; step: string } | undefined {
  const parts = key.split(":");
  if (parts.length !== 4) return undefined;
  const [kind, districtSlug, period, step] = parts as [string, string, string, string];
  if (kind !== "return" && kind !== "monitoring") return undefined;
  if (!districtSlug || !period || !step) return undefined;
  return { kind, districtSlug, period, step };
}

/** The step name of a snooze reminder: "snooze-20260117T0900Z" (its time in UTC). */
export function snoozeStep(until: string): `snooze-${string}` {
  return `snooze-${normaliseInstant(until).replace(/[-:]/g, "").replace(/00Z$/, "Z")}`;
}

// ---------------------------------------------------------------------------------------------
// Schedules (the same for every district)

export interface ScheduledStep {
  step: string;
  scheduledAt: string;
}

function at9(date: string): string {
  return atUkTime(date, REMINDER_TIME.hour, REMINDER_TIME.minute);
}

/** "7 days before" (calendar days) and "the school day before", dropping the latter when it is not later. */
function beforeSteps(targetDate: string, calendar: ReportingCalendar): ScheduledStep[] {
  const weekBefore = addDays(targetDate, -7);
  const steps: ScheduledStep[] = [{ step: "7-days-before", scheduledAt: at9(weekBefore) }];
  const dayBefore = previousSchoolDayBefore(targetDate, calendar);
  if (dayBefore && dayBefore > weekBefore) steps.push({ step: "school-day-before", scheduledAt: at9(dayBefore) });
  return steps;
}

/**
 * The return's reminder steps, in time order, up to `now` plus the first one after it (the series of
 * overdue steps has no natural end: it runs until the calendar runs out of school days).
 */
export function returnSchedule(dueAt: string, calendar: ReportingCalendar, now: string): ScheduledStep[] {
  const dueDate = ukDateOf(dueAt);
  const dueDay9 = at9(dueDate);
  const steps = beforeSteps(dueDate, calendar);
  // On the due date at 09:00 — or at the deadline itself if a commissioner set it earlier than 09:00.
  steps.push({ step: "due-day", scheduledAt: dueAt < dueDay9 ? dueAt : dueDay9 });
  const firstAfter = nextSchoolDayAfter(dueDate, calendar);
  if (!firstAfter) return steps;
  steps.push({ step: "first-school-day-after", scheduledAt: at9(firstAfter) });
  let previous = firstAfter;
  for (let n = 1; n <= MAX_OVERDUE_STEPS; n++) {
    const day = nthSchoolDayAfter(previous, OVERDUE_EVERY_SCHOOL_DAYS, calendar);
    if (!day) break;
    const scheduledAt = at9(day);
    steps.push({ step: `overdue-${n}`, scheduledAt });
    if (scheduledAt > now) break;
    previous = day;
  }
  return steps;
}

/** A monitoring meeting's reminder steps: 7 days (calendar) and 1 school day before, at 09:00 UK. */
export function monitoringSchedule(meetingAt: string, calendar: ReportingCalendar): ScheduledStep[] {
  return beforeSteps(ukDateOf(meetingAt), calendar);
}

// ---------------------------------------------------------------------------------------------
// The plan

interface SeriesContext {
  now: string;
  notBefore?: string;
  lateAfterMs: number;
  sentKeys: ReadonlySet<string>;
  snoozes: readonly Snooze[];
}

type SeriesOutcome =
  | { kind: "nothing"; nextAt?: string }
  | {
      kind: "series";
      due?: { key: string; step: string; scheduledAt: string; late: boolean };
      held?: HeldReminder;
      skipped: SkippedReminder[];
      nextAt?: string;
    };

/**
 * The late-once rule for one series (kind, district, period): of the steps whose time has come, only
 * the latest may go out, and only if it has not been written down already; older unsent steps are
 * superseded. An active snooze holds the series; when it ends, the snooze itself is a step.
 */
function resolveSeries(
  base: { kind: ReminderKind; districtSlug: string; period: string },
  schedule: readonly ScheduledStep[],
  ctx: SeriesContext,
  options: { ended?: { reason: SkipReason }; noRecipients: boolean },
): SeriesOutcome {
  const mySnoozes = ctx.snoozes.filter(
    (s) => s.kind === base.kind && s.districtSlug === base.districtSlug && s.period === base.period,
  );
  const all: ScheduledStep[] = [
    ...schedule,
    ...mySnoozes.map((s) => ({ step: snoozeStep(s.until), scheduledAt: normaliseInstant(s.until) })),
  ]
    .filter((s) => !ctx.notBefore || s.scheduledAt >= ctx.notBefore)
    .map((s, index) => ({ ...s, index }))
    // Time order; at the same time a snooze (listed last) or a later step wins.
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt) || a.index - b.index);

  const keyOf = (step: string) => reminderKey({ ...base, step });
  const reached = all.filter((s) => s.scheduledAt <= ctx.now);
  const future = all.find((s) => s.scheduledAt > ctx.now);
  const nextAt = options.ended ? undefined : future?.scheduledAt;
  const unsent = reached.filter((s) => !ctx.sentKeys.has(keyOf(s.step)));
  if (unsent.length === 0) return { kind: "nothing", nextAt };

  if (options.ended) {
    const reason = options.ended.reason;
    return {
      kind: "series",
      skipped: unsent.map((s) => ({ key: keyOf(s.step), scheduledAt: s.scheduledAt, reason })),
    };
  }

  const latest = reached[reached.length - 1]!;
  const latestKey = keyOf(latest.step);
  const skipped: SkippedReminder[] = unsent
    .filter((s) => s !== latest)
    .map((s) => ({ key: keyOf(s.step), scheduledAt: s.scheduledAt, reason: "superseded", supersededBy: latestKey }));
  if (ctx.sentKeys.has(latestKey)) return { kind: "series", skipped, nextAt };

  const activeSnooze = mySnoozes
    .filter((s) => normaliseInstant(s.until) > ctx.now)
    .sort((a, b) => normaliseInstant(b.until).localeCompare(normaliseInstant(a.until)))[0];
  if (activeSnooze) {
    const until = normaliseInstant(activeSnooze.until);
    return { kind: "series", skipped, held: { key: latestKey, scheduledAt: latest.scheduledAt, reason: "snoozed", until }, nextAt };
  }
  if (options.noRecipients) {
    return { kind: "series", skipped, held: { key: latestKey, scheduledAt: latest.scheduledAt, reason: "no-recipients" }, nextAt };
  }
  const late = Date.parse(ctx.now) - Date.parse(latest.scheduledAt) > ctx.lateAfterMs;
  return { kind: "series", due: { key: latestKey, step: latest.step, scheduledAt: latest.scheduledAt, late }, skipped, nextAt };
}

function recipientsByDistrict(people: readonly ReminderPerson[]): Map<string, Recipient[]> {
  const map = new Map<string, Recipient[]>();
  for (const p of people) {
    if (!p.districtSlug || (p.role !== undefined && p.role !== "district_lead")) continue;
    const list = map.get(p.districtSlug) ?? [];
    if (!list.some((r) => r.oid === p.oid)) list.push({ oid: p.oid, upn: p.upn });
    map.set(p.districtSlug, list);
  }
  return map;
}

/** Index returns by district and period. The same return listed twice counts as submitted if either says so. */
function indexReturns(returns: readonly ReturnRecord[]): Map<string, ReturnRecord> {
  const map = new Map<string, ReturnRecord>();
  for (const r of returns) {
    const id = `${r.districtSlug}|${returnPeriod(r.academicYear, r.term)}`;
    const existing = map.get(id);
    if (!existing || existing.status !== "submitted") map.set(id, r);
  }
  return map;
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

/**
 * Plan reminders at `now`. Returns the reminders due now (at most one per (kind, district, period):
 * the latest step whose time has come and that is not in the sent log), the older steps it supersedes,
 * the ones held by a snooze or for want of a recipient, and problems with the calendar.
 */
export function planReminders(input: PlanInput): ReminderPlan {
  const { calendar } = input;
  const now = normaliseInstant(input.now);
  const ctx: SeriesContext = {
    now,
    notBefore: input.notBefore ? normaliseInstant(input.notBefore) : undefined,
    lateAfterMs: (input.lateAfterMinutes ?? DEFAULT_LATE_AFTER_MINUTES) * 60_000,
    sentKeys: new Set(input.sent.map((s) => s.key)),
    snoozes: input.snoozes ?? [],
  };
  const recipients = recipientsByDistrict(input.people);
  const returnsById = indexReturns(input.returns);
  const lifetimes = lifetimesOf(input.districts ?? []);
  const districts = input.districts
    ? [...lifetimes.keys()]
    : [...new Set([...recipients.keys(), ...input.returns.map((r) => r.districtSlug)])].sort();

  const plan: ReminderPlan = { due: [], skipped: [], held: [], problems: [] };
  const collect = (outcome: SeriesOutcome, make: (due: NonNullable<Extract<SeriesOutcome, { kind: "series" }>["due"]>) => PlannedReminder) => {
    plan.nextAt = earliest(plan.nextAt, outcome.nextAt);
    if (outcome.kind === "nothing") return;
    plan.skipped.push(...outcome.skipped);
    if (outcome.held) plan.held.push(outcome.held);
    if (outcome.due) plan.due.push(make(outcome.due));
  };

  // Returns: one series per (district, term).
  for (const term of calendar.terms) {
    const period = returnPeriod(term.academicYear, term.term);
    const due = resolveReturnDue(term, calendar);
    let countySchedule: ScheduledStep[] | undefined;
    if (!due.ok) {
      plan.problems.push({
        kind: "return",
        period,
        message:
          due.reason === "next-term-missing"
            ? "No due date set and the following term is not in the calendar yet, so no reminders can be planned."
            : "No due date set and the following term has fewer than 10 school days.",
      });
      continue;
    }
    const countyDue = due;
    for (const districtSlug of districts) {
      if (!expectedIn(lifetimes.get(districtSlug) ?? {}, term)) continue; // not a district in this term: nothing to chase
      // A district's INSET or closure days move its due date and reminder days (`districtCalendar`).
      const own = districtCalendar(calendar, districtSlug);
      const due = own === calendar ? countyDue : resolveReturnDue(term, own);
      if (!due.ok) continue;
      if (ctx.notBefore && due.dueAt < ctx.notBefore) continue; // due before go-live: not ours to chase
      const record = returnsById.get(`${districtSlug}|${period}`);
      const status = record?.status ?? "not_started";
      if (status === "submitted") continue; // a submitted return yields nothing
      const schedule = own === calendar ? (countySchedule ??= returnSchedule(countyDue.dueAt, calendar, now)) : returnSchedule(due.dueAt, own, now);
      const to = recipients.get(districtSlug) ?? [];
      const outcome = resolveSeries({ kind: "return", districtSlug, period }, schedule, ctx, {
        noRecipients: to.length === 0,
      });
      collect(outcome, (d) => ({
        kind: "return",
        key: d.key,
        districtSlug,
        academicYear: term.academicYear,
        term: term.term,
        period,
        step: d.step as ReturnStep,
        scheduledAt: d.scheduledAt,
        recipients: to,
        late: d.late,
        dueAt: due.dueAt,
        status,
        missing: [...(record?.missing ?? [])],
      }));
    }
  }

  // Monitoring meetings: one series per meeting.
  for (const meeting of calendar.monitoringMeetings) {
    const period = monitoringPeriod(meeting.academicYear, meeting.covers);
    const meetingAt = normaliseInstant(meeting.at);
    if (ctx.notBefore && meetingAt < ctx.notBefore) continue;
    const to = recipients.get(meeting.districtSlug) ?? [];
    if (!meeting.packUrl) {
      plan.problems.push({
        kind: "monitoring",
        period,
        districtSlug: meeting.districtSlug,
        message: "No monitoring pack link set; reminders will go out without one.",
      });
    }
    const outcome = resolveSeries(
      { kind: "monitoring", districtSlug: meeting.districtSlug, period },
      monitoringSchedule(meetingAt, districtCalendar(calendar, meeting.districtSlug)),
      ctx,
      { noRecipients: to.length === 0, ended: now >= meetingAt ? { reason: "meeting-passed" } : undefined },
    );
    collect(outcome, (d) => ({
      kind: "monitoring",
      key: d.key,
      districtSlug: meeting.districtSlug,
      academicYear: meeting.academicYear,
      covers: meeting.covers,
      period,
      step: d.step as MonitoringStep,
      scheduledAt: d.scheduledAt,
      recipients: to,
      late: d.late,
      meetingAt,
      ...(meeting.packUrl ? { packUrl: meeting.packUrl } : {}),
    }));
  }

  const byTimeThenKey = (a: { scheduledAt: string; key: string }, b: { scheduledAt: string; key: string }) =>
    a.scheduledAt.localeCompare(b.scheduledAt) || a.key.localeCompare(b.key);
  plan.due.sort(byTimeThenKey);
  plan.skipped.sort(byTimeThenKey);
  plan.held.sort(byTimeThenKey);
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Commissioners' daily digest

export interface OverdueReturn {
  districtSlug: string;
  academicYear: AcademicYear;
  term: TermNumber;
  period: string;
  dueAt: string;
  status: Exclude<ReturnStatus, "submitted">;
  missing: string[];
  /** School days since the due date, up to and including today (UK). 0 on the due date after 17:00. */
  schoolDaysOverdue: number;
}

export interface OverdueDigestInput {
  calendar: ReportingCalendar;
  returns: readonly ReturnRecord[];
  /** Every district expected to make returns (with its dates: none is chased for a term it was not open in); a district with no return is overdue, not zero. */
  districts: readonly PlannedDistrict[];
  now: string;
  /** Ignore returns due before this instant (e.g. terms before go-live). */
  notBefore?: string;
}

/** Which districts' returns are overdue at `now` (past the due time and not submitted), oldest first. */
export function overdueDigest(input: OverdueDigestInput): OverdueReturn[] {
  const now = normaliseInstant(input.now);
  const notBefore = input.notBefore ? normaliseInstant(input.notBefore) : undefined;
  const returnsById = indexReturns(input.returns);
  const lifetimes = lifetimesOf(input.districts);
  const today = ukDateOf(now);
  const out: OverdueReturn[] = [];
  for (const term of input.calendar.terms) {
    const period = returnPeriod(term.academicYear, term.term);
    for (const [districtSlug, lifetime] of lifetimes) {
      if (!expectedIn(lifetime, term)) continue;
      const calendar = districtCalendar(input.calendar, districtSlug);
      const due = resolveReturnDue(term, calendar);
      if (!due.ok || due.dueAt >= now || (notBefore && due.dueAt < notBefore)) continue;
      const record = returnsById.get(`${districtSlug}|${period}`);
      const status = record?.status ?? "not_started";
      if (status === "submitted") continue;
      out.push({
        districtSlug,
        academicYear: term.academicYear,
        term: term.term,
        period,
        dueAt: due.dueAt,
        status,
        missing: [...(record?.missing ?? [])],
        schoolDaysOverdue: schoolDaysBetween(ukDateOf(due.dueAt), today, calendar),
      });
    }
  }
  return out.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.districtSlug.localeCompare(b.districtSlug));
}
