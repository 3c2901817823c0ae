// §n in test names: [graph-sharepoint-lists.md](../../docs/reference/graph-sharepoint-lists.md).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  allColumnDefinitions,
  columnDefinition,
  defineList,
  filterLiteral,
  fromFields,
  toFields,
  IDEMPOTENCY_COLUMN,
} from "../../src/graph/list-definition";
import { LIFT_LISTS, PeopleList, SettingsList, TermsList, AuditLogList, DistrictsList } from "../../src/server/core/lists";
import { DEMO_PEOPLE } from "../../src/domain/reference/people";
import { DISTRICTS } from "../../src/domain/reference/districts";

describe("schema → columns", () => {
  it("derives a column per schema field with the right facet", () => {
    const list = defineList({
      title: "Things",
      description: "",
      schema: z.object({
        short: z.string().max(40),
        long: z.string(),
        email: z.email(),
        day: z.iso.date(),
        at: z.iso.datetime().optional(),
        count: z.number().int(),
        ratio: z.number(),
        flag: z.boolean().default(false),
        colour: z.enum(["red", "blue"]),
        level: z.literal([1, 2, 3]),
        tags: z.array(z.string()),
        extra: z.object({ a: z.string() }).nullable(),
      }),
      itemTitle: () => "x",
      indexed: ["short", "day"],
      unique: ["email"],
    });
    const byField = Object.fromEntries(list.columns.map((c) => [c.field, c]));
    expect(byField.short).toMatchObject({ kind: "text", maxLength: 40, indexed: true, unique: false, optional: false });
    expect(byField.long?.kind).toBe("note");
    expect(byField.email).toMatchObject({ kind: "text", indexed: true, unique: true });
    expect(byField.day?.kind).toBe("date");
    expect(byField.at).toMatchObject({ kind: "dateTime", optional: true });
    expect(byField.count?.kind).toBe("integer");
    expect(byField.ratio?.kind).toBe("number");
    expect(byField.flag).toMatchObject({ kind: "boolean", optional: true });
    expect(byField.colour).toMatchObject({ kind: "choice", choices: ["red", "blue"] });
    expect(byField.level?.kind).toBe("integer");
    expect(byField.tags?.kind).toBe("json");
    expect(byField.extra).toMatchObject({ kind: "json", optional: true });

    const defs = allColumnDefinitions(list);
    expect(defs.find((d) => d.name === "day")).toMatchObject({ dateTime: { format: "dateOnly" }, indexed: true });
    expect(defs.find((d) => d.name === "colour")).toMatchObject({ choice: { choices: ["red", "blue"], allowTextEntry: false } });
    expect(defs.find((d) => d.name === "long")).toMatchObject({ text: { allowMultipleLines: true } });
    // Every list carries the unique, indexed idempotency key column.
    expect(defs.at(-1)).toMatchObject({ name: IDEMPOTENCY_COLUMN, indexed: true, enforceUniqueValues: true, text: { maxLength: 255 } });
  });

  it("declares the LIFT lists with their indexes and unique columns", () => {
    expect(LIFT_LISTS.map((l) => l.title)).toEqual(["People", "Districts", "Settings", "Terms", "BankHolidays", "AuditLog", "ConversationReferences", "Operations", "DistrictDays", "MonitoringMeetings", "DemoSeeds", "Localities", "LiftGroups"]);
    const people = Object.fromEntries(PeopleList.columns.map((c) => [c.field, c]));
    expect(people.oid).toMatchObject({ kind: "text", indexed: true, unique: true });
    expect(people.upn).toMatchObject({ kind: "text", indexed: true });
    expect(people.role).toMatchObject({ kind: "choice" });
    // The setting's own id cannot be a column called "id" (the item's id, [§3.2](../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource)).
    expect(SettingsList.columns.find((c) => c.field === "id")).toMatchObject({ name: "SettingId", unique: true });
    expect(TermsList.columns.find((c) => c.field === "returnDueAt")).toMatchObject({ kind: "text", optional: true });
    expect(AuditLogList.columns.find((c) => c.field === "detail")?.kind).toBe("json");
    for (const list of LIFT_LISTS) for (const c of list.columns) expect(columnDefinition(c).name).toBe(c.name);
  });

  it("refuses what SharePoint would refuse", () => {
    const base = { description: "", itemTitle: () => "x" };
    expect(() => defineList({ ...base, title: "A", schema: z.object({ Title: z.string().max(10) }) })).toThrow(/built-in/);
    expect(() => defineList({ ...base, title: "B", schema: z.object({ notes: z.string() }), indexed: ["notes"] })).toThrow(/cannot be indexed/);
    expect(() => defineList({ ...base, title: "C", schema: z.object({ _x: z.string().max(5) }) })).toThrow(/letters and digits/);
    expect(() => defineList({ ...base, title: "D", schema: z.object({ u: z.union([z.string(), z.number()]) }) })).toThrow(/cannot derive/);
  });
});

describe("values ↔ fields", () => {
  it("round-trips a person, leaving absent optional fields out on create and clearing them on update", () => {
    const commissioner = DEMO_PEOPLE[0]!;
    const created = toFields(PeopleList, commissioner, "create");
    expect(created).toMatchObject({ Title: commissioner.displayName, oid: commissioner.oid, role: "commissioner" });
    expect("districtSlug" in created).toBe(false);
    expect(toFields(PeopleList, commissioner, "update")).toMatchObject({ districtSlug: null, settingId: null });
    expect(PeopleList.schema.parse(fromFields(PeopleList, created))).toEqual(commissioner);
  });

  it("stores arrays as JSON and parses them back", () => {
    const tam = DISTRICTS.find((d) => d.slug === "tonbridge-and-malling")!;
    const fields = toFields(DistrictsList, tam, "create");
    expect(fields.aliases).toBe(JSON.stringify(tam.aliases));
    expect(fromFields(DistrictsList, fields)).toEqual(tam);
  });

  it("reads a date-only column in the site's time zone (§3.2: midnight local, as UTC)", () => {
    const term = { academicYear: "2025-26", term: 6 as const, start: "2026-06-01", end: "2026-07-21" };
    expect(toFields(TermsList, term, "create").start).toBe("2026-06-01T00:00:00Z");
    // A real UK site answers BST midnight as the previous day 23:00Z; the emulator answers 00:00Z.
    expect(fromFields(TermsList, { academicYear: "2025-26", term: 6, start: "2026-05-31T23:00:00Z", end: "2026-07-21T00:00:00Z" })).toEqual(term);
  });

  it("quotes filter literals (§0: single quotes doubled)", () => {
    const name = DistrictsList.columns.find((c) => c.field === "name")!;
    expect(filterLiteral(name, "O'Brien")).toBe("'O''Brien'");
    const term = TermsList.columns.find((c) => c.field === "term")!;
    expect(filterLiteral(term, 3)).toBe("3");
    expect(() => filterLiteral(term, "3")).toThrow();
  });
});
