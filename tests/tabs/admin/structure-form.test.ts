import { describe, expect, it } from "vitest";
import { EMPTY_GROUP, groupFrom, renamePreview, slugFrom } from "../../../tabs/admin/structure-form";

describe("the LIFT group form's working copy", () => {
  it("makes a new group's id from its name and keeps a saved group's id", () => {
    expect(slugFrom("Dover Early Years LIFT (north)")).toBe("dover-early-years-lift-north");
    expect(groupFrom({ ...EMPTY_GROUP, name: " Deal schools ", districtSlug: "dover", phase: "school" }).id).toBe("deal-schools");
    expect(groupFrom({ ...EMPTY_GROUP, id: "dover-a", name: "Renamed", districtSlug: "dover", phase: "school" }).id).toBe("dover-a");
  });

  it("sends setting ids upper-cased however they were separated, and a cadence only when one is chosen", () => {
    const { body } = groupFrom({ ...EMPTY_GROUP, name: "G", districtSlug: "dover", phase: "early-years", settingIds: "dov-e1, DOV-E2\n dov-e3;" });
    expect(body).toEqual({ name: "G", districtSlug: "dover", phase: "early-years", settingIds: ["DOV-E1", "DOV-E2", "DOV-E3"] });
    const own = groupFrom({ ...EMPTY_GROUP, name: "G", districtSlug: "dover", localitySlug: "deal", phase: "school", cadencePer: "term", cadenceMin: "1", cadenceMax: "2" }).body;
    expect(own).toMatchObject({ localitySlug: "deal", cadence: { per: "term", min: 1, max: 2 } });
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
