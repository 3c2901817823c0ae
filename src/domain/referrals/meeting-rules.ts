/**
 * Which LIFT meeting a referral can go on — pure rules (the caller supplies `now`).
 *
 * Deadline (default): the end of the last Wednesday strictly before the meeting's date, UK time
 * (23:59:59.999 Europe/London, so BST/GMT is handled by the zone); for early years meetings, a
 * week earlier (the Wednesday of the week before that). A meeting on a Wednesday therefore has the
 * previous Wednesday as its deadline. The deadline is calendar-based: it is not moved for half-terms
 * or holidays — a district sets `deadlineOverride` on a meeting for that.
 */
import { DateTime } from "luxon";
import type { Phase } from "../reference/settings";
import { describeUkDateTime, formatUkDate } from "../time/format";
import { inUk, UK_ZONE } from "../time/uk-clock";
import type { YearGroup } from "../time/year-groups";
import { yearGroupStage } from "../time/year-groups";

export const DEFAULT_MAX_PER_SENCO = 3;

export type MeetingKind = "school" | "early-years";
export type MeetingStatus = "scheduled" | "cancelled" | "held";

export interface LiftMeeting {
  id: string;
  districtCode: string;
  kind: MeetingKind;
  /** Districts that split school LIFT by phase list the phase(s) here; absent = all school phases. */
  schoolPhases?: readonly ("primary" | "secondary")[];
  /** Start, as an ISO date-time with offset (or Z). */
  startsAt: string;
  status?: MeetingStatus;
  /** A district's own deadline for this meeting (ISO date-time with offset). */
  deadlineOverride?: string;
}

function instant(iso: string, what: string): DateTime {
  const dt = DateTime.fromISO(iso, { setZone: true });
  if (!dt.isValid) throw new RangeError(`${what} is not an ISO date-time: ${JSON.stringify(iso)}`);
  return dt.setZone(UK_ZONE);
}

/** The referral deadline of a meeting (inclusive: a referral at exactly this instant is in time). */
export function referralDeadline(meeting: Pick<LiftMeeting, "startsAt" | "kind" | "deadlineOverride">): Date {
  if (meeting.deadlineOverride) return instant(meeting.deadlineOverride, "deadlineOverride").toJSDate();
  const day = instant(meeting.startsAt, "startsAt").startOf("day");
  const WEDNESDAY = 3; // luxon: Monday = 1
  const back = (day.weekday - WEDNESDAY + 7) % 7 || 7;
  const extraWeek = meeting.kind === "early-years" ? 7 : 0;
  return day.minus({ days: back + extraWeek }).endOf("day").toJSDate();
}

/** "Thursday 23 October 2025" (UK date). */
export function describeUkDate(at: Date): string {
  return formatUkDate(at.toISOString());
}

export type PlacementRefusalCode =
  | "meeting_not_found"
  | "meeting_cancelled"
  | "meeting_past"
  | "wrong_district"
  | "wrong_phase"
  | "deadline_passed"
  | "senco_limit_reached";

export type PlacementResult =
  | { ok: true; meeting: LiftMeeting; deadline: Date }
  | { ok: false; code: PlacementRefusalCode; message: string; deadline?: Date };

export interface PlacementContext {
  /** The referring setting: its district code and phase. */
  setting: { districtCode: string; phase: Phase };
  /** The child's year group (schools): decides primary/secondary LIFT for an all-through school. */
  yearGroup?: YearGroup;
  now: Date;
  /** The district's limit of referrals per SENCo per meeting (default 3). */
  maxPerSenco?: number;
}

function phaseFits(meeting: LiftMeeting, phase: Phase, yearGroup: YearGroup | undefined): string | undefined {
  const settingKind: MeetingKind = phase === "early-years" ? "early-years" : "school";
  if (settingKind !== meeting.kind) {
    return settingKind === "early-years"
      ? "This is a school LIFT meeting; referrals from an early years setting go to early years LIFT meetings"
      : "This is an early years LIFT meeting; referrals from a school go to school LIFT meetings";
  }
  const phases = meeting.schoolPhases;
  if (meeting.kind === "early-years" || !phases || phases.length === 0) return undefined;
  if (phase === "primary" || phase === "secondary") {
    return phases.includes(phase) ? undefined : `This LIFT meeting is for ${phases.join(" and ")} schools only`;
  }
  // All-through: fits either, by the child's stage when known.
  if (phase === "all-through" && yearGroup) {
    const stage = yearGroupStage(yearGroup);
    return phases.includes(stage) ? undefined : `This LIFT meeting is for ${phases.join(" and ")} pupils; this child is in the ${stage} phase`;
  }
  return undefined;
}

/**
 * Whether a referral can go on a meeting now. `sencoReferralsOnMeeting` counts the SENCo's other
 * referrals already on this meeting (not this one).
 */
export function checkPlacement(meeting: LiftMeeting, ctx: PlacementContext & { sencoReferralsOnMeeting: number }): PlacementResult {
  const start = instant(meeting.startsAt, "startsAt");
  const now = inUk(ctx.now);
  const deadline = referralDeadline(meeting);
  const when = describeUkDate(start.toJSDate());
  if (meeting.status === "cancelled") {
    return { ok: false, code: "meeting_cancelled", message: `The LIFT meeting on ${when} has been cancelled`, deadline };
  }
  if (meeting.status === "held" || now >= start) {
    return { ok: false, code: "meeting_past", message: `The LIFT meeting on ${when} has already taken place`, deadline };
  }
  if (meeting.districtCode !== ctx.setting.districtCode) {
    return {
      ok: false,
      code: "wrong_district",
      message: `The LIFT meeting on ${when} belongs to another district; choose a meeting of your own district`,
      deadline,
    };
  }
  const phaseProblem = phaseFits(meeting, ctx.setting.phase, ctx.yearGroup);
  if (phaseProblem) return { ok: false, code: "wrong_phase", message: phaseProblem, deadline };
  if (now.toMillis() > deadline.getTime()) {
    return {
      ok: false,
      code: "deadline_passed",
      message: `The deadline for the LIFT meeting on ${when} was ${describeUkDateTime(deadline)}`,
      deadline,
    };
  }
  const max = ctx.maxPerSenco ?? DEFAULT_MAX_PER_SENCO;
  if (ctx.sencoReferralsOnMeeting >= max) {
    return {
      ok: false,
      code: "senco_limit_reached",
      message: `You already have ${ctx.sencoReferralsOnMeeting} referral${ctx.sencoReferralsOnMeeting === 1 ? "" : "s"} on the LIFT meeting on ${when}; the limit is ${max} per SENCo per meeting (ask the district lead if more are needed)`,
      deadline,
    };
  }
  return { ok: true, meeting, deadline };
}

export interface MeetingsContext extends PlacementContext {
  /** The SENCo's referrals already on each meeting, by meeting id (missing = 0). */
  sencoReferralsByMeeting: Readonly<Record<string, number>>;
}

function byStart(a: LiftMeeting, b: LiftMeeting): number {
  return instant(a.startsAt, "startsAt").toMillis() - instant(b.startsAt, "startsAt").toMillis() || a.id.localeCompare(b.id);
}

/** The earliest meeting that would accept the referral now (optionally after a given meeting), or undefined. */
export function nextAvailableMeeting(
  meetings: readonly LiftMeeting[],
  ctx: MeetingsContext,
  options: { excludeMeetingId?: string } = {},
): { meeting: LiftMeeting; deadline: Date } | undefined {
  for (const meeting of [...meetings].sort(byStart)) {
    if (meeting.id === options.excludeMeetingId) continue;
    const result = checkPlacement(meeting, { ...ctx, sencoReferralsOnMeeting: ctx.sencoReferralsByMeeting[meeting.id] ?? 0 });
    if (result.ok) return { meeting, deadline: result.deadline };
  }
  return undefined;
}

export type PlaceResult =
  | { ok: true; meeting: LiftMeeting; deadline: Date }
  | {
      ok: false;
      code: PlacementRefusalCode;
      message: string;
      /** The next meeting that would accept it, offered in the message. */
      next?: { meeting: LiftMeeting; deadline: Date };
    };

/**
 * Place a referral on the chosen meeting, or refuse with a clear message that offers the next
 * meeting that would accept it.
 */
export function placeReferral(meetings: readonly LiftMeeting[], chosenMeetingId: string, ctx: MeetingsContext): PlaceResult {
  const chosen = meetings.find((m) => m.id === chosenMeetingId);
  const result: PlacementResult = chosen
    ? checkPlacement(chosen, { ...ctx, sencoReferralsOnMeeting: ctx.sencoReferralsByMeeting[chosen.id] ?? 0 })
    : { ok: false, code: "meeting_not_found", message: "That LIFT meeting was not found" };
  if (result.ok) return result;
  const next = nextAvailableMeeting(meetings, ctx, { excludeMeetingId: chosenMeetingId });
  const offer = next
    ? ` The next meeting that can take it is on ${describeUkDate(new Date(instant(next.meeting.startsAt, "startsAt").toMillis()))} (deadline ${describeUkDateTime(next.deadline)}).`
    : " No later meeting can take it yet: ask your district STLS lead.";
  return { ok: false, code: result.code, message: `${result.message}.${offer}`, ...(next ? { next } : {}) };
}
