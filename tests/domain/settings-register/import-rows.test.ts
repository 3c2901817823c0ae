import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DISTRICTS } from "../../../src/domain/reference/districts";
import { districtMatcher } from "../../../src/domain/settings-register/districts";
import { parseSourceDate } from "../../../src/domain/settings-register/dates";
import { earlyYearsColumn, earlyYearsRow } from "../../../src/domain/settings-register/early-years";
import { GIAS, giasRow } from "../../../src/domain/settings-register/gias";
import { planRegisterImport } from "../../../src/domain/settings-register/plan";
import type { RowOutcome } from "../../../src/domain/settings-register/entry";
import { Setting } from "../../../src/schemas/reference/setting";

const districtOf = districtMatcher(DISTRICTS);
const kent = { council: "Kent", districtOf };

const school = (over: Record<string, string> = {}) => ({
  [GIAS.urn]: "118532",
  [GIAS.name]: "Westgate Primary School",
  [GIAS.la]: "Kent",
  [GIAS.type]: "Community school",
  [GIAS.group]: "Local authority maintained schools",
  [GIAS.status]: "Open",
  [GIAS.phase]: "Primary",
  [GIAS.district]: "Dover",
  [GIAS.postcode]: "ct17 9aa",
  [GIAS.opened]: "01-09-1974",
  [GIAS.closed]: "",
  ...over,
});

describe("districts as sources name them", () => {
  it.each([
    ["Dover", "dover"],
    ["DOVER", "dover"],
    ["Tonbridge & Malling", "tonbridge-and-malling"],
    ["Folkestone and Hythe", "folkestone-and-hythe"],
    ["Shepway", "folkestone-and-hythe"],
    ["Gravesend", "gravesham"],
    ["Tunbridge Wells Borough", "tunbridge-wells"],
    ["canterbury city council", "canterbury"],
    ["tunbridge-wells", "tunbridge-wells"],
    ["THA", "thanet"],
  ])("%s → %s", (name, slug) => {
    expect(districtOf(name)?.slug).toBe(slug);
  });

  it("Medway and nonsense are no district", () => {
    expect(districtOf("Medway")).toBeUndefined();
    expect(districtOf("")).toBeUndefined();
  });
});

describe("GIAS rows", () => {
  it("a Kent primary school: district, phase, status, mainstream, dates and postcode", () => {
    expect(giasRow(school(), kent)).toEqual({
      kind: "entry",
      entry: {
        urn: "118532",
        name: "Westgate Primary School",
        districtSlug: "dover",
        phase: "primary",
        registerPhase: "primary",
        status: "open",
        mainstream: true,
        establishmentType: "Community school",
        postcode: "CT17 9AA",
        openedOn: "1974-09-01",
        registerSource: "gias",
      },
    });
  });

  it.each([
    [{ [GIAS.phase]: "Middle deemed secondary" }, "secondary", "secondary", true],
    [{ [GIAS.phase]: "All-through", [GIAS.type]: "Academy converter" }, "all-through", "all-through", true],
    [{ [GIAS.phase]: "Nursery", [GIAS.type]: "Local authority nursery school" }, "early-years", "early-years", true],
    [{ [GIAS.phase]: "Not applicable", [GIAS.type]: "Community special school", [GIAS.group]: "Special schools" }, "special", "all-through", false],
    [{ [GIAS.phase]: "Secondary", [GIAS.type]: "Academy special converter" }, "special", "secondary", false],
    [{ [GIAS.phase]: "16 plus", [GIAS.type]: "Further education", [GIAS.group]: "Colleges" }, "post-16", "secondary", false],
    [{ [GIAS.phase]: "Primary", [GIAS.type]: "Other independent school", [GIAS.group]: "Independent schools" }, "primary", "primary", false],
  ])("%o → register phase %s, LIFT phase %s, mainstream %s", (over, registerPhase, phase, mainstream) => {
    const out = giasRow(school(over), kent);
    expect(out.kind).toBe("entry");
    if (out.kind === "entry") expect([out.entry.registerPhase, out.entry.phase, out.entry.mainstream]).toEqual([registerPhase, phase, mainstream]);
  });

  it("status: open but proposed to close is open; closed keeps its closing date", () => {
    const proposed = giasRow(school({ [GIAS.status]: "Open, but proposed to close" }), kent);
    expect(proposed.kind === "entry" && proposed.entry.status).toBe("open");
    const closed = giasRow(school({ [GIAS.status]: "Closed", [GIAS.closed]: "31/08/2025" }), kent);
    expect(closed.kind === "entry" && [closed.entry.status, closed.entry.closedOn]).toEqual(["closed", "2025-08-31"]);
  });

  it.each([
    [{ [GIAS.la]: "Medway" }, /outside Kent/],
    [{ [GIAS.type]: "Higher education institutions" }, /not a school or setting/],
    [{ [GIAS.type]: "Pupil referral unit", [GIAS.phase]: "Not applicable" }, /pupil referral unit/],
    [{ [GIAS.status]: "Proposed to open" }, /proposed to open/],
  ])("skips %o", (over, reason) => {
    const out = giasRow(school(over), kent);
    expect(out.kind).toBe("skipped");
    if (out.kind === "skipped") expect(out.reason).toMatch(reason);
  });

  it("reports every bad field of a row by column", () => {
    const out = giasRow(school({ [GIAS.urn]: "12345", [GIAS.name]: "", [GIAS.status]: "Shut", [GIAS.phase]: "Kindergarten", [GIAS.district]: "Medway", [GIAS.opened]: "31-02-2020" }), kent);
    expect(out.kind).toBe("invalid");
    if (out.kind === "invalid") {
      expect(out.errors.map((e) => e.column)).toEqual([GIAS.urn, GIAS.name, GIAS.status, GIAS.phase, GIAS.district, GIAS.opened]);
      expect(out.errors.find((e) => e.column === GIAS.district)?.message).toBe("'Medway' is not one of the council's districts");
    }
  });

  it("property: any row either becomes a valid Setting (with an id), is skipped, or names at least one column", () => {
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("Open", "Closed", "Primary", "Secondary", "Kent", "Dover", "118532", "Community school", "01-09-2011", ""));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.values(GIAS)), text), (partial) => {
        const out = giasRow({ ...school(), ...partial }, kent);
        if (out.kind === "entry") expect(Setting.safeParse({ id: "DOV-U118532", ...out.entry }).success).toBe(true);
        if (out.kind === "invalid") expect(out.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe("early years provider rows", () => {
  it("header names are matched loosely", () => {
    expect(["Provider URN", "URN", "Provider name", "Opened on", " district "].map(earlyYearsColumn)).toEqual(["urn", "urn", "name", "opened_on", "district"]);
  });

  it("a header cell named like an object's own property is a name like any other (found by the API fuzz: a 500)", () => {
    expect(["__proto__", "constructor", "toString", "hasOwnProperty"].map(earlyYearsColumn)).toEqual(["__proto__", "constructor", "tostring", "hasownproperty"]);
  });

  it("a provider is an open early years setting of its district", () => {
    const out = earlyYearsRow({ urn: "ey123456", name: "Acorns Day Nursery", type: "Day nursery", postcode: "ct16 1aa", district: "Dover", status: "Active" }, { districtOf });
    expect(out).toEqual({
      kind: "entry",
      entry: { urn: "EY123456", name: "Acorns Day Nursery", districtSlug: "dover", phase: "early-years", registerPhase: "early-years", status: "open", mainstream: true, establishmentType: "Day nursery", postcode: "CT16 1AA", registerSource: "early-years-list" },
    });
  });

  it("reports bad fields by column", () => {
    const out = earlyYearsRow({ urn: "X1", name: "N", type: "", district: "Nowhere", status: "maybe", closed_on: "soon" }, { districtOf });
    expect(out.kind === "invalid" && out.errors.map((e) => e.column)).toEqual(["urn", "type", "district", "status", "closed_on"]);
  });
});

describe("dates", () => {
  it.each([
    ["01-09-2011", "2011-09-01"],
    ["1/9/2011", "2011-09-01"],
    ["2011-09-01", "2011-09-01"],
    ["", undefined],
  ])("%s → %s", (text, date) => {
    expect(parseSourceDate(text)).toEqual({ ok: true, ...(date ? { date } : {}) });
  });
  it("refuses impossible dates", () => {
    expect(parseSourceDate("29-02-2023").ok).toBe(false);
    expect(parseSourceDate("next week").ok).toBe(false);
  });
});

describe("the import plan (keyed by URN)", () => {
  const entry = (over: Record<string, string> = {}): RowOutcome => giasRow(school(over), kent);
  const existing: Setting = { id: "DOV-P1", name: "White Cliffs Primary School", districtSlug: "dover", phase: "primary", urn: "900101" };

  it("creates new settings with ids from the URN, updates a known URN in place keeping its id, and counts the unchanged", () => {
    const first = planRegisterImport({ existing: [existing], districts: DISTRICTS, rows: [
      { row: 2, outcome: entry() },
      { row: 3, outcome: entry({ [GIAS.urn]: "900101", [GIAS.name]: "White Cliffs Primary School" }) },
    ] });
    expect(first.create.map((s) => s.id)).toEqual(["DOV-U118532"]);
    expect(first.update.map((u) => [u.id, u.after.registerPhase])).toEqual([["DOV-P1", "primary"]]);
    expect(first.errors).toEqual([]);

    // The same file again against the register it made: nothing to do.
    const after = [...first.create, ...first.update.map((u) => u.after)];
    const again = planRegisterImport({ existing: after, districts: DISTRICTS, rows: [
      { row: 2, outcome: entry() },
      { row: 3, outcome: entry({ [GIAS.urn]: "900101", [GIAS.name]: "White Cliffs Primary School" }) },
    ] });
    expect([again.create.length, again.update.length, again.unchanged]).toEqual([0, 0, 2]);

    // A school that moves district keeps its id.
    const moved = planRegisterImport({ existing: after, districts: DISTRICTS, rows: [{ row: 2, outcome: entry({ [GIAS.district]: "Thanet" }) }] });
    expect(moved.update.map((u) => [u.id, u.after.districtSlug])).toEqual([["DOV-U118532", "thanet"]]);
  });

  it("errors by row: a URN twice in the file, a URN another source already holds, and each row's own errors", () => {
    const ey = { ...existing, id: "DOV-Y123456", urn: "118532", registerSource: "early-years-list" as const };
    const plan = planRegisterImport({ existing: [ey], districts: DISTRICTS, rows: [
      { row: 2, outcome: entry() },
      { row: 3, outcome: entry({ [GIAS.urn]: "118533" }) },
      { row: 4, outcome: entry({ [GIAS.urn]: "118533" }) },
      { row: 5, outcome: entry({ [GIAS.district]: "" }) },
      { row: 6, outcome: entry({ [GIAS.la]: "Medway" }) },
    ] });
    expect(plan.errors).toEqual([
      { row: 2, column: "URN", message: "118532 is already White Cliffs Primary School (DOV-Y123456) from the early years list" },
      { row: 4, column: "URN", message: "118533 is also on row 3: each setting once" },
      { row: 5, column: GIAS.district, message: "Enter the district (DistrictAdministrative)" },
    ]);
    expect(plan.skipped).toEqual([{ reason: "outside Kent (LA Medway)", rows: 1 }]);
  });
});
