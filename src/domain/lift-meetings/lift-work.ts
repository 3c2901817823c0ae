/**
 * The LIFT work of a reporting period, record by record: the meetings held in it, the referrals
 * received in it, those discussed at its held meetings, their approved outcomes and those resolved at
 * LIFT. The district's KPI prefill counts these by phase; the locality report counts the same records
 * by the setting each came from, so the two agree. Pure: the caller reads the lists; dates are UK
 * calendar dates (YYYY-MM-DD), inclusive. The rules are the meeting counts' (counts.ts in this folder).
 */
import { OUTCOME_CATEGORIES } from "../../schemas/lift-outcomes/outcome";
import { isHeld, isResolvedAtLift, termReceiving, wasDiscussed } from "./counts";
import { ukDateOf } from "../time/uk-clock";

/** A span of the calendar: a term. */
export interface Span {
  start: string;
  end: string;
}

/** What the counting needs of a referral (the referrals feature's list items fit). */
export interface WorkReferral {
  settingId: string;
  status: string;
  submittedAt?: string;
  meetingId?: string;
  /** The approved outcome copied onto the referral; its categories are labels. */
  outcome?: { categories: readonly string[] };
}

export interface WorkMeeting {
  id: string;
  startsAt: string;
  status: string;
}

export interface LiftWork<R, M> {
  /** Meetings held on a day of one of the period's terms. */
  held: M[];
  /** Referrals received in one of the period's terms (one sent in a holiday is received in the term after it). */
  received: R[];
  /** Referrals discussed at the held meetings. */
  discussed: R[];
  /** Discussed referrals whose outcome was approved. */
  approved: R[];
  /** Approved outcomes resolved at LIFT (KPI 1.1). */
  resolved: R[];
}

/** The referral keeps its outcome's categories as labels; KPI 1.1's rule is on the category values. */
const categoryValue = (label: string): string => OUTCOME_CATEGORIES.find((c) => c.label === label)?.value ?? label;

/**
 * `period` is the terms reported on (one term, or the year's terms so far); `calendar` every term
 * known, so a referral sent in a holiday finds the term that receives it.
 */
export function liftWork<R extends WorkReferral, M extends WorkMeeting>(input: { referrals: readonly R[]; meetings: readonly M[]; period: readonly Span[]; calendar: readonly Span[] }): LiftWork<R, M> {
  const inPeriod = (day: string) => input.period.some((t) => day >= t.start && day <= t.end);
  const isPeriodTerm = (t: Span | undefined) => t !== undefined && input.period.some((p) => p.start === t.start && p.end === t.end);
  const held = input.meetings.filter((m) => isHeld(m) && inPeriod(ukDateOf(m.startsAt)));
  const received = input.referrals.filter((r) => r.status !== "draft" && !!r.submittedAt && isPeriodTerm(termReceiving(ukDateOf(r.submittedAt), input.calendar)));
  const heldIds = new Set(held.map((m) => m.id));
  const discussed = input.referrals.filter((r) => r.meetingId !== undefined && heldIds.has(r.meetingId) && wasDiscussed({ status: r.status, hasOutcome: r.outcome !== undefined }));
  const approved = discussed.filter((r) => r.outcome !== undefined);
  const resolved = approved.filter((r) => isResolvedAtLift((r.outcome?.categories ?? []).map(categoryValue)));
  return { held, received, discussed, approved, resolved };
}
