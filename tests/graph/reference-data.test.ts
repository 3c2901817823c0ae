/** Reference data in the lists, and the list-backed people directory and reference data reader. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PEOPLE } from "../../src/domain/reference/people";
import { DISTRICTS } from "../../src/domain/reference/districts";
import { SETTINGS } from "../../src/domain/reference/settings";
import { TERMS } from "../../src/domain/reference/terms";
import { BANK_HOLIDAYS } from "../../src/domain/reference/bank-holidays";
import { ListPeopleDirectory } from "../../src/server/core/list-people-directory";
import { ListReferenceData } from "../../src/server/core/list-reference-data";
import { LIFT_LISTS } from "../../src/server/core/lists";
import { provisionSite } from "../../src/graph/provision";
import { loadReferenceData } from "../../src/server/core/reference-data-loader";
import { openListStores, type LiftStores } from "../../src/server/core/lists";
import { startSite, type TestSite } from "./support";

let site: TestSite;
let stores: LiftStores;

beforeAll(async () => {
  site = await startSite();
  await provisionSite(site.api, site.siteId, LIFT_LISTS);
  stores = await openListStores(site);
});
afterAll(async () => site?.stop());

describe("loadReferenceData", () => {
  it("without the demo directory loads districts and calendars only", async () => {
    const report = await loadReferenceData(stores, { demoData: false, demoDirectory: false });
    expect(report.lists).toEqual([
      { list: "Districts", created: 12, existing: 0 },
      { list: "Terms", created: 12, existing: 0 },
      { list: "BankHolidays", created: 24, existing: 0 },
    ]);
    expect(await stores.people.all()).toEqual([]);
  });

  it("loads schools and people too, and a second run changes nothing", async () => {
    const first = await loadReferenceData(stores, { demoData: true });
    expect(first.lists.map((l) => [l.list, l.created])).toEqual([
      ["Districts", 0],
      ["Terms", 0],
      ["BankHolidays", 0],
      ["Settings", SETTINGS.length],
      ["People", DEMO_PEOPLE.length],
    ]);
    const snapshot = async () => ({
      districts: (await stores.districts.all()).map((i) => [i.id, i.eTag]),
      settings: (await stores.settings.all()).map((i) => [i.id, i.eTag]),
      people: (await stores.people.all()).map((i) => [i.id, i.eTag]),
      terms: (await stores.terms.all()).map((i) => [i.id, i.eTag]),
    });
    const before = await snapshot();
    const second = await loadReferenceData(stores, { demoData: true });
    expect(second.lists.every((l) => l.created === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);

    expect((await stores.districts.all()).map((d) => d.value).sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      [...DISTRICTS].sort((a, b) => a.code.localeCompare(b.code)),
    );
    expect((await stores.terms.all()).map((t) => t.value)).toEqual(TERMS);
    expect((await stores.bankHolidays.all()).map((h) => h.value)).toEqual(BANK_HOLIDAYS);
  });

  it("does not overwrite a record edited in the list (the list is the source of truth)", async () => {
    const [t1] = await stores.terms.all({ where: { academicYear: "2026-27" } });
    await stores.terms.update(t1!.id, { end: "2026-10-16" });
    await loadReferenceData(stores, { demoData: true });
    expect((await stores.terms.get(t1!.id)).value.end).toBe("2026-10-16");
    await stores.terms.update(t1!.id, { end: TERMS.find((t) => t.academicYear === "2026-27" && t.term === t1!.value.term)!.end });
  });
});

describe("ListPeopleDirectory", () => {
  it("finds demo users by oid and upn, case-insensitively", async () => {
    const dir = new ListPeopleDirectory(stores.people);
    const lead = DEMO_PEOPLE.find((p) => p.upn === "lead.dover@lift.local")!;
    expect(await dir.byOid(lead.oid)).toEqual(lead);
    expect(await dir.byOid(lead.oid.toUpperCase())).toEqual(lead);
    expect(await dir.byUpn("LEAD.DOVER@lift.local ")).toEqual(lead);
    expect(await dir.byUpn("senco.thanet@lift.local")).toMatchObject({ role: "senco", settingId: "THA-P1" });
    expect(await dir.byOid("00000000-0000-4000-8000-000000000000")).toBeUndefined();
    expect((await dir.list()).length).toBe(DEMO_PEOPLE.length);
  });

  it("sees additions, changes and removals after its time to live, via delta", async () => {
    let now = 1_000;
    const dir = new ListPeopleDirectory(stores.people, { ttlMs: 30_000, now: () => now });
    const newcomer = { oid: "4f1d2c3b-1111-4a2b-8c3d-123456789abc", upn: "teacher.thanet@lift.local", displayName: "Pat Lee", role: "specialist_teacher" as const, districtSlug: "thanet" };
    expect(await dir.byUpn(newcomer.upn)).toBeUndefined();

    const created = await stores.people.create(newcomer, { idempotencyKey: `person:${newcomer.oid}` });
    expect(await dir.byUpn(newcomer.upn)).toBeUndefined(); // still within the TTL
    now += 30_001;
    expect(await dir.byUpn(newcomer.upn)).toEqual(newcomer);

    await stores.people.update(created.id, { role: "lift_member" });
    dir.invalidate();
    expect(await dir.byOid(newcomer.oid)).toMatchObject({ role: "lift_member" });

    await stores.people.delete(created.id);
    now += 30_001;
    expect(await dir.byOid(newcomer.oid)).toBeUndefined();
    expect(await dir.byUpn(newcomer.upn)).toBeUndefined();
  });
});

describe("ListReferenceData", () => {
  it("reads districts, settings, terms and bank holidays from the lists", async () => {
    const ref = new ListReferenceData(stores);
    expect((await ref.districts()).map((d) => d.slug).sort()).toEqual(DISTRICTS.map((d) => d.slug).sort());
    expect(await ref.settings()).toHaveLength(SETTINGS.length);
    expect((await ref.settings()).find((s) => s.id === "DOV-P1")).toEqual(SETTINGS.find((s) => s.id === "DOV-P1"));
    expect(await ref.terms()).toEqual(TERMS);
    expect((await ref.bankHolidays()).map((h) => h.date)).toEqual(BANK_HOLIDAYS.map((h) => h.date));
  });

  it("assembles the reporting calendar from the cached lists: one read per list until the cache expires", async () => {
    let now = 0;
    const ref = new ListReferenceData(stores, { ttlMs: 60_000, now: () => now });
    const calendar = await ref.calendar();
    expect(calendar.terms).toEqual(TERMS);
    expect(calendar.bankHolidays).toEqual(BANK_HOLIDAYS.filter((h) => h.division === "england-and-wales").map((h) => h.date).sort());
    const years = new Set(TERMS.map((t) => t.academicYear));
    expect(calendar.monitoringMeetings).toHaveLength(years.size * DISTRICTS.length * 3);
    for (const m of calendar.monitoringMeetings) expect(calendar.bankHolidays).not.toContain(m.at.slice(0, 10));
    // The same lists give the same calendar, not a rebuilt one.
    expect(await ref.calendar()).toBe(calendar);

    // A commissioner moves a due date: seen once the lists are read again, not before.
    const term = (await stores.terms.all()).find((t) => t.value.academicYear === "2025-26" && t.value.term === 2)!;
    await stores.terms.update(term.id, { returnDueAt: "2026-01-30" });
    try {
      expect((await ref.calendar()).terms.find((t) => t.academicYear === "2025-26" && t.term === 2)?.returnDueAt).toBeUndefined();
      now += 60_001;
      const fresh = await ref.calendar();
      expect(fresh).not.toBe(calendar);
      expect(fresh.terms.find((t) => t.academicYear === "2025-26" && t.term === 2)?.returnDueAt).toBe("2026-01-30");
    } finally {
      await stores.terms.update(term.id, { returnDueAt: undefined });
    }
  });
});
