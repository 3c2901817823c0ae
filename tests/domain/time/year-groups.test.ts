import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { referralValidationMessages } from "../../../src/schemas/referrals/referral";
import {
  YEAR_GROUPS,
  birthRangeFor,
  dateOfBirthProblemForYearGroup,
  expectedAgeOnAugust31,
  yearGroupStage,
} from "../../../src/domain/time/year-groups";
import { ageInYears, formatPlainDate, parsePlainDate } from "../../../src/domain/time/plain-dates";
import { AS_OF, schoolReferral } from "../referrals/fixtures";

const d = (s: string) => parsePlainDate(s)!;

function dobMessage(dateOfBirth: string, yearGroup: string, asOf = AS_OF) {
  const r = schoolReferral();
  const result = referralValidationMessages({ ...r, child: { ...r.child, dateOfBirth, yearGroup } }, { asOf });
  return result.messages["child.dateOfBirth"];
}

describe("date of birth plausible for the year group (England)", () => {
  it("knows the age on 31 August before the year: Reception 4, Year 1 5 … Year 13 17", () => {
    expect(expectedAgeOnAugust31("YR")).toBe(4);
    expect(expectedAgeOnAugust31("Y1")).toBe(5);
    expect(expectedAgeOnAugust31("Y13")).toBe(17);
    expect(yearGroupStage("Y6")).toBe("primary");
    expect(yearGroupStage("Y7")).toBe("secondary");
  });

  it("gives the usual birth range for 2025-26", () => {
    expect(birthRangeFor("YR", 2025)).toEqual({ from: d("2020-09-01"), to: d("2021-08-31") });
    expect(birthRangeFor("Y4", 2025)).toEqual({ from: d("2016-09-01"), to: d("2017-08-31") });
    expect(birthRangeFor("Y13", 2025, 1)).toEqual({ from: d("2006-09-01"), to: d("2009-08-31") });
  });

  it("accepts one year either side at the 31 August / 1 September boundaries, and refuses beyond", () => {
    // Year 4 in 2025-26: usually born 1 Sep 2016 – 31 Aug 2017; allowed 1 Sep 2015 – 31 Aug 2018.
    expect(dobMessage("2016-09-01", "Y4")).toBeUndefined();
    expect(dobMessage("2017-08-31", "Y4")).toBeUndefined();
    expect(dobMessage("2015-09-01", "Y4")).toBeUndefined(); // held back a year
    expect(dobMessage("2018-08-31", "Y4")).toBeUndefined(); // accelerated a year
    expect(dobMessage("2015-08-31", "Y4")?.[0]).toMatch(/^Date of birth does not fit Year 4/);
    expect(dobMessage("2018-09-01", "Y4")?.[0]).toMatch(/^Date of birth does not fit Year 4/);
  });

  it("says which dates fit and that out-of-year-group children are allowed one year either side", () => {
    expect(dobMessage("2010-01-01", "YR")).toEqual([
      "Date of birth does not fit Reception: children in Reception in 2025-26 are usually born between 1 September 2020 and 31 August 2021. " +
        "Children educated out of their year group are accepted one year either side (born 1 September 2019 to 31 August 2022). " +
        "Check the date of birth and the year group.",
    ]);
  });

  it("uses the academic year of the date given: 31 August and 1 September differ", () => {
    // Born 15 Oct 2019: Reception in 2024-25 (usual), one year behind in 2025-26 (allowed), two behind in 2026-27.
    expect(dobMessage("2019-10-15", "YR", "2025-08-31")).toBeUndefined();
    expect(dobMessage("2019-10-15", "YR", "2025-09-01")).toBeUndefined();
    expect(dobMessage("2019-10-15", "YR", "2026-08-31")).toBeUndefined();
    expect(dobMessage("2019-10-15", "YR", "2026-09-01")?.[0]).toMatch(/Reception in 2026-27/);
    // Born 1 Sep 2020 (oldest in Reception 2025-26) vs 31 Aug 2020 (youngest in Year 1).
    expect(dateOfBirthProblemForYearGroup(d("2022-08-31"), "YR", d("2025-09-01"))).toBeUndefined();
    expect(dateOfBirthProblemForYearGroup(d("2022-09-01"), "YR", d("2025-09-01"))).toBeDefined();
  });

  it("refuses a date of birth in the future", () => {
    expect(dobMessage("2025-11-11", "YR")).toEqual(["Date of birth cannot be in the future"]);
  });

  it("property: every child born in the usual range is plausible, and their age on 31 August is the expected one", () => {
    fc.assert(
      fc.property(fc.constantFrom(...YEAR_GROUPS), fc.integer({ min: 2000, max: 2090 }), fc.integer({ min: 0, max: 364 }), (y, start, offset) => {
        const range = birthRangeFor(y, start);
        const from = Date.UTC(range.from.year, range.from.month - 1, range.from.day);
        const dob = d(new Date(from + offset * 86_400_000).toISOString().slice(0, 10));
        const asOf = d(`${start}-10-01`);
        expect(dateOfBirthProblemForYearGroup(dob, y, asOf)).toBeUndefined();
        expect(ageInYears(dob, d(`${start}-08-31`))).toBe(expectedAgeOnAugust31(y));
        expect(formatPlainDate(dob)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 1000 },
    );
  });
});
