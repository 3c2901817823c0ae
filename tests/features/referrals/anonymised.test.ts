/**
 * Commissioners' views are built from an allow-list: free text that planners and leads write
 * (move and cancel reasons, which can name a child or family) never reaches them, while the
 * district's own members still read it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../../src/server/app/start";
import { COMMISSIONER, LEAD, SENCO, TEACHER, addMeeting, createAndSubmit, type Api, type Json, startReferralApp } from "./helpers";

let app: RunningApp;
let api: Api;

beforeAll(async () => {
  ({ app, api } = await startReferralApp());
}, 120_000);
afterAll(async () => app?.stop());

const REASON = "Alfie's mum cannot attend";

describe("anonymised means anonymised", () => {
  it("a referral moved and then taken off a cancelled meeting shows commissioners no reason text", async () => {
    const first = await addMeeting(app, { startsAt: "2026-12-18T09:00:00Z" });
    const second = await addMeeting(app, { startsAt: "2026-12-18T14:00:00Z" });
    const submitted = await createAndSubmit(api, first, "Alfie Testchild");
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const id = submitted.body.referral.id as string;
    const moved = await api(TEACHER, "POST", `/api/lift-meetings/${first}/cases/${id}/move`, { toMeetingId: second, reason: REASON });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const { eTag } = (await api(LEAD, "GET", `/api/lift-meetings/${second}/detail`)).body.meeting;
    const cancelled = await api(LEAD, "POST", `/api/lift-meetings/${second}/cancel`, { eTag, reason: `${REASON} and the room is gone` });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);

    // The district's members and the SENCo still read the reasons.
    const lead = await api(LEAD, "GET", `/api/referrals/${id}`);
    expect(JSON.stringify(lead.body.referral.history)).toContain(REASON);
    expect(JSON.stringify((await api(SENCO, "GET", `/api/referrals/${id}`)).body)).toContain(REASON);

    const seen = await api(COMMISSIONER, "GET", `/api/referrals/${id}`);
    expect(seen.status).toBe(200);
    const history = seen.body.referral.history as Json[];
    expect(history.length).toBe(lead.body.referral.history.length);
    expect(JSON.stringify(seen.body)).not.toMatch(/Alfie|mum|room/);
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(["Submitted", "Moved to another meeting", "Taken off the agenda"]));

    const listed = await api(COMMISSIONER, "GET", "/api/referrals?district=dover");
    expect(JSON.stringify(listed.body)).not.toMatch(/Alfie|mum cannot/);
    const detail = await api(COMMISSIONER, "GET", `/api/lift-meetings/${second}/detail`);
    expect(detail.status).toBe(200);
    expect(detail.body.meeting.status).toBe("cancelled");
    expect(JSON.stringify(detail.body)).not.toMatch(/Alfie|mum cannot/);
    expect((await api(LEAD, "GET", `/api/lift-meetings/${second}/detail`)).body.meeting.cancelledReason).toContain(REASON);
  });
});
