import { describe, expect, it } from "vitest";
import { inSummaryScope, summaryScopeOf } from "../../../src/domain/kpi/oversight-scope";

const dover = { slug: "dover", area: "South" };
const thanet = { slug: "thanet", area: "East" };

describe("the part of the county a person reads the summary for", () => {
  it("gives commissioners and a county LIFT Executive member every district", () => {
    for (const p of [{ role: "commissioner" as const }, { role: "lift_executive" as const }]) {
      const scope = summaryScopeOf(p);
      expect(scope).toEqual({});
      expect([dover, thanet].every((d) => inSummaryScope(scope!, d))).toBe(true);
    }
  });

  it("gives a district's LIFT Executive and SLA headteacher their district, an Area LIFT Forum its area", () => {
    for (const role of ["lift_executive", "sla_headteacher"] as const) {
      const scope = summaryScopeOf({ role, districtSlug: "dover" })!;
      expect([inSummaryScope(scope, dover), inSummaryScope(scope, thanet)]).toEqual([true, false]);
    }
    const forum = summaryScopeOf({ role: "area_lift_forum", areaName: "East" })!;
    expect([inSummaryScope(forum, dover), inSummaryScope(forum, thanet)]).toEqual([false, true]);
  });

  it("gives the district teams and SENCos no summary", () => {
    for (const role of ["district_lead", "specialist_teacher", "lift_member", "senco"] as const) expect(summaryScopeOf({ role, districtSlug: "dover" })).toBeUndefined();
  });
});
