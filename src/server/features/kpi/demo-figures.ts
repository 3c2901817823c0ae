/**
 * Realistic termly figures for demo data and the benchmark: deterministic (seeded by district, year
 * and term), on the scale of the 2022-23 countywide numbers ([Countywide figures](../../../../docs/reference/service.md#countywide-figures-2022-23): 1,994 primary and 426
 * secondary school LIFT referrals and 1,647 early years referrals a year, 710 school and 630 early
 * years clinics, 673 early years transition events), and always valid (`validateReturnValues`).
 */
import { MEASURES, measureById, measuresFor } from "../../../domain/kpi/catalogue";
import { validateReturnValues } from "../../../domain/kpi/return-validation";
import { mulberry32 } from "../../core/demo-random";


function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Questionnaire KPIs: how many were asked, from their own seed so every other figure stays as it
 * was. Response rates of 30–70 % (the annual report: surveys get few answers). Transition surveys
 * outside the summer terms get 1–4 answers, below the minimum to rate, so a district's "too few
 * answers to rate" shows next to its area and county, which are rated on all their answers. 2025-26
 * term 1 has no "asked" count, as returns from before it was collected: the figures say so.
 */
function questionnaireFigures(v: Record<string, number | null>, ids: ReadonlySet<string>, districtSlug: string, academicYear: string, term: number): void {
  const rnd = mulberry32(hash(`asked|${districtSlug}|${academicYear}|${term}`));
  if (ids.has("kpi_4_2_den") && term <= 4) {
    const den = 1 + Math.floor(4 * rnd());
    v.kpi_4_2_den = den;
    v.kpi_4_2_num = Math.round(den * (0.5 + 0.5 * rnd()));
  }
  const recorded = !(academicYear === "2025-26" && term === 1);
  for (const m of MEASURES) {
    if (!m.askedId || !ids.has(m.askedId) || !m.denominatorId) continue;
    const den = v[m.denominatorId] ?? 0;
    const rate = 0.3 + 0.4 * rnd();
    if (recorded) v[m.askedId] = Math.max(den, Math.round(den / rate));
    else v[m.askedId] = null;
  }
}

/** Per district, per term: a twelfth of the county's year, over six terms. */
const PER_TERM: Record<string, number> = {
  referrals_primary: 1994 / 72,
  referrals_secondary: 426 / 72,
  referrals_ey: 1647 / 72,
  clinics_school: 710 / 72,
  clinics_ey: 630 / 72,
  transition_ey: 673 / 72,
};

export function demoFigures(districtSlug: string, academicYear: string, term: number): Record<string, number | null> {
  const rnd = mulberry32(hash(`${districtSlug}|${academicYear}|${term}`));
  const size = 0.7 + (hash(districtSlug) % 60) / 100; // each district its own size, 0.7–1.3
  const around = (mean: number, spread = 0.25) => Math.max(0, Math.round(mean * size * (1 - spread + 2 * spread * rnd())));
  const v: Record<string, number | null> = {};
  const ids = new Set(measuresFor(academicYear).filter((m) => m.kind === "count").map((m) => m.id));
  const set = (id: string, value: number) => {
    if (ids.has(id)) v[id] = value;
  };

  for (const [id, mean] of Object.entries(PER_TERM)) set(id, around(mean));
  for (const phase of ["primary", "secondary", "ey"] as const) {
    set(`cases_discussed_${phase}`, Math.round((v[`referrals_${phase}`] ?? 0) * (0.8 + 0.15 * rnd())));
    set(`settings_in_district_${phase}`, Math.round({ primary: 45, secondary: 9, ey: 90 }[phase] * size));
  }
  for (const phase of ["primary", "secondary", "ey"] as const) {
    const total = v[`settings_in_district_${phase}`] ?? 0;
    set(`settings_supported_${phase}`, Math.round(total * (0.5 + 0.35 * rnd())));
    set(`lift_settings_attending_${phase}`, Math.round(total * (0.25 + 0.3 * rnd())));
  }
  set("settings_supported_out_of_district", Math.round(4 * rnd()));
  const school = (v.referrals_primary ?? 0) + (v.referrals_secondary ?? 0);
  const shares: Record<string, [number, number]> = { ci: [0.35, 0.6], cl: [0.25, 0.15], semh: [0.3, 0.15], sp: [0.1, 0.1] };
  for (const [need, [s, e]] of Object.entries(shares)) {
    set(`referrals_${need}_school`, Math.round(school * s));
    set(`referrals_${need}_ey`, Math.round((v.referrals_ey ?? 0) * e));
  }
  set("kpi_1_1", Math.round(((v.cases_discussed_primary ?? 0) + (v.cases_discussed_secondary ?? 0) + (v.cases_discussed_ey ?? 0)) * (0.3 + 0.2 * rnd())));
  set("caseload_school", around(120));
  set("caseload_ey", around(60));
  set("children_active_school", Math.round((v.caseload_school ?? 0) * (0.55 + 0.25 * rnd())));
  set("children_active_ey", Math.round((v.caseload_ey ?? 0) * (0.55 + 0.25 * rnd())));
  for (const [need, [s, e]] of Object.entries(shares)) {
    set(`active_cases_${need}_school`, Math.round((v.children_active_school ?? 0) * s));
    set(`active_cases_${need}_ey`, Math.round((v.children_active_ey ?? 0) * e));
  }
  set("lift_meetings_school", 5 + Math.round(2 * rnd()));
  set("lift_meetings_ey", 3 + Math.round(2 * rnd()));
  set("clinic_cases_school", Math.round((v.clinics_school ?? 0) * (1.5 + rnd())));
  set("clinic_cases_ey", Math.round((v.clinics_ey ?? 0) * (1.5 + rnd())));
  set("training_courses", around(5));
  set("training_core", around(3));
  set("training_bespoke", around(2));
  set("training_parental", Math.round(2 * rnd()));
  set("settings_trained", around(14));
  set("transition_school", term >= 5 ? around(6) : Math.round(2 * rnd()));
  set("kpi_3_3", Math.round(3 * rnd()));
  set("kpi_4_1", term >= 5 ? around(12) : around(3));
  for (const need of ["ci", "cl", "semh", "sp"]) set(`fte_${need}`, Math.round((0.8 + 2 * rnd()) * 10) / 10);
  set("fte_ey", Math.round((1 + 2 * rnd()) * 10) / 10);
  set("fte_vacancies", rnd() < 0.7 ? 0 : 0.5);
  set("aet_completed_school", Math.round(3 * rnd()));
  set("aet_completed_ey", Math.round(2 * rnd()));
  set("aet_booked_school", Math.round(3 * rnd()));
  set("aet_booked_ey", Math.round(2 * rnd()));

  // Numerator / denominator pairs: mostly 65–95%, so every rating shows up somewhere.
  for (const m of MEASURES) {
    if (m.kind !== "percent" || !m.numeratorId || !m.denominatorId) continue;
    if (!ids.has(m.numeratorId) || v[m.numeratorId] !== undefined) continue;
    const den = around(m.group === "kpi" ? 40 : 60, 0.4);
    set(m.denominatorId, den);
    set(m.numeratorId, Math.round(den * (0.65 + 0.3 * rnd())));
  }
  questionnaireFigures(v, ids, districtSlug, academicYear, term);
  // Anything left in the catalogue (legacy measures…): small counts.
  for (const id of ids) if (v[id] === undefined && !measureById(id)?.optional) v[id] = around(measureById(id)?.unit === "fte" ? 1 : 8);

  const check = validateReturnValues(v, academicYear);
  if (!check.ok) throw new Error(`demo figures for ${districtSlug} ${academicYear} T${term} are not valid: ${JSON.stringify(check.errors)}`);
  return v;
}
