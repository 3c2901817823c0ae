/**
 * The KPI and Local Activity Report (LAR) catalogue: every measure a district's termly return can
 * hold, as data. Sources: SLA Appendix 1 (KPIs 1.1–4.2), the 2022-23 countywide annual report
 * (Part Two and recommendation five, which changed the return from Term 1 2023-24), summarised in
 * [KPI framework](../../../docs/reference/service.md#kpi-framework) and [KPI return fields](../../../docs/reference/service.md#kpi-return-fields-proposal). See README.md in this folder for the rules.
 *
 * Percent measures are never typed: each is a pair of count measures (`*_num` / `*_den`, or two
 * named counts) plus a derived percent measure whose value is Σ numerator / Σ denominator.
 */
import { academicYearFirstYear, isAcademicYear, type AcademicYear } from "../time/academic-year";
import { MIN_ANSWERS_TO_RATE } from "../questionnaires/kpi-questions";

export type MeasureKind = "count" | "percent";
export type Phase = "ey" | "primary" | "secondary" | "school";
export type AreaOfNeed = "ci" | "cl" | "semh" | "sp";
export type MeasureSource =
  | "LAR"
  | "survey"
  | "pupil_targets"
  | "training_evaluation"
  | "district_record"
  | "attendance_register"
  | "transition_survey"
  | "council";

/** How a count measure's six termly values make one academic-year value (per district). */
export type YearRollup =
  /** Activity in the term (referrals, meetings, courses): the year is the sum of the terms reported. */
  | "sum"
  /** A position at the end of the term (caseload, FTE, settings in the district): the year is the latest term reported. */
  | "latest"
  /**
   * Different settings in the term: the same school is usually counted in several terms, so summing
   * would overcount; the year is the highest term (a lower bound of the different settings in the year).
   */
  | "max";

export type RagDirection = "higher_is_better" | "lower_is_better";

export interface RagRule {
  /** Percent (0–100). Higher is better: Green at or above it. Lower is better: Green at or below it. */
  green: number;
  /** Percent (0–100). Higher is better: Amber at or above it (and below green); Red below. */
  amber: number;
  direction: RagDirection;
}

export const DEFAULT_RAG: RagRule = { green: 75, amber: 70, direction: "higher_is_better" };

export type MeasureGroup =
  | "kpi"
  | "reach"
  | "children"
  | "lift"
  | "referrals"
  | "clinics"
  | "training"
  | "transition"
  | "staffing"
  | "outcomes"
  | "aet"
  | "legacy";

/** Form sections, in order. */
export const GROUPS: readonly { id: MeasureGroup; title: string }[] = [
  { id: "kpi", title: "Key performance indicators" },
  { id: "reach", title: "Schools and settings supported" },
  { id: "children", title: "Children supported and caseload" },
  { id: "lift", title: "LIFT meetings" },
  { id: "referrals", title: "Referrals and areas of need" },
  { id: "clinics", title: "Clinics and surgeries" },
  { id: "training", title: "Training" },
  { id: "transition", title: "Transition" },
  { id: "staffing", title: "Staffing" },
  { id: "outcomes", title: "Targets and outcomes" },
  { id: "aet", title: "Autism Education Trust (AET) training" },
  { id: "legacy", title: "Measures collected in 2022-23 only" },
];

export interface Measure {
  id: string;
  label: string;
  /** Plain-English definition shown on the form and in exports, so every district counts the same thing. */
  definition: string;
  kind: MeasureKind;
  /** Framework number, e.g. "2.1", when the measure is (part of) a KPI. */
  kpi?: string;
  source: MeasureSource;
  phase?: Phase;
  areaOfNeed?: AreaOfNeed;
  group: MeasureGroup;
  /** First academic year the measure is collected (inclusive); none = from the start. */
  appliesFrom?: AcademicYear;
  /** Last academic year the measure is collected (inclusive); none = still collected. */
  appliesTo?: AcademicYear;
  /** Count measures: "whole" (a whole number) or "fte" (full-time equivalent, up to 2 decimals). */
  unit?: "whole" | "fte";
  /** Count measures: how the terms roll up into the year. */
  yearRollup?: YearRollup;
  /** Count measures: a count this one can never exceed (validated), e.g. settings supported ≤ settings in the district. */
  atMost?: string;
  /** Percent measures: the count measures it is worked out from. */
  numeratorId?: string;
  denominatorId?: string;
  /** Percent measures with a rating; none = reported without a rating (NA). */
  rag?: RagRule;
  /** Schools and settings outside the district: never added to the district's own counts or used in its % of district total. */
  outOfDistrict?: boolean;
  /**
   * Questionnaire-based percent measures: the count of questionnaires sent ("asked"), so the figure
   * can show its response rate (answers ÷ asked).
   */
  askedId?: string;
  /**
   * Questionnaire-based percent measures: the fewest answers (the denominator) a figure is rated
   * from; below it the rating is "too_few" instead of Green/Amber/Red.
   */
  minAnswers?: number;
  /** Count measures a return is complete without (added later, so older returns without them stay complete). */
  optional?: boolean;
}

/** Where a measure's figures come from questionnaire answers (so they have a response rate and a minimum of answers). */
export const QUESTIONNAIRE_SOURCES: readonly MeasureSource[] = ["survey", "training_evaluation", "transition_survey"];

// ---------------------------------------------------------------------------------------------
// Builders (keep the table below readable)

type CountOptions = Omit<Measure, "id" | "label" | "definition" | "kind" | "group" | "source"> & {
  source?: MeasureSource;
};

function count(id: string, group: MeasureGroup, label: string, definition: string, options: CountOptions = {}): Measure {
  const { source = "LAR", ...rest } = options;
  return { id, label, definition, kind: "count", group, source, unit: "whole", yearRollup: "sum", ...rest };
}

type PercentOptions = Omit<Measure, "id" | "label" | "definition" | "kind" | "group" | "source" | "numeratorId" | "denominatorId"> & {
  source?: MeasureSource;
};

function percent(
  id: string,
  group: MeasureGroup,
  label: string,
  definition: string,
  numeratorId: string,
  denominatorId: string,
  options: PercentOptions = {},
): Measure {
  const { source = "LAR", ...rest } = options;
  return { id, label, definition, kind: "percent", group, source, numeratorId, denominatorId, ...rest };
}

/**
 * A rated survey/target KPI: `kpi_x_y_num`, `kpi_x_y_den` and the derived `kpi_x_y`. A questionnaire
 * KPI also has `kpi_x_y_asked` (questionnaires sent, optional on the return) for its response rate,
 * and is rated only from MIN_ANSWERS_TO_RATE answers: the annual report warns against tiny return
 * rates presented as if representative.
 */
function ratedKpi(
  kpi: string,
  source: MeasureSource,
  label: string,
  definition: string,
  num: { label: string; definition: string },
  den: { label: string; definition: string },
  options: { appliesFrom?: AcademicYear; appliesTo?: AcademicYear; rag?: RagRule | null } = {},
): Measure[] {
  const base = `kpi_${kpi.replace(".", "_")}`;
  const years = { appliesFrom: options.appliesFrom, appliesTo: options.appliesTo };
  const rag = options.rag === null ? undefined : (options.rag ?? DEFAULT_RAG);
  if (!QUESTIONNAIRE_SOURCES.includes(source)) {
    return [
      count(`${base}_num`, "kpi", num.label, num.definition, { kpi, source, ...years }),
      count(`${base}_den`, "kpi", den.label, den.definition, { kpi, source, ...years }),
      percent(base, "kpi", label, definition, `${base}_num`, `${base}_den`, { kpi, source, ...years, rag }),
    ];
  }
  const asked = {
    label: `${num.label.slice(0, num.label.indexOf(":"))}: questionnaires sent`,
    definition: `Questionnaires sent (how many were asked), for the response rate: ${lowerFirst(den.label.slice(den.label.indexOf(":") + 2))} out of those asked. Leave blank if not known.`,
  };
  return [
    count(`${base}_num`, "kpi", num.label, num.definition, { kpi, source, ...years }),
    count(`${base}_den`, "kpi", den.label, den.definition, { kpi, source, ...years }),
    count(`${base}_asked`, "kpi", asked.label, asked.definition, { kpi, source, ...years, optional: true }),
    percent(base, "kpi", label, definition, `${base}_num`, `${base}_den`, { kpi, source, ...years, rag, askedId: `${base}_asked`, minAnswers: MIN_ANSWERS_TO_RATE }),
  ];
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const PHASE_LABEL: Record<Phase, string> = {
  ey: "early years",
  primary: "primary",
  secondary: "secondary",
  school: "schools",
};

const NEED_LABEL: Record<AreaOfNeed, string> = {
  ci: "Communication and Interaction",
  cl: "Cognition and Learning",
  semh: "Social, Emotional and Mental Health",
  sp: "Sensory and/or Physical",
};
const NEEDS: readonly AreaOfNeed[] = ["ci", "cl", "semh", "sp"];
const SETTING_PHASES: readonly Phase[] = ["ey", "primary", "secondary"];

// ---------------------------------------------------------------------------------------------
// The catalogue

const kpis: Measure[] = [
  count(
    "kpi_1_1",
    "kpi",
    "Requests resolved at LIFT",
    "Requests for professional support and advice resolved at LIFT without the need for further formal referral or intervention. Resolved means the school or setting was given recommended strategies and interventions to implement, or was signposted to an appropriate agency.",
    { kpi: "1.1" },
  ),
  ...ratedKpi(
    "1.3",
    "survey",
    "Satisfaction after LIFT (% scoring 4 or above)",
    "Schools and settings scoring 4 or above on Q2 of the LIFT satisfaction questionnaire, out of those who answered Q2.",
    { label: "LIFT satisfaction: scoring 4 or above (Q2)", definition: "Schools and settings answering 4 or 5 to Q2 of the LIFT satisfaction questionnaire." },
    { label: "LIFT satisfaction: responses to Q2", definition: "Schools and settings who answered Q2 of the LIFT satisfaction questionnaire." },
  ),
  ...ratedKpi(
    "2.1",
    "pupil_targets",
    "Pupils achieving or making significant progress towards targets (%)",
    "Pupils reviewed in the term who achieved, or made significant progress (at least 50%) towards, the targets set by the specialist teacher with the school, family and child, out of pupils reviewed.",
    { label: "Pupils reviewed who achieved or made significant progress", definition: "Pupils reviewed in the term who achieved, or made at least 50% progress towards, their specialist-teacher targets." },
    { label: "Pupils reviewed", definition: "Pupils whose specialist-teacher targets were reviewed in the term." },
  ),
  ...ratedKpi(
    "2.2",
    "survey",
    "Increased staff confidence after intervention (% scoring 4 or above)",
    "Schools and settings scoring 4 or above (out of 5) on Q5 of the end of intervention questionnaire (increased staff confidence in meeting the needs of the child), out of those who answered Q5. Dropped from 2023-24.",
    { label: "Staff confidence: scoring 4 or above (Q5)", definition: "Schools and settings answering 4 or 5 to Q5 of the end of intervention questionnaire." },
    { label: "Staff confidence: responses to Q5", definition: "Schools and settings who answered Q5 of the end of intervention questionnaire." },
    { appliesTo: "2022-23" },
  ),
  ...ratedKpi(
    "2.3",
    "survey",
    "Parents' increased confidence in the school (% scoring 4 or above)",
    "Parents and carers scoring 4 or above (out of 5) on Q9 of the end of intervention questionnaire (increased confidence in the school or setting meeting their child's needs), out of those who answered Q9.",
    { label: "Parent confidence: scoring 4 or above (Q9)", definition: "Parents and carers answering 4 or 5 to Q9 of the end of intervention questionnaire." },
    { label: "Parent confidence: responses to Q9", definition: "Parents and carers who answered Q9 of the end of intervention questionnaire." },
  ),
  ...ratedKpi(
    "3.1",
    "training_evaluation",
    "Increased confidence after training (% scoring 4 or above)",
    "Schools and settings scoring 4 or above (out of 5) on Q4 of the training course evaluation (increased confidence, knowledge and skills to meet needs), out of those who answered Q4.",
    { label: "Training confidence: scoring 4 or above (Q4)", definition: "School and setting delegates answering 4 or 5 to Q4 of the training course evaluation." },
    { label: "Training confidence: responses to Q4", definition: "School and setting delegates who answered Q4 of the training course evaluation." },
  ),
  ...ratedKpi(
    "3.2",
    "training_evaluation",
    "Parents' increased confidence after parent training (%)",
    "Parents and carers reporting increased confidence to meet their child's needs on the parent/carer training course evaluation, out of those who answered. Reported without a rating.",
    { label: "Parent training: reporting increased confidence", definition: "Parents and carers reporting increased confidence on the parent/carer training course evaluation." },
    { label: "Parent training: responses", definition: "Parents and carers who answered the parent/carer training course evaluation." },
    { rag: null },
  ),
  count(
    "kpi_3_3",
    "kpi",
    "Training courses for an identified district need",
    "Training courses developed and delivered in the term in response to a need identified in the district. Describe the need in the narrative.",
    { kpi: "3.3", source: "district_record" },
  ),
  count(
    "kpi_4_1",
    "kpi",
    "Schools and settings engaged in STLS transition events",
    "Different schools and settings that took part in transition events or initiatives facilitated by the STLS in the term, from the event attendance registers.",
    { kpi: "4.1", source: "attendance_register", yearRollup: "max" },
  ),
  ...ratedKpi(
    "4.2",
    "transition_survey",
    "High confidence after a transition event (% scoring 4 or above)",
    "Settings and schools scoring 4 or above (out of 5) on Q1 of the transition event feedback survey, out of those who answered Q1.",
    { label: "Transition confidence: scoring 4 or above (Q1)", definition: "Settings and schools answering 4 or 5 to Q1 of the transition event feedback survey." },
    { label: "Transition confidence: responses to Q1", definition: "Settings and schools who answered Q1 of the transition event feedback survey." },
  ),
];

const reach: Measure[] = [
  ...SETTING_PHASES.map((p) =>
    count(
      `settings_in_district_${p}`,
      "reach",
      `Settings in the district (${PHASE_LABEL[p]})`,
      `Mainstream ${p === "ey" ? "early years settings" : `${PHASE_LABEL[p]} schools`} in the district: the district's own total, the denominator for the % supported and % attending LIFT.`,
      { source: "council", yearRollup: "latest" },
    ),
  ),
  ...SETTING_PHASES.map((p) =>
    count(
      `settings_supported_${p}`,
      "reach",
      `Settings supported in the district (${PHASE_LABEL[p]})`,
      `Different mainstream ${p === "ey" ? "early years settings" : `${PHASE_LABEL[p]} schools`} in the district that engaged with the service in the term (via LIFT, clinics, training or direct contact). Schools outside the district are not included: record them as supported from outside the district.`,
      { kpi: "1.2", yearRollup: "max", atMost: `settings_in_district_${p}` },
    ),
  ),
  count(
    "settings_supported_out_of_district",
    "reach",
    "Schools and settings supported from outside the district",
    "Different schools and settings outside the district that the district's STLS supported in the term (mostly through shared training courses). Recorded separately: never added to the district's own count or its % of the district total.",
    { yearRollup: "max", outOfDistrict: true },
  ),
  ...SETTING_PHASES.map((p) =>
    percent(
      `settings_supported_pct_${p}`,
      "reach",
      `% of the district's settings supported (${PHASE_LABEL[p]})`,
      `Settings supported in the district (${PHASE_LABEL[p]}) as a percentage of the district's own total. Out-of-district schools are never counted.`,
      `settings_supported_${p}`,
      `settings_in_district_${p}`,
      { kpi: "1.2", appliesFrom: "2023-24" },
    ),
  ),
];

const children: Measure[] = (["school", "ey"] as const).flatMap((p) => [
  count(
    `children_active_${p}`,
    "children",
    `Children actively supported (${PHASE_LABEL[p]})`,
    "Children open to the service, with a specialist teacher actively supporting them, and working towards individual targets, at the end of the term.",
    { phase: p, yearRollup: "latest", atMost: `caseload_${p}` },
  ),
  count(
    `caseload_${p}`,
    "children",
    `Children on caseload (${PHASE_LABEL[p]})`,
    "All children open to the service at the end of the term, whether or not actively supported (the caseload is larger than the actively supported count).",
    { phase: p, yearRollup: "latest" },
  ),
]);

const lift: Measure[] = [
  count("lift_meetings_school", "lift", "School LIFT meetings held", "School LIFT meetings (primary, secondary or joint) held in the term.", { phase: "school" }),
  count("lift_meetings_ey", "lift", "Early years LIFT meetings held", "Early years LIFT meetings held in the term.", { phase: "ey" }),
  ...SETTING_PHASES.map((p) =>
    count(
      `lift_settings_attending_${p}`,
      "lift",
      `Settings attending LIFT (${PHASE_LABEL[p]})`,
      `Different ${p === "ey" ? "early years settings" : `${PHASE_LABEL[p]} schools`} in the district that attended at least one LIFT meeting in the term.`,
      { phase: p, yearRollup: "max", atMost: `settings_in_district_${p}` },
    ),
  ),
  ...SETTING_PHASES.map((p) =>
    percent(
      `lift_settings_attending_pct_${p}`,
      "lift",
      `% of the district's settings attending LIFT (${PHASE_LABEL[p]})`,
      `Settings attending LIFT (${PHASE_LABEL[p]}) as a percentage of the district's own total.`,
      `lift_settings_attending_${p}`,
      `settings_in_district_${p}`,
      { phase: p },
    ),
  ),
];

const referrals: Measure[] = [
  ...SETTING_PHASES.map((p) =>
    count(
      `referrals_${p}`,
      "referrals",
      `LIFT referrals received (${PHASE_LABEL[p]})`,
      `LIFT request forms received in the term from ${p === "ey" ? "early years settings" : `${PHASE_LABEL[p]} schools`}.`,
      { phase: p },
    ),
  ),
  ...SETTING_PHASES.map((p) =>
    count(
      `cases_discussed_${p}`,
      "referrals",
      `Cases discussed at LIFT (${PHASE_LABEL[p]})`,
      `Children (or whole-school questions) from ${p === "ey" ? "early years settings" : `${PHASE_LABEL[p]} schools`} discussed at LIFT meetings in the term.`,
      { phase: p },
    ),
  ),
  ...(["school", "ey"] as const).flatMap((p) =>
    NEEDS.map((n) =>
      count(
        `referrals_${n}_${p}`,
        "referrals",
        `Referrals by primary need: ${NEED_LABEL[n]} (${PHASE_LABEL[p]})`,
        `LIFT referrals received in the term from ${p === "ey" ? "early years settings" : "schools"} whose primary area of need is ${NEED_LABEL[n]}.`,
        { phase: p, areaOfNeed: n },
      ),
    ),
  ),
  ...(["school", "ey"] as const).flatMap((p) =>
    NEEDS.map((n) =>
      count(
        `active_cases_${n}_${p}`,
        "referrals",
        `Active cases by need: ${NEED_LABEL[n]} (${PHASE_LABEL[p]})`,
        `Children actively supported at the end of the term (${PHASE_LABEL[p]}) whose primary area of need is ${NEED_LABEL[n]}.`,
        { phase: p, areaOfNeed: n, appliesFrom: "2023-24", yearRollup: "latest" },
      ),
    ),
  ),
];

const clinics: Measure[] = [
  count("clinics_school", "clinics", "Clinics and surgeries held (schools)", "Clinics, surgeries and in-school reviews held for schools in the term (anonymised advice outside LIFT).", { phase: "school" }),
  count("clinics_ey", "clinics", "Clinics and surgeries held (early years)", "Clinics, surgeries and in-setting reviews held for early years settings in the term.", { phase: "ey" }),
  count("clinic_cases_school", "clinics", "Cases discussed at clinics (schools)", "Cases (children or questions) discussed at school clinics and surgeries in the term.", { phase: "school", appliesFrom: "2023-24" }),
  count("clinic_cases_ey", "clinics", "Cases discussed at clinics (early years)", "Cases (children or questions) discussed at early years clinics and surgeries in the term.", { phase: "ey", appliesFrom: "2023-24" }),
];

const training: Measure[] = [
  count("training_core", "training", "Core training courses delivered", "Courses from the core (planned, countywide) training offer delivered to schools and settings in the term. Replaced by 'Training courses delivered' from 2023-24.", { appliesTo: "2022-23" }),
  count("training_bespoke", "training", "Bespoke training courses delivered", "Bespoke courses delivered at the request of a school or setting in the term. Replaced by 'Training courses delivered' from 2023-24.", { appliesTo: "2022-23" }),
  count("training_courses", "training", "Training courses delivered", "Training courses delivered to schools and settings in the term, core and bespoke together (one service from 2023-24).", { appliesFrom: "2023-24" }),
  count("training_parental", "training", "Parent and carer training courses delivered", "Training courses for parents and carers (co-produced) delivered in the term."),
  count("settings_trained", "training", "Schools and settings trained", "Different schools and settings in the district whose staff attended STLS training in the term.", { yearRollup: "max" }),
];

const transition: Measure[] = [
  count("transition_school", "transition", "Schools supported to deliver transition events", "Schools supported by the STLS to deliver transition events in the term (e.g. Year 6 to Year 7).", { phase: "school" }),
  count("transition_ey", "transition", "Early years settings supported to deliver transition events", "Early years settings supported by the STLS to deliver transition events in the term (early years to Reception).", { phase: "ey" }),
];

const staffing: Measure[] = [
  ...NEEDS.map((n) =>
    count(`fte_${n}`, "staffing", `Specialist teachers FTE: ${NEED_LABEL[n]}`, `Full-time equivalent specialist teachers for ${NEED_LABEL[n]} at the end of the term.`, {
      areaOfNeed: n,
      unit: "fte",
      yearRollup: "latest",
    }),
  ),
  count("fte_ey", "staffing", "Specialist teachers FTE: early years", "Full-time equivalent early years specialist teachers at the end of the term.", { phase: "ey", unit: "fte", yearRollup: "latest" }),
  count("fte_vacancies", "staffing", "Vacancies (FTE)", "Full-time equivalent specialist teacher posts vacant at the end of the term.", { unit: "fte", yearRollup: "latest" }),
];

const outcomes: Measure[] = [
  count("targets_reviewed_num", "outcomes", "Open children whose targets were formally reviewed", "Children open to the service whose targets were formally reviewed in the term."),
  count("targets_reviewed_den", "outcomes", "Open children with targets", "Children open to the service with individual targets in the term."),
  percent("targets_reviewed", "outcomes", "% of open children whose targets were reviewed", "Open children whose targets were formally reviewed, out of open children with targets.", "targets_reviewed_num", "targets_reviewed_den"),
  count("targets_amended_num", "outcomes", "Cases whose targets were amended on review", "Cases reviewed in the term whose targets were amended at the review."),
  count("targets_amended_den", "outcomes", "Cases reviewed", "Cases whose targets were reviewed in the term."),
  percent("targets_amended", "outcomes", "% of reviewed cases whose targets were amended", "Cases whose targets were amended on review, out of cases reviewed.", "targets_amended_num", "targets_amended_den"),
  count("closed_achieved_num", "outcomes", "Cases closed because targets were achieved", "Cases closed in the term because the child achieved their targets."),
  count("closed_achieved_den", "outcomes", "Cases closed", "Cases closed in the term, for any reason."),
  percent("closed_achieved", "outcomes", "% of closed cases closed because targets were achieved", "Cases closed because targets were achieved, out of all cases closed.", "closed_achieved_num", "closed_achieved_den"),
];

const aet: Measure[] = (["school", "ey"] as const).flatMap((p) => [
  count(`aet_completed_${p}`, "aet", `AET sessions completed (${p === "ey" ? "early years" : "school age"})`, `Autism Education Trust ${p === "ey" ? "early years" : "school age"} training sessions delivered in the term.`, { phase: p }),
  count(`aet_booked_${p}`, "aet", `AET sessions booked (${p === "ey" ? "early years" : "school age"})`, `Autism Education Trust ${p === "ey" ? "early years" : "school age"} training sessions booked and not yet delivered at the end of the term.`, {
    phase: p,
    yearRollup: "latest",
  }),
]);

/** Removed from the return from Term 1 2023-24 (annual report 2022-23, recommendation five: [Changes from Term 1 2023-24](../../../docs/reference/service.md#changes-from-term-1-2023-24)). */
const legacy: Measure[] = [
  count("cases_open_over_six_months", "legacy", "Cases open more than six months", "Cases open to the service for more than six months at the end of the term.", { appliesTo: "2022-23", yearRollup: "latest" }),
  count("cases_outreach", "legacy", "Open cases supported through outreach", "Open cases supported through outreach at the end of the term.", { appliesTo: "2022-23", yearRollup: "latest" }),
  ...NEEDS.map((n) =>
    count(`visits_${n}`, "legacy", `Visits: ${NEED_LABEL[n]}`, `Visits made in the term for children whose primary area of need is ${NEED_LABEL[n]}.`, { areaOfNeed: n, appliesTo: "2022-23" }),
  ),
  count("referred_other_agencies", "legacy", "Children referred to other inclusion agencies", "Children referred to other inclusion agencies in the term.", { appliesTo: "2022-23" }),
];

export const MEASURES: readonly Measure[] = Object.freeze([
  ...kpis,
  ...reach,
  ...children,
  ...lift,
  ...referrals,
  ...clinics,
  ...training,
  ...transition,
  ...staffing,
  ...outcomes,
  ...aet,
  ...legacy,
]);

const BY_ID: ReadonlyMap<string, Measure> = new Map(MEASURES.map((m) => [m.id, m]));

export function measureById(id: string): Measure | undefined {
  return BY_ID.get(id);
}

/** "2023-24" → 2023. Returns NaN for anything else, so comparisons with it are false. */
export function academicYearStart(year: AcademicYear): number {
  return academicYearFirstYear(year) ?? Number.NaN;
}

export { isAcademicYear };

export function appliesIn(measure: Measure, academicYear: AcademicYear): boolean {
  const year = academicYearStart(academicYear);
  if (Number.isNaN(year)) return false;
  if (measure.appliesFrom !== undefined && year < academicYearStart(measure.appliesFrom)) return false;
  if (measure.appliesTo !== undefined && year > academicYearStart(measure.appliesTo)) return false;
  return true;
}

/** The measures collected in an academic year, in catalogue (form) order. */
export function measuresFor(academicYear: AcademicYear): Measure[] {
  return MEASURES.filter((m) => appliesIn(m, academicYear));
}

/** Percent measures whose numerator or denominator is this count. */
export function percentsUsing(countId: string): Measure[] {
  return MEASURES.filter((m) => m.kind === "percent" && (m.numeratorId === countId || m.denominatorId === countId));
}
