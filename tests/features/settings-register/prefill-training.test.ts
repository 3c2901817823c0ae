/**
 * The register's "% of settings" prefill counts settings whose staff attended the district's
 * training (KPI 1.2: engagement "via LIFT, clinics, training or direct contact"); parents' courses
 * are not a setting's engagement. A reader of fixed records stands in for the lists.
 */
import { describe, expect, it } from "vitest";
import { settingsRegisterPrefill, type RegisterPrefillReader } from "../../../src/server/features/settings-register/prefill";
import type { Setting } from "../../../src/schemas/reference/setting";
import type { Term } from "../../../src/domain/time/calendar";

const s = (id: string, over: Partial<Setting> = {}): Setting => ({ id, name: id, districtSlug: "dover", phase: "primary", urn: "900001", ...over });
const SETTINGS = [s("DOV-P1"), s("DOV-P2"), s("DOV-S1", { phase: "secondary" }), s("DOV-E1", { phase: "early-years" }), s("THA-P1", { districtSlug: "thanet" })];
const TERM: Term = { academicYear: "2025-26", term: 5, start: "2026-04-20", end: "2026-05-22" };
const AFTER_TERM = new Date("2026-06-10T12:00:00Z");

function reader(sessions: Awaited<ReturnType<RegisterPrefillReader["trainingSessions"]>>): RegisterPrefillReader {
  return {
    settings: async () => SETTINGS,
    referrals: async () => [],
    meetings: async () => [],
    cases: async () => [],
    visits: async () => [],
    clinics: async () => [],
    trainingSessions: async () => sessions,
  };
}

describe("settings supported from training attendance", () => {
  it("staff sessions in the term count each setting once; another district's school is kept apart", async () => {
    const prefill = await settingsRegisterPrefill(
      reader([
        { date: "2026-04-28", audience: "staff", settingIds: ["DOV-P1", "DOV-S1", "THA-P1"] },
        { date: "2026-05-12", audience: "staff", settingIds: ["DOV-P1"] },
        { date: "2026-06-01", audience: "staff", settingIds: ["DOV-P2"] },
      ]),
    ).prefill("dover", "Dover", TERM, AFTER_TERM);
    expect(prefill.settings_supported_primary?.value).toBe(1);
    expect(prefill.settings_supported_secondary?.value).toBe(1);
    expect(prefill.settings_supported_ey?.value).toBe(0);
    expect(prefill.settings_supported_out_of_district?.value).toBe(1);
    expect(prefill.settings_supported_primary?.source).toMatch(/staff training attended/);
  });

  it("a parents' course is not a setting's engagement", async () => {
    const prefill = await settingsRegisterPrefill(reader([{ date: "2026-04-28", audience: "parents", settingIds: ["DOV-P1", "DOV-E1"] }])).prefill("dover", "Dover", TERM, AFTER_TERM);
    expect(prefill.settings_supported_primary?.value).toBe(0);
    expect(prefill.settings_supported_ey?.value).toBe(0);
  });
});
