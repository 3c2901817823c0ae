/**
 * The LIFT meeting figures the termly KPI return and Local Activity Report take (the return's
 * prefill), counted from the records the app keeps. Pure: the caller reads the lists and passes
 * plain values; dates are UK calendar dates (YYYY-MM-DD), inclusive at both ends.
 *
 * Rules (each counts a thing once, so no figure can exceed what was actually recorded):
 * - meetingsHeld: the district's meetings with status `held` whose UK start date is in the range.
 * - casesDiscussed: referrals on those meetings that were discussed — status `discussed` or
 *   `outcome_recorded`, or `closed` with an outcome (a case closed without one was withdrawn).
 * - resolvedAtLift: approved outcomes of those meetings whose categories are only
 *   `strategies_resolved` and/or `signposted`: KPI 1.1 counts requests "resolved at LIFT without the
 *   need for further formal referral or intervention", where resolved means the setting was given
 *   strategies to implement or was signposted to an appropriate agency. Any other category
 *   (training, peer support, an allocation, EP involvement…) is further intervention. Drafts never count.
 * - settingsAttending: distinct settings in the attendance of those meetings; for a held meeting
 *   with no attendance record, the settings of its discussed cases (their SENCo presented).
 * - allocationsByArea: approved outcomes of those meetings allocating support
 *   (`specialist_teacher_allocated` or `outreach`), one per case, by the referral's primary area
 *   of need (`unknown` when the referral has none).
 */
import { SUPPORT_ALLOCATING, type OutcomeCategory } from "../../schemas/lift-outcomes/outcome";
import type { MeetingCounts } from "../../schemas/lift-outcomes/api";
import { ukDateOf } from "../time/uk-clock";

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

export const RESOLVING_CATEGORIES: readonly OutcomeCategory[] = ["strategies_resolved", "signposted"];

/** KPI 1.1's "resolved at LIFT" (see the rules above); `categories` are outcome category values. */
export function isResolvedAtLift(categories: readonly string[]): boolean {
  return categories.length > 0 && categories.every((c) => (RESOLVING_CATEGORIES as readonly string[]).includes(c));
}

export function allocatesSupport(categories: readonly string[]): boolean {
  return categories.some((c) => (SUPPORT_ALLOCATING as readonly string[]).includes(c));
}

function wasDiscussed(r: CountedReferral): boolean {
  return r.status === "discussed" || r.status === "outcome_recorded" || (r.status === "closed" && r.hasOutcome === true);
}

export function meetingCounts(input: MeetingCountsInput): MeetingCounts {
  const held = new Set(
    input.meetings
      .filter((m) => m.districtSlug === input.districtSlug && m.status === "held")
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
