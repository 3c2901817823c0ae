/**
 * Figures the app can derive from its own lists, offered on the return form with where they came
 * from (still editable). Kept behind a small interface so the KPI feature does not depend on how
 * referrals and meetings are stored: `referralListsPrefill` reads the Referrals and LiftMeetings
 * lists of the referrals feature; casework's figures join them in the composition root.
 *
 * Only counts leave this module: no child's details are read into the answer or the logs.
 */
import type { Term, TermDates } from "../../../domain/time/calendar";
import { formatUkDateShort as formatUkDate } from "../../../domain/time/format";

import type { Prefill } from "../../../schemas/kpi/api";
import { referralPhase, settingsAttendingByPhase, type CountedAttendance, type ReferralPhase } from "../../../domain/lift-meetings/counts";
import { liftWork } from "../../../domain/lift-meetings/lift-work";

export type { Prefill, PrefillValue } from "../../../schemas/kpi/api";

export interface PrefillSource {
  prefill(districtSlug: string, districtName: string, term: Term, now: Date): Promise<Prefill>;
}

/**
 * Several sources as one (the composition root passes the referrals' lists and casework): each
 * measure from the first source that answers it, so a later source never overrides an earlier one.
 */
export function combinePrefill(sources: readonly PrefillSource[]): PrefillSource {
  return {
    async prefill(districtSlug, districtName, term, now) {
      const answers = await Promise.all(sources.map((s) => s.prefill(districtSlug, districtName, term, now)));
      const out: Prefill = {};
      for (const answer of answers) for (const [id, value] of Object.entries(answer)) out[id] ??= value;
      return out;
    },
  };
}

/** What the prefill needs of a referral and a meeting (the referrals feature's list items fit). */
export interface PrefillReferral {
  settingId: string;
  status: string;
  submittedAt?: string;
  meetingId?: string;
  body: Record<string, unknown>;
  outcome?: { categories: string[] };
}

export interface PrefillMeeting {
  id: string;
  kind: "school" | "early-years";
  schoolPhases?: readonly ("primary" | "secondary")[];
  startsAt: string;
  status: string;
}

export interface PrefillReader {
  referrals(districtSlug: string): Promise<PrefillReferral[]>;
  meetings(districtSlug: string): Promise<PrefillMeeting[]>;
  /** The LiftAttendance records of the district's meetings. */
  attendance(districtSlug: string): Promise<CountedAttendance[]>;
  /** The reporting calendar's terms (a referral sent in a holiday is received in the next one). */
  terms(): Promise<readonly TermDates[]>;
  /** Each setting's reference phase, by setting id. */
  settingPhases(): Promise<ReadonlyMap<string, string>>;
}

type Phase = ReferralPhase;
const NEED: Record<string, string> = { CI: "ci", CL: "cl", SEMH: "semh", SP: "sp" };
const PHASE_WORDS: Record<Phase, string> = { primary: "primary schools", secondary: "secondary schools", ey: "early years settings" };
const NEED_WORDS: Record<string, string> = { ci: "Communication and Interaction", cl: "Cognition and Learning", semh: "Social, Emotional and Mental Health", sp: "Sensory and/or Physical" };

function phaseOf(r: PrefillReferral): Phase | undefined {
  const setting = r.body.setting as { phase?: unknown } | undefined;
  const child = r.body.child as { yearGroup?: unknown } | undefined;
  return referralPhase(setting?.phase, child?.yearGroup);
}

function needOf(r: PrefillReferral): string | undefined {
  const needs = r.body.needs as { primaryArea?: unknown } | undefined;
  return typeof needs?.primaryArea === "string" ? NEED[needs.primaryArea] : undefined;
}

/** The rules are the meeting counts' (src/domain/lift-meetings/counts.ts), so the two agree. */
export function referralListsPrefill(reader: PrefillReader): PrefillSource {
  return {
    async prefill(districtSlug, districtName, term) {
      const [referrals, meetings, attendance, terms, settingPhases] = await Promise.all([
        reader.referrals(districtSlug),
        reader.meetings(districtSlug),
        reader.attendance(districtSlug),
        reader.terms(),
        reader.settingPhases(),
      ]);
      const when = `term ${term.term} (${formatUkDate(term.start)} to ${formatUkDate(term.end)})`;
      const out: Prefill = {};
      const put = (id: string, value: number, source: string) => {
        out[id] = { value, source };
      };

      // Which records count is shared with the locality report (src/domain/lift-meetings/lift-work.ts).
      const { held, received: submitted, discussed, resolved: resolvedReferrals } = liftWork({ referrals, meetings, period: [term], calendar: terms });
      const school = held.filter((m) => m.kind === "school").length;
      const ey = held.filter((m) => m.kind === "early-years").length;
      put("lift_meetings_school", school, `${school} school LIFT meetings of ${districtName} recorded as held in ${when}, from the LiftMeetings list`);
      put("lift_meetings_ey", ey, `${ey} early years LIFT meetings of ${districtName} recorded as held in ${when}, from the LiftMeetings list`);

      for (const phase of ["primary", "secondary", "ey"] as const) {
        const n = submitted.filter((r) => phaseOf(r) === phase).length;
        put(`referrals_${phase}`, n, `${n} LIFT referrals from ${PHASE_WORDS[phase]} received by ${districtName} LIFT in ${when} (those sent in the holiday before it included)`);
      }
      for (const group of ["school", "ey"] as const) {
        for (const need of Object.values(NEED)) {
          const n = submitted.filter((r) => needOf(r) === need && (group === "ey" ? phaseOf(r) === "ey" : phaseOf(r) !== "ey")).length;
          put(`referrals_${need}_${group}`, n, `${n} ${group === "ey" ? "early years" : "school"} referrals received in ${when} with ${NEED_WORDS[need]} as the primary area of need`);
        }
      }

      const heldIds = new Set(held.map((m) => m.id));
      const attending = settingsAttendingByPhase({
        held,
        attendance: attendance.filter((a) => heldIds.has(a.meetingId)),
        discussed: discussed.map((r) => ({ meetingId: r.meetingId as string, settingId: r.settingId, ...(phaseOf(r) ? { phase: phaseOf(r) } : {}) })),
        settingPhase: (id) => settingPhases.get(id),
      });
      for (const phase of ["primary", "secondary", "ey"] as const) {
        const cases = discussed.filter((r) => phaseOf(r) === phase);
        put(`cases_discussed_${phase}`, cases.length, `${cases.length} referrals from ${PHASE_WORDS[phase]} discussed at ${districtName} LIFT meetings held in ${when}`);
        put(`lift_settings_attending_${phase}`, attending[phase], `${attending[phase]} different ${PHASE_WORDS[phase]} attending a LIFT meeting held in ${when}, from the meetings' attendance records`);
      }
      const resolved = resolvedReferrals.length;
      put("kpi_1_1", resolved, `${resolved} referrals discussed in ${when} resolved at LIFT (strategies to try and/or signposted to another agency such as Early Help or health, nothing further)`);
      return out;
    },
  };
}
