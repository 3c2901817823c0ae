/** Reading the districts and the tab views from the reference data the API serves. */
import { describe, expect, it } from "vitest";
import { districtBySlug, districtName, districtsByArea, districtsIn, districtsInOrder, type ReferenceData } from "../../../tabs/shell/reference-data";
import { currentView, tabConfigFor } from "../../../tabs/shell/views";

const reference: ReferenceData = {
  areas: ["East", "South"],
  districts: [
    { slug: "thanet", name: "Thanet", area: "East" },
    { slug: "dover", name: "Dover", area: "South" },
    { slug: "canterbury", name: "Canterbury", area: "East" },
    { slug: "ashford", name: "Ashford", area: "South" },
  ],
  terms: [],
};

describe("reference data", () => {
  it("groups the districts by area, areas in their order and districts A to Z", () => {
    expect(districtsByArea(reference).map((g) => [g.area, g.districts.map((d) => d.slug)])).toEqual([
      ["East", ["canterbury", "thanet"]],
      ["South", ["ashford", "dover"]],
    ]);
    expect(districtsInOrder(reference).map((d) => d.slug)).toEqual(["canterbury", "thanet", "ashford", "dover"]);
  });

  it("finds a district by slug, names an unknown one by its slug, and filters by area", () => {
    expect(districtBySlug(reference, "dover")?.name).toBe("Dover");
    expect(districtBySlug(reference, undefined)).toBeUndefined();
    expect(districtName(reference, "gone")).toBe("gone");
    expect(districtsIn(reference, "South").map((d) => d.slug)).toEqual(["dover", "ashford"]);
    expect(districtsIn(reference, "")).toHaveLength(4);
  });
});

describe("tab views", () => {
  it("reads ?view= and ?district=, ignoring a district the lists do not hold", () => {
    expect(currentView(reference.districts, "?view=referrals&district=dover")).toEqual({ view: "referrals", district: reference.districts[1] });
    expect(currentView(reference.districts, "?view=nope&district=atlantis")).toEqual({ view: undefined, district: undefined });
  });

  it("binds a district's view to its content URL, and waits for a district where one is needed", () => {
    const dover = districtBySlug(reference, "dover");
    expect(tabConfigFor("referrals", undefined, "https://hub")).toBeUndefined();
    expect(tabConfigFor("agenda", dover, "https://hub", "m1")).toEqual({
      entityId: "agenda-dover-m1",
      contentUrl: "https://hub/tabs/lift-meeting?view=agenda&district=dover&meeting=m1",
      suggestedDisplayName: "LIFT agenda – Dover",
      websiteUrl: "https://hub/tabs/lift-meeting?view=agenda&district=dover&meeting=m1",
    });
    expect(tabConfigFor("kpi-summary", undefined, "https://hub")?.contentUrl).toBe("https://hub/tabs/summary?view=kpi-summary");
  });
});
