/**
 * Time to support: how many days a child waits at each step, per district and term — a measure the
 * service cannot produce today.
 *
 * - **referral → LIFT**: from the UK date the referral was submitted to the UK date of the held LIFT
 *   meeting it was placed on;
 * - **LIFT → allocation**: from that meeting to the day the case opened (a specialist teacher was
 *   allocated), for cases opened from a LIFT outcome;
 * - **allocation → first visit**: from the day the case opened to its first visit on or after it,
 *   for every case whatever its origin.
 *
 * Each wait belongs to the district of the referral or case and to the term containing the day it
 * ended (the meeting, the allocation, the visit; first and last days inclusive). A wait ending in a
 * holiday belongs to no term and is counted in `outsideTerms`, so nothing is lost silently. Only
 * meetings whose status is `held` count. Days are calendar days. Pure: the caller passes the records.
 */
import type { CaseTeam } from "../../schemas/casework/records";
import { termContaining, type Term } from "../time/calendar";
import { ukDateOf } from "../time/uk-clock";
import type { CaseRecord, VisitRecord } from "./model";
import { firstVisitDate } from "./visits";

export const SUPPORT_STAGES = [
  { value: "referral-to-lift", label: "Referral submitted to LIFT" },
  { value: "lift-to-allocation", label: "LIFT to specialist teacher allocated" },
  { value: "allocation-to-first-visit", label: "Allocation to first visit" },
] as const;
export type SupportStage = (typeof SUPPORT_STAGES)[number]["value"];

export interface WaitReferral {
  id: string;
  districtSlug: string;
  /** Instant the referral was submitted. */
  submittedAt?: string;
  meetingId?: string;
}

export interface WaitMeeting {
  id: string;
  /** Instant the meeting starts. */
  startsAt: string;
  status: string;
}

export type WaitCase = Pick<CaseRecord, "id" | "districtSlug" | "team" | "origin" | "openedAt">;
export type WaitVisit = Pick<VisitRecord, "caseId" | "date">;

export interface TimeToSupportInput {
  terms: readonly Pick<Term, "academicYear" | "term" | "start" | "end">[];
  referrals: readonly WaitReferral[];
  meetings: readonly WaitMeeting[];
  cases: readonly WaitCase[];
  visits: readonly WaitVisit[];
  /** Whose cases count for the last two stages; default the district STLS. */
  team?: CaseTeam;
}

export interface TimeToSupportRow {
  districtSlug: string;
  academicYear: string;
  term: number;
  stage: SupportStage;
  /** Waits that ended in the term. */
  count: number;
  /** Median days; null when there were none (missing, not zero). */
  medianDays: number | null;
}

export interface TimeToSupport {
  /** One row per district, term and stage, for every district and term with at least one wait. */
  rows: TimeToSupportRow[];
  /** Waits that ended in a school holiday, by stage. */
  outsideTerms: Record<SupportStage, number>;
}

const DAY_MS = 86_400_000;
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The median of a non-empty list (the mean of the two middle values for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function timeToSupport(input: TimeToSupportInput): TimeToSupport {
  const team = input.team ?? "district";
  const waits = new Map<string, number[]>();
  const outsideTerms: Record<SupportStage, number> = { "referral-to-lift": 0, "lift-to-allocation": 0, "allocation-to-first-visit": 0 };
  const cells = new Set<string>();

  const record = (districtSlug: string, stage: SupportStage, from: string, to: string) => {
    const days = daysBetween(from, to);
    if (days < 0) return; // inconsistent dates: not a wait
    const term = termContaining(to, input);
    if (!term) {
      outsideTerms[stage] += 1;
      return;
    }
    const cell = `${districtSlug}|${term.academicYear}|${term.term}`;
    cells.add(cell);
    const key = `${cell}|${stage}`;
    const list = waits.get(key);
    if (list) list.push(days);
    else waits.set(key, [days]);
  };

  const held = new Map(input.meetings.filter((m) => m.status === "held").map((m) => [m.id, ukDateOf(m.startsAt)]));
  const referrals = new Map(input.referrals.map((r) => [r.id, r]));
  for (const r of input.referrals) {
    const lift = r.meetingId !== undefined ? held.get(r.meetingId) : undefined;
    if (r.submittedAt && lift) record(r.districtSlug, "referral-to-lift", ukDateOf(r.submittedAt), lift);
  }
  for (const c of input.cases) {
    if (c.team !== team) continue;
    if (c.origin.kind === "lift-outcome") {
      const lift = held.get(c.origin.meetingId) ?? held.get(referrals.get(c.origin.referralId)?.meetingId ?? "");
      if (lift) record(c.districtSlug, "lift-to-allocation", lift, c.openedAt);
    }
    const first = firstVisitDate(c, input.visits);
    if (first) record(c.districtSlug, "allocation-to-first-visit", c.openedAt, first);
  }

  const rows: TimeToSupportRow[] = [];
  for (const cell of [...cells].sort()) {
    const [districtSlug, academicYear, term] = cell.split("|") as [string, string, string];
    for (const { value: stage } of SUPPORT_STAGES) {
      const list = waits.get(`${cell}|${stage}`) ?? [];
      rows.push({ districtSlug, academicYear, term: Number(term), stage, count: list.length, medianDays: median(list) });
    }
  }
  return { rows, outsideTerms };
}
