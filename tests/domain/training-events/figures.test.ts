/**
 * The training and transition figures of a term from hand-made sessions and events: courses counted
 * by title, settings once each, the questionnaire KPIs from answer counts (scoring 4 or above, the
 * response rate, too few answers to rate), AET sessions delivered and booked, and the autism
 * education target against a small register.
 */
import { describe, expect, it } from "vitest";
import { autismTarget } from "../../../src/domain/training-events/autism-target";
import { figureFrom, kpiQuestion, responsesFrom } from "../../../src/domain/training-events/evaluation";
import { trainingFigures, type TrainingFiguresInput } from "../../../src/domain/training-events/figures";
import type { Setting } from "../../../src/schemas/reference/setting";
import { EvaluationCounts } from "../../../src/schemas/training-events/records";

const term = { academicYear: "2026-27", term: 2, start: "2026-11-02", end: "2026-12-18" } as const;
const base = { title: "Course", audience: "staff" as const, settingIds: [] as string[], attendees: 0 };

function input(over: Partial<TrainingFiguresInput>): TrainingFiguresInput {
  return { districtName: "Dover", districtSlug: "dover", term, today: "2026-11-24", sessions: [], events: [], districtOf: (id) => (id.startsWith("DOV") ? "dover" : "thanet"), ...over };
}

describe("evaluation counts as responses", () => {
  it("gives one response per returned form, the skipped ones without an answer", () => {
    const k = kpiQuestion("kpi_3_1_num");
    const r = responsesFrom(k, { returned: 6, scores: [1, 0, 1, 2, 1] });
    expect(r).toHaveLength(6);
    expect(r.filter((x) => Object.keys(x.answers).length === 0)).toHaveLength(1);
    const f = figureFrom(k, [{ asked: 10, evaluation: { returned: 6, scores: [1, 0, 1, 2, 1] } }]);
    expect(f).toMatchObject({ numerator: 3, denominator: 5, responded: 6, asked: 10, responseRate: 60, rateable: true });
  });

  it("refuses more answers than forms returned", () => {
    const parsed = EvaluationCounts.safeParse({ returned: 2, scores: [1, 1, 1, 0, 0] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["returned"]);
  });
});

describe("the term's figures", () => {
  const sessions: TrainingFiguresInput["sessions"] = [
    { ...base, title: "Zones", date: "2026-11-05", settingIds: ["DOV-P1", "DOV-P2", "THA-P1"], attendees: 10, evaluation: { returned: 6, scores: [0, 1, 1, 2, 2] } },
    { ...base, title: " zones ", date: "2026-11-20", settingIds: ["DOV-P1"], attendees: 4, evaluation: { returned: 2, scores: [0, 0, 0, 1, 1] } },
    { ...base, title: "Bucket time", districtNeed: "Group times", date: "2026-11-10", settingIds: ["DOV-E1"], attendees: 5 },
    { ...base, title: "Sensory", audience: "parents", date: "2026-11-12", attendees: 8, evaluation: { returned: 3, scores: [0, 0, 1, 1, 1] } },
    { ...base, title: "Outside the term", date: "2026-10-01", settingIds: ["DOV-S1"], attendees: 3 },
    { ...base, title: "After today", date: "2026-12-01", settingIds: ["DOV-S2"], attendees: 3 },
    { ...base, title: "AET schools", aet: "school-age", date: "2026-11-15", attendees: 12 },
    { ...base, title: "AET Post-16", aet: "post-16", date: "2026-11-16", attendees: 6 },
    { ...base, title: "AET EY", aet: "early-years", date: "2027-01-20", attendees: 0 },
  ];
  const events: TrainingFiguresInput["events"] = [
    { kind: "school", date: "2026-11-18", settingIds: ["DOV-P1", "DOV-S1", "THA-S1"], evaluation: { returned: 3, scores: [0, 0, 1, 1, 1] } },
    { kind: "early-years", date: "2026-11-19", settingIds: ["DOV-E1", "DOV-P1"] },
  ];
  const f = trainingFigures(input({ sessions, events }));

  it("counts courses by title, and those for a district need", () => {
    expect(f.training_courses?.value).toBe(4); // zones, bucket time, AET schools, AET Post-16
    expect(f.training_parental?.value).toBe(1);
    expect(f.kpi_3_3?.value).toBe(1);
  });

  it("counts the district's own settings trained once each, up to today", () => {
    expect(f.settings_trained?.value).toBe(3); // DOV-P1, DOV-P2, DOV-E1
  });

  it("works out KPI 3.1 from the staff returns and KPI 3.2 from the parents', too few to rate", () => {
    expect([f.kpi_3_1_num?.value, f.kpi_3_1_den?.value]).toEqual([6, 8]);
    expect(f.kpi_3_1_den?.source).toContain("8 of 37 returned");
    expect([f.kpi_3_2_num?.value, f.kpi_3_2_den?.value]).toEqual([2, 3]);
    expect(f.kpi_3_2_num?.source).toContain("too few answers to rate");
  });

  it("offers the forms given out as the catalogue's questionnaires sent: attendees, or settings at a transition event", () => {
    expect([f.kpi_3_1_asked?.value, f.kpi_3_2_asked?.value, f.kpi_4_2_asked?.value]).toEqual([37, 8, 5]);
    expect(f.kpi_3_1_asked?.source).toContain("37 evaluation forms given out");
  });

  it("counts AET sessions delivered (Post-16 with school age) and booked after the date", () => {
    expect(f.aet_completed_school?.value).toBe(2);
    expect(f.aet_completed_ey?.value).toBe(0);
    expect(f.aet_booked_ey?.value).toBe(1);
  });

  it("counts transition settings once each and KPI 4.2 from the feedback", () => {
    expect(f.kpi_4_1?.value).toBe(4); // DOV-P1, DOV-S1, THA-S1, DOV-E1
    expect(f.transition_school?.value).toBe(3);
    expect(f.transition_ey?.value).toBe(2);
    expect([f.kpi_4_2_num?.value, f.kpi_4_2_den?.value]).toEqual([2, 3]);
    expect(f.kpi_4_2_num?.source).toContain("summer-term measure");
  });

  it("leaves out measures the catalogue no longer collects", () => {
    expect(f.training_core).toBeUndefined();
  });
});

describe("the autism education target", () => {
  const setting = (id: string, registerPhase: Setting["registerPhase"], extra: Partial<Setting> = {}): Setting => ({
    id,
    name: id,
    districtSlug: "dover",
    phase: registerPhase === "early-years" ? "early-years" : "primary",
    urn: "100000",
    registerPhase,
    ...extra,
  });
  const settings = [
    ...["DOV-P1", "DOV-P2", "DOV-P3", "DOV-P4", "DOV-P5", "DOV-P6"].map((id) => setting(id, "primary")),
    setting("DOV-X1", "special"),
    setting("DOV-E1", "early-years"),
    setting("DOV-E2", "early-years", { status: "closed", closedOn: "2026-01-01" }),
    setting("DOV-C1", "post-16"),
  ];

  it("counts each group's open settings and those trained in the year, with what is left to reach 20 %", () => {
    const groups = autismTarget({
      settings,
      districtSlug: "dover",
      yearStart: "2026-09-01",
      asOf: "2026-11-24",
      sessions: [
        { date: "2026-10-01", settingIds: ["DOV-P1", "DOV-E2"] },
        { date: "2026-06-01", settingIds: ["DOV-P2"] },
        { date: "2026-11-02", settingIds: ["DOV-C1", "DOV-P1"] },
      ],
    });
    expect(groups).toEqual([
      { group: "school-age", settings: 7, trained: 1, percent: 100 / 7, toTarget: 1, met: false },
      { group: "early-years", settings: 1, trained: 0, percent: 0, toTarget: 1, met: false },
      { group: "post-16", settings: 1, trained: 1, percent: 100, toTarget: 0, met: true },
    ]);
  });
});
