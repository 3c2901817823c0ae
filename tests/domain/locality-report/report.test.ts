/**
 * The grouping of a district's work by locality and by LIFT group: settings without a locality, a
 * group spanning localities, a setting moved by a split (its earlier records stay with the district
 * they were made in), retired localities, and the counting of each setting's work.
 */
import { describe, expect, it } from "vitest";
import { planSplit } from "../../../src/domain/structure/structure";
import { localityReportRows, workBySetting, type SettingWork } from "../../../src/domain/locality-report/report";
import type { LiftGroup } from "../../../src/schemas/reference/lift-group";
import type { Locality } from "../../../src/schemas/reference/locality";

const PERIOD = { start: "2026-09-03", end: "2026-10-23" };
const settings = [
  { id: "DOV-P1", districtSlug: "dover", localitySlug: "deal" },
  { id: "DOV-P2", districtSlug: "dover", localitySlug: "dover-town" },
  { id: "DOV-S1", districtSlug: "dover", localitySlug: "deal" },
  { id: "DOV-E1", districtSlug: "dover" },
  { id: "THA-P1", districtSlug: "thanet", localitySlug: "margate" },
];
const localities: Locality[] = [
  { slug: "deal", name: "Deal", kind: "cluster", districtSlug: "dover" },
  { slug: "dover-town", name: "Dover town", kind: "locality", districtSlug: "dover" },
  { slug: "margate", name: "Margate", kind: "locality", districtSlug: "thanet" },
];
const groups: LiftGroup[] = [
  { id: "dover-schools", name: "Dover schools", districtSlug: "dover", phase: "school", settingIds: ["DOV-P1", "DOV-P2"] },
  { id: "dover-secondary", name: "Dover secondary", districtSlug: "dover", phase: "school", localitySlug: "deal", settingIds: ["DOV-S1", "DOV-P1"] },
];

const work = (entries: Record<string, Partial<SettingWork>>): Map<string, SettingWork> =>
  new Map(
    Object.entries(entries).map(([id, w]) => [id, { referralsReceived: 0, casesDiscussed: 0, outcomesApproved: 0, resolvedAtLift: 0, casesOpened: 0, casesOpen: 0, casesClosed: 0, supported: false, trained: false, ...w }]),
  );

const rowsFor = (w: Map<string, SettingWork>, over: Partial<Parameters<typeof localityReportRows>[0]> = {}) =>
  localityReportRows({ districtSlug: "dover", districtName: "Dover", period: PERIOD, settings, localities, liftGroups: groups, work: w, heldMeetings: [], ...over });

describe("localityReportRows", () => {
  it("puts settings without a locality in 'No locality', and the locality rows add up to the district", () => {
    const w = work({ "DOV-P1": { referralsReceived: 2, supported: true }, "DOV-S1": { referralsReceived: 1 }, "DOV-P2": { referralsReceived: 4 }, "DOV-E1": { referralsReceived: 3, supported: true } });
    const { total, byLocality } = rowsFor(w);
    expect(byLocality.map((r) => [r.kind, r.name, r.settings, r.figures.referralsReceived, r.figures.settingsReferring, r.figures.settingsSupported])).toEqual([
      ["locality", "Deal", 2, 3, 2, 1],
      ["locality", "Dover town", 1, 4, 1, 0],
      ["no-locality", "No locality", 1, 3, 1, 1],
    ]);
    expect(byLocality[0]?.localityKind).toBe("cluster");
    expect(total).toMatchObject({ kind: "district", settings: 4, figures: { referralsReceived: 10, settingsReferring: 4, settingsSupported: 2 } });
  });

  it("counts a setting in each LIFT group it belongs to, so a group may span localities and groups need not add up", () => {
    const w = work({ "DOV-P1": { casesDiscussed: 2 }, "DOV-P2": { casesDiscussed: 1 }, "DOV-S1": { casesDiscussed: 5 }, "DOV-E1": { casesDiscussed: 7 } });
    const { byLiftGroup } = rowsFor(w, { heldMeetings: [{ liftGroupId: "dover-schools" }, { liftGroupId: "dover-schools" }, {}] });
    expect(byLiftGroup.map((r) => [r.kind, r.id, r.settings, r.meetingsHeld, r.figures.casesDiscussed])).toEqual([
      ["lift-group", "dover-schools", 2, 2, 3],
      ["lift-group", "dover-secondary", 2, 0, 7],
      ["no-lift-group", undefined, 1, null, 7],
    ]);
  });

  it("shows no locality or group rows for a district that has none", () => {
    const { total, byLocality, byLiftGroup } = rowsFor(work({ "DOV-P1": { referralsReceived: 1 } }), { localities: [], liftGroups: [] });
    expect(byLocality).toEqual([]);
    expect(byLiftGroup).toEqual([]);
    expect(total.figures.referralsReceived).toBe(1);
  });

  it("leaves out a locality retired before the period and puts its settings under 'No locality'", () => {
    const retired = localities.map((l) => (l.slug === "dover-town" ? { ...l, retiredOn: "2026-08-31" } : l));
    const { byLocality } = rowsFor(work({ "DOV-P2": { referralsReceived: 4 } }), { localities: retired });
    expect(byLocality.map((r) => r.name)).toEqual(["Deal", "No locality"]);
    expect(byLocality[1]?.figures.referralsReceived).toBe(4);
  });

  it("counts a setting moved by a split under the district its records were made in, as 'Settings of other districts'", () => {
    // Deal's schools move to a new district from 1 January 2027; autumn's referrals stay Dover's.
    const split = planSplit({ districts: [{ code: "DOV", slug: "dover", name: "Dover", area: "South", aliases: [] }], localities, liftGroups: groups }, settings, {
      from: "dover",
      on: "2027-01-01",
      district: { code: "DEA", slug: "deal", name: "Deal", area: "South" },
      settingIds: ["DOV-P1", "DOV-S1"],
      liftGroupIds: [],
    });
    expect(split.plan).toBeDefined();
    const moved = settings.map((s) => {
      const m = split.plan?.settings.find((x) => x.id === s.id);
      return m ? { ...s, districtSlug: m.districtSlug, localitySlug: m.localitySlug } : s;
    });
    // Dover's records of the autumn term, read after the split.
    const autumn = work({ "DOV-P1": { referralsReceived: 2 }, "DOV-P2": { referralsReceived: 1 } });
    const dover = rowsFor(autumn, { settings: moved });
    expect(dover.total.figures.referralsReceived).toBe(3);
    expect(dover.byLocality.map((r) => [r.kind, r.name, r.figures.referralsReceived])).toEqual([
      ["locality", "Deal", 0],
      ["locality", "Dover town", 1],
      ["no-locality", "No locality", 0],
      ["other-district", "Settings of other districts", 2],
    ]);
    expect(dover.byLiftGroup.find((r) => r.kind === "other-district")?.figures.referralsReceived).toBe(2);
    // The new district's report counts only its own records: none of Dover's autumn.
    const deal = localityReportRows({ districtSlug: "deal", districtName: "Deal", period: PERIOD, settings: moved, localities, liftGroups: groups, work: work({}), heldMeetings: [] });
    expect(deal.total).toMatchObject({ settings: 2, figures: { referralsReceived: 0 } });
  });
});

describe("workBySetting", () => {
  it("counts each setting's LIFT work, cases opened, open at the end and closed, and training, within the period", () => {
    const w = workBySetting({
      period: PERIOD,
      lift: { received: [{ settingId: "A" }, { settingId: "A" }, { settingId: "B" }], discussed: [{ settingId: "A" }], approved: [{ settingId: "A" }], resolved: [] },
      cases: [
        { settingId: "A", openedAt: "2026-09-10" },
        { settingId: "A", openedAt: "2026-05-01", closedAt: "2026-10-01" },
        { settingId: "B", openedAt: "2026-05-01", closedAt: "2026-07-01" },
        { settingId: "B", openedAt: "2026-10-24" },
      ],
      training: [
        { date: "2026-09-20", settingIds: ["C", "C"] },
        { date: "2026-11-20", settingIds: ["B"] },
      ],
      supported: new Set(["A", "C"]),
    });
    expect(w.get("A")).toMatchObject({ referralsReceived: 2, casesDiscussed: 1, outcomesApproved: 1, resolvedAtLift: 0, casesOpened: 1, casesOpen: 1, casesClosed: 1, supported: true, trained: false });
    expect(w.get("B")).toMatchObject({ referralsReceived: 1, casesOpened: 0, casesOpen: 0, casesClosed: 0, trained: false, supported: false });
    expect(w.get("C")).toMatchObject({ trained: true, supported: true, referralsReceived: 0 });
  });
});
