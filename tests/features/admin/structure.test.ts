import { describe, expect, it } from "vitest";
import { apiFor, type Api, type Json } from "../../support/api-client";
import { onTestApp } from "../../support/test-app";
import type { RunningApp } from "../../../src/server/app/start";

const COMMISSIONER = "commissioner@lift.local";
const DOVER = "lead.dover@lift.local";
const THANET = "lead.thanet@lift.local";
const SENCO = "senco.dover@lift.local";

// Early in term 2 of 2026-27, so meetings later in the term can still be planned.
const now = new Date("2026-11-03T09:00:00Z");
let app: RunningApp;
let api: Api;
onTestApp((a) => {
  app = a;
  api = apiFor(a.url);
}, {}, { now: () => now });

let keys = 0;
const key = (what: string) => `${what}-${++keys}-structure-test`;
const audited = async (action: string) => (await app.graph.stores.auditLog.all()).map((i) => i.value).filter((e) => e.action === action);
const doverSettings = async (phase: "school" | "early-years") =>
  (await app.graph.stores.settings.all({ where: { districtSlug: "dover" } })).map((i) => i.value).filter((s) => (phase === "early-years") === (s.phase === "early-years"));
/** An early years meeting in Dover on a day of term 2, 16:15–17:15 UK (after the demo's meetings). */
const eyMeeting = (day: number, liftGroupId?: string) => ({ kind: "early-years", startsAt: `2026-11-${String(day).padStart(2, "0")}T16:15:00Z`, endsAt: `2026-11-${String(day).padStart(2, "0")}T17:15:00Z`, ...(liftGroupId ? { liftGroupId } : {}) });

describe("the structure: who sees and changes what", () => {
  it("shows commissioners every district and a lead only theirs; refuses anyone else", async () => {
    const all = await api(COMMISSIONER, "GET", "/api/admin/structure");
    expect(all.status).toBe(200);
    expect(all.body.districts).toHaveLength(12);
    expect(all.body.areas).toEqual(["East", "West", "North", "South"]);
    expect(all.body.canEditDistricts).toBe(true);
    const lead = await api(DOVER, "GET", "/api/admin/structure");
    expect(lead.body.districts.map((d: Json) => d.slug)).toEqual(["dover"]);
    expect(lead.body).toMatchObject({ canEditDistricts: false, editableDistricts: ["dover"] });
    expect((await api(SENCO, "GET", "/api/admin/structure")).status).toBe(403);
    expect((await api(DOVER, "PUT", "/api/admin/structure/districts/dover", { name: "Dover Town", area: "South" })).status).toBe(403);
    expect((await api(DOVER, "POST", "/api/admin/structure/districts", { code: "DEA", slug: "deal", name: "Deal", area: "South" })).status).toBe(403);
  });

  it("lets a lead keep their own district's LIFT groups only", async () => {
    const [school] = await doverSettings("school");
    const mine = await api(DOVER, "PUT", "/api/admin/structure/lift-groups/dover-primary-a", { name: "Dover primary A", districtSlug: "dover", phase: "school", settingIds: [school!.id] });
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body).toMatchObject({ id: "dover-primary-a", cadenceText: "six times a year", cadenceSource: "sla" });
    expect((await api(DOVER, "PUT", "/api/admin/structure/lift-groups/thanet-a", { name: "Thanet A", districtSlug: "thanet", phase: "school", settingIds: [] })).status).toBe(403);
    // Another district's group is not disclosed to a lead.
    expect((await api(THANET, "PUT", "/api/admin/structure/lift-groups/dover-primary-a", { name: "Mine now", districtSlug: "thanet", phase: "school", settingIds: [] })).status).toBe(404);
    const [entry] = await audited("admin.structure.add_lift_group");
    expect(entry).toMatchObject({ listTitle: "LiftGroups", outcome: "done", detail: expect.objectContaining({ group: "dover-primary-a", district: "dover" }) });
  });

  it("refuses a group whose settings are in another district or phase, field by field", async () => {
    const [ey] = await doverSettings("early-years");
    const thanet = (await app.graph.stores.settings.all({ where: { districtSlug: "thanet" } }))[0]!.value;
    const res = await api(COMMISSIONER, "PUT", "/api/admin/structure/lift-groups/dover-mixed", { name: "Dover mixed", districtSlug: "dover", phase: "school", settingIds: [thanet.id, ...(ey ? [ey.id] : [])] });
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors["liftGroups.dover-mixed.settingIds"]).toHaveLength(ey ? 2 : 1);
  });
});

describe("districts and areas as data", () => {
  it("renames a district: the slug stays, the old name becomes an alias, the summary names it anew with its old returns", async () => {
    const before = await api(COMMISSIONER, "GET", "/api/kpi/summary?year=2025-26&district=dover");
    const oldRow = before.body.rows.find((r: Json) => r.level === "district" && r.period === "year" && r.value !== null);
    expect(oldRow.name).toBe("Dover");
    const res = await api(COMMISSIONER, "PUT", "/api/admin/structure/districts/dover", { name: "Dover and Deal", area: "South" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ slug: "dover", code: "DOV", name: "Dover and Deal", aliases: ["Dover"] });
    const reference = await api(SENCO, "GET", "/api/reference");
    expect(reference.body.districts.find((d: Json) => d.slug === "dover").name).toBe("Dover and Deal");
    const after = await api(COMMISSIONER, "GET", "/api/kpi/summary?year=2025-26&district=dover");
    const newRow = after.body.rows.find((r: Json) => r.key === oldRow.key.replace("Dover", "Dover and Deal") || (r.level === "district" && r.measure === oldRow.measure && r.period === "year"));
    expect(newRow).toMatchObject({ name: "Dover and Deal", value: oldRow.value });
    expect(await audited("admin.structure.change_district")).toEqual([expect.objectContaining({ outcome: "done", detail: expect.objectContaining({ district: "dover", renamed: true }) })]);
  });

  it("adds a district in a new area; a taken slug is a conflict, a taken code a field error", async () => {
    const added = await api(COMMISSIONER, "POST", "/api/admin/structure/districts", { code: "MED", slug: "medway-fringe", name: "Medway Fringe", area: "Central" });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ open: true, settings: 0 });
    const reference = await api(SENCO, "GET", "/api/reference");
    expect(reference.body.areas).toEqual(["East", "West", "North", "South", "Central"]);
    expect((await api(COMMISSIONER, "POST", "/api/admin/structure/districts", { code: "MEF", slug: "medway-fringe", name: "Other", area: "Central" })).status).toBe(409);
    const code = await api(COMMISSIONER, "POST", "/api/admin/structure/districts", { code: "DOV", slug: "dover-north", name: "Dover North", area: "South" });
    expect(code.status).toBe(400);
    expect(code.body.error.fieldErrors["districts.dover-north.code"]).toBeDefined();
    const bad = await api(COMMISSIONER, "POST", "/api/admin/structure/districts", { code: "x", slug: "Not A Slug", name: "", area: "" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fieldErrors)).toEqual(expect.arrayContaining(["code", "slug", "name", "area"]));
  });

  it("retires a district: no new meetings from the date, its history stays", async () => {
    const res = await api(COMMISSIONER, "POST", "/api/admin/structure/districts/medway-fringe/retire", { on: "2026-11-20" });
    expect(res.body).toMatchObject({ retiredOn: "2026-11-20", open: true });
    const plan = await api(COMMISSIONER, "POST", "/api/lift-meetings/plan", { idempotencyKey: key("retired"), districtSlug: "medway-fringe", meetings: [{ kind: "school", startsAt: "2026-11-26T13:30:00Z", endsAt: "2026-11-26T15:30:00Z" }] });
    expect(plan.status).toBe(400);
    expect(plan.body.error.fieldErrors["meetings.0.startsAt"][0]).toContain("retired");
    expect((await api(COMMISSIONER, "GET", "/api/admin/structure")).body.districts.some((d: Json) => d.slug === "medway-fringe")).toBe(true);
  });
});

describe("LIFT groups and their cadence", () => {
  it("warns (never refuses) when a plan gives an early years group more than three meetings in a term", async () => {
    const settings = await doverSettings("early-years");
    const saved = await api(DOVER, "PUT", "/api/admin/structure/lift-groups/dover-ey", { name: "Dover early years LIFT", districtSlug: "dover", phase: "early-years", settingIds: settings.slice(0, 2).map((s) => s.id) });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.cadenceText).toBe("two or three times a term");
    const plan = await api(DOVER, "POST", "/api/lift-meetings/plan", { idempotencyKey: key("ey"), districtSlug: "dover", meetings: [eyMeeting(10, "dover-ey"), eyMeeting(17, "dover-ey"), eyMeeting(24, "dover-ey"), eyMeeting(25, "dover-ey")] });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    expect(plan.body.items).toHaveLength(4);
    expect(plan.body.warnings["cadence.dover-ey"][0]).toMatch(/too many/);
    const cadence = await api(DOVER, "GET", "/api/admin/structure/cadence?year=2026-27&term=2");
    expect(cadence.body.items.find((f: Json) => f.groupId === "dover-ey")).toMatchObject({ status: "too_many", expectedMax: 3 });
    expect((await api(DOVER, "GET", "/api/admin/structure/cadence?year=2026-27&district=thanet")).status).toBe(404);
  });

  it("refuses a meeting for another district's group or a group of the other phase", async () => {
    const plan = await api(DOVER, "POST", "/api/lift-meetings/plan", { idempotencyKey: key("wrong-group"), districtSlug: "dover", meetings: [eyMeeting(12, "dover-primary-a"), eyMeeting(13, "no-such-group")] });
    expect(plan.status).toBe(400);
    expect(plan.body.error.fieldErrors["meetings.0.liftGroupId"]).toBeDefined();
    expect(plan.body.error.fieldErrors["meetings.1.liftGroupId"]).toBeDefined();
  });
});

describe("localities and splits", () => {
  it("puts settings in a locality, then splits them off into a new district from a date after a preview", async () => {
    const [a, b] = await doverSettings("school");
    const locality = await api(COMMISSIONER, "PUT", "/api/admin/structure/localities/deal-cluster", { name: "Deal cluster", kind: "cluster", districtSlug: "dover", settingIds: [a!.id] });
    expect(locality.status, JSON.stringify(locality.body)).toBe(200);
    expect(locality.body.settings).toBe(1);
    const body = { on: "2027-01-04", district: { code: "DEA", slug: "deal", name: "Deal", area: "South" }, settingIds: [a!.id], liftGroupIds: ["dover-primary-a"], localitySlugs: ["deal-cluster"] };
    const preview = await api(COMMISSIONER, "POST", "/api/admin/structure/districts/dover/split/preview", body);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.settings.map((s: Json) => s.id)).toEqual([a!.id]);
    expect((await app.graph.stores.districts.all()).some((d) => d.value.slug === "deal")).toBe(false);
    const returnsBefore = (await api(COMMISSIONER, "GET", "/api/kpi/summary?year=2025-26&district=dover")).body.rows.filter((r: Json) => r.level === "district");
    const split = await api(COMMISSIONER, "POST", "/api/admin/structure/districts/dover/split", body);
    expect(split.status, JSON.stringify(split.body)).toBe(201);
    const settings = (await app.graph.stores.settings.all()).map((i) => i.value);
    expect(settings.find((s) => s.id === a!.id)).toMatchObject({ districtSlug: "deal", localitySlug: "deal-cluster" });
    expect(settings.find((s) => s.id === b!.id)?.districtSlug).toBe("dover");
    const structure = (await api(COMMISSIONER, "GET", "/api/admin/structure")).body;
    expect(structure.districts.find((d: Json) => d.slug === "deal")).toMatchObject({ splitFrom: "dover", startsOn: "2027-01-04", open: false });
    expect(structure.liftGroups.find((g: Json) => g.id === "dover-primary-a").districtSlug).toBe("deal");
    // The old district keeps its returns: its summary rows are as they were.
    const returnsAfter = (await api(COMMISSIONER, "GET", "/api/kpi/summary?year=2025-26&district=dover")).body.rows.filter((r: Json) => r.level === "district");
    expect(returnsAfter.map((r: Json) => [r.measure, r.period, r.value])).toEqual(returnsBefore.map((r: Json) => [r.measure, r.period, r.value]));
    expect(await audited("admin.structure.split_district")).toEqual([expect.objectContaining({ outcome: "done", detail: expect.objectContaining({ district: "dover", into: "deal", settings: 1 }) })]);
    // Sent again, it changes nothing more.
    expect((await api(COMMISSIONER, "POST", "/api/admin/structure/districts/dover/split", body)).status).toBe(201);
    expect((await app.graph.stores.districts.all()).filter((d) => d.value.slug === "deal")).toHaveLength(1);
  });

  it("lets a lead see their district's localities but not change them or split; a rename or retirement keeps the id and the settings", async () => {
    const [, b] = await doverSettings("school");
    const path = "/api/admin/structure/localities/sandwich-villages";
    expect((await api(COMMISSIONER, "PUT", path, { name: "Sandwich villages", kind: "locality", districtSlug: "dover", settingIds: [b!.id] })).status).toBe(200);
    const seen = (await api(DOVER, "GET", "/api/admin/structure")).body.localities;
    expect(seen.find((l: Json) => l.slug === "sandwich-villages")).toMatchObject({ name: "Sandwich villages", settings: 1 });
    expect((await api(DOVER, "PUT", path, { name: "Mine", kind: "locality", districtSlug: "dover" })).status).toBe(403);
    const split = { on: "2027-01-04", district: { code: "SAN", slug: "sandwich", name: "Sandwich", area: "South" }, settingIds: [b!.id], liftGroupIds: [] };
    expect((await api(DOVER, "POST", "/api/admin/structure/districts/dover/split/preview", split)).status).toBe(403);
    expect((await api(DOVER, "POST", "/api/admin/structure/districts/dover/split", split)).status).toBe(403);
    // Renamed without a settings list, it keeps its settings; retired, it says from when.
    const renamed = await api(COMMISSIONER, "PUT", path, { name: "Sandwich and villages", kind: "cluster", districtSlug: "dover" });
    expect(renamed.body).toMatchObject({ slug: "sandwich-villages", name: "Sandwich and villages", settings: 1 });
    const retired = await api(COMMISSIONER, "PUT", path, { name: "Sandwich and villages", kind: "cluster", districtSlug: "dover", retiredOn: "2027-04-01" });
    expect(retired.body).toMatchObject({ retiredOn: "2027-04-01", settings: 1 });
    expect(await audited("admin.structure.change_locality")).toHaveLength(2);
    // A taken code is refused with the message keyed to the form's field.
    const taken = await api(COMMISSIONER, "POST", "/api/admin/structure/districts/dover/split/preview", { ...split, district: { ...split.district, code: "THA" } });
    expect(taken.status).toBe(400);
    expect(taken.body.error.fieldErrors["district.code"]).toEqual([expect.stringContaining("THA is taken")]);
  });

  it("never overwrites a locality by adding one under its id, and refuses a change made from an old version", async () => {
    const path = "/api/admin/structure/localities/whitfield";
    const body = { name: "Whitfield", kind: "locality", districtSlug: "dover" };
    const added = await api(COMMISSIONER, "PUT", path, { ...body, adding: true });
    expect(added.status).toBe(200);
    const again = await api(COMMISSIONER, "PUT", path, { ...body, name: "Whitfield and Guston", adding: true });
    expect(again.status).toBe(400);
    expect(again.body.error.fieldErrors.id).toEqual([expect.stringContaining("Whitfield already has the id whitfield")]);
    const changed = await api(COMMISSIONER, "PUT", path, { ...body, name: "Whitfield village", eTag: added.body.eTag });
    expect(changed.status).toBe(200);
    expect(changed.body.eTag).not.toBe(added.body.eTag);
    const stale = await api(COMMISSIONER, "PUT", path, { ...body, name: "Old Whitfield", eTag: added.body.eTag });
    expect(stale.status).toBe(412);
    expect((await api(COMMISSIONER, "PUT", "/api/admin/structure/localities/nowhere-yet", { ...body, eTag: added.body.eTag })).status).toBe(404);
    const saved = (await api(COMMISSIONER, "GET", "/api/admin/structure")).body.localities.find((l: Json) => l.slug === "whitfield");
    expect(saved).toMatchObject({ name: "Whitfield village", eTag: changed.body.eTag });
  });

  it("never overwrites a LIFT group by adding one under its id, and refuses a change made from an old version", async () => {
    const path = "/api/admin/structure/lift-groups/dover-secondary";
    const body = { name: "Dover secondary", districtSlug: "dover", phase: "school", settingIds: [] };
    const added = await api(DOVER, "PUT", path, { ...body, adding: true });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body.eTag).toEqual(expect.any(String));
    const again = await api(COMMISSIONER, "PUT", path, { ...body, name: "Dover secondary B", adding: true });
    expect(again.status).toBe(400);
    expect(again.body.error.fieldErrors.id).toEqual([expect.stringContaining("Dover secondary already has the id dover-secondary")]);
    // A lead adding under another district's group's id is refused on id too, without being told that group's name.
    const other = await api(THANET, "PUT", path, { ...body, districtSlug: "thanet", name: "Thanet secondary", adding: true });
    expect(other.status).toBe(400);
    expect(other.body.error.fieldErrors.id).toEqual([expect.not.stringContaining("Dover secondary")]);
    // Without `adding` the lead still finds no such group: the old rule holds.
    expect((await api(THANET, "PUT", path, { ...body, districtSlug: "thanet" })).status).toBe(404);
    const changed = await api(DOVER, "PUT", path, { ...body, name: "Dover secondary LIFT", eTag: added.body.eTag });
    expect(changed.status).toBe(200);
    expect(changed.body.eTag).not.toBe(added.body.eTag);
    const stale = await api(DOVER, "PUT", path, { ...body, name: "Old Dover secondary", eTag: added.body.eTag });
    expect(stale.status).toBe(412);
    expect((await api(DOVER, "PUT", "/api/admin/structure/lift-groups/dover-nowhere-yet", { ...body, eTag: added.body.eTag })).status).toBe(404);
    const saved = (await api(COMMISSIONER, "GET", "/api/admin/structure")).body.liftGroups.find((g: Json) => g.id === "dover-secondary");
    expect(saved).toMatchObject({ name: "Dover secondary LIFT", eTag: changed.body.eTag });
  });
});
