/**
 * On the demo data, the current term's KPI return (term 2 of 2026-27 on the tests' fixed clock,
 * Tuesday 24 November 2026, so counted up to today) has every training, transition and AET measure
 * and the training and transition KPIs prefilled, and each figure agrees with a count by hand
 * straight from the TrainingSessions and TransitionEvents lists — written out here, not through the
 * feature's domain rules.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appliesIn, MEASURES } from "../../../src/domain/kpi/catalogue";
import type { RunningApp } from "../../../src/server/app/start";
import { LEAD, OTHER_LEAD, TODAY, startReferralApp, type Api } from "../referrals/helpers";

type Prefill = Record<string, { value: number; source: string }>;

let app: RunningApp;
let api: Api;

beforeAll(async () => {
  ({ app, api } = await startReferralApp());
}, 180_000);
afterAll(async () => app?.stop());

const YEAR = "2026-27";
const KPI_IDS = ["kpi_3_1_num", "kpi_3_1_den", "kpi_3_2_num", "kpi_3_2_den", "kpi_3_3", "kpi_4_1", "kpi_4_2_num", "kpi_4_2_den"];

async function currentTerm() {
  const term = (await app.context.reference.calendar()).terms.find((t) => t.start <= TODAY && t.end >= TODAY);
  if (!term) throw new Error("the fixed clock is not in a term");
  return term;
}

async function handCount(district: string, start: string, end: string): Promise<Record<string, number>> {
  const { sessions, events } = app.features.trainingEvents.service.stores;
  const asOf = TODAY < end ? TODAY : end;
  const inTerm = (d: string) => d >= start && d <= asOf;
  const all = (await sessions.all({ where: { districtSlug: district }, pageSize: 5000 })).map((s) => s.value);
  const term = all.filter((s) => inTerm(s.date));
  const staff = term.filter((s) => s.audience === "staff");
  const parents = term.filter((s) => s.audience === "parents");
  const evs = (await events.all({ where: { districtSlug: district }, pageSize: 5000 })).map((e) => e.value).filter((e) => inTerm(e.date));
  const settingDistrict = new Map((await app.context.reference.settings()).map((s) => [s.id, s.districtSlug]));
  const titles = (rows: { title: string }[]) => new Set(rows.map((r) => r.title.trim().toLowerCase())).size;
  const settings = (rows: { settingIds: string[] }[]) => new Set(rows.flatMap((r) => r.settingIds));
  const answered = (rows: { evaluation?: { scores: number[] } }[]) => rows.reduce((n, r) => n + (r.evaluation ? r.evaluation.scores.reduce((a, b) => a + b, 0) : 0), 0);
  const fourOrFive = (rows: { evaluation?: { scores: number[] } }[]) => rows.reduce((n, r) => n + (r.evaluation ? (r.evaluation.scores[3] ?? 0) + (r.evaluation.scores[4] ?? 0) : 0), 0);
  return {
    training_courses: titles(staff),
    training_parental: titles(parents),
    kpi_3_3: titles(term.filter((s) => s.districtNeed)),
    settings_trained: [...settings(staff)].filter((id) => settingDistrict.get(id) === district).length,
    kpi_3_1_num: fourOrFive(staff),
    kpi_3_1_den: answered(staff),
    kpi_3_2_num: fourOrFive(parents),
    kpi_3_2_den: answered(parents),
    aet_completed_school: term.filter((s) => s.aet === "school-age" || s.aet === "post-16").length,
    aet_completed_ey: term.filter((s) => s.aet === "early-years").length,
    aet_booked_school: all.filter((s) => (s.aet === "school-age" || s.aet === "post-16") && s.date > asOf).length,
    aet_booked_ey: all.filter((s) => s.aet === "early-years" && s.date > asOf).length,
    kpi_4_1: settings(evs).size,
    transition_school: settings(evs.filter((e) => e.kind === "school")).size,
    transition_ey: settings(evs.filter((e) => e.kind === "early-years")).size,
    kpi_4_2_num: fourOrFive(evs),
    kpi_4_2_den: answered(evs),
  };
}

describe("the training and transition measures of the current term's return", () => {
  for (const [lead, district] of [
    [LEAD, "dover"],
    [OTHER_LEAD, "thanet"],
  ] as const) {
    it(`are all prefilled for ${district} and equal a hand count from the lists`, async () => {
      const term = await currentTerm();
      const res = await api(lead, "GET", `/api/kpi/returns/${district}/${YEAR}/${term.term}`);
      expect(res.status).toBe(200);
      const prefill = res.body.return.prefill as Prefill;
      const expected = await handCount(district, term.start, term.end);
      const ids = MEASURES.filter((m) => m.kind === "count" && appliesIn(m, YEAR) && (["training", "transition", "aet"].includes(m.group) || KPI_IDS.includes(m.id))).map((m) => m.id);
      expect(ids.length).toBeGreaterThan(15);
      for (const id of ids) {
        expect(prefill[id], id).toBeDefined();
        expect([id, prefill[id]?.value]).toEqual([id, expected[id]]);
      }
      // The demo makes them plausible: some of each, and the response rate shown.
      expect(expected.training_courses).toBeGreaterThan(0);
      expect(expected.kpi_4_1).toBeGreaterThan(0);
      expect(prefill.kpi_3_1_den?.source).toMatch(/response rate \d+ %/);
      expect(prefill.kpi_3_2_num?.source).toContain("too few answers to rate");
    });
  }
});
