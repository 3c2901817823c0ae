import { describe, expect, it } from "vitest";
import { EMPTY_LOCALITY, localityDraftOf, localityFrom, localityProblems, localitySlugFrom } from "../../../tabs/admin/locality-form";
import { EMPTY_SPLIT, chooseLocality, districtSlugFrom, previewLines, splitBodyOf, splitFieldErrors, splitFieldOf } from "../../../tabs/admin/split-form";
import { pickMatches } from "../../../tabs/shell/PickList";
import { LocalityInput, SplitBody } from "../../../src/schemas/admin/structure-api";

describe("the locality form's working copy", () => {
  const deal = { slug: "deal-cluster", name: "Deal cluster", kind: "cluster" as const, districtSlug: "dover", settings: 2, eTag: '"v3"' };

  it("makes a new locality's id from its name, or from the id typed, within the schema's rule", () => {
    expect(localityFrom({ ...EMPTY_LOCALITY, name: " Deal & Walmer 2 ", districtSlug: "dover" }).slug).toBe("deal-walmer-2");
    expect(localityFrom({ ...EMPTY_LOCALITY, name: "Deal", id: "East Deal", districtSlug: "dover" }).slug).toBe("east-deal");
    const long = localitySlugFrom(`${"a".repeat(59)} b`);
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith("-")).toBe(false);
    const { slug, body } = localityFrom({ ...EMPTY_LOCALITY, name: "Sandwich villages", kind: "locality", districtSlug: "dover", settingIds: ["DOV-P1"] });
    expect(LocalityInput.safeParse(body).success).toBe(true);
    expect(body.adding, "a new one says so, so the server refuses a taken id").toBe(true);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("keeps a saved locality's id whatever its new name, and sends its settings only when they are known", () => {
    const draft = { ...localityDraftOf(deal), name: "Deal and Walmer cluster" };
    const { slug, body } = localityFrom(draft);
    expect(slug).toBe("deal-cluster");
    expect(body).toEqual({ name: "Deal and Walmer cluster", kind: "cluster", districtSlug: "dover", eTag: '"v3"' });
    expect(localityFrom({ ...draft, settingIds: ["DOV-P1", "DOV-P1", "DOV-P2"], retiredOn: "2027-04-01" }).body).toMatchObject({ settingIds: ["DOV-P1", "DOV-P2"], retiredOn: "2027-04-01" });
  });

  it("refuses a new locality whose id another already has, so the save cannot change that one", () => {
    expect(localityProblems({ ...EMPTY_LOCALITY, name: "Deal cluster", districtSlug: "thanet" }, [deal])).toEqual({ id: [expect.stringContaining("Deal cluster already has the id deal-cluster")] });
    expect(localityProblems({ ...EMPTY_LOCALITY, name: "Deal cluster", id: "deal-2", districtSlug: "dover" }, [deal])).toEqual({});
    expect(localityProblems(localityDraftOf(deal), [deal])).toEqual({});
    expect(Object.keys(localityProblems({ ...EMPTY_LOCALITY, name: "  " }, []))).toEqual(["name"]);
  });
});

describe("the split form's working copy", () => {
  const draft = { ...EMPTY_SPLIT, from: "dover", on: "2027-01-04", name: "Deal and Sandwich", code: " dea ", area: "South", settingIds: ["DOV-P1"], liftGroupIds: ["dover-a"] };

  it("sends the code upper-cased and an id made from the name (letters only) unless one is typed", () => {
    const body = splitBodyOf(draft);
    expect(body.district).toEqual({ code: "DEA", slug: "deal-and-sandwich", name: "Deal and Sandwich", area: "South" });
    expect(SplitBody.safeParse(body).success).toBe(true);
    expect(districtSlugFrom("Deal 2 (north)")).toBe("deal-north");
    expect(splitBodyOf({ ...draft, slug: "deal" }).district.slug).toBe("deal");
  });

  it("puts each server message beside the form field it is about", () => {
    expect(splitFieldOf("district.code")).toBe("district.code");
    expect(splitFieldOf("districts.deal.name")).toBe("district.name");
    expect(splitFieldOf("settingIds.3")).toBe("settingIds");
    expect(splitFieldOf("liftGroupIds")).toBe("liftGroupIds");
    expect(splitFieldErrors({ "settingIds.0": ["a"], "settingIds.2": ["b"], "districts.deal.code": ["c"] })).toEqual({ settingIds: ["a", "b"], "district.code": ["c"] });
  });

  it("takes a locality's settings and groups along when it is chosen, and leaves them when it is unticked", () => {
    const settings = [
      { id: "DOV-P1", localitySlug: "deal" },
      { id: "DOV-P2", localitySlug: "deal" },
      { id: "DOV-P3" },
    ];
    const groups = [{ id: "dover-a", localitySlug: "deal" }, { id: "dover-b" }];
    const on = chooseLocality({ ...EMPTY_SPLIT, settingIds: ["DOV-P1"] }, "deal", true, settings, groups);
    expect(on).toMatchObject({ localitySlugs: ["deal"], settingIds: ["DOV-P1", "DOV-P2"], liftGroupIds: ["dover-a"] });
    const off = chooseLocality(on, "deal", false, settings, groups);
    expect(off).toMatchObject({ localitySlugs: [], settingIds: ["DOV-P1", "DOV-P2"], liftGroupIds: ["dover-a"] });
  });

  it("says what the preview moves, naming each thing", () => {
    const lines = previewLines(
      { district: { code: "DEA", slug: "deal", name: "Deal", area: "South", aliases: [] }, from: "dover", on: "2027-01-04", settings: [{ id: "DOV-P1", name: "Deal Primary" }], liftGroups: [{ id: "a", name: "Deal LIFT" }, { id: "b", name: "Walmer LIFT" }], localities: ["deal-cluster"], keeps: "" },
      [{ slug: "deal-cluster", name: "Deal cluster" }],
    );
    expect(lines).toEqual(["1 school or setting moves: Deal Primary.", "2 LIFT groups move: Deal LIFT, Walmer LIFT.", "1 locality moves: Deal cluster."]);
  });
});

describe("the pick list's search", () => {
  it("finds the items holding every word typed, in any order and case", () => {
    const items = [
      { id: "1", label: "Deal Parochial Primary" },
      { id: "2", label: "Dover Grammar" },
      { id: "3", label: "Sandwich Primary, Deal cluster" },
    ];
    expect(pickMatches(items, "primary deal").map((i) => i.id)).toEqual(["1", "3"]);
    expect(pickMatches(items, "  ").length).toBe(3);
    expect(pickMatches(items, "grammar dover").map((i) => i.id)).toEqual(["2"]);
  });
});
