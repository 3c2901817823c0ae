/**
 * LIFT meetings as the referral form sees them: the district's meetings with their deadline and
 * whether they accept the caller's referral now (domain rules in src/domain/referrals).
 */
import { checkPlacement, referralDeadline, type LiftMeeting } from "../../../domain/referrals/meeting-rules";
import type { Setting } from "../../../domain/reference/settings";
import type { District } from "../../../domain/reference/districts";
import type { Item } from "../../../graph/list-store";
import type { LiftMeetingSummary } from "../../../schemas/referrals/api";
import type { LiftMeetingItem } from "../lift-meetings/lists";

export type { LiftMeetingSummary };

export function toDomainMeeting(item: Item<LiftMeetingItem>, district: District): LiftMeeting {
  const m = item.value;
  return {
    id: item.id,
    districtCode: district.code,
    kind: m.kind,
    schoolPhases: m.schoolPhases,
    startsAt: m.startsAt,
    // "moved" meetings still take place, at their new time.
    status: m.status === "moved" ? "scheduled" : m.status,
    deadlineOverride: m.deadlineOverride,
  };
}

export function summariseMeeting(
  item: Item<LiftMeetingItem>,
  district: District,
  caller: { setting?: Setting; referralsOnMeeting?: number; now: Date },
): LiftMeetingSummary {
  const m = item.value;
  const domain = toDomainMeeting(item, district);
  const summary: LiftMeetingSummary = {
    id: item.id,
    districtSlug: m.districtSlug,
    kind: m.kind,
    ...(m.schoolPhases ? { phases: m.schoolPhases } : {}),
    title: m.title,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    ...(m.place ? { place: m.place } : {}),
    ...(m.onlineMeetingUrl ? { onlineMeetingUrl: m.onlineMeetingUrl } : {}),
    status: m.status,
    referralDeadline: referralDeadline(domain).toISOString(),
    accepting: false,
  };
  if (caller.setting) {
    const placement = checkPlacement(domain, {
      setting: { districtCode: district.code, phase: caller.setting.phase },
      now: caller.now,
      sencoReferralsOnMeeting: caller.referralsOnMeeting ?? 0,
    });
    summary.accepting = placement.ok;
    if (!placement.ok) summary.refusal = { code: placement.code, message: placement.message };
    summary.myReferralCount = caller.referralsOnMeeting ?? 0;
  } else {
    summary.accepting = m.status !== "cancelled" && m.status !== "held" && Date.parse(summary.referralDeadline) > caller.now.getTime();
  }
  return summary;
}
