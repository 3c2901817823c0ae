/**
 * On the demo data, the current term's KPI return (term 2 of 2026-27 on the tests' fixed clock,
 * Tuesday 24 November 2026, so counted up to today) has every measure of the catalogue's children,
 * outcomes and clinics groups prefilled, and the figures agree with a count by hand straight from
 * the Cases, CaseReviews and Clinics lists — written out here, not through the casework domain.
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
const GROUPS = ["children", "outcomes", "clinics"];

async function currentTerm() {
  const term = (await app.context.reference.calendar()).terms.find((t) => t.start <= TODAY && t.end >= TODAY);
  if (!term) throw new Error("the fixed clock is not in a term");
  return term;
}

async function prefillOf(lead: string, district: string, term: number): Promise<Prefill> {
  const res = await api(lead, "GET", `/api/kpi/returns/${district}/${YEAR}/${term}`);
  if (res.status !== 200) throw new Error(`return: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.return.prefill;
}

/** The hand count: every figure of the three groups, from the lists as stored. */
async function handCount(district: string, start: string, end: string): Promise<Record<string, number>> {
  const stores = app.features.casework.service.stores;
  const asOf = TODAY < end ? TODAY : end;
  const within = (d: string | undefined) => d !== undefined && d >= start && d <= asOf;
  const cases = (await stores.cases.all({ where: { districtSlug: district }, pageSize: 5000 })).filter((c) => c.value.team === "district");
  const caseById = new Map(cases.map((c) => [c.id, c.value]));
  const reviews = (await stores.reviews.all({ pageSize: 5000 })).map((r) => r.value).filter((r) => caseById.has(r.caseId) && within(r.date));
  const clinics = (await stores.clinics.all({ where: { districtSlug: district }, pageSize: 5000 })).map((c) => c.value);
  const schoolAge = (phase: string) => phase !== "early-years";

  // Status on a day: the latest change made on or before it.
  const statusOn = (c: (typeof cases)[number]["value"], day: string) => {
    if (c.openedAt > day) return undefined;
    const changes = [...c.statusChanges].sort((a, b) => a.at.localeCompare(b.at)).filter((ch) => ch.at <= day);
    return (changes.at(-1) ?? c.statusChanges[0])?.status;
  };
  const closedAt = (c: (typeof cases)[number]["value"]) => c.statusChanges.find((ch) => ch.status === "closed")?.at;
  const targetsOn = (c: (typeof cases)[number]["value"], day: string) => c.targets.some((t) => t.setAt <= day && (!t.endedAt || t.endedAt > day));
  const activeOn = (c: (typeof cases)[number]["value"], day: string) => statusOn(c, day) === "open-active" && targetsOn(c, day);

  const out: Record<string, number> = {};
  // Caseload and actively supported: each child once, by the case that stands for them (an active one first, then the latest opened).
  const standing = new Map<string, (typeof cases)[number]["value"]>();
  const open = cases
    .map((c) => c.value)
    .filter((c) => {
      const s = statusOn(c, asOf);
      return s === "open-active" || s === "open-inactive";
    })
    .sort((a, b) => Number(activeOn(a, asOf)) - Number(activeOn(b, asOf)) || a.openedAt.localeCompare(b.openedAt));
  for (const c of open) standing.set(c.childRef, c);
  for (const [g, isGroup] of [["school", schoolAge], ["ey", (p: string) => !schoolAge(p)]] as const) {
    const mine = [...standing.values()].filter((c) => isGroup(c.phase));
    out[`caseload_${g}`] = mine.length;
    out[`children_active_${g}`] = mine.filter((c) => activeOn(c, asOf)).length;
  }

  // Targets reviewed: children open at some point in the term with a target in force in it; of those, the ones reviewed.
  const openInTerm = cases.map((c) => c.value).filter((c) => c.openedAt <= asOf && (closedAt(c) === undefined || (closedAt(c) as string) >= start));
  const withTargets = new Set(openInTerm.filter((c) => c.targets.some((t) => t.setAt <= asOf && (!t.endedAt || t.endedAt >= start))).map((c) => c.childRef));
  const reviewedChildren = new Set(reviews.map((r) => caseById.get(r.caseId)?.childRef));
  out.targets_reviewed_den = withTargets.size;
  out.targets_reviewed_num = [...withTargets].filter((ref) => reviewedChildren.has(ref)).length;

  // KPI 2.1: each reviewed child's latest review in the term, every target achieved or at least 50%.
  const latestByChild = new Map<string, (typeof reviews)[number]>();
  for (const r of [...reviews].sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt))) latestByChild.set(caseById.get(r.caseId)?.childRef as string, r);
  out.kpi_2_1_den = latestByChild.size;
  out.kpi_2_1_num = [...latestByChild.values()].filter((r) => r.results.length > 0 && r.results.every((x) => x.result === "achieved" || x.result === "progress-50")).length;

  // Targets amended: school-age cases reviewed in the term, and those amended at any of their reviews.
  const schoolCasesReviewed = new Set(reviews.filter((r) => schoolAge(caseById.get(r.caseId)?.phase as string)).map((r) => r.caseId));
  out.targets_amended_den = schoolCasesReviewed.size;
  out.targets_amended_num = [...schoolCasesReviewed].filter((id) => reviews.some((r) => r.caseId === id && r.targetsAmended)).length;

  // Closures in the term.
  const closed = cases.map((c) => c.value).filter((c) => within(closedAt(c)));
  out.closed_achieved_den = closed.length;
  out.closed_achieved_num = closed.filter((c) => c.closure?.reason === "targets-achieved").length;

  // Clinics held in the term, and what they dealt with.
  const held = clinics.filter((c) => c.status === "held" && within(c.date));
  out.clinics_school = held.filter((c) => schoolAge(c.phase)).length;
  out.clinics_ey = held.filter((c) => !schoolAge(c.phase)).length;
  out.clinic_cases_school = held.filter((c) => schoolAge(c.phase)).reduce((n, c) => n + c.entries.length, 0);
  out.clinic_cases_ey = held.filter((c) => !schoolAge(c.phase)).reduce((n, c) => n + c.entries.length, 0);
  return out;
}

describe("the current term's return on the demo data", () => {
  const measures = MEASURES.filter((m) => GROUPS.includes(m.group) && appliesIn(m, YEAR));

  it.each([
    [LEAD, "dover"],
    [OTHER_LEAD, "thanet"],
  ])("%s: every children, outcomes and clinics measure is prefilled, with its source", async (lead, district) => {
    const term = await currentTerm();
    const prefill = await prefillOf(lead, district, term.term);
    expect(measures.length).toBeGreaterThan(10);
    for (const m of measures) {
      // A percentage is worked out on the return from its pair: both halves are prefilled.
      const ids = m.kind === "percent" ? [m.numeratorId as string, m.denominatorId as string] : [m.id];
      for (const id of ids) {
        expect(prefill[id], `${district}: ${id}`).toBeDefined();
        expect(prefill[id]?.source.length, `${district}: ${id} source`).toBeGreaterThan(10);
      }
    }
  });

  it.each([
    [LEAD, "dover"],
    [OTHER_LEAD, "thanet"],
  ])("%s: the figures agree with a count by hand from the lists", async (lead, district) => {
    const term = await currentTerm();
    const prefill = await prefillOf(lead, district, term.term);
    const hand = await handCount(district, term.start, term.end);
    const shown = Object.fromEntries(Object.keys(hand).map((id) => [id, prefill[id]?.value]));
    expect(shown).toEqual(hand);
    // Every measure the groups hold is in the hand count, and the demo exercises the counts.
    for (const m of measures.filter((x) => x.kind === "count")) expect(Object.keys(hand)).toContain(m.id);
    expect(hand.caseload_school).toBeGreaterThan(0);
    expect(hand.children_active_school).toBeLessThan(hand.caseload_school as number);
    expect(hand.clinics_school).toBeGreaterThan(0);
    expect(hand.targets_reviewed_den).toBeGreaterThan(0);
  });
});
