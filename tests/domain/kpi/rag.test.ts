import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { measureById } from "../../../src/domain/kpi/catalogue";
import { percentOf, ragFor, ragOf } from "../../../src/domain/kpi/rag";

const kpi21 = measureById("kpi_2_1")!;

describe("RAG", () => {
  it.each([
    [6999, 10000, "red", "69.99%"],
    [7000, 10000, "amber", "70%"],
    [7499, 10000, "amber", "74.99%"],
    [7500, 10000, "green", "75%"],
    [149991, 200000, "amber", "74.9955% (shows as 75 once rounded, but is amber)"],
    [21, 30, "amber", "exactly 70% from a non-decimal fraction"],
    [3, 4, "green", "exactly 75%"],
    [10, 10, "green", "100%"],
    [0, 5, "red", "0%"],
  ])("%i out of %i is %s (%s)", (num, den, rag) => {
    expect(ragFor(kpi21, num, den)).toBe(rag);
  });

  it("a denominator of 0, a missing value, a count measure or an unrated percent is na", () => {
    expect(ragFor(kpi21, 0, 0)).toBe("na");
    expect(ragFor(kpi21, null, 10)).toBe("na");
    expect(ragFor(kpi21, 5, undefined)).toBe("na");
    expect(ragFor(measureById("referrals_primary")!, 5, 10)).toBe("na");
    expect(ragFor(measureById("kpi_3_2")!, 9, 10)).toBe("na");
    expect(percentOf(0, 0)).toBeNull();
  });

  it("lower is better: Green at or below the green threshold", () => {
    const rule = { green: 10, amber: 20, direction: "lower_is_better" } as const;
    expect(ragOf(rule, 10, 100)).toBe("green");
    expect(ragOf(rule, 11, 100)).toBe("amber");
    expect(ragOf(rule, 20, 100)).toBe("amber");
    expect(ragOf(rule, 2001, 10000)).toBe("red");
  });

  it("agrees with the unrounded percentage for any numerator ≤ denominator", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }).chain((den) => fc.tuple(fc.integer({ min: 0, max: den }), fc.constant(den))), ([num, den]) => {
        const exact = (num * 100) / den;
        const rag = ragFor(kpi21, num, den);
        // Compare exactly in integers: num/den ≥ 3/4 ⇔ 4·num ≥ 3·den; ≥ 7/10 ⇔ 10·num ≥ 7·den.
        const expected = 4 * num >= 3 * den ? "green" : 10 * num >= 7 * den ? "amber" : "red";
        expect(rag, `${exact}`).toBe(expected);
      }),
    );
  });
});
