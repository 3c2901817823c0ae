import { describe, expect, it } from "vitest";
import { groupFrom, groupProblems, offeredSettings, settingIdsFrom, withDistrict, withPhase } from "../../../tabs/admin/group-form";
import { EMPTY_GROUP, groupDraftOf, renamePreview, slugFrom } from "../../../tabs/admin/structure-form";

describe("the LIFT group form's working copy", () => {
  it("makes a new group's id from its name and keeps a saved group's id", () => {
    expect(slugFrom("Dover Early Years LIFT (north)")).toBe("dover-early-years-lift-north");
    expect(groupFrom({ ...EMPTY_GROUP, name: " Deal schools ", districtSlug: "dover", phase: "school" }).id).toBe("deal-schools");
    expect(groupFrom({ ...EMPTY_GROUP, id: "dover-a", name: "Renamed", districtSlug: "dover", phase: "school" }).id).toBe("dover-a");
  });

  it("sends the chosen settings once each, and a cadence only when one is chosen", () => {
    const { body } = groupFrom({ ...EMPTY_GROUP, name: "G", districtSlug: "dover", phase: "early-years", settingIds: ["DOV-E1", "DOV-E2", "DOV-E1"] });
    expect(body).toMatchObject({ name: "G", districtSlug: "dover", phase: "early-years", settingIds: ["DOV-E1", "DOV-E2"] });
    expect(body).not.toHaveProperty("cadence");
    const own = groupFrom({ ...EMPTY_GROUP, name: "G", districtSlug: "dover", localitySlug: "deal", phase: "school", cadencePer: "term", cadenceMin: "1", cadenceMax: "2" }).body;
    expect(own).toMatchObject({ localitySlug: "deal", cadence: { per: "term", min: 1, max: 2 } });
  });

  it("reads typed setting ids upper-cased however they were separated (when the register cannot be read)", () => {
    expect(settingIdsFrom("dov-e1, DOV-E2\n dov-e3;")).toEqual(["DOV-E1", "DOV-E2", "DOV-E3"]);
  });

  it("says a new group is new and a change which version it was made from", () => {
    expect(groupFrom({ ...EMPTY_GROUP, name: "G", districtSlug: "dover", phase: "school" }).body).toMatchObject({ adding: true });
    const change = groupFrom({ ...EMPTY_GROUP, id: "dover-a", name: "G", districtSlug: "dover", phase: "school", eTag: '"7"' }).body;
    expect(change).toMatchObject({ eTag: '"7"' });
    expect(change).not.toHaveProperty("adding");
  });

  it("refuses a new group whose id another group has, naming it, before sending", () => {
    const existing = [{ id: "deal-schools", name: "Deal schools LIFT" }];
    expect(groupProblems({ ...EMPTY_GROUP, name: "Deal Schools" }, existing)).toEqual({ name: [expect.stringContaining("Deal schools LIFT already has the id deal-schools")] });
    expect(groupProblems({ ...EMPTY_GROUP, name: "Deal primaries" }, existing)).toEqual({});
    expect(groupProblems({ ...EMPTY_GROUP, id: "deal-schools", name: "Deal schools" }, existing)).toEqual({});
  });

  it("keeps a saved group's version and settings in its draft", () => {
    const draft = groupDraftOf({ id: "dover-a", name: "Dover A", districtSlug: "dover", phase: "school", settingIds: ["DOV-P1"], cadenceText: "six times a year", cadenceSource: "sla", eTag: '"3"' });
    expect(draft).toMatchObject({ id: "dover-a", settingIds: ["DOV-P1"], eTag: '"3"', cadencePer: "" });
  });
});

describe("the LIFT group form's settings", () => {
  const register = [
    { id: "DOV-P1", phase: "primary" as const },
    { id: "DOV-S1", phase: "secondary" as const },
    { id: "DOV-P2", phase: "primary" as const, status: "closed" as const },
    { id: "DOV-E1", phase: "early-years" as const },
  ];

  it("offers early years settings to an early years group and schools otherwise; a closed one only while chosen", () => {
    expect(offeredSettings(register, "early-years").map((s) => s.id)).toEqual(["DOV-E1"]);
    expect(offeredSettings(register, "school").map((s) => s.id)).toEqual(["DOV-P1", "DOV-S1"]);
    expect(offeredSettings(register, "school", ["DOV-P2"]).map((s) => s.id)).toEqual(["DOV-P1", "DOV-S1", "DOV-P2"]);
    expect(offeredSettings(register, "")).toEqual([]);
  });

  it("clears the settings of the other phase when the phase changes, and every setting when the district does", () => {
    const draft = { ...EMPTY_GROUP, districtSlug: "dover", localitySlug: "deal", phase: "school" as const, settingIds: ["DOV-P1", "DOV-E1"] };
    expect(withPhase(draft, "school", register).settingIds).toEqual(["DOV-P1"]);
    expect(withPhase(draft, "early-years", register)).toMatchObject({ phase: "early-years", settingIds: ["DOV-E1"] });
    // Without the register a setting's phase is not known: the choices stay for the server to judge.
    expect(withPhase(draft, "early-years").settingIds).toEqual(["DOV-P1", "DOV-E1"]);
    expect(withDistrict(draft, "thanet")).toMatchObject({ districtSlug: "thanet", localitySlug: "", settingIds: [] });
    expect(withDistrict(draft, "dover")).toBe(draft);
  });
});

describe("the rename preview", () => {
  const dover = { slug: "dover", name: "Dover", area: "South", settings: 5, people: 1 };
  it("says what changes and what stays before saving", () => {
    const lines = renamePreview(dover, "Dover and Deal", "South");
    expect(lines[0]).toContain("Dover will be shown as Dover and Deal");
    expect(lines.at(-1)).toContain("its id (dover), its 5 schools and settings, its 1 person");
    expect(renamePreview(dover, "Dover", "East")[0]).toContain("from the South area to the East area");
  });

  it("says nothing when nothing changes", () => {
    expect(renamePreview(dover, " Dover ", "South")).toEqual([]);
  });
});
