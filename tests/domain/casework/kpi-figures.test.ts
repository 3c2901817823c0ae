/**
 * The casework figures of the KPI return, counted by hand on a small fixture (Dover, term 2 of
 * 2025-26: 27 October to 19 December 2025). Each case says what it contributes.
 */
import { describe, expect, it } from "vitest";
import { CASEWORK_MEASURE_IDS, caseworkFigures, type CaseworkFiguresInput } from "../../../src/domain/casework/kpi-figures";
import { MEASURES } from "../../../src/domain/kpi/catalogue";
import { term } from "../time/fixtures";
import { closedCase, makeCase, makeClinic, makeReview, TERM_2 } from "./fixtures";

const target = (setAt: string) => [{ id: "t1", text: "x", agreedWith: ["school" as const], setAt }];

const cases = [
  // A: primary C&I, active at the end of term; reviewed 20 Nov, achieved.
  makeCase({ id: "a", childRef: "DOV-2526-0001", phase: "primary", primaryArea: "CI", openedAt: "2025-09-10", targets: target("2025-09-10") }),
  // B: secondary SEMH, open but not actively supported since 1 Oct; not reviewed in the term.
  makeCase({
    id: "b",
    childRef: "DOV-2526-0002",
    phase: "secondary",
    primaryArea: "SEMH",
    openedAt: "2025-09-15",
    status: "open-inactive",
    statusChanges: [
      { status: "open-active", at: "2025-09-15" },
      { status: "open-inactive", at: "2025-10-01", inactiveReason: "open-for-funding" },
    ],
    targets: target("2025-09-15"),
  }),
  // C: early years C&L, opened in the term, active; reviewed 10 Dec, under 50%, targets amended (EY: not in "amended").
  makeCase({ id: "c", childRef: "DOV-2526-0003", phase: "early-years", primaryArea: "CL", openedAt: "2025-10-30", targets: target("2025-10-30") }),
  // D: primary SEMH, closed 1 Dec with targets achieved; reviewed 1 Nov (amended, under 50%) and 1 Dec (final, achieved).
  closedCase("2025-12-01", "targets-achieved", { id: "d", childRef: "DOV-2526-0004", phase: "primary", primaryArea: "SEMH", openedAt: "2025-09-05", targets: target("2025-09-05") }),
  // E: closed before the term began (20 Oct, in the half-term holiday): counts nowhere in term 2.
  closedCase("2025-10-20", "moved-away", { id: "e", childRef: "DOV-2526-0005", phase: "secondary", openedAt: "2025-09-01", targets: target("2025-09-01") }),
  // F: primary, open and "active" but with no targets: on the caseload, not actively supported.
  makeCase({ id: "f", childRef: "DOV-2526-0006", phase: "primary", primaryArea: "CL", openedAt: "2025-11-01", targets: [] }),
  // G: Thanet's: not Dover's.
  makeCase({ id: "g", childRef: "THA-2526-0001", districtSlug: "thanet", openedAt: "2025-09-10" }),
  // H: the county sensory team's case in Dover: not the district STLS's.
  makeCase({ id: "h", childRef: "DOV-2526-0009", team: "county-sensory", primaryArea: "SP", openedAt: "2025-09-10" }),
  // I: opened after the term.
  makeCase({ id: "i", childRef: "DOV-2526-0007", openedAt: "2026-01-05", targets: target("2026-01-05") }),
  // J: early years S/P, closed 10 Nov (needs met elsewhere) after a final review on 9 Nov at 50%.
  closedCase("2025-11-10", "needs-met-elsewhere", { id: "j", childRef: "DOV-2526-0008", phase: "early-years", primaryArea: "SP", openedAt: "2025-09-20", targets: target("2025-09-20") }),
];

const reviews = [
  makeReview({ id: "1", caseId: "a", date: "2025-11-20", results: [{ targetId: "t1", result: "achieved" }] }),
  makeReview({ id: "2", caseId: "a", date: "2025-12-22", results: [{ targetId: "t1", result: "progress-under-50" }] }), // holiday after the term
  makeReview({ id: "3", caseId: "a", date: "2025-10-20", results: [{ targetId: "t1", result: "progress-under-50" }], targetsAmended: true }), // half term
  makeReview({ id: "4", caseId: "c", date: "2025-12-10", results: [{ targetId: "t1", result: "progress-under-50" }], targetsAmended: true }),
  makeReview({ id: "5", caseId: "d", date: "2025-11-01", results: [{ targetId: "t1", result: "progress-under-50" }], targetsAmended: true }),
  makeReview({ id: "6", caseId: "d", date: "2025-12-01", results: [{ targetId: "t1", result: "achieved" }], final: true, nextReviewDate: undefined }),
  makeReview({ id: "7", caseId: "e", date: "2025-10-15", results: [{ targetId: "t1", result: "achieved" }] }), // term 1
  makeReview({ id: "8", caseId: "j", date: "2025-11-09", results: [{ targetId: "t1", result: "progress-50" }], final: true, nextReviewDate: undefined }),
  makeReview({ id: "9", caseId: "g", date: "2025-11-09" }), // Thanet
  makeReview({ id: "10", caseId: "h", date: "2025-11-09" }), // county team
];

const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `e${i}`, question: "q", outcome: "advice-given" as const }));
const clinics = [
  makeClinic({ id: "k1", phase: "school", date: "2025-11-05", status: "held", entries: entries(2) }),
  makeClinic({ id: "k2", phase: "school", date: "2025-12-15", status: "planned", entries: entries(4) }),
  makeClinic({ id: "k3", phase: "early-years", date: "2025-11-12", status: "held", entries: entries(3) }),
  makeClinic({ id: "k4", phase: "school", date: "2025-11-20", status: "cancelled", entries: entries(1) }),
  makeClinic({ id: "k5", phase: "school", date: "2025-10-20", status: "held", entries: entries(5) }), // half term
  makeClinic({ id: "k6", phase: "early-years", date: "2025-09-15", status: "held", entries: entries(1) }), // term 1
  makeClinic({ id: "k7", districtSlug: "thanet", date: "2025-11-05", status: "held", entries: entries(6) }),
];

const input: CaseworkFiguresInput = { districtSlug: "dover", districtName: "Dover", term: TERM_2, today: "2026-01-10", cases, reviews, clinics };
const values = (i: CaseworkFiguresInput) => Object.fromEntries(Object.entries(caseworkFigures(i).figures).map(([k, v]) => [k, v.value]));

describe("casework figures, counted by hand", () => {
  it("match the count by hand", () => {
    expect(values(input)).toEqual({
      caseload_school: 3, // A, B, F
      caseload_ey: 1, // C
      children_active_school: 1, // A
      children_active_ey: 1, // C
      active_cases_ci_school: 1, // A
      active_cases_cl_school: 0,
      active_cases_semh_school: 0,
      active_cases_sp_school: 0,
      active_cases_ci_ey: 0,
      active_cases_cl_ey: 1, // C
      active_cases_semh_ey: 0,
      active_cases_sp_ey: 0,
      targets_reviewed_den: 5, // A, B, C, D, J
      targets_reviewed_num: 4, // A, C, D, J
      kpi_2_1_den: 4, // A, C, D, J
      kpi_2_1_num: 3, // A, D (latest review achieved), J
      targets_amended_den: 2, // A, D (school age)
      targets_amended_num: 1, // D
      closed_achieved_den: 2, // D, J
      closed_achieved_num: 1, // D
      clinics_school: 1, // k1
      clinic_cases_school: 2,
      clinics_ey: 1, // k3
      clinic_cases_ey: 3,
    });
  });

  it("say where each figure came from", () => {
    const { figures } = caseworkFigures(input);
    expect(figures.caseload_school!.source).toBe(
      "3 children of school age (primary and secondary) with a case open to Dover STLS at the end of term 2 (Fri 19 Dec 2025), actively supported or not, from the Cases list",
    );
    expect(figures.kpi_2_1_num!.source).toContain("3 of the 4 children reviewed in term 2 (Mon 27 Oct 2025 to Fri 19 Dec 2025)");
    expect(figures.clinics_ey!.source).toContain("1 early years clinics");
    for (const [id, f] of Object.entries(figures)) expect(f.source, id).toMatch(new RegExp(`^${f.value} `));
  });

  it("count a term still running up to today, and say so", () => {
    const { figures } = caseworkFigures({ ...input, today: "2025-11-15" });
    expect(figures.caseload_school!.source).toContain("on Sat 15 Nov 2025 (term 2 has not ended)");
    expect(figures.kpi_2_1_den!.value).toBe(2); // D on 1 Nov, J on 9 Nov; A's review of 20 Nov is still to come
    expect(figures.closed_achieved_den!.value).toBe(1); // J
    expect(figures.caseload_school!.value).toBe(4); // A, B, D (closes 1 Dec), F
  });

  it("count a county team's cases for the team, without clinics", () => {
    const r = caseworkFigures({ ...input, team: "county-sensory" });
    expect(r.figures.caseload_school!.value).toBe(1);
    expect(r.figures.active_cases_sp_school!.value).toBe(1);
    expect(r.figures.caseload_school!.source).toContain("the county sensory team in Dover");
    expect(r.figures.clinics_school).toBeUndefined();
    expect(r.unanswered).toContainEqual({ measureId: "clinics_school", reason: "clinics are run by the district STLS, not the county teams" });
  });
});

describe("missing is not zero", () => {
  it("a district with no cases or clinics recorded answers nothing", () => {
    const r = caseworkFigures({ ...input, districtSlug: "ashford", districtName: "Ashford" });
    expect(r.figures).toEqual({});
    expect(r.unanswered.map((u) => u.measureId).sort()).toEqual([...CASEWORK_MEASURE_IDS].sort());
    expect(r.unanswered[0]!.reason).toBe("no cases are recorded for Ashford STLS");
  });

  it("recording that began part-way through the term answers positions, not activity", () => {
    const r = caseworkFigures({ ...input, recordingFrom: { cases: "2025-11-03", clinics: "2025-11-03" } });
    expect(r.figures.caseload_school!.value).toBe(3);
    expect(r.figures.kpi_2_1_den).toBeUndefined();
    expect(r.figures.clinics_school).toBeUndefined();
    expect(r.unanswered).toContainEqual({ measureId: "kpi_2_1_den", reason: "cases are recorded from Mon 3 Nov 2025, part-way through term 2" });
    const later = caseworkFigures({ ...input, recordingFrom: { cases: "2026-01-01" } });
    expect(later.figures.caseload_school).toBeUndefined();
  });

  it("a term not yet begun answers nothing", () => {
    expect(caseworkFigures({ ...input, today: "2025-10-26" }).figures).toEqual({});
  });

  it("a measure the catalogue does not collect that year is not answered", () => {
    const y2223 = { academicYear: "2022-23", term: 2 as const, start: "2022-10-31", end: "2022-12-16" };
    const old = caseworkFigures({
      ...input,
      term: y2223,
      today: "2023-01-10",
      cases: [makeCase({ openedAt: "2022-09-10", statusChanges: [{ status: "open-active", at: "2022-09-10" }], targets: target("2022-09-10") })],
      clinics: [makeClinic({ date: "2022-11-01" }), makeClinic({ id: "k0", date: "2022-09-20" })],
    });
    expect(old.figures.caseload_school!.value).toBe(1);
    expect(old.figures.clinics_school!.value).toBe(1);
    expect(old.figures.active_cases_ci_school).toBeUndefined();
    expect(old.figures.clinic_cases_school).toBeUndefined();
    expect(old.unanswered).toContainEqual({ measureId: "clinic_cases_school", reason: "not collected in 2022-23" });
  });
});

describe("the measure ids", () => {
  it("are the catalogue's, and cover every count measure of its children, outcomes and clinics groups, and KPI 2.1", () => {
    const catalogue = new Map(MEASURES.map((m) => [m.id, m]));
    for (const id of CASEWORK_MEASURE_IDS) expect(catalogue.get(id)?.kind, id).toBe("count");
    const wanted = MEASURES.filter((m) => m.kind === "count" && (["children", "outcomes", "clinics"].includes(m.group) || m.kpi === "2.1")).map((m) => m.id);
    expect(wanted.length).toBeGreaterThan(10);
    for (const id of wanted) expect(CASEWORK_MEASURE_IDS).toContain(id);
  });

  it("answer every one of them for a current term with data", () => {
    const { figures } = caseworkFigures({ ...input, term: term("2025-26", 2) });
    expect(Object.keys(figures).sort()).toEqual([...CASEWORK_MEASURE_IDS].sort());
  });
});
