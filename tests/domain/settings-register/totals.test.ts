import { describe, expect, it } from "vitest";
import { engagedSettings } from "../../../src/domain/settings-register/engagement";
import { isOpenOn, kpiPhasesOf, settingsInDistrict, settingsSupported } from "../../../src/domain/settings-register/totals";
import type { Setting } from "../../../src/schemas/reference/setting";

const s = (id: string, over: Partial<Setting> = {}): Setting => ({ id, name: id, districtSlug: "dover", phase: "primary", urn: "900001", ...over });

const REGISTER: Setting[] = [
  s("DOV-P1"),
  s("DOV-P2", { registerPhase: "primary", status: "closed", closedOn: "2026-04-30" }),
  s("DOV-P3", { status: "closed" }),
  s("DOV-P4", { openedOn: "2026-09-01" }),
  s("DOV-S1", { phase: "secondary" }),
  s("DOV-A1", { phase: "all-through", registerPhase: "all-through" }),
  s("DOV-X1", { phase: "all-through", registerPhase: "special", mainstream: false }),
  s("DOV-C1", { phase: "secondary", registerPhase: "post-16", mainstream: false }),
  s("DOV-I1", { registerPhase: "primary", mainstream: false }),
  s("DOV-E1", { phase: "early-years" }),
  s("THA-P1", { districtSlug: "thanet" }),
];

describe("the district's totals", () => {
  it("phases: all-through is primary and secondary; special, post-16 and independent are in no total", () => {
    const phases = (id: string) => kpiPhasesOf(REGISTER.find((x) => x.id === id)!);
    expect([phases("DOV-A1"), phases("DOV-X1"), phases("DOV-C1"), phases("DOV-I1"), phases("DOV-E1")]).toEqual([["primary", "secondary"], [], [], [], ["ey"]]);
  });

  it("open on a date: opened by then and not closed, or closed after it; closed without a date is closed", () => {
    const at = (id: string, d: string) => isOpenOn(REGISTER.find((x) => x.id === id)!, d);
    expect([at("DOV-P2", "2026-04-29"), at("DOV-P2", "2026-04-30"), at("DOV-P3", "2020-01-01"), at("DOV-P4", "2026-08-31"), at("DOV-P4", "2026-09-01")]).toEqual([true, false, false, false, true]);
  });

  it("counts open mainstream settings of the district by phase", () => {
    // Summer 2026 (before P4 opens, after P2 closes): P1 and A1 primary; S1 and A1 secondary; E1.
    expect(settingsInDistrict(REGISTER, "dover", "2026-07-21")).toEqual({ primary: 2, secondary: 2, ey: 1 });
    // Spring 2026: P2 still open.
    expect(settingsInDistrict(REGISTER, "dover", "2026-04-02")).toEqual({ primary: 3, secondary: 2, ey: 1 });
  });

  it("supported: only the district's own total, never more than it; other districts apart; the rest reported", () => {
    const engaged = new Set(["DOV-P1", "DOV-A1", "DOV-X1", "DOV-P3", "THA-P1", "NOPE-1"]);
    expect(settingsSupported(REGISTER, "dover", "2026-07-21", engaged)).toEqual({ byPhase: { primary: 2, secondary: 1, ey: 0 }, outOfDistrict: 1, notInTotals: 2, unknown: 1 });
  });
});

describe("settings worked with in a term", () => {
  it("a discussed referral, a case opened, a visit to a case of the district, a held clinic (its setting and each entry's)", () => {
    const engaged = engagedSettings({
      term: { start: "2026-06-01", end: "2026-07-21" },
      discussedReferrals: [{ settingId: "A" }],
      cases: [
        { id: "1", settingId: "B", openedAt: "2026-06-10" },
        { id: "2", settingId: "OLD", openedAt: "2025-01-10" },
      ],
      visits: [
        { caseId: "2", settingId: "C", date: "2026-07-01" },
        { caseId: "2", settingId: "LATE", date: "2026-07-22" },
        { caseId: "99", settingId: "OTHER-TEAM", date: "2026-07-01" },
      ],
      clinics: [
        { status: "held", date: "2026-06-15", settingId: "D", entries: [{ settingId: "E" }, {}] },
        { status: "planned", date: "2026-06-16", settingId: "PLANNED", entries: [] },
        { status: "held", date: "2026-05-20", settingId: "BEFORE", entries: [] },
      ],
    });
    expect([...engaged].sort()).toEqual(["A", "B", "C", "D", "E"]);
  });
});

describe("staff training counts as working with a setting (KPI 1.2)", () => {
  const base = { discussedReferrals: [], cases: [], visits: [], clinics: [] };

  it("each setting on the attendance of a session in the term, none from a session outside it", () => {
    const engaged = engagedSettings({
      ...base,
      term: { start: "2026-06-01", end: "2026-07-21" },
      training: [
        { date: "2026-06-10", settingIds: ["DOV-P1", "THA-P1"] },
        { date: "2026-07-21", settingIds: ["DOV-S1"] },
        { date: "2026-05-31", settingIds: ["BEFORE"] },
        { date: "2026-07-22", settingIds: ["AFTER"] },
      ],
    });
    expect([...engaged].sort()).toEqual(["DOV-P1", "DOV-S1", "THA-P1"]);
  });

  it("a school of another district on the training is counted apart, never in the district's own figure", () => {
    const engaged = engagedSettings({ ...base, term: { start: "2026-06-01", end: "2026-07-21" }, training: [{ date: "2026-06-10", settingIds: ["DOV-P1", "THA-P1"] }] });
    const counts = settingsSupported(REGISTER, "dover", "2026-07-21", engaged);
    expect(counts.outOfDistrict).toBe(1);
    expect(counts.byPhase.primary).toBe(1);
  });
});
