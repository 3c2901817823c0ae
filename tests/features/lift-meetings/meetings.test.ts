/**
 * The LIFT meetings API over real HTTP: who may read and run a meeting,
 * planning a term, the agenda and its eTag, moving and cancelling meetings and cases (with the
 * SENCo's notice and the referral's history), and a stage view with no child's name in it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PEOPLE } from "../../../src/domain/reference/people";
import { LiftMeetingService } from "../../../src/server/features/lift-meetings/service";
import type { RunningApp } from "../../../src/server/app/start";
import { COMMISSIONER, LEAD, OTHER_LEAD, OTHER_SENCO, SENCO, TEACHER, addMeeting, completeDraft, fakeSencoChat, key, startReferralApp, type Api, type Json } from "../referrals/helpers";

let app: RunningApp;
let api: Api;
let logged: () => string;

const oidOf = (upn: string) => DEMO_PEOPLE.find((p) => p.upn === upn)?.oid as string;
/** Every child name a test sends: none may reach a log line. */
const CHILD_NAMES: string[] = [];

/** Submits a complete referral by the Dover SENCo to the meeting, with its own question text. */
async function submit(meetingId: string, childName: string, question = "How can we help with reading?"): Promise<Json> {
  CHILD_NAMES.push(childName);
  const created = await api(SENCO, "POST", "/api/referrals", { idempotencyKey: key("lm"), draft: { ...completeDraft(childName), question: { question } } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const submitted = await api(SENCO, "POST", `/api/referrals/${created.body.referral.id}/submit`, { meetingId });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return submitted.body.referral;
}

async function nextSchoolMeeting(upn: string, district?: string): Promise<Json> {
  const listed = await api(upn, "GET", `/api/lift-meetings?kind=school${district ? `&district=${district}` : ""}`);
  expect(listed.status).toBe(200);
  return listed.body.items.find((m: Json) => m.status === "scheduled");
}

const caseEntries = (agenda: Json): Json[] => agenda.entries.filter((e: Json) => e.kind === "case");

let dover: Json;
let thanet: Json;

beforeAll(async () => {
  ({ app, api, logged } = await startReferralApp());
  dover = await nextSchoolMeeting(LEAD);
  thanet = await nextSchoolMeeting(OTHER_LEAD);
}, 120_000);
afterAll(async () => app?.stop());

describe("demo agendas", () => {
  it("gives the next Dover school meeting a lead chair and cases, one of them the demo SENCo's", async () => {
    const detail = await api(TEACHER, "GET", `/api/lift-meetings/${dover.id}/detail`);
    expect(detail.status).toBe(200);
    expect(detail.body.meeting.chairOid).toBe(oidOf(LEAD));
    expect(detail.body.meeting.chairName).toBeTruthy();
    const agenda = await api(TEACHER, "GET", `/api/lift-meetings/${dover.id}/agenda`);
    const cases = caseEntries(agenda.body);
    expect(cases.length).toBeGreaterThanOrEqual(2);
    expect(cases.some((c) => c.settingId === "DOV-P1")).toBe(true);
    expect(agenda.body.entries[0]).toMatchObject({ kind: "item", startsAt: new Date(dover.startsAt).toISOString() });
    // Start times follow from the meeting's start and each entry's minutes.
    for (let i = 1; i < agenda.body.entries.length; i++) {
      const before = agenda.body.entries[i - 1];
      expect(Date.parse(agenda.body.entries[i].startsAt)).toBe(Date.parse(before.startsAt) + before.minutes * 60_000);
    }
  });

  it("gives every district an upcoming meeting with cases on its agenda", async () => {
    for (const d of await app.context.reference.districts()) {
      const next = await nextSchoolMeeting(COMMISSIONER, d.slug);
      const agenda = await api(COMMISSIONER, "GET", `/api/lift-meetings/${next.id}/agenda`);
      expect(caseEntries(agenda.body).length, d.slug).toBeGreaterThan(0);
    }
  });
});

describe("access", () => {
  it("lets Dover's members read Dover's agenda with names, and no one else's", async () => {
    const mine = await api(TEACHER, "GET", `/api/lift-meetings/${dover.id}/agenda`);
    expect(mine.status).toBe(200);
    expect(caseEntries(mine.body).every((c) => typeof c.childName === "string" && c.childName.length > 0)).toBe(true);
    expect(mine.body.meeting.can).toEqual({ plan: false, run: true, approve: false });
    expect((await api(LEAD, "GET", `/api/lift-meetings/${dover.id}/detail`)).body.meeting.can).toEqual({ plan: true, run: true, approve: true });
    for (const path of ["agenda", "stage", "detail"]) {
      expect((await api(OTHER_LEAD, "GET", `/api/lift-meetings/${dover.id}/${path}`)).status, path).toBe(404);
      expect((await api(TEACHER, "GET", `/api/lift-meetings/${thanet.id}/${path}`)).status, path).toBe(404);
      expect((await api(SENCO, "GET", `/api/lift-meetings/${dover.id}/${path}`)).status, path).toBe(404);
    }
    expect((await api(TEACHER, "GET", "/api/lift-meetings/999999/agenda")).status).toBe(404);
  });

  it("gives commissioners agendas without child names or questions", async () => {
    const agenda = await api(COMMISSIONER, "GET", `/api/lift-meetings/${dover.id}/agenda`);
    expect(agenda.status).toBe(200);
    const cases = caseEntries(agenda.body);
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      expect(c).not.toHaveProperty("childName");
      expect(c).not.toHaveProperty("question");
      expect(c.caseReference).toMatch(/^DOV-/);
    }
    const stage = await api(COMMISSIONER, "GET", `/api/lift-meetings/${dover.id}/stage`);
    expect(stage.status).toBe(200);
    expect(stage.body.entries.some((e: Json) => "question" in e)).toBe(false);
  });

  it("lets only the district's lead plan, move and cancel", async () => {
    const plan = (upn: string) =>
      api(upn, "POST", "/api/lift-meetings/plan", {
        idempotencyKey: key("plan-access"),
        districtSlug: "dover",
        meetings: [{ kind: "school", startsAt: "2027-03-04T13:30:00Z", endsAt: "2027-03-04T16:00:00Z" }],
      });
    expect((await plan(TEACHER)).status).toBe(403);
    expect((await plan(SENCO)).status).toBe(404);
    expect((await plan(OTHER_LEAD)).status).toBe(404);
    const { eTag } = (await api(LEAD, "GET", `/api/lift-meetings/${dover.id}/detail`)).body.meeting;
    const move = { eTag, startsAt: "2026-12-01T09:00:00Z" };
    expect((await api(TEACHER, "PATCH", `/api/lift-meetings/${dover.id}`, move)).status).toBe(403);
    expect((await api(SENCO, "PATCH", `/api/lift-meetings/${dover.id}`, move)).status).toBe(404);
    expect((await api(OTHER_LEAD, "PATCH", `/api/lift-meetings/${dover.id}`, move)).status).toBe(404);
    const cancel = { eTag, reason: "Not enough members" };
    expect((await api(TEACHER, "POST", `/api/lift-meetings/${dover.id}/cancel`, cancel)).status).toBe(403);
    expect((await api(SENCO, "POST", `/api/lift-meetings/${dover.id}/cancel`, cancel)).status).toBe(404);
    expect((await api(OTHER_SENCO, "POST", `/api/lift-meetings/${dover.id}/cancel`, cancel)).status).toBe(404);
    // Nothing changed.
    expect((await api(LEAD, "GET", `/api/lift-meetings/${dover.id}/detail`)).body.meeting).toMatchObject({ eTag, status: "scheduled" });
  });
});

describe("planning a term", () => {
  const term = [
    { kind: "school", startsAt: "2027-01-14T13:30:00Z", endsAt: "2027-01-14T16:00:00Z", place: "Dover Teachers' Centre" },
    { kind: "school", startsAt: "2027-01-28T13:30:00Z", endsAt: "2027-01-28T16:00:00Z" },
    { kind: "early-years", startsAt: "2027-01-12T10:30:00Z", endsAt: "2027-01-12T12:00:00Z" },
  ];
  const countDover = async () => (await api(LEAD, "GET", "/api/lift-meetings")).body.items.length;

  it("creates the meetings once for one idempotency key", async () => {
    const before = await countDover();
    const body = { idempotencyKey: key("plan-term"), districtSlug: "dover", meetings: term };
    const first = await api(LEAD, "POST", "/api/lift-meetings/plan", body);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.items[0]).toMatchObject({ kind: "school", status: "scheduled", chairOid: oidOf(LEAD), caseCount: 0, place: "Dover Teachers' Centre" });
    expect(first.body.items[0].title).toContain("Thursday 14 January 2027");
    const again = await api(LEAD, "POST", "/api/lift-meetings/plan", body);
    expect(again.status).toBe(201);
    expect(again.body.items.map((m: Json) => m.id)).toEqual(first.body.items.map((m: Json) => m.id));
    expect(await countDover()).toBe(before + 3);
  });

  it("refuses overlaps, ends before starts and past starts with field paths, creating nothing", async () => {
    const before = await countDover();
    const refused = await api(LEAD, "POST", "/api/lift-meetings/plan", {
      idempotencyKey: key("plan-bad"),
      districtSlug: "dover",
      meetings: [
        { kind: "school", startsAt: "2027-01-14T14:00:00Z", endsAt: "2027-01-14T15:00:00Z" },
        { kind: "school", startsAt: "2027-02-04T13:30:00Z", endsAt: "2027-02-04T12:00:00Z" },
        { kind: "school", startsAt: "2026-11-19T13:30:00Z", endsAt: "2026-11-19T16:00:00Z" },
        { kind: "early-years", startsAt: "2027-02-09T10:30:00Z", endsAt: "2027-02-09T12:00:00Z" },
        { kind: "early-years", startsAt: "2027-02-09T11:00:00Z", endsAt: "2027-02-09T12:30:00Z" },
      ],
    });
    expect(refused.status).toBe(400);
    const errors = refused.body.error.fieldErrors;
    expect(errors["meetings.0.startsAt"]?.join(" ")).toMatch(/Overlaps/);
    expect(errors["meetings.1.endsAt"]?.join(" ")).toMatch(/end after it starts/);
    expect(errors["meetings.2.startsAt"]?.join(" ")).toMatch(/past/);
    expect(errors["meetings.4.startsAt"]?.join(" ")).toMatch(/Overlaps meeting 4/);
    expect(errors).not.toHaveProperty("meetings.3.startsAt");
    expect(await countDover()).toBe(before);
  });

  it("answers malformed requests with field paths", async () => {
    const bad = await api(LEAD, "POST", "/api/lift-meetings/plan", { idempotencyKey: key("plan-shape"), districtSlug: "dover", meetings: [{ kind: "weekly", startsAt: "soon", endsAt: "2027-01-14T16:00:00Z" }] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fieldErrors)).toEqual(expect.arrayContaining(["meetings.0.kind", "meetings.0.startsAt"]));
  });
});

describe("the agenda", () => {
  let meetingId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    meetingId = await addMeeting(app, { startsAt: "2026-12-10T09:00:00Z", chairOid: oidOf(TEACHER) });
    ids.push((await submit(meetingId, "Wilhelmina Quartermaine")).id);
    ids.push((await submit(meetingId, "Barnaby Fitzwilliam")).id);
  }, 60_000);

  it("orders new cases by submission and saves a new order with items", async () => {
    const agenda = await api(LEAD, "GET", `/api/lift-meetings/${meetingId}/agenda`);
    expect(agenda.body.slotMinutes).toBe(20);
    expect(caseEntries(agenda.body).map((c) => c.id)).toEqual(ids);
    // The chair (not the lead) may approve; the teacher chairs this one.
    expect((await api(TEACHER, "GET", `/api/lift-meetings/${meetingId}/detail`)).body.meeting.can.approve).toBe(true);
    const saved = await api(TEACHER, "PUT", `/api/lift-meetings/${meetingId}/agenda`, {
      eTag: agenda.body.eTag,
      slotMinutes: 25,
      entries: [{ kind: "item", title: "Welcome", minutes: 5 }, { kind: "case", referralId: ids[1] }, { kind: "case", referralId: ids[0], minutes: 30 }],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.entries.map((e: Json) => [e.kind, e.minutes, e.startsAt])).toEqual([
      ["item", 5, "2026-12-10T09:00:00.000Z"],
      ["case", 25, "2026-12-10T09:05:00.000Z"],
      ["case", 30, "2026-12-10T09:30:00.000Z"],
    ]);
    expect(saved.body.entries[0].id).toMatch(/^item-/);
    expect(saved.body.eTag).not.toBe(agenda.body.eTag);

    // Moving through the cases does not make an agenda edit stale.
    expect((await api(TEACHER, "POST", `/api/lift-meetings/${meetingId}/current`, { entryId: ids[1] })).body.eTag).toBe(saved.body.eTag);
    const resaved = await api(LEAD, "PUT", `/api/lift-meetings/${meetingId}/agenda`, { eTag: saved.body.eTag, slotMinutes: 25, entries: saved.body.entries.map((e: Json) => (e.kind === "case" ? { kind: "case", referralId: e.id, ...(e.minutes !== 25 ? { minutes: e.minutes } : {}) } : { kind: "item", id: e.id, title: e.title, minutes: e.minutes })) });
    expect(resaved.status, JSON.stringify(resaved.body)).toBe(200);
    expect(resaved.body.current).toMatchObject({ entryId: ids[1] });
    expect(resaved.body.entries.map((e: Json) => e.startsAt)).toEqual(saved.body.entries.map((e: Json) => e.startsAt));

    // A stale eTag: 412 with the current agenda, and nothing overwritten.
    const stale = await api(LEAD, "PUT", `/api/lift-meetings/${meetingId}/agenda`, { eTag: agenda.body.eTag, slotMinutes: 20, entries: ids.map((referralId) => ({ kind: "case", referralId })) });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe("precondition_failed");
    expect(stale.body.error.detail.current.eTag).toBe(resaved.body.eTag);
    expect(stale.body.error.detail.current.entries.map((e: Json) => e.id)).toEqual(saved.body.entries.map((e: Json) => e.id));
    const after = await api(LEAD, "GET", `/api/lift-meetings/${meetingId}/agenda`);
    expect(after.body.slotMinutes).toBe(25);
    expect(after.body.entries.map((e: Json) => e.id)).toEqual(saved.body.entries.map((e: Json) => e.id));
  });

  it("refuses an order that leaves out a case or names one not on the meeting", async () => {
    const agenda = (await api(LEAD, "GET", `/api/lift-meetings/${meetingId}/agenda`)).body;
    const missing = await api(LEAD, "PUT", `/api/lift-meetings/${meetingId}/agenda`, { eTag: agenda.eTag, slotMinutes: 20, entries: [{ kind: "case", referralId: ids[0] }] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fieldErrors.entries.join(" ")).toContain(ids[1]);
    const unknown = await api(LEAD, "PUT", `/api/lift-meetings/${meetingId}/agenda`, {
      eTag: agenda.eTag,
      slotMinutes: 20,
      entries: [...ids.map((referralId) => ({ kind: "case", referralId })), { kind: "case", referralId: "424242" }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fieldErrors["entries.2.referralId"]).toBeDefined();
    expect((await api(SENCO, "PUT", `/api/lift-meetings/${meetingId}/agenda`, { eTag: agenda.eTag, slotMinutes: 20, entries: [] })).status).toBe(404);
    expect((await api(COMMISSIONER, "PUT", `/api/lift-meetings/${meetingId}/agenda`, { eTag: agenda.eTag, slotMinutes: 20, entries: [] })).status).toBe(403);
  });

  it("keeps the current case as a pointer the stage follows", async () => {
    const set = await api(TEACHER, "POST", `/api/lift-meetings/${meetingId}/current`, { entryId: ids[0], step: 2 });
    expect(set.status).toBe(200);
    expect(set.body.current).toMatchObject({ entryId: ids[0], step: 2 });
    const stage = await api(LEAD, "GET", `/api/lift-meetings/${meetingId}/stage`);
    expect(stage.body.current).toMatchObject({ entryId: ids[0], step: 2 });
    expect((await api(TEACHER, "POST", `/api/lift-meetings/${meetingId}/current`, { entryId: "nope" })).status).toBe(400);
    const ended = await api(TEACHER, "POST", `/api/lift-meetings/${meetingId}/current`, { entryId: null });
    expect(ended.body.current).toBeUndefined();
  });
});

describe("the stage", () => {
  it("shows none of the agenda's child names, and the question with the name replaced", async () => {
    const meetingId = await addMeeting(app, { startsAt: "2026-12-10T16:30:00Z" });
    await submit(meetingId, "Ottilie Fairweather-Brown", "How can Ottilie settle at lunch? OTTILIE says Fairweather-Brown is her whole name.");
    await submit(meetingId, "Percival Ashdown");
    for (const id of [meetingId, dover.id]) {
      const agenda = await api(TEACHER, "GET", `/api/lift-meetings/${id}/agenda`);
      const names: string[] = caseEntries(agenda.body).map((c) => c.childName);
      expect(names.length).toBeGreaterThan(0);
      const stage = await api(TEACHER, "GET", `/api/lift-meetings/${id}/stage`);
      expect(stage.status).toBe(200);
      const text = JSON.stringify(stage.body).toLowerCase();
      for (const name of names) {
        for (const part of [name, ...name.split(/[\s-]+/)]) expect(text, part).not.toContain(part.toLowerCase());
      }
      expect(stage.body.entries.length).toBe(agenda.body.entries.length);
    }
    const stage = await api(TEACHER, "GET", `/api/lift-meetings/${meetingId}/stage`);
    expect(stage.body.entries[0].question).toBe("How can the child settle at lunch? the child says the child is her whole name.");
  });
});

describe("moving and cancelling", () => {
  it("moves a case to another meeting, keeping its history, with a notice for the SENCo", async () => {
    const from = await addMeeting(app, { startsAt: "2026-12-17T09:00:00Z" });
    const to = await addMeeting(app, { startsAt: "2026-12-17T16:30:00Z" });
    const referral = await submit(from, "Clementine Hargreaves");
    const before = (await api(SENCO, "GET", `/api/referrals/${referral.id}`)).body.referral.history;
    const moved = await api(TEACHER, "POST", `/api/lift-meetings/${from}/cases/${referral.id}/move`, { toMeetingId: to, reason: "The first meeting is full" });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const history = moved.body.referral.history.map((h: Json) => h.action);
    for (const h of before) expect(history).toContain(h.action);
    expect(history.at(-1)).toMatch(/^Moved from .* to /);
    expect(moved.body.referral.meeting.id).toBe(to);
    expect(caseEntries((await api(LEAD, "GET", `/api/lift-meetings/${from}/agenda`)).body).map((c) => c.id)).not.toContain(referral.id);
    expect(caseEntries((await api(LEAD, "GET", `/api/lift-meetings/${to}/agenda`)).body).map((c) => c.id)).toContain(referral.id);
    const seen = (await api(SENCO, "GET", `/api/referrals/${referral.id}`)).body.referral;
    expect(seen.notice).toMatch(/moved/);
    expect(seen.status).toBe("scheduled");
    expect((await api(SENCO, "GET", "/api/referrals")).body.items.find((r: Json) => r.id === referral.id).notice).toBe(seen.notice);

    const thanetMeeting = await addMeeting(app, { startsAt: "2026-12-17T09:00:00Z", districtSlug: "thanet" });
    expect((await api(TEACHER, "POST", `/api/lift-meetings/${to}/cases/${referral.id}/move`, { toMeetingId: thanetMeeting })).status).toBe(409);
    const early = await addMeeting(app, { startsAt: "2026-12-15T09:00:00Z", kind: "early-years" });
    expect((await api(TEACHER, "POST", `/api/lift-meetings/${to}/cases/${referral.id}/move`, { toMeetingId: early })).status).toBe(409);
    expect((await api(SENCO, "POST", `/api/lift-meetings/${to}/cases/${referral.id}/move`, { toMeetingId: from })).status).toBe(404);
    expect((await api(TEACHER, "POST", `/api/lift-meetings/${from}/cases/${referral.id}/move`, { toMeetingId: to })).status).toBe(404);
  });

  it("tells a reachable SENCo through the bot without the child's name; a failing send does not fail the move", async () => {
    const chat = await fakeSencoChat(app, "a:senco-dover-personal");
    const { sent } = chat;
    try {
      const meetingId = await addMeeting(app, { startsAt: "2026-12-15T13:30:00Z" });
      const referral = await submit(meetingId, "Horatio Blackwood");
      let { eTag } = (await api(LEAD, "GET", `/api/lift-meetings/${meetingId}/detail`)).body.meeting;
      const moved = await api(LEAD, "PATCH", `/api/lift-meetings/${meetingId}`, { eTag, startsAt: "2026-12-15T09:00:00Z" });
      expect(moved.status).toBe(200);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.conversationId).toBe("a:senco-dover-personal");
      expect(sent[0]?.text).toContain(referral.caseReference);
      expect(sent[0]?.text).not.toContain("Horatio");
      chat.fail();
      eTag = moved.body.meeting.eTag;
      const cancelled = await api(LEAD, "POST", `/api/lift-meetings/${meetingId}/cancel`, { eTag, reason: "Rescheduled next term" });
      expect(cancelled.status).toBe(200);
      expect((await api(SENCO, "GET", `/api/referrals/${referral.id}`)).body.referral.status).toBe("submitted");
      expect(logged()).toContain("could not message the SENCo");
    } finally {
      await chat.restore();
    }
  });

  it("tells the outcome records where a moved case went", async () => {
    // A meetings service built as the composition root builds it, with the outcomes' side observed.
    const heard: Json[] = [];
    const { referrals, liftOutcomes } = app.features;
    const meetings = new LiftMeetingService(app.context, {
      meetings: referrals.service.stores.meetings,
      referrals: referrals.service,
      outcomes: { statuses: liftOutcomes.forMeetings.statuses, caseMoved: async (m) => void heard.push(m) },
      notices: { tell: async () => "done" },
    });
    const from = await addMeeting(app, { startsAt: "2026-12-16T13:30:00Z" });
    const to = await addMeeting(app, { startsAt: "2026-12-16T16:30:00Z" });
    const referral = await submit(from, "Leopold Ashcombe");
    const lead = await app.context.people.byUpn(LEAD);
    await meetings.moveCase(lead!, from, referral.id, { toMeetingId: to });
    expect(heard).toContainEqual({ referralId: referral.id, fromMeetingId: from, toMeetingId: to });
  });

  it("moves a meeting: status moved, a history entry and notice on each referral; a stale eTag is 412", async () => {
    const meetingId = await addMeeting(app, { startsAt: "2026-12-11T09:00:00Z", title: "Dover school LIFT — Friday 11 December 2026" });
    const referral = await submit(meetingId, "Rosalind Thistlewood");
    const { eTag } = (await api(LEAD, "GET", `/api/lift-meetings/${meetingId}/detail`)).body.meeting;
    const clash = await api(LEAD, "PATCH", `/api/lift-meetings/${meetingId}`, { eTag, startsAt: "2026-12-10T14:00:00Z" });
    expect(clash.status).toBe(400);
    expect(clash.body.error.fieldErrors.startsAt.join(" ")).toMatch(/Overlaps/);
    const moved = await api(LEAD, "PATCH", `/api/lift-meetings/${meetingId}`, { eTag, startsAt: "2026-12-14T09:00:00Z", reason: "The hall is booked" });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.meeting.status).toBe("moved");
    // A new start alone keeps the meeting's two hours.
    expect([Date.parse(moved.body.meeting.startsAt), Date.parse(moved.body.meeting.endsAt)]).toEqual([Date.parse("2026-12-14T09:00:00Z"), Date.parse("2026-12-14T11:00:00Z")]);
    expect(moved.body.meeting.title).toBe("Dover school LIFT — Monday 14 December 2026");
    const seen = (await api(SENCO, "GET", `/api/referrals/${referral.id}`)).body.referral;
    expect(seen.notice).toContain("Monday 14 December 2026");
    expect(seen.notice).toContain("The hall is booked");
    expect(seen.history.at(-1).action).toMatch(/^Meeting moved/);
    const stale = await api(LEAD, "PATCH", `/api/lift-meetings/${meetingId}`, { eTag, place: "Elsewhere" });
    expect(stale.status).toBe(412);
    expect(stale.body.error.detail.current.meeting).toMatchObject({ id: meetingId, status: "moved", eTag: moved.body.meeting.eTag });
  });

  it("cancels a meeting: its referrals go back to submitted with a notice and history", async () => {
    const meetingId = await addMeeting(app, { startsAt: "2026-12-16T09:00:00Z" });
    const referral = await submit(meetingId, "Augustin Pemberton");
    const { eTag } = (await api(LEAD, "GET", `/api/lift-meetings/${meetingId}/detail`)).body.meeting;
    const cancelled = await api(LEAD, "POST", `/api/lift-meetings/${meetingId}/cancel`, { eTag, reason: "Snow closure" });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.meeting).toMatchObject({ status: "cancelled", cancelledReason: "Snow closure", caseCount: 0 });
    const seen = (await api(SENCO, "GET", `/api/referrals/${referral.id}`)).body.referral;
    expect(seen.status).toBe("submitted");
    expect(seen.meeting).toBeUndefined();
    expect(seen.notice).toContain("cancelled");
    expect(seen.notice).toContain("Snow closure");
    expect(seen.history.map((h: Json) => h.action)).toEqual(expect.arrayContaining([expect.stringMatching(/^Submitted as /), expect.stringMatching(/^Taken off the agenda/)]));
    expect(caseEntries((await api(LEAD, "GET", `/api/lift-meetings/${meetingId}/agenda`)).body)).toEqual([]);
    // Cancelled: no more moves.
    const now = (await api(LEAD, "GET", `/api/lift-meetings/${meetingId}/detail`)).body.meeting;
    expect((await api(LEAD, "POST", `/api/lift-meetings/${meetingId}/cancel`, { eTag: now.eTag, reason: "again" })).status).toBe(409);
  });
});

describe("logs", () => {
  it("never carry a child's name", () => {
    const text = logged();
    expect(text.length).toBeGreaterThan(0);
    for (const name of CHILD_NAMES) expect(text).not.toContain(name);
  });
});
