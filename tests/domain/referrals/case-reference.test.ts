import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  academicYearOf,
  caseReferenceFor,
  formatCaseReference,
  nextCaseSequence,
  parseCaseReference,
} from "../../../src/domain/referrals/case-reference";
import { DISTRICTS } from "../../../src/domain/reference/districts";

describe("case references", () => {
  it("formats district, academic year and sequence", () => {
    expect(formatCaseReference("DOV", "2025-26", 42)).toBe("DOV-2526-0042");
    expect(formatCaseReference("FAH", "2098-99", 1)).toBe("FAH-9899-0001");
    expect(formatCaseReference("CAN", "2026-27", 12345)).toBe("CAN-2627-12345");
  });

  it("refuses malformed parts", () => {
    expect(() => formatCaseReference("dov", "2025-26", 1)).toThrow(RangeError);
    expect(() => formatCaseReference("DOVE", "2025-26", 1)).toThrow(RangeError);
    expect(() => formatCaseReference("DOV", "2025-27", 1)).toThrow(RangeError);
    expect(() => formatCaseReference("DOV", "2025/26", 1)).toThrow(RangeError);
    expect(() => formatCaseReference("DOV", "2025-26", 0)).toThrow(RangeError);
    expect(() => formatCaseReference("DOV", "2025-26", 1.5)).toThrow(RangeError);
  });

  it("parses canonical references only", () => {
    expect(parseCaseReference("DOV-2526-0042")).toEqual({ districtCode: "DOV", academicYear: "2025-26", sequence: 42 });
    for (const bad of ["DOV-2527-0042", "dov-2526-0042", "DOV-2526-42", "DOV-2526-00042", "DOV-2526-0000", "DOV2526-0042", " DOV-2526-0042", ""]) {
      expect(parseCaseReference(bad), bad).toBeUndefined();
    }
  });

  it("round-trips (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DISTRICTS.map((d) => d.code)),
        fc.integer({ min: 2000, max: 2098 }),
        fc.integer({ min: 1, max: 999_999 }),
        (code, start, seq) => {
          const year = `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
          const ref = formatCaseReference(code, year, seq);
          expect(ref).toMatch(/^[A-Z]{3}-\d{4}-\d{4,6}$/);
          expect(parseCaseReference(ref)).toEqual({ districtCode: code, academicYear: year, sequence: seq });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("never throws when parsing arbitrary strings", () => {
    fc.assert(fc.property(fc.string(), (s) => void parseCaseReference(s)), { numRuns: 2000 });
  });

  it("knows the academic year of a date (1 September – 31 August)", () => {
    expect(academicYearOf("2025-09-01")).toBe("2025-26");
    expect(academicYearOf("2025-08-31")).toBe("2024-25");
    expect(academicYearOf("2026-08-31")).toBe("2025-26");
    expect(academicYearOf("2000-01-01")).toBe("1999-00");
    expect(() => academicYearOf("2025-02-30")).toThrow(RangeError);
    expect(caseReferenceFor("DOV", "2026-03-01", 7)).toBe("DOV-2526-0007");
  });

  it("numbers each district and year from 1", () => {
    const existing = ["DOV-2526-0041", "DOV-2526-0007", "DOV-2425-0099", "CAN-2526-0100", "junk"];
    expect(nextCaseSequence(existing, "DOV", "2025-26")).toBe(42);
    expect(nextCaseSequence(existing, "DOV", "2026-27")).toBe(1);
    expect(nextCaseSequence([], "THA", "2025-26")).toBe(1);
  });
});
