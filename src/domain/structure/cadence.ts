/**
 * The LIFT cadence the SLA sets per group ([LIFT](../../../docs/reference/service.md#lift), SLA §3.4): school
 * LIFT six times a year per group; early years LIFT two or three times a term. "Term" is one of
 * Kent's six terms, the unit the app plans and reports in. A group may carry its own cadence where
 * commissioners agreed one.
 *
 * Checked when a term is planned, as warnings that never block: a district may have reasons. A
 * yearly cadence is checked pro rata, so planning the autumn does not warn that the summer is empty:
 * by the end of term k a group meeting six times a year should have had k meetings (fewer is "too
 * few"), and never more than six in the year ("too many").
 */
import { termContaining, type TermNumber } from "../time/calendar";
import { ukDateOf } from "../time/uk-clock";
import type { Cadence, LiftGroup, LiftGroupPhase } from "../../schemas/reference/lift-group";
import { isRetired } from "./structure";

export const SLA_CADENCE: Readonly<Record<LiftGroupPhase, Cadence>> = {
  school: { per: "year", min: 6, max: 6 },
  "early-years": { per: "term", min: 2, max: 3 },
};

export function cadenceOf(group: Pick<LiftGroup, "phase" | "cadence">): Cadence {
  return group.cadence ?? SLA_CADENCE[group.phase];
}

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const word = (n: number) => NUMBER_WORDS[n] ?? String(n);

/** "six times a year", "two or three times a term", "once a term". */
export function describeCadence(c: Cadence): string {
  if (c.min === c.max) return `${c.min === 1 ? "once" : c.min === 2 ? "twice" : `${word(c.min)} times`} a ${c.per}`;
  return `${word(c.min)} or ${word(c.max)} times a ${c.per}`;
}

export interface CadenceTerm {
  academicYear: string;
  term: TermNumber | number;
  start: string;
  end: string;
}

export interface CadenceMeeting {
  districtSlug: string;
  kind: LiftGroupPhase;
  liftGroupId?: string;
  startsAt: string;
  status: "scheduled" | "moved" | "cancelled" | "held";
}

export interface CadenceFinding {
  groupId: string;
  groupName: string;
  districtSlug: string;
  academicYear: string;
  /** The term checked (a termly cadence), or the last term counted so far (a yearly one). */
  term: number;
  per: Cadence["per"];
  meetings: number;
  /** What the cadence asks for by then: at least `expectedMin`, at most `expectedMax`. */
  expectedMin: number;
  expectedMax: number;
  status: "ok" | "too_few" | "too_many";
  message: string;
}

/**
 * The group a meeting belongs to: the one it names, or else the district's only live group of its
 * phase (a district with one school group need not name it on every meeting).
 */
export function groupOfMeeting(meeting: Pick<CadenceMeeting, "districtSlug" | "kind" | "liftGroupId" | "startsAt">, groups: readonly LiftGroup[]): LiftGroup | undefined {
  if (meeting.liftGroupId) return groups.find((g) => g.id === meeting.liftGroupId);
  const date = ukDateOf(meeting.startsAt);
  const candidates = groups.filter((g) => g.districtSlug === meeting.districtSlug && g.phase === meeting.kind && !isRetired(g, date));
  return candidates.length === 1 ? candidates[0] : undefined;
}

/**
 * The cadence of each live group, for each (academic year, term) in `periods`: how many live
 * meetings it has and whether that is too few or too many. `meetings` are every meeting of the
 * districts concerned (those already planned and those being planned).
 */
export function checkCadence(input: {
  groups: readonly LiftGroup[];
  meetings: readonly CadenceMeeting[];
  terms: readonly CadenceTerm[];
  periods: readonly { academicYear: string; term: number }[];
}): CadenceFinding[] {
  const termOf = (m: CadenceMeeting) => termContaining(ukDateOf(m.startsAt), { terms: input.terms });
  const counted = input.meetings
    .filter((m) => m.status !== "cancelled")
    .map((m) => ({ group: groupOfMeeting(m, input.groups), term: termOf(m) }))
    .filter((x): x is { group: LiftGroup; term: CadenceTerm } => !!x.group && !!x.term);
  const findings: CadenceFinding[] = [];
  for (const period of input.periods) {
    const termDates = input.terms.find((t) => t.academicYear === period.academicYear && t.term === period.term);
    if (!termDates) continue;
    for (const group of input.groups) {
      if (isRetired(group, termDates.start)) continue;
      const cadence = cadenceOf(group);
      const mine = counted.filter((c) => c.group.id === group.id && c.term.academicYear === period.academicYear);
      let meetings: number;
      let expectedMin: number;
      let expectedMax: number;
      if (cadence.per === "term") {
        meetings = mine.filter((c) => c.term.term === period.term).length;
        expectedMin = cadence.min;
        expectedMax = cadence.max;
      } else {
        // Pro rata through this term; the yearly maximum applies to the whole year.
        const termsInYear = Math.max(1, input.terms.filter((t) => t.academicYear === period.academicYear).length);
        meetings = mine.filter((c) => c.term.term <= period.term).length;
        expectedMin = Math.floor((cadence.min * period.term) / termsInYear);
        expectedMax = cadence.max;
        const wholeYear = mine.length;
        if (wholeYear > expectedMax) meetings = Math.max(meetings, wholeYear);
      }
      const status = meetings < expectedMin ? "too_few" : meetings > expectedMax ? "too_many" : "ok";
      findings.push({
        groupId: group.id,
        groupName: group.name,
        districtSlug: group.districtSlug,
        academicYear: period.academicYear,
        term: period.term,
        per: cadence.per,
        meetings,
        expectedMin,
        expectedMax,
        status,
        message: messageFor(group, cadence, period, meetings, expectedMin, expectedMax, status),
      });
    }
  }
  return findings;
}

function messageFor(group: LiftGroup, cadence: Cadence, period: { academicYear: string; term: number }, meetings: number, min: number, max: number, status: CadenceFinding["status"]): string {
  const planned = `${meetings} meeting${meetings === 1 ? "" : "s"}`;
  const rule = `meets ${describeCadence(cadence)}`;
  if (cadence.per === "term") {
    const when = `in ${period.academicYear} term ${period.term}`;
    if (status === "too_few") return `${group.name} has ${planned} ${when}; it ${rule} (too few).`;
    if (status === "too_many") return `${group.name} has ${planned} ${when}; it ${rule} (too many).`;
    return `${group.name} has ${planned} ${when}.`;
  }
  if (status === "too_many") return `${group.name} has ${planned} in ${period.academicYear}; it ${rule} (too many).`;
  if (status === "too_few") return `${group.name} has ${planned} in ${period.academicYear} up to term ${period.term}; it ${rule}, so at least ${min} by then (too few).`;
  return `${group.name} has ${planned} in ${period.academicYear} up to term ${period.term} (of ${max} a year).`;
}
