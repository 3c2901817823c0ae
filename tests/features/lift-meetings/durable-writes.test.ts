/**
 * Writes that finish: a change spanning several items (cancel or move a meeting, approve an outcome)
 * stopped half-way by a failing write is finished by a retry of the same request or by the
 * operations job, each SENCo told once; a much-edited referral still saves; and a change whose audit
 * entry cannot be written is refused with nothing changed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../../src/errors";
import type { RunningApp } from "../../../src/server/app/start";
import { auditListDown } from "../../support/audit-down";
import { LEAD, SENCO, TEACHER, addMeeting, completeDraft, createAndSubmit, fakeSencoChat, key, startReferralApp, type Api, type Json } from "../referrals/helpers";

let app: RunningApp;
let api: Api;
const undo: Array<() => void | Promise<void>> = [];

beforeAll(async () => {
  ({ app, api } = await startReferralApp());
}, 120_000);
afterAll(async () => app?.stop());
afterEach(async () => {
  while (undo.length > 0) await undo.pop()?.();
});

/** Makes the referrals store fail the first write to `referralId` (as Graph failing after its retries). */
function failFirstWriteTo(referralId: string): { failures: () => number } {
  const store = app.features.referrals.service.stores.referrals;
  const original = store.update.bind(store);
  let failures = 0;
  store.update = (async (id: string, ...rest: unknown[]) => {
    if (id === referralId && failures === 0) {
      failures++;
      throw new AppError("upstream_failed", "Graph answered 503 after its retries");
    }
    return (original as (...a: unknown[]) => unknown)(id, ...rest);
  }) as typeof store.update;
  undo.push(() => {
    store.update = original;
  });
  return { failures: () => failures };
}

async function chat(conversationId: string) {
  const c = await fakeSencoChat(app, conversationId);
  undo.push(() => c.restore());
  return c;
}

async function twoCases(meetingId: string): Promise<Json[]> {
  const a = await createAndSubmit(api, meetingId, "Perpetua Fairweather");
  const b = await createAndSubmit(api, meetingId, "Octavius Lindqvist");
  expect([a.status, b.status]).toEqual([200, 200]);
  return [a.body.referral, b.body.referral];
}

const referral = async (id: string) => (await api(LEAD, "GET", `/api/referrals/${id}`)).body.referral;
const operationsOn = async (target: string) => (await app.context.stores.operations.all({ where: { target } })).map((o) => o.value);

describe("cancelling a meeting that fails half-way", () => {
  it("is finished by retrying the same request, and the SENCo is told once about both cases", async () => {
    const meetingId = await addMeeting(app, { startsAt: "2026-12-08T09:00:00Z" });
    const [first, second] = await twoCases(meetingId);
    const { sent } = await chat("a:durable-cancel");
    const fault = failFirstWriteTo(second.id);
    const { eTag } = (await api(LEAD, "GET", `/api/lift-meetings/${meetingId}/detail`)).body.meeting;
    const body = { eTag, reason: "The chair is unwell" };

    const failed = await api(LEAD, "POST", `/api/lift-meetings/${meetingId}/cancel`, body);
    expect(failed.status).toBe(502);
    expect(fault.failures()).toBe(1);
    // Half-way: the meeting is cancelled and the first case is off it; the second is not; nobody told yet.
    expect((await api(LEAD, "GET", `/api/lift-meetings/${meetingId}/detail`)).body.meeting.status).toBe("cancelled");
    expect((await referral(first.id)).status).toBe("submitted");
    expect((await referral(second.id)).status).toBe("scheduled");
    expect(sent).toHaveLength(0);
    const [pending] = await operationsOn(`meeting:${meetingId}`);
    expect(pending).toMatchObject({ kind: "meeting.cancel", status: "pending", lastErrorCode: "upstream_failed" });
    expect(JSON.stringify(pending)).not.toContain("unwell");

    const retried = await api(LEAD, "POST", `/api/lift-meetings/${meetingId}/cancel`, body);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body.meeting.status).toBe("cancelled");
    for (const r of [first, second]) {
      const now = await referral(r.id);
      expect(now.status).toBe("submitted");
      expect(now.notice).toContain("The chair is unwell");
      expect(now.history.filter((h: Json) => h.action.startsWith("Taken off the agenda"))).toHaveLength(1);
    }
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain(first.caseReference);
    expect(sent[0]?.text).toContain(second.caseReference);
    expect((await operationsOn(`meeting:${meetingId}`))[0]?.status).toBe("done");

    // Once more: still one message, and a different cancel of a cancelled meeting is refused as before.
    expect((await api(LEAD, "POST", `/api/lift-meetings/${meetingId}/cancel`, body)).status).toBe(200);
    expect(sent).toHaveLength(1);
    expect((await api(LEAD, "POST", `/api/lift-meetings/${meetingId}/cancel`, { ...body, reason: "Another reason" })).status).toBe(409);
  });
});

describe("moving a meeting that fails half-way", () => {
  it("is finished by the operations job's next tick, each SENCo told once", async () => {
    const meetingId = await addMeeting(app, { startsAt: "2026-12-09T09:00:00Z" });
    const [first, second] = await twoCases(meetingId);
    const { sent } = await chat("a:durable-move");
    failFirstWriteTo(first.id);
    const { eTag } = (await api(LEAD, "GET", `/api/lift-meetings/${meetingId}/detail`)).body.meeting;

    const failed = await api(LEAD, "PATCH", `/api/lift-meetings/${meetingId}`, { eTag, startsAt: "2026-12-09T13:00:00Z", reason: "Hall booked" });
    expect(failed.status).toBe(502);
    expect((await referral(first.id)).notice ?? "").not.toContain("Hall booked");
    expect((await referral(second.id)).notice ?? "").not.toContain("Hall booked");
    expect(sent).toHaveLength(0);

    // The job leaves an operation a request may still be applying; once quiet, it finishes it.
    expect((await app.context.operations.tick()).resumed).toBe(0);
    const report = await app.context.operations.tick({ quietMs: 0 });
    expect(report).toMatchObject({ resumed: 1, done: 1, failed: 0 });
    for (const r of [first, second]) {
      const now = await referral(r.id);
      expect(now.notice).toContain("Hall booked");
      expect(now.history.filter((h: Json) => h.action.startsWith("Meeting moved"))).toHaveLength(1);
    }
    expect(sent).toHaveLength(1);
    expect((await app.context.operations.tick({ quietMs: 0 })).resumed).toBe(0);
    expect(sent).toHaveLength(1);
  });
});

describe("approving an outcome that fails half-way", () => {
  it("is finished by retrying with the same eTag (not refused as stale), the SENCo told once", async () => {
    const meetingId = await addMeeting(app, { startsAt: "2026-12-11T13:30:00Z" });
    const submitted = await createAndSubmit(api, meetingId, "Wilhelmina Strand");
    const { id, caseReference } = submitted.body.referral as { id: string; caseReference: string };
    const saved = await api(TEACHER, "PUT", `/api/lift-meetings/${meetingId}/outcomes/${id}`, {
      outcome: { categories: ["strategies_resolved"], notes: "Advice given", actions: [{ id: "act-1", description: "Try a visual timetable", ownerName: "SENCo", dueDate: "2027-01-15" }] },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const { sent } = await chat("a:durable-approve");
    failFirstWriteTo(id);
    const url = `/api/lift-meetings/${meetingId}/outcomes/${id}/approve`;

    const failed = await api(LEAD, "POST", url, { eTag: saved.body.outcome.eTag });
    expect(failed.status).toBe(502);
    expect((await api(LEAD, "GET", `/api/lift-meetings/${meetingId}/outcomes/${id}`)).body.outcome.status).toBe("approved");
    expect((await referral(id)).status).not.toBe("outcome_recorded");
    expect(sent).toHaveLength(0);

    const retried = await api(LEAD, "POST", url, { eTag: saved.body.outcome.eTag });
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    const now = await referral(id);
    expect(now.status).toBe("outcome_recorded");
    expect(now.history.filter((h: Json) => h.action === "Outcome recorded")).toHaveLength(1);
    expect(sent).toEqual([{ conversationId: "a:durable-approve", text: expect.stringContaining(caseReference) }]);
    expect((await api(LEAD, "POST", url, { eTag: saved.body.outcome.eTag })).status).toBe(200);
    expect(sent).toHaveLength(1);
  });
});

describe("history", () => {
  it("no longer blocks writes: a referral saved 500 times still saves, keeping the latest 50 entries", async () => {
    const created = await api(SENCO, "POST", "/api/referrals", { idempotencyKey: key("hist"), draft: completeDraft("Cornelius Ashdown") });
    let current = created.body.referral;
    for (let i = 0; i < 500; i++) {
      const saved = await api(SENCO, "PUT", `/api/referrals/${current.id}`, { eTag: current.eTag, draft: { ...completeDraft("Cornelius Ashdown"), strategies: { inPlace: `Visual timetable, week ${i}` } } });
      expect(saved.status, `save ${i}: ${JSON.stringify(saved.body)}`).toBe(200);
      current = saved.body.referral;
    }
    expect(current.draft.strategies.inPlace).toBe("Visual timetable, week 499");
    expect(current.history).toHaveLength(50);
    expect(current.history.at(-1).action).toBe("Draft saved");
    // The full trail is the audit list's: one completed entry per save.
    const audited = (await app.context.stores.auditLog.all({ where: { listTitle: "Referrals" }, pageSize: 5000 })).filter((a) => a.value.itemId === current.id && a.value.action === "referral.updated");
    expect(audited.filter((a) => a.value.outcome === "done")).toHaveLength(500);
  }, 240_000);
});

describe("audit fails closed", () => {
  function auditDown(): void {
    undo.push(auditListDown(app));
  }

  it("refuses a draft save with 503 audit_unavailable and leaves the referral as it was", async () => {
    const created = await api(SENCO, "POST", "/api/referrals", { idempotencyKey: key("audit"), draft: completeDraft("Ottilie Brandt") });
    const before = created.body.referral;
    auditDown();
    const refused = await api(SENCO, "PUT", `/api/referrals/${before.id}`, { eTag: before.eTag, draft: { ...completeDraft("Ottilie Brandt"), strategies: { inPlace: "Changed" } } });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe("audit_unavailable");
    const item = await app.features.referrals.service.stores.referrals.get(before.id);
    expect(item.eTag).toBe(before.eTag);
    expect((item.value.body.strategies as Json).inPlace).toBe("Visual timetable");
  });

  it("refuses to cancel a meeting, changing neither the meeting nor its cases", async () => {
    const meetingId = await addMeeting(app, { startsAt: "2026-12-10T09:00:00Z" });
    const submitted = await createAndSubmit(api, meetingId, "Barnaby Quill");
    const { eTag } = (await api(LEAD, "GET", `/api/lift-meetings/${meetingId}/detail`)).body.meeting;
    auditDown();
    const refused = await api(LEAD, "POST", `/api/lift-meetings/${meetingId}/cancel`, { eTag, reason: "No room" });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe("audit_unavailable");
    const meeting = await app.features.referrals.service.stores.meetings.get(meetingId);
    expect(meeting.eTag).toBe(eTag);
    expect(meeting.value.status).toBe("scheduled");
    expect((await app.features.referrals.service.stores.referrals.get(submitted.body.referral.id)).value.status).toBe("scheduled");
    expect(await operationsOn(`meeting:${meetingId}`)).toEqual([]);
  });

  it("refuses an agenda save, the current case and a case move, changing nothing", async () => {
    const meetingId = await addMeeting(app, { startsAt: "2026-12-15T09:00:00Z" });
    const other = await addMeeting(app, { startsAt: "2026-12-17T09:00:00Z" });
    const submitted = await createAndSubmit(api, meetingId, "Marigold Featherstone");
    const referralId = submitted.body.referral.id;
    const agenda = (await api(TEACHER, "GET", `/api/lift-meetings/${meetingId}/agenda`)).body;
    const meetingBefore = await app.features.referrals.service.stores.meetings.get(meetingId);
    auditDown();
    const saved = await api(TEACHER, "PUT", `/api/lift-meetings/${meetingId}/agenda`, { eTag: agenda.eTag, slotMinutes: 30, entries: [{ kind: "item", title: "Welcome", minutes: 5 }, { kind: "case", referralId }] });
    const current = await api(TEACHER, "POST", `/api/lift-meetings/${meetingId}/current`, { entryId: referralId });
    const moved = await api(LEAD, "POST", `/api/lift-meetings/${meetingId}/cases/${referralId}/move`, { toMeetingId: other });
    for (const refused of [saved, current, moved]) {
      expect(refused.status, JSON.stringify(refused.body)).toBe(503);
      expect(refused.body.error.code).toBe("audit_unavailable");
    }
    const meetingAfter = await app.features.referrals.service.stores.meetings.get(meetingId);
    expect(meetingAfter.eTag).toBe(meetingBefore.eTag);
    expect(meetingAfter.value.agenda).toEqual(meetingBefore.value.agenda);
    expect(meetingAfter.value.run).toBeUndefined();
    expect((await app.features.referrals.service.stores.referrals.get(referralId)).value.meetingId).toBe(meetingId);
  });
});
