/**
 * The locality report through the API: who may read which district, and figures equal to a hand
 * count of records made here, in a district of its own (so the demo's activity is not in them).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { localObjectId } from "../../../src/server/features/admin";
import type { RunningApp } from "../../../src/server/app/start";
import { apiFor, type Api, type Json } from "../../support/api-client";
import { onTestApp } from "../../support/test-app";

let app: RunningApp;
let api: Api;
onTestApp((a) => {
  app = a;
  api = apiFor(a.url);
});

const COMMISSIONER = "commissioner@lift.local";
const D = "testvale";
const YEAR = "2026-27";
const people = [
  ["lead.testvale@lift.local", "Lead Testvale", "district_lead", D, ""],
  ["teacher.testvale@lift.local", "Teacher Testvale", "specialist_teacher", D, ""],
  ["member.testvale@lift.local", "Member Testvale", "lift_member", D, ""],
  ["exec.testvale@lift.local", "Exec Testvale", "lift_executive", D, ""],
  ["exec.county@lift.local", "Exec County", "lift_executive", "", ""],
  ["head.testvale@lift.local", "Head Testvale", "sla_headteacher", D, ""],
  ["forum.east@lift.local", "Forum East", "area_lift_forum", "", "East"],
  ["forum.south@lift.local", "Forum South", "area_lift_forum", "", "South"],
] as const;

const STRATEGIES = "Advice and strategies to try (resolved at LIFT)";
const ALLOCATED = "Specialist teacher allocated";

/** A day of term 1 of 2026-27, `n` days after it starts. */
let day: (n: number) => string;

beforeAll(async () => {
  const added = await api(COMMISSIONER, "POST", "/api/admin/structure/districts", { code: "TVL", slug: D, name: "Testvale", area: "East" });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  const lines = people.map(([upn, name, role, district, area]) => `${localObjectId(upn)},${upn},${name},${role},${district},,${area},`);
  const imported = await api(COMMISSIONER, "POST", "/api/admin/people/import", { csv: ["oid,upn,displayName,role,district,setting,area,chairOf", ...lines].join("\n") });
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);

  const settings = app.graph.stores.settings;
  for (const [id, phase, urn] of [
    ["TVL-P1", "primary", "990001"],
    ["TVL-P2", "primary", "990002"],
    ["TVL-S1", "secondary", "990003"],
    ["TVL-E1", "early-years", "EY990004"],
  ] as const) {
    await settings.create({ id, name: `Testvale ${id}`, districtSlug: D, phase, urn }, { idempotencyKey: `setting:${id}` });
  }
  app.context.reference.invalidate?.();
  for (const [slug, name, ids] of [
    ["tvl-north", "Testvale North", ["TVL-P1", "TVL-S1"]],
    ["tvl-south", "Testvale South", ["TVL-P2"]],
  ] as const) {
    const res = await api(COMMISSIONER, "PUT", `/api/admin/structure/localities/${slug}`, { name, kind: "locality", districtSlug: D, settingIds: ids });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  for (const [id, name, phase, ids] of [
    ["tvl-schools", "Testvale schools", "school", ["TVL-P1", "TVL-P2"]],
    ["tvl-ey", "Testvale early years", "early-years", ["TVL-E1"]],
  ] as const) {
    const res = await api(COMMISSIONER, "PUT", `/api/admin/structure/lift-groups/${id}`, { name, districtSlug: D, phase, settingIds: ids });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  const term1 = (await app.context.reference.calendar()).terms.find((t) => t.academicYear === YEAR && t.term === 1);
  if (!term1) throw new Error("no term 1 of 2026-27 in the calendar");
  day = (n) => new Date(Date.parse(`${term1.start}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  // Records, copied from the demo's shapes with what matters here changed.
  const { referrals, meetings } = app.features.referrals.service.stores;
  const demoMeeting = (await meetings.all({ where: { districtSlug: "dover" }, pageSize: 1 }))[0]!.value;
  const meeting = async (key: string, status: "held" | "scheduled", liftGroupId?: string) =>
    (
      await meetings.create(
        { districtSlug: D, kind: "school", title: `Testvale ${key}`, startsAt: `${day(14)}T13:30:00Z`, endsAt: `${day(14)}T15:30:00Z`, status, ...(liftGroupId ? { liftGroupId } : {}) },
        { idempotencyKey: `tvl-meeting:${key}` },
      )
    ).id;
  expect(demoMeeting.districtSlug).toBe("dover");
  const m1 = await meeting("m1", "held", "tvl-schools");
  const m2 = await meeting("m2", "held");
  const m3 = await meeting("m3", "scheduled");
  const createdByOid = localObjectId("senco.dover@lift.local");
  const referral = async (key: string, settingId: string, status: string, extra: Json = {}) =>
    referrals.create(
      { settingId, districtSlug: D, variant: settingId.includes("-E") ? "early-years" : "school", status, createdByOid, submittedAt: `${day(3)}T10:00:00Z`, body: {}, history: [], ...extra } as Json,
      { idempotencyKey: `tvl-referral:${key}` },
    );
  await referral("r1", "TVL-P1", "outcome_recorded", { meetingId: m1, outcome: { categories: [STRATEGIES], actions: [] } });
  await referral("r2", "TVL-P1", "discussed", { meetingId: m1 });
  await referral("r3", "TVL-P2", "submitted");
  await referral("r4", "TVL-E1", "outcome_recorded", { meetingId: m2, outcome: { categories: [ALLOCATED], actions: [] } });
  await referral("r5", "TVL-S1", "draft", { submittedAt: undefined });
  await referral("r6", "TVL-P2", "scheduled", { meetingId: m3 });
  // A school that is not Testvale's now (as after a split), with a referral made in Testvale.
  await referral("r7", "DOV-P1", "submitted");

  const cases = app.features.casework.service.stores.cases;
  const demoCase = (await cases.all({ pageSize: 1 }))[0]!.value;
  const kase = async (key: string, settingId: string, openedAt: string, closedAt?: string) => {
    const { closure: _closure, ...rest } = demoCase;
    void _closure;
    await cases.create(
      {
        ...rest,
        team: "district",
        districtSlug: D,
        settingId,
        openedAt,
        ...(closedAt ? { status: "closed", closure: { reason: "targets-achieved", closedAt, finalReviewId: "review1", closedByOid: rest.allocatedTeacherOid, closedByName: "A Teacher" } } : {}),
      } as Json,
      { idempotencyKey: `tvl-case:${key}` },
    );
  };
  await kase("c1", "TVL-P1", day(20));
  await kase("c2", "TVL-S1", "2026-06-01", day(21));
  await kase("c3", "TVL-E1", day(5), day(25));

  const sessions = app.features.trainingEvents.service.stores.sessions;
  const session = (key: string, audience: "staff" | "parents", settingIds: string[]) =>
    sessions.create({ districtSlug: D, title: `Course ${key}`, audience, date: day(10), trainerName: "A Trainer", settingIds, attendees: 5, updatedAt: "2026-11-01T10:00:00Z", updatedByName: "A Trainer" }, { idempotencyKey: `tvl-session:${key}` });
  await session("s1", "staff", ["TVL-P2", "DOV-P2"]);
  await session("s2", "parents", ["TVL-S1"]);
});

const report = (upn: string, query = `district=${D}&year=${YEAR}&term=1`) => api(upn, "GET", `/api/kpi/locality-report?${query}`);
const row = (rows: Json[], kind: string, id?: string) => rows.find((r) => r.kind === kind && (id === undefined || r.id === id));

describe("the locality report's figures", () => {
  it("counts term 1's records by locality, with no locality and other districts, adding up to the district", async () => {
    const res = await report(COMMISSIONER);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { total, byLocality } = res.body;
    expect(total).toMatchObject({ kind: "district", settings: 4, meetingsHeld: 2 });
    expect(total.figures).toEqual({ referralsReceived: 6, settingsReferring: 4, casesDiscussed: 3, outcomesApproved: 2, resolvedAtLift: 1, settingsSupported: 4, settingsTrained: 2, casesOpened: 2, casesOpen: 1, casesClosed: 2 });
    expect(byLocality.map((r: Json) => r.kind)).toEqual(["locality", "locality", "no-locality", "other-district"]);
    expect(row(byLocality, "locality", "tvl-north")).toMatchObject({ name: "Testvale North", settings: 2, figures: { referralsReceived: 2, settingsReferring: 1, casesDiscussed: 2, outcomesApproved: 1, resolvedAtLift: 1, settingsSupported: 1, settingsTrained: 0, casesOpened: 1, casesOpen: 1, casesClosed: 1 } });
    expect(row(byLocality, "locality", "tvl-south")).toMatchObject({ settings: 1, figures: { referralsReceived: 2, settingsReferring: 1, casesDiscussed: 0, settingsSupported: 1, settingsTrained: 1, casesOpened: 0 } });
    expect(row(byLocality, "no-locality")).toMatchObject({ settings: 1, figures: { referralsReceived: 1, casesDiscussed: 1, outcomesApproved: 1, resolvedAtLift: 0, casesOpened: 1, casesOpen: 0, casesClosed: 1 } });
    expect(row(byLocality, "other-district")).toMatchObject({ settings: null, figures: { referralsReceived: 1, settingsReferring: 1, settingsSupported: 1, settingsTrained: 1 } });
    for (const measure of Object.keys(total.figures)) {
      expect(byLocality.reduce((sum: number, r: Json) => sum + r.figures[measure], 0), measure).toBe(total.figures[measure]);
    }
  });

  it("counts by LIFT group: a group spanning both localities, meetings held by the group, settings in no group", async () => {
    const { byLiftGroup } = (await report(COMMISSIONER)).body;
    expect(row(byLiftGroup, "lift-group", "tvl-schools")).toMatchObject({ settings: 2, meetingsHeld: 1, figures: { referralsReceived: 4, settingsReferring: 2, casesDiscussed: 2, outcomesApproved: 1, resolvedAtLift: 1, settingsSupported: 2, settingsTrained: 1, casesOpen: 1 } });
    expect(row(byLiftGroup, "lift-group", "tvl-ey")).toMatchObject({ settings: 1, meetingsHeld: 0, figures: { referralsReceived: 1, casesDiscussed: 1 } });
    expect(row(byLiftGroup, "no-lift-group")).toMatchObject({ settings: 1, figures: { referralsReceived: 0, casesClosed: 1 } });
  });

  it("counts nothing in a term without records, and answers the year so far from term 1", async () => {
    const t3 = await report(COMMISSIONER, `district=${D}&year=${YEAR}&term=3`);
    expect(t3.status).toBe(200);
    expect(t3.body.total.figures.referralsReceived).toBe(0);
    const year = await report(COMMISSIONER, `district=${D}&year=${YEAR}`);
    expect(year.status).toBe(200);
    expect(year.body).toMatchObject({ term: null, from: expect.stringMatching(/^2026-09/) });
    expect(year.body.total.figures.referralsReceived).toBe(6);
  });

  it("exports the same figures as CSV, one line a row", async () => {
    const res = await api(COMMISSIONER, "GET", `/api/kpi/locality-report/export?district=${D}&year=${YEAR}&term=1`);
    expect(res.status).toBe(200);
    const lines = String(res.body).trim().split("\r\n");
    expect(lines[0]).toContain("grouping,kind,name,settings,lift_meetings_held,referrals_received");
    const north = lines.find((l) => l.includes("Testvale North"));
    expect(north?.split(",").slice(8, 12)).toEqual(["2", "", "2", "1"]);
    // The header, the district, four locality rows and four group rows.
    expect(lines).toHaveLength(1 + 1 + 4 + 4);
  });

  it("audits each read with the district and period, and no names", async () => {
    await report("lead.testvale@lift.local");
    const entries = (await app.graph.stores.auditLog.all({ pageSize: 5000 })).map((i) => i.value).filter((e) => e.action === "kpi.locality_report_read");
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.at(-1)?.detail).toMatchObject({ district: D, academicYear: YEAR, term: 1 });
  });
});

describe("who may read the locality report", () => {
  it("answers the district's team, the commissioners and the read-only roles whose part it is", async () => {
    for (const upn of [COMMISSIONER, "lead.testvale@lift.local", "teacher.testvale@lift.local", "member.testvale@lift.local", "exec.testvale@lift.local", "exec.county@lift.local", "head.testvale@lift.local", "forum.east@lift.local"]) {
      expect((await report(upn)).status, upn).toBe(200);
    }
  });

  it("answers 404 for a district outside the caller's part and 403 for everyone else", async () => {
    for (const upn of ["lead.dover@lift.local", "teacher.dover@lift.local", "forum.south@lift.local"]) expect((await report(upn)).status, upn).toBe(404);
    expect((await report("exec.testvale@lift.local", `district=dover&year=${YEAR}&term=1`)).status).toBe(404);
    expect((await report(COMMISSIONER, `district=nowhere&year=${YEAR}&term=1`)).status).toBe(404);
    expect((await report("senco.dover@lift.local")).status).toBe(403);
    expect((await api("senco.dover@lift.local", "GET", `/api/kpi/locality-report/export?district=${D}&year=${YEAR}`)).status).toBe(403);
    expect((await api("lead.dover@lift.local", "GET", `/api/kpi/locality-report/export?district=${D}&year=${YEAR}`)).status).toBe(404);
  });

  it("answers 400 with the field for a bad year or term", async () => {
    const bad = await report(COMMISSIONER, `district=${D}&year=2026&term=9`);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fieldErrors).sort()).toEqual(["term", "year"]);
  });
});

describe("the locality report's CSV", () => {
  it("neutralises a name a spreadsheet would run as a formula in the CSV", async () => {
    // Last in the file: it adds a locality the figures above do not expect.
    const res = await api(COMMISSIONER, "PUT", "/api/admin/structure/localities/tvl-formula", { name: "=HYPERLINK(\"x\")", kind: "cluster", districtSlug: D });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const csv = String((await api(COMMISSIONER, "GET", `/api/kpi/locality-report/export?district=${D}&year=${YEAR}&term=1`)).body);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK|,"=HYPERLINK/);
  });
});
