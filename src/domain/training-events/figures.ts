/**
 * The training and transition measures of the KPI return for a district and term, from the
 * sessions and events recorded (pure: the feature's prefill passes the records in). Counted from
 * the term's start to its end, or to today while it runs:
 *
 * - Courses (`training_courses`, `training_parental`, `kpi_3_3`): different course titles with a
 *   session in the term — staff courses, parent courses, and courses (any audience) developed for an
 *   identified district need.
 * - Settings (`settings_trained`, `kpi_4_1`, `transition_school`, `transition_ey`): different settings
 *   on the attendance lists. `settings_trained` counts only the district's own settings (the register
 *   says which); a transition register counts every setting that took part.
 * - Questionnaire KPIs (`kpi_3_1`, `kpi_3_2`, `kpi_4_2`): numerator and denominator from the answers
 *   entered as counts, with the response rate (forms returned out of attendees, or settings for a
 *   transition event) and "too few answers to rate" below the threshold. KPI 4.2 is a summer-term
 *   measure: it is still counted in any term with events, and says so.
 * - AET (`aet_completed_*`, `aet_booked_*`): Autism Education Trust sessions delivered in the term,
 *   and those recorded for a date after it (booked); Post-16 sessions count with school age.
 */
import { appliesIn, MEASURES } from "../kpi/catalogue";
import type { Term } from "../time/calendar";
import { formatUkDateShort } from "../time/format";
import type { QuestionFigure } from "../questionnaires/kpi-questions";
import type { TrainingSessionItem, TransitionEventItem } from "../../schemas/training-events/records";
import { figureFrom, kpiQuestion } from "./evaluation";

export interface FigureValue {
  value: number;
  source: string;
}

export interface TrainingFiguresInput {
  districtName: string;
  term: Pick<Term, "academicYear" | "term" | "start" | "end">;
  today: string;
  sessions: readonly Pick<TrainingSessionItem, "title" | "districtNeed" | "audience" | "aet" | "date" | "settingIds" | "attendees" | "evaluation">[];
  events: readonly Pick<TransitionEventItem, "kind" | "date" | "settingIds" | "evaluation">[];
  /** The district of each setting in the register, by id. */
  districtOf: (settingId: string) => string | undefined;
  districtSlug: string;
  minAnswers?: number;
}

const SUMMER_TERMS = new Set([5, 6]);

const distinctTitles = (rows: readonly { title: string }[]) => new Set(rows.map((r) => r.title.trim().toLowerCase())).size;
const distinctSettings = (rows: readonly { settingIds: readonly string[] }[], keep: (id: string) => boolean = () => true) => new Set(rows.flatMap((r) => r.settingIds).filter(keep)).size;

function rateWords(f: QuestionFigure): string {
  const rate = f.responseRate === undefined ? "no forms given out" : `${f.responded} of ${f.asked} returned (response rate ${Math.round(f.responseRate)} %)`;
  return `${rate}; ${f.rateable ? "enough answers to rate" : "too few answers to rate"}`;
}

export function trainingFigures(input: TrainingFiguresInput): Record<string, FigureValue> {
  const { term, today, districtName } = input;
  const asOf = today < term.end ? today : term.end;
  const during = `in term ${term.term}${today < term.end ? " so far" : ""} (${formatUkDateShort(term.start)} to ${formatUkDateShort(asOf)})`;
  const inTerm = (d: string) => d >= term.start && d <= asOf;
  const sessions = input.sessions.filter((s) => inTerm(s.date));
  const staff = sessions.filter((s) => s.audience === "staff");
  const parents = sessions.filter((s) => s.audience === "parents");
  const events = input.events.filter((e) => inTerm(e.date));
  const out: Record<string, FigureValue> = {};
  const put = (id: string, value: number, source: string) => (out[id] = { value, source });

  const courses = distinctTitles(staff);
  put("training_courses", courses, `${courses} different training courses for school and setting staff with a session recorded by ${districtName} STLS ${during}, from the training records`);
  const parentCourses = distinctTitles(parents);
  put("training_parental", parentCourses, `${parentCourses} different parent and carer courses with a session recorded ${during}, from the training records`);
  const needCourses = distinctTitles(sessions.filter((s) => s.districtNeed !== undefined));
  put("kpi_3_3", needCourses, `${needCourses} different courses recorded ${during} as developed for a need identified in ${districtName}; describe the needs in the narrative`);
  const trained = distinctSettings(staff, (id) => input.districtOf(id) === input.districtSlug);
  put("settings_trained", trained, `${trained} different schools and settings of ${districtName} (by the settings register) on the attendance of staff training ${during}`);

  const rated = (base: string, rows: { asked: number; evaluation?: TrainingSessionItem["evaluation"] }[], what: string) => {
    const f = figureFrom(kpiQuestion(`${base}_num`), rows, input.minAnswers);
    put(`${base}_num`, f.numerator, `${f.numerator} of ${f.denominator} answers scoring 4 or above, ${what} ${during}: ${rateWords(f)}`);
    put(`${base}_den`, f.denominator, `${f.denominator} answers to the question, ${what} ${during}: ${rateWords(f)}`);
    // The forms given out (attendees, or settings at a transition event): the catalogue's "questionnaires sent".
    put(`${base}_asked`, f.asked, `${f.asked} evaluation forms given out, ${what} ${during}`);
  };
  rated("kpi_3_1", staff.map((s) => ({ asked: s.attendees, ...(s.evaluation ? { evaluation: s.evaluation } : {}) })), "on the training evaluation (Q4) of staff sessions");
  rated("kpi_3_2", parents.map((s) => ({ asked: s.attendees, ...(s.evaluation ? { evaluation: s.evaluation } : {}) })), "on the parent and carer training evaluation (Q1)");

  for (const [phase, programmes, words] of [
    ["school", ["school-age", "post-16"], "school age and Post-16"],
    ["ey", ["early-years"], "early years"],
  ] as const) {
    const aet = input.sessions.filter((s) => s.aet !== undefined && (programmes as readonly string[]).includes(s.aet));
    const done = aet.filter((s) => inTerm(s.date)).length;
    const booked = aet.filter((s) => s.date > asOf).length;
    put(`aet_completed_${phase}`, done, `${done} Autism Education Trust ${words} sessions recorded ${during}`);
    put(`aet_booked_${phase}`, booked, `${booked} Autism Education Trust ${words} sessions recorded for a date after ${formatUkDateShort(asOf)} (booked, not yet delivered)`);
  }

  const engaged = distinctSettings(events);
  put("kpi_4_1", engaged, `${engaged} different schools and settings on the attendance registers of ${districtName} transition events ${during}`);
  const schools = distinctSettings(events.filter((e) => e.kind === "school"));
  put("transition_school", schools, `${schools} different schools on the registers of school transition events ${during}`);
  const ey = distinctSettings(events.filter((e) => e.kind === "early-years"));
  put("transition_ey", ey, `${ey} different early years settings on the registers of early years transition events ${during}`);
  const summer = SUMMER_TERMS.has(term.term) ? "" : " (KPI 4.2 is a summer-term measure; this term's events are counted as recorded)";
  rated("kpi_4_2", events.map((e) => ({ asked: e.settingIds.length, ...(e.evaluation ? { evaluation: e.evaluation } : {}) })), `on the transition event feedback (Q1)${summer}`);

  // Only the measures the catalogue collects in the term's academic year.
  const applies = new Set(MEASURES.filter((m) => appliesIn(m, term.academicYear)).map((m) => m.id));
  for (const id of Object.keys(out)) if (!applies.has(id)) delete out[id];
  return out;
}
