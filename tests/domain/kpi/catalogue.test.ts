import { describe, expect, it } from "vitest";
import {
  DEFAULT_RAG,
  GROUPS,
  MEASURES,
  appliesIn,
  measureById,
  measuresFor,
  percentsUsing,
} from "../../../src/domain/kpi/catalogue";

const ids = (year: string) => measuresFor(year).map((m) => m.id);

describe("KPI catalogue", () => {
  it("has the fixed measure ids with the right kinds", () => {
    for (const id of ["referrals_primary", "referrals_secondary", "referrals_ey", "clinics_school", "clinics_ey", "transition_ey", "kpi_2_1_num", "kpi_2_1_den"]) {
      expect(measureById(id)?.kind, id).toBe("count");
    }
    expect(measureById("kpi_2_1")).toMatchObject({ kind: "percent", numeratorId: "kpi_2_1_num", denominatorId: "kpi_2_1_den", kpi: "2.1" });
  });

  it("ids are unique, snake_case, and every measure has a label, a definition and a known group", () => {
    const all = MEASURES.map((m) => m.id);
    expect(new Set(all).size).toBe(all.length);
    const groups = new Set(GROUPS.map((g) => g.id));
    for (const m of MEASURES) {
      expect(m.id).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(m.label.length, m.id).toBeGreaterThan(3);
      expect(m.definition.length, m.id).toBeGreaterThan(20);
      expect(groups.has(m.group), m.id).toBe(true);
    }
  });

  it("covers every framework KPI 1.1 to 4.2", () => {
    const kpis = new Set(MEASURES.map((m) => m.kpi).filter(Boolean));
    expect([...kpis].sort()).toEqual(["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2"]);
  });

  it("every percent is a pair of count measures collected in the same years", () => {
    const percents = MEASURES.filter((m) => m.kind === "percent");
    expect(percents.length).toBeGreaterThan(8);
    for (const p of percents) {
      const num = measureById(p.numeratorId ?? "");
      const den = measureById(p.denominatorId ?? "");
      expect(num?.kind, p.id).toBe("count");
      expect(den?.kind, p.id).toBe("count");
      for (const year of ["2021-22", "2022-23", "2023-24", "2025-26", "2030-31"]) {
        if (appliesIn(p, year)) {
          expect(appliesIn(num!, year), `${p.id} numerator in ${year}`).toBe(true);
          expect(appliesIn(den!, year), `${p.id} denominator in ${year}`).toBe(true);
        }
      }
    }
  });

  it("rated KPIs use the default thresholds (Green ≥ 75%, Amber ≥ 70%, higher is better); count KPIs and 3.2 have none", () => {
    for (const id of ["kpi_1_3", "kpi_2_1", "kpi_2_2", "kpi_2_3", "kpi_3_1", "kpi_4_2"]) {
      expect(measureById(id)?.rag, id).toEqual(DEFAULT_RAG);
    }
    expect(DEFAULT_RAG).toEqual({ green: 75, amber: 70, direction: "higher_is_better" });
    expect(measureById("kpi_3_2")?.rag).toBeUndefined();
    for (const m of MEASURES.filter((x) => x.kind === "count")) expect(m.rag, m.id).toBeUndefined();
  });

  it("2.2 is collected in 2022-23 and dropped from 2023-24", () => {
    expect(ids("2022-23")).toEqual(expect.arrayContaining(["kpi_2_2", "kpi_2_2_num", "kpi_2_2_den"]));
    for (const year of ["2023-24", "2025-26"]) {
      expect(ids(year)).not.toContain("kpi_2_2");
      expect(ids(year)).not.toContain("kpi_2_2_num");
      expect(ids(year)).not.toContain("kpi_2_2_den");
    }
  });

  it("1.2's % of the district total, active cases by need and clinic cases start in 2023-24", () => {
    for (const id of ["settings_supported_pct_primary", "active_cases_semh_school", "clinic_cases_school", "training_courses"]) {
      expect(ids("2022-23"), id).not.toContain(id);
      expect(ids("2023-24"), id).toContain(id);
    }
    expect(ids("2022-23")).toEqual(expect.arrayContaining(["training_core", "training_bespoke", "settings_supported_primary"]));
    expect(ids("2023-24")).not.toContain("training_core");
  });

  it("covers the Local Activity Report measures", () => {
    const year = ids("2025-26");
    for (const id of [
      "settings_supported_ey",
      "settings_supported_secondary",
      "settings_in_district_primary",
      "children_active_school",
      "caseload_ey",
      "lift_meetings_school",
      "lift_settings_attending_primary",
      "cases_discussed_ey",
      "referrals_ci_school",
      "referrals_sp_ey",
      "active_cases_cl_ey",
      "clinic_cases_ey",
      "training_parental",
      "settings_trained",
      "transition_school",
      "fte_semh",
      "fte_vacancies",
      "targets_reviewed",
      "targets_amended",
      "closed_achieved",
      "aet_completed_school",
      "aet_booked_ey",
    ]) {
      expect(year, id).toContain(id);
    }
  });

  it("out-of-district schools are their own count and are never part of another measure", () => {
    const outside = MEASURES.filter((m) => m.outOfDistrict);
    expect(outside.map((m) => m.id)).toEqual(["settings_supported_out_of_district"]);
    for (const m of outside) {
      expect(m.kind).toBe("count");
      expect(percentsUsing(m.id)).toEqual([]);
      expect(MEASURES.filter((x) => x.atMost === m.id)).toEqual([]);
    }
    expect(measureById("settings_supported_pct_primary")).toMatchObject({ numeratorId: "settings_supported_primary", denominatorId: "settings_in_district_primary" });
  });

  it("bounds (atMost) point at count measures collected in the same years", () => {
    for (const m of MEASURES.filter((x) => x.atMost)) {
      const bound = measureById(m.atMost!);
      expect(bound?.kind, m.id).toBe("count");
      for (const year of ["2022-23", "2023-24"]) if (appliesIn(m, year)) expect(appliesIn(bound!, year), m.id).toBe(true);
    }
  });

  it("counts are whole numbers except FTE, and say how the year rolls up", () => {
    for (const m of MEASURES.filter((x) => x.kind === "count")) {
      expect(m.unit, m.id).toBe(m.id.startsWith("fte_") ? "fte" : "whole");
      expect(["sum", "latest", "max"], m.id).toContain(m.yearRollup);
    }
    expect(measureById("referrals_primary")?.yearRollup).toBe("sum");
    expect(measureById("caseload_school")?.yearRollup).toBe("latest");
    expect(measureById("settings_supported_primary")?.yearRollup).toBe("max");
  });

  it("measuresFor returns nothing for something that is not an academic year", () => {
    expect(measuresFor("2025")).toEqual([]);
    expect(measuresFor("2025-27")).toEqual([]);
    expect(measuresFor("2025-26").length).toBeGreaterThan(60);
  });
});
