/**
 * On the demo data the current term's return (term 2 of 2026-27 on the tests' fixed clock) comes
 * prefilled, each figure with its source, for every questionnaire, training, transition and
 * "% of settings" measure, in every district: the lead types only the narrative and what no record
 * can know for those groups.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appliesIn, MEASURES, type Measure } from "../../../src/domain/kpi/catalogue";
import type { RunningApp } from "../../../src/server/app/start";
import { startReferralApp, TODAY, type Api } from "../referrals/helpers";

let app: RunningApp;
let api: Api;
beforeAll(async () => {
  ({ app, api } = await startReferralApp({ DEMO_REGISTER: "on" }));
}, 180_000);
afterAll(async () => app?.stop());

const YEAR = "2026-27";
const QUESTIONNAIRE_SOURCES = new Set(["survey", "training_evaluation", "transition_survey"]);

/** The measures the return must fill by itself: questionnaires, training, transition, settings in and supported. */
function selfFilling(m: Measure): boolean {
  if (m.kind !== "count" || !appliesIn(m, YEAR)) return false;
  return QUESTIONNAIRE_SOURCES.has(m.source) || m.group === "training" || m.group === "transition" || /^settings_(in_district|supported)_/.test(m.id);
}

describe("the demo's current-term return", () => {
  it("is prefilled with a source for every questionnaire, training, transition and settings measure, in every district", async () => {
    const term = (await app.context.reference.calendar()).terms.find((t) => t.start <= TODAY && t.end >= TODAY)!;
    const wanted = MEASURES.filter(selfFilling).map((m) => m.id);
    expect(wanted.length).toBeGreaterThan(15);
    const missing: string[] = [];
    for (const d of await app.context.reference.districts()) {
      const res = await api(`lead.${d.slug}@lift.local`, "GET", `/api/kpi/returns/${d.slug}/${YEAR}/${term.term}`);
      expect(res.status, d.slug).toBe(200);
      const prefill = res.body.return.prefill as Record<string, { value: number; source: string }>;
      for (const id of wanted) if (!prefill[id] || prefill[id].source.trim() === "") missing.push(`${d.slug}: ${id}`);
    }
    expect(missing).toEqual([]);
  }, 180_000);
});
