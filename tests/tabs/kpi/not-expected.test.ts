/** A summary cell for a scope that expected no district in the period says so, never "Missing". */
import { describe, expect, it } from "vitest";
import { notExpectedText } from "../../../tabs/kpi/format";

describe("notExpectedText", () => {
  it("says a district was not a district in the term or year when none was expected", () => {
    expect(notExpectedText({ level: "district", period: "T2", districtsExpected: 0 })).toBe("Not a district in this term");
    expect(notExpectedText({ level: "district", period: "year", districtsExpected: 0 })).toBe("Not a district in this year");
    expect(notExpectedText({ level: "area", period: "T1", districtsExpected: 0 })).toBe("No district in this term");
  });

  it("says nothing when a district was expected (its empty figure is missing), or for no row", () => {
    expect(notExpectedText({ level: "district", period: "T2", districtsExpected: 1 })).toBeUndefined();
    expect(notExpectedText({ level: "county", period: "T2", districtsExpected: 11 })).toBeUndefined();
    expect(notExpectedText(undefined)).toBeUndefined();
  });
});
