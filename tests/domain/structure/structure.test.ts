import { describe, expect, it } from "vitest";
import { DISTRICTS } from "../../../src/domain/reference/districts";
import { SETTINGS } from "../../../src/domain/reference/settings";
import { areasOf, checkStructure, isOpenOn, planSplit, renameDistrict, type Structure } from "../../../src/domain/structure/structure";
import type { LiftGroup } from "../../../src/schemas/reference/lift-group";

const dover = DISTRICTS.find((d) => d.slug === "dover")!;
const doverSchool = SETTINGS.find((s) => s.districtSlug === "dover" && s.phase !== "early-years")!;
const doverEy = SETTINGS.find((s) => s.districtSlug === "dover" && s.phase === "early-years");
const group = (over: Partial<LiftGroup> = {}): LiftGroup => ({ id: "dover-school-a", name: "Dover school LIFT A", districtSlug: "dover", phase: "school", settingIds: [doverSchool.id], ...over });
const base = (over: Partial<Structure> = {}): Structure => ({ districts: DISTRICTS, localities: [], liftGroups: [group()], ...over });

describe("checkStructure", () => {
  it("accepts today's twelve districts in four areas", () => {
    expect(checkStructure(base(), SETTINGS)).toEqual({});
    expect(areasOf(DISTRICTS, ["East", "West", "North", "South"])).toEqual(["East", "West", "North", "South"]);
  });

  it("refuses a repeated slug, code or name, and a district with no area", () => {
    const copy = { ...dover, code: "DVX", name: "Dover Two" };
    const sameCode = { ...dover, slug: "dover-east", name: "Dover East" };
    const sameName = { ...dover, slug: "dover-west", code: "DVW" };
    const noArea = { ...dover, slug: "nowhere", code: "NOW", name: "Nowhere", area: " " };
    const problems = checkStructure(base({ districts: [...DISTRICTS, copy, sameCode, sameName, noArea] }));
    expect(problems["districts.dover.slug"]).toBeDefined();
    expect(problems["districts.dover-east.code"]).toBeDefined();
    expect(problems["districts.dover-west.name"]).toBeDefined();
    expect(problems["districts.nowhere.area"]).toBeDefined();
  });

  it("keeps a group's locality and settings inside its district and phase", () => {
    const thanetSchool = SETTINGS.find((s) => s.districtSlug === "thanet")!;
    const problems = checkStructure(
      base({
        localities: [{ slug: "margate", name: "Margate", kind: "cluster", districtSlug: "thanet" }],
        liftGroups: [group({ localitySlug: "margate", settingIds: [thanetSchool.id, ...(doverEy ? [doverEy.id] : [])] }), group({ id: "ghost", name: "Ghost", districtSlug: "nowhere" })],
      }),
      SETTINGS,
    );
    expect(problems["liftGroups.dover-school-a.localitySlug"]).toEqual(["Margate is not in this group's district."]);
    expect(problems["liftGroups.dover-school-a.settingIds"]?.length).toBe(doverEy ? 2 : 1);
    expect(problems["liftGroups.ghost.districtSlug"]).toBeDefined();
  });
});

describe("renaming and retiring", () => {
  it("a rename keeps the slug and code and remembers the old name", () => {
    const renamed = renameDistrict(dover, "Dover and Deal");
    expect(renamed).toMatchObject({ slug: "dover", code: "DOV", name: "Dover and Deal", aliases: ["Dover"] });
    expect(renameDistrict(renamed, "Dover")).toMatchObject({ name: "Dover", aliases: ["Dover and Deal"] });
  });

  it("a retired district takes no new work from its date; a split one starts on its date", () => {
    expect(isOpenOn({ retiredOn: "2027-09-01" }, "2027-08-31")).toBe(true);
    expect(isOpenOn({ retiredOn: "2027-09-01" }, "2027-09-01")).toBe(false);
    expect(isOpenOn({ startsOn: "2027-09-01" }, "2027-08-31")).toBe(false);
  });
});

describe("planSplit", () => {
  const settings = SETTINGS.map((s) => ({ id: s.id, districtSlug: s.districtSlug }));
  const request = { from: "dover", on: "2027-09-01", district: { code: "DEA", slug: "deal", name: "Deal", area: "South" }, settingIds: [doverSchool.id], liftGroupIds: ["dover-school-a"] };

  it("makes a new district from a date and moves only the chosen settings and groups", () => {
    const { plan, problems } = planSplit(base(), settings, request);
    expect(problems).toEqual({});
    expect(plan?.district).toEqual({ code: "DEA", slug: "deal", name: "Deal", area: "South", aliases: [], splitFrom: "dover", startsOn: "2027-09-01" });
    expect(plan?.settings).toEqual([{ id: doverSchool.id, districtSlug: "deal", localitySlug: undefined }]);
    expect(plan?.liftGroups.map((g) => [g.id, g.districtSlug])).toEqual([["dover-school-a", "deal"]]);
    // The old district stays as it was: its records keep its slug, so its history is its own.
    const after = checkStructure(base({ districts: [...DISTRICTS, plan!.district] }));
    expect(after).toEqual({});
  });

  it("refuses a taken slug or code and settings from another district", () => {
    const thanetSchool = SETTINGS.find((s) => s.districtSlug === "thanet")!;
    const { plan, problems } = planSplit(base(), settings, { ...request, district: { ...request.district, slug: "thanet", code: "DOV" }, settingIds: [thanetSchool.id] });
    expect(plan).toBeUndefined();
    expect(Object.keys(problems).sort()).toEqual(["district.code", "district.slug", "settingIds"]);
  });
});
