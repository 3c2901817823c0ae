/**
 * The LIFT meeting figures the termly KPI return and Local Activity Report take (the return's
 * prefill), counted from the records the app keeps. Pure: the caller reads the lists and passes
 * plain values; dates are UK calendar dates (YYYY-MM-DD), inclusive at both ends.
 *
 * Rules (each counts a thing once, so no figure can exceed what was actually recorded):
 * - meetingsHeld: the district's meetings with status `held` whose UK start date is in the range.
 * - casesDiscussed: referrals on those meetings that were discussed — status `discussed` or
 *   `outcome_recorded`, or `closed` with an outcome (a case closed without one was withdrawn).
 * - resolvedAtLift: approved outcomes of those meetings whose categories are only strategies
 *   (`strategies_resolved`) and/or signposting to another agency (`signposted`, `early_help`,
 *   `health_advice`): KPI 1.1 counts requests "resolved at LIFT without the need for further formal
 *   referral or intervention", where resolved means the setting was given strategies to implement
 *   or was signposted to an appropriate agency ([KPI definitions](../../../docs/reference/service.md)).
 *   Any other category (training, peer support, an allocation, EP involvement…) is further
 *   intervention by the service. Drafts never count.
 * - settingsAttending: distinct settings in the attendance of those meetings; for a held meeting
 *   with no attendance record, the settings of its discussed cases (their SENCo presented).
 * - Received (the prefill's referrals): a referral counts in the term whose dates hold its UK
 *   submission date or, when it was submitted in a school holiday, in the term that follows
 *   (`termReceiving`) — LIFT takes it up then, and it must not drop out of every return.
 * - Phase (the prefill's splits): the setting's phase; an all-through school's child by year group,
 *   Reception to Year 6 primary, Year 7 up secondary (`referralPhase`).
 * - allocationsByArea: approved outcomes of those meetings allocating support
 *   (`specialist_teacher_allocated` or `outreach`), one per case, by the referral's primary area
 *   of need (`unknown` when the referral has none).
 */
import { SUPPORT_ALLOCATING, type OutcomeCategory } from "../../schemas/lift-outcomes/outcome";
import type { MeetingCounts } from "../../schemas/lift-outcomes/api";
import { ukDateOf } from "../time/uk-clock";
import { YEAR_GROUPS, yearGroupStage, type YearGroup } from "../time/year-groups";

export interface CountedMeeting {
  id: string;
  districtSlug: string;
  startsAt: string;
  status: string;
}

export interface CountedReferral {
  id: string;
  meetingId?: string;
  settingId: string;
  status: string;
  primaryArea?: string;
  /** Whether the referral carries an outcome (the referral item's `outcome`). */
  hasOutcome?: boolean;
}

export interface CountedOutcome {
  referralId: string;
  meetingId: string;
  status: "draft" | "approved";
  categories: readonly string[];
}

export interface CountedAttendance {
  meetingId: string;
  settingIds: readonly string[];
}

export interface MeetingCountsInput {
  districtSlug: string;
  from: string;
  to: string;
  meetings: readonly CountedMeeting[];
  referrals: readonly CountedReferral[];
  outcomes: readonly CountedOutcome[];
  attendance: readonly CountedAttendance[];
}

export { ukDateOf };

/** Strategies to try, or signposting to another agency (Early Help, health, elsewhere): nothing further from the service. */
export const RESOLVING_CATEGORIES: readonly OutcomeCategory[] = ["strategies_resolved", "signposted", "early_help", "health_advice"];

/** KPI 1.1's "resolved at LIFT" (see the rules above); `categories` are outcome category values. */
export function isResolvedAtLift(categories: readonly string[]): boolean {
  return categories.length > 0 && categories.every((c) => (RESOLVING_CATEGORIES as readonly string[]).includes(c));
}

export function allocatesSupport(categories: readonly string[]): boolean {
  return categories.some((c) => (SUPPORT_ALLOCATING as readonly string[]).includes(c));
}

/** Whether a referral on a held meeting was discussed there (a case closed without an outcome was withdrawn). */
export function wasDiscussed(r: Pick<CountedReferral, "status" | "hasOutcome">): boolean {
  return r.status === "discussed" || r.status === "outcome_recorded" || (r.status === "closed" && r.hasOutcome === true);
}

/** A meeting is held when its status says so: a past meeting still `scheduled` was not recorded as held. */
export function isHeld(m: Pick<CountedMeeting, "status">): boolean {
  return m.status === "held";
}

/**
 * The term a referral submitted on the UK date `date` is received in: the term holding that date or,
 * in a school holiday, the next term to start. Undefined after the last term the calendar knows.
 */
export function termReceiving<T extends { start: string; end: string }>(date: string, terms: readonly T[]): T | undefined {
  let next: T | undefined;
  for (const t of terms) {
    if (date >= t.start && date <= t.end) return t;
    if (t.start > date && (next === undefined || t.start < next.start)) next = t;
  }
  return next;
}

export type ReferralPhase = "primary" | "secondary" | "ey";

/**
 * The phase a referral is counted under: the setting's phase, and for an all-through school the
 * child's year group. Undefined when the phase (or an all-through child's year group) is not known.
 */
export function referralPhase(settingPhase: unknown, yearGroup: unknown): ReferralPhase | undefined {
  switch (settingPhase) {
    case "early-years":
      return "ey";
    case "primary":
    case "secondary":
      return settingPhase;
    case "all-through":
      return (YEAR_GROUPS as readonly unknown[]).includes(yearGroup) ? yearGroupStage(yearGroup as YearGroup) : undefined;
    default:
      return undefined;
  }
}

export function meetingCounts(input: MeetingCountsInput): MeetingCounts {
  const held = new Set(
    input.meetings
      .filter((m) => m.districtSlug === input.districtSlug && isHeld(m))
      .filter((m) => {
        const day = ukDateOf(m.startsAt);
        return day >= input.from && day <= input.to;
      })
      .map((m) => m.id),
  );
  const referralsById = new Map(input.referrals.map((r) => [r.id, r]));
  const discussed = input.referrals.filter((r) => r.meetingId !== undefined && held.has(r.meetingId) && wasDiscussed(r));

  // One outcome per case: the list's unique referral column guarantees it; a Map makes it hold here too.
  const approved = new Map<string, CountedOutcome>();
  for (const o of input.outcomes) if (o.status === "approved" && held.has(o.meetingId)) approved.set(o.referralId, o);

  const settings = new Set<string>();
  const recorded = new Set<string>();
  for (const a of input.attendance) {
    if (!held.has(a.meetingId)) continue;
    recorded.add(a.meetingId);
    for (const s of a.settingIds) settings.add(s);
  }
  for (const r of discussed) if (!recorded.has(r.meetingId as string)) settings.add(r.settingId);

  const allocationsByArea: Record<string, number> = {};
  for (const o of approved.values()) {
    if (!allocatesSupport(o.categories)) continue;
    const area = referralsById.get(o.referralId)?.primaryArea ?? "unknown";
    allocationsByArea[area] = (allocationsByArea[area] ?? 0) + 1;
  }

  return {
    districtSlug: input.districtSlug,
    from: input.from,
    to: input.to,
    meetingsHeld: held.size,
    casesDiscussed: discussed.length,
    resolvedAtLift: [...approved.values()].filter((o) => isResolvedAtLift(o.categories)).length,
    settingsAttending: settings.size,
    allocationsByArea,
  };
}

export interface AttendingMeeting {
  id: string;
  kind: "school" | "early-years";
  schoolPhases?: readonly ("primary" | "secondary")[];
}

export interface SettingsAttendingInput {
  /** The held meetings of the period. */
  held: readonly AttendingMeeting[];
  attendance: readonly CountedAttendance[];
  /** Referrals discussed at those meetings, with the phase each is counted under. */
  discussed: readonly { meetingId: string; settingId: string; phase?: ReferralPhase }[];
  /** The reference phase of a setting (`all-through` included); undefined for a setting not known. */
  settingPhase: (settingId: string) => string | undefined;
}

/**
 * Distinct settings attending the held meetings, by phase. Who attended comes from the meeting's
 * attendance record; a held meeting with none falls back to the settings of its discussed cases.
 * A setting counts under its own phase; an all-through school (or one not in the reference data)
 * under the phases of its children discussed at that meeting, else the meeting's own phase (an
 * early years meeting, or a school meeting for one phase), else primary.
 */
export function settingsAttendingByPhase(input: SettingsAttendingInput): Record<ReferralPhase, number> {
  const out: Record<ReferralPhase, Set<string>> = { primary: new Set(), secondary: new Set(), ey: new Set() };
  const recorded = new Map<string, Set<string>>();
  for (const a of input.attendance) {
    const ids = recorded.get(a.meetingId) ?? new Set<string>();
    for (const s of a.settingIds) ids.add(s);
    recorded.set(a.meetingId, ids);
  }
  for (const m of input.held) {
    const cases = input.discussed.filter((r) => r.meetingId === m.id);
    const settings = recorded.get(m.id) ?? new Set(cases.map((r) => r.settingId));
    for (const settingId of settings) {
      const own = referralPhase(input.settingPhase(settingId), undefined);
      if (own) {
        out[own].add(settingId);
        continue;
      }
      const fromCases = cases.filter((r) => r.settingId === settingId && r.phase).map((r) => r.phase as ReferralPhase);
      const fromMeeting: ReferralPhase = m.kind === "early-years" ? "ey" : m.schoolPhases?.length === 1 ? (m.schoolPhases[0] ?? "primary") : "primary";
      for (const phase of fromCases.length > 0 ? fromCases : [fromMeeting]) out[phase].add(settingId);
    }
  }
  return { primary: out.primary.size, secondary: out.secondary.size, ey: out.ey.size };
}
