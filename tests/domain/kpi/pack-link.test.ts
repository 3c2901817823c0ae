import { describe, expect, it } from "vitest";
import { monitoringPackLink, parseMonitoringPackLink } from "../../../src/domain/kpi/pack-link";

describe("monitoring pack links", () => {
  it("the link the reminder writes is the one the summary tab reads", () => {
    const url = new URL(monitoringPackLink("https://lift.example", "tonbridge-and-malling", "2026-27", [3, 4]));
    expect(url.pathname).toBe("/tabs/summary");
    expect(parseMonitoringPackLink(url.search)).toEqual({ slug: "tonbridge-and-malling", year: "2026-27", terms: [3, 4] });
  });

  it.each([
    ["", "no pack"],
    ["?pack=dover&year=2026&terms=1,2", "a year not in the form 2026-27"],
    ["?pack=dover&year=2026-27&terms=2,3", "terms that are not a monitoring pair"],
    ["?pack=dover&year=2026-27&terms=5,6,7", "three terms"],
    ["?pack=Dover%20x&year=2026-27&terms=1,2", "a district that is not a slug"],
  ])("refuses %s (%s)", (search) => {
    expect(parseMonitoringPackLink(search)).toBeUndefined();
  });
});
