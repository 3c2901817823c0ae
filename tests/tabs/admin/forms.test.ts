import { describe, expect, it } from "vitest";
import { emptyRows, nextAcademicYearOf, rowsFrom, termsFrom } from "../../../tabs/admin/calendar-form";
import { draftFrom, EMPTY_DRAFT, personFrom } from "../../../tabs/admin/people-form";

describe("the terms editor's working copy", () => {
  it("keeps a fixed due date, sends a school-day rule only when typed, and trims dates", () => {
    const rows = emptyRows();
    rows[0] = { start: " 2027-09-02", end: "2027-10-22 ", dueSchoolDay: "5" };
    const terms = termsFrom(rows, [{ academicYear: "2027-28", term: 2, start: "", end: "", schoolDays: 0, returnDueAt: "2028-01-20" }]);
    expect(terms[0]).toEqual({ term: 1, start: "2027-09-02", end: "2027-10-22", returnDueSchoolDay: 5 });
    expect(terms[1]).toEqual({ term: 2, start: "", end: "", returnDueAt: "2028-01-20" });
    expect(terms.map((t) => t.term)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("fills the rows from a saved year", () => {
    const view = { terms: [{ academicYear: "2027-28", term: 3 as const, start: "2028-01-04", end: "2028-02-11", schoolDays: 29, returnDueSchoolDay: 8 }] };
    expect(rowsFrom(view as never)[2]).toEqual({ start: "2028-01-04", end: "2028-02-11", dueSchoolDay: "8" });
  });

  it.each([
    ["2026-12-03", "2027-28"],
    ["2027-05-04", "2027-28"],
    ["2027-09-01", "2028-29"],
  ])("on %s offers %s", (today, year) => expect(nextAcademicYearOf(today)).toBe(year));
});

describe("the person form", () => {
  it("leaves empty boxes out and splits the LIFT groups", () => {
    const person = personFrom({ ...EMPTY_DRAFT, oid: "a", upn: " x@lift.local ", displayName: "X", role: "senco", districtSlug: "dover", settingId: "dov-p1", chairOf: "Dover LIFT; \nEY LIFT\n" });
    expect(person).toEqual({ oid: "a", upn: "x@lift.local", displayName: "X", role: "senco", districtSlug: "dover", settingId: "DOV-P1", chairOf: ["Dover LIFT", "EY LIFT"] });
    const round = draftFrom({ ...person, active: true, eTag: "e" });
    expect(personFrom(round)).toEqual(person);
    expect(personFrom(draftFrom({ ...person, role: "specialist_teacher", countyTeam: "sensory", active: true, eTag: "e" })).countyTeam).toBe("sensory");
  });
});
