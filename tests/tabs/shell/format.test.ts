import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ukToday } from "../../../tabs/shell/format";
import { ukDateOf } from "../../../src/domain/time/uk-clock";

describe("ukToday (the browser's Intl, without luxon)", () => {
  it("is the UK calendar date on either side of midnight in BST and in GMT", () => {
    // 23:30Z on 31 May is 00:30 BST on 1 June; 23:30Z on 31 December is still 31 December (GMT).
    expect(ukToday(new Date("2027-05-31T23:30:00Z"))).toBe("2027-06-01");
    expect(ukToday(new Date("2027-05-31T22:59:00Z"))).toBe("2027-05-31");
    expect(ukToday(new Date("2027-12-31T23:30:00Z"))).toBe("2027-12-31");
    expect(ukToday(new Date("2028-01-01T00:00:00Z"))).toBe("2028-01-01");
  });

  it("agrees with the domain's ukDateOf at any instant, clock changes included", () => {
    const instants = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-12-31T23:59:59Z"), noInvalidDate: true });
    fc.assert(fc.property(instants, (at) => ukToday(at) === ukDateOf(at)), { numRuns: 2000 });
  });
});
