/**
 * The termly KPI return and Local Activity Report figures casework can answer, for one district
 * (or one county team) and one term, each with the plain-English `source` the return shows beside
 * it. The measure ids are the KPI catalogue's (src/domain/kpi/catalogue.ts); only count measures are
 * answered — the return works out each percentage from its pair. Pure: the caller reads the lists
 * and passes today's UK date (`ukToday(now)` from src/domain/time).
 *
 * Rules (README.md in this folder has the measure-by-measure mapping):
 * - **Dates.** The term's first and last days are inclusive. A term still running is counted up to
 *   today ("so far"); a term not yet begun answers nothing.
 * - **Positions at the end of the term** (caseload, actively supported, active cases by need) are
 *   taken at the end of the term's last day (or today). A child is counted once, by the handle
 *   `childRef`, with the phase and need of their case (the actively supported one, if several).
 * - **Activity in the term** (reviews, closures, clinics) counts what is dated in the term. A review
 *   or clinic dated in a holiday belongs to no term.
 * - **Targets reviewed**: children open to the service with targets in force during the term, and
 *   of those the ones whose targets were formally reviewed in the term. **KPI 2.1**: children
 *   reviewed in the term, and of those the ones whose latest review in the term met "achieved or at
 *   least 50% progress" (`meetsSignificantProgress`). **Targets amended**: school-age cases
 *   reviewed in the term (schools only, as the annual report defines it), and of those the ones
 *   with targets amended at a review. **Closed**: cases closed in the term, and of those the ones
 *   closed because the targets were achieved.
 * - **Clinics**: the district's clinics, surgeries and in-school reviews whose status is held, by
 *   phase, and the entries (cases or anonymised questions) they dealt with. County teams run none.
 * - **Missing is not zero.** A figure is absent (listed in `unanswered` with the reason) when the
 *   data cannot answer it: no cases (or clinics) recorded for the district at all, recording that
 *   began after the term started (activity figures) or after its end (positions), or a measure the
 *   catalogue does not collect in that academic year. `recordingFrom` gives the day the district
 *   began keeping casework in the app; without it, the earliest record stands for it.
 */
import type { AreaOfNeed } from "../../schemas/referrals/referral";
import { CASE_TEAMS, type CaseTeam } from "../../schemas/casework/records";
import { appliesIn, measureById } from "../kpi/catalogue";
import type { Term } from "../time/calendar";
import { formatUkDateShort } from "../time/format";
import type { CaseRecord, ClinicRecord, ReviewRecord } from "./model";
import { phaseGroup, type PhaseGroup } from "./phase";
import { meetsSignificantProgress } from "./reviews";
import { closedOn, isActiveOn, isOpenOn, wasOpenDuring } from "./status";
import { targetsInForceDuring } from "./targets";

export type FiguresCase = Pick<
  CaseRecord,
  "id" | "childRef" | "team" | "districtSlug" | "phase" | "primaryArea" | "openedAt" | "statusChanges" | "targets" | "closure"
>;
export type FiguresReview = Pick<ReviewRecord, "caseId" | "date" | "results" | "targetsAmended" | "recordedAt">;
export type FiguresClinic = Pick<ClinicRecord, "districtSlug" | "phase" | "date" | "status" | "entries">;

export interface CaseworkFiguresInput {
  districtSlug: string;
  /** For the source texts ("Dover"). */
  districtName: string;
  term: Pick<Term, "academicYear" | "term" | "start" | "end">;
  /** Today's UK date. */
  today: string;
  /** Whose cases: the district's STLS (default) or a county team's cases in the district. */
  team?: CaseTeam;
  cases: readonly FiguresCase[];
  reviews: readonly FiguresReview[];
  clinics: readonly FiguresClinic[];
  /** The days the district began keeping cases and clinics in the app, when known. */
  recordingFrom?: { cases?: string; clinics?: string };
}

/** Shaped as the KPI return's prefill value. */
export interface CaseworkFigure {
  value: number;
  source: string;
}

export interface CaseworkFigures {
  figures: Record<string, CaseworkFigure>;
  /** Measures this module answers that it could not answer here, and why. */
  unanswered: { measureId: string; reason: string }[];
}

const GROUPS: readonly PhaseGroup[] = ["school", "ey"];
const NEEDS: readonly AreaOfNeed[] = ["CI", "CL", "SEMH", "SP"];
const needId = (n: AreaOfNeed) => n.toLowerCase();
const GROUP_WORDS: Record<PhaseGroup, string> = { school: "of school age (primary and secondary)", ey: "in early years" };
const NEED_WORDS: Record<AreaOfNeed, string> = {
  CI: "Communication and Interaction",
  CL: "Cognition and Learning",
  SEMH: "Social, Emotional and Mental Health",
  SP: "Sensory and/or Physical",
};

const POSITION_IDS = [...GROUPS.flatMap((g) => [`caseload_${g}`, `children_active_${g}`]), ...GROUPS.flatMap((g) => NEEDS.map((n) => `active_cases_${needId(n)}_${g}`))];
const CASE_ACTIVITY_IDS = ["targets_reviewed_num", "targets_reviewed_den", "kpi_2_1_num", "kpi_2_1_den", "targets_amended_num", "targets_amended_den", "closed_achieved_num", "closed_achieved_den"];
const CLINIC_IDS = GROUPS.flatMap((g) => [`clinics_${g}`, `clinic_cases_${g}`]);

/** Every catalogue measure this module can answer. */
export const CASEWORK_MEASURE_IDS: readonly string[] = [...POSITION_IDS, ...CASE_ACTIVITY_IDS, ...CLINIC_IDS];

function earliest(dates: readonly string[]): string | undefined {
  let min: string | undefined;
  for (const d of dates) if (min === undefined || d < min) min = d;
  return min;
}

/** Per child, the case that stands for them: the latest-opened actively supported one, else the latest-opened open one. */
function childrenOpenOn(cases: readonly FiguresCase[], date: string): Map<string, { c: FiguresCase; active: boolean }> {
  const out = new Map<string, { c: FiguresCase; active: boolean }>();
  for (const c of cases) {
    if (!isOpenOn(c, date)) continue;
    const active = isActiveOn(c, date);
    const prev = out.get(c.childRef);
    const later = !prev || c.openedAt > prev.c.openedAt || (c.openedAt === prev.c.openedAt && c.id > prev.c.id);
    if (!prev || (active && !prev.active) || (active === prev.active && later)) out.set(c.childRef, { c, active });
  }
  return out;
}

export function caseworkFigures(input: CaseworkFiguresInput): CaseworkFigures {
  const { term, today } = input;
  const team = input.team ?? "district";
  const figures: Record<string, CaseworkFigure> = {};
  const unanswered: { measureId: string; reason: string }[] = [];
  const skip = (ids: readonly string[], reason: string) => ids.forEach((measureId) => unanswered.push({ measureId, reason }));

  if (today < term.start) {
    skip(CASEWORK_MEASURE_IDS, `term ${term.term} has not begun`);
    return { figures, unanswered };
  }
  const asOf = today < term.end ? today : term.end;
  const ended = today > term.end;
  const at = ended ? `at the end of term ${term.term} (${formatUkDateShort(term.end)})` : `on ${formatUkDateShort(asOf)} (term ${term.term} has not ended)`;
  const during = ended
    ? `in term ${term.term} (${formatUkDateShort(term.start)} to ${formatUkDateShort(term.end)})`
    : `in term ${term.term} so far (${formatUkDateShort(term.start)} to ${formatUkDateShort(asOf)})`;
  const whose = team === "district" ? `${input.districtName} STLS` : `the ${CASE_TEAMS.find((t) => t.value === team)?.label.toLowerCase()} in ${input.districtName}`;
  const inWindow = (d: string) => d >= term.start && d <= asOf;

  const put = (id: string, value: number, source: string) => {
    const measure = measureById(id);
    if (!measure) throw new Error(`caseworkFigures: "${id}" is not in the KPI catalogue`);
    if (!appliesIn(measure, term.academicYear)) unanswered.push({ measureId: id, reason: `not collected in ${term.academicYear}` });
    else figures[id] = { value, source };
  };

  // --- Cases --------------------------------------------------------------------------------
  const cases = input.cases.filter((c) => c.districtSlug === input.districtSlug && c.team === team);
  const casesFrom = input.recordingFrom?.cases ?? earliest(cases.map((c) => c.openedAt));
  if (casesFrom === undefined) {
    skip([...POSITION_IDS, ...CASE_ACTIVITY_IDS], `no cases are recorded for ${whose}`);
  } else if (casesFrom > asOf) {
    skip([...POSITION_IDS, ...CASE_ACTIVITY_IDS], `cases are recorded from ${formatUkDateShort(casesFrom)}, after this term`);
  } else {
    const children = [...childrenOpenOn(cases, asOf).values()];
    for (const g of GROUPS) {
      const open = children.filter((ch) => phaseGroup(ch.c.phase) === g);
      const active = open.filter((ch) => ch.active);
      put(`caseload_${g}`, open.length, `${open.length} children ${GROUP_WORDS[g]} with a case open to ${whose} ${at}, actively supported or not, from the Cases list`);
      put(
        `children_active_${g}`,
        active.length,
        `${active.length} of the ${open.length} children ${GROUP_WORDS[g]} on the caseload ${at} were actively supported: case open and active, working towards targets`,
      );
      for (const n of NEEDS) {
        const k = active.filter((ch) => ch.c.primaryArea === n).length;
        put(`active_cases_${needId(n)}_${g}`, k, `${k} children ${GROUP_WORDS[g]} actively supported ${at} with ${NEED_WORDS[n]} as the primary area of need`);
      }
    }

    if (casesFrom > term.start) {
      skip(CASE_ACTIVITY_IDS, `cases are recorded from ${formatUkDateShort(casesFrom)}, part-way through term ${term.term}`);
    } else {
      caseActivity(cases, input.reviews, term.start, asOf, inWindow, during, put);
    }
  }

  // --- Clinics -------------------------------------------------------------------------------
  if (team !== "district") {
    skip(CLINIC_IDS, "clinics are run by the district STLS, not the county teams");
  } else {
    const clinics = input.clinics.filter((c) => c.districtSlug === input.districtSlug);
    const clinicsFrom = input.recordingFrom?.clinics ?? earliest(clinics.map((c) => c.date));
    if (clinicsFrom === undefined) skip(CLINIC_IDS, `no clinics are recorded for ${whose}`);
    else if (clinicsFrom > term.start) skip(CLINIC_IDS, `clinics are recorded from ${formatUkDateShort(clinicsFrom)}, part-way through or after term ${term.term}`);
    else {
      const held = clinics.filter((c) => c.status === "held" && inWindow(c.date));
      for (const g of GROUPS) {
        const ofPhase = held.filter((c) => (c.phase === "early-years" ? "ey" : "school") === g);
        const entries = ofPhase.reduce((sum, c) => sum + c.entries.length, 0);
        const words = g === "ey" ? "early years" : "school";
        put(`clinics_${g}`, ofPhase.length, `${ofPhase.length} ${words} clinics, surgeries and in-setting reviews of ${whose} held ${during}, from the Clinics list`);
        put(`clinic_cases_${g}`, entries, `${entries} cases and anonymised questions dealt with at the ${ofPhase.length} ${words} clinics held ${during}`);
      }
    }
  }
  return { figures, unanswered };
}

function caseActivity(
  cases: readonly FiguresCase[],
  allReviews: readonly FiguresReview[],
  from: string,
  to: string,
  inWindow: (d: string) => boolean,
  during: string,
  put: (id: string, value: number, source: string) => void,
): void {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const reviews = allReviews.filter((r) => byId.has(r.caseId) && inWindow(r.date));

  // Targets reviewed: of the children open with targets in the term, those formally reviewed in it.
  const withTargets = new Set(cases.filter((c) => wasOpenDuring(c, from, to) && targetsInForceDuring(c.targets, from, to).length > 0).map((c) => c.childRef));
  const reviewedChildren = new Set(reviews.map((r) => byId.get(r.caseId)!.childRef));
  const reviewedOfOpen = [...withTargets].filter((ref) => reviewedChildren.has(ref)).length;
  put("targets_reviewed_den", withTargets.size, `${withTargets.size} children open to the service with targets ${during}, from the Cases list`);
  put("targets_reviewed_num", reviewedOfOpen, `${reviewedOfOpen} of the ${withTargets.size} children open with targets had their targets formally reviewed ${during}, from the CaseReviews list`);

  // KPI 2.1: each child reviewed in the term, judged on their latest review in it.
  const latest = new Map<string, FiguresReview>();
  for (const r of reviews) {
    const ref = byId.get(r.caseId)!.childRef;
    const prev = latest.get(ref);
    if (!prev || r.date > prev.date || (r.date === prev.date && r.recordedAt > prev.recordedAt)) latest.set(ref, r);
  }
  const significant = [...latest.values()].filter(meetsSignificantProgress).length;
  put("kpi_2_1_den", latest.size, `${latest.size} children whose targets were reviewed ${during}, from the CaseReviews list`);
  put(
    "kpi_2_1_num",
    significant,
    `${significant} of the ${latest.size} children reviewed ${during} had achieved, or made at least 50% progress towards, every target at their latest review`,
  );

  // Targets amended: school-age cases only.
  const schoolReviewed = new Map<string, boolean>();
  for (const r of reviews) {
    if (phaseGroup(byId.get(r.caseId)!.phase) !== "school") continue;
    schoolReviewed.set(r.caseId, (schoolReviewed.get(r.caseId) ?? false) || r.targetsAmended);
  }
  const amended = [...schoolReviewed.values()].filter(Boolean).length;
  put("targets_amended_den", schoolReviewed.size, `${schoolReviewed.size} school-age cases reviewed ${during} (schools only), from the CaseReviews list`);
  put("targets_amended_num", amended, `${amended} of the ${schoolReviewed.size} school-age cases reviewed ${during} had their targets amended at a review`);

  // Closures.
  const closed = cases.filter((c) => {
    const d = closedOn(c);
    return d !== undefined && inWindow(d);
  });
  const achieved = closed.filter((c) => c.closure?.reason === "targets-achieved").length;
  put("closed_achieved_den", closed.length, `${closed.length} cases closed ${during}, for any reason, from the Cases list`);
  put("closed_achieved_num", achieved, `${achieved} of the ${closed.length} cases closed ${during} closed because the targets were achieved`);
}
