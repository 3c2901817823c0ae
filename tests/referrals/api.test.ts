import { Writable } from "node:stream";
import fc from "fast-check";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp } from "../support/test-app";
import { apiFor, completeDraft, type Api } from "./helpers";

const SENCO = "senco.dover@lift.local";
const OTHER_SENCO = "senco.thanet@lift.local";
const TEACHER = "teacher.dover@lift.local";
const LEAD = "lead.dover@lift.local";
const OTHER_LEAD = "lead.thanet@lift.local";
const COMMISSIONER = "commissioner@lift.local";
const CHILD = "Zebedee Quartermaine";

let app: Awaited<ReturnType<typeof startTestApp>>;
let api: Api;
let logged = "";
let acceptingMeetings: string[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      logged += chunk.toString();
      done();
    },
  });
  app = await startTestApp({}, { log: pino({ level: "trace" }, sink) });
  api = apiFor(app.url);
  const meetings = await api(SENCO, "GET", "/api/lift-meetings?kind=school");
  acceptingMeetings = meetings.body.items.filter((m: { accepting: boolean }) => m.accepting).map((m: { id: string }) => m.id);
}, 120_000);
afterAll(async () => app?.stop());

let keyCounter = 0;
async function submitted(childName = CHILD, meetingIndex = 0) {
  const created = await api(SENCO, "POST", "/api/referrals", { idempotencyKey: `test-key-${keyCounter++}-${Date.now()}`, draft: completeDraft(childName) });
  expect(created.status).toBe(201);
  const done = await api(SENCO, "POST", `/api/referrals/${created.body.referral.id}/submit`, { meetingId: acceptingMeetings[meetingIndex] });
  expect(done.status).toBe(200);
  return done.body.referral as { id: string; caseReference: string; status: string };
}

describe("referrals API", () => {
  it("demo data gives the Dover SENCo upcoming school meetings that accept referrals", () => {
    expect(acceptingMeetings.length).toBeGreaterThanOrEqual(3);
  });

  it("submits with a case reference and places the referral on the meeting", async () => {
    const referral = await submitted(CHILD, 0);
    expect(referral.caseReference).toMatch(/^DOV-\d{4}-\d{4}$/);
    expect(referral.status).toBe("scheduled");
  });

  it("enforces the access matrix: own setting, district members, other districts 404, commissioners anonymised", async () => {
    const referral = await submitted("Ottoline Penhaligon", 1);
    const path = `/api/referrals/${referral.id}`;
    const read = async (upn: string) => api(upn, "GET", path);
    expect((await read(SENCO)).status).toBe(200);
    expect((await read(TEACHER)).status).toBe(200);
    expect((await read(LEAD)).status).toBe(200);
    expect((await read(OTHER_SENCO)).status).toBe(404);
    expect((await read(OTHER_LEAD)).status).toBe(404);
    const commissioner = await read(COMMISSIONER);
    expect(commissioner.status).toBe(200);
    expect(JSON.stringify(commissioner.body)).not.toContain("Ottoline");
    expect(commissioner.body.referral.draft.child?.dateOfBirth).toBeUndefined();
    // Writes: only the referring SENCo.
    for (const upn of [TEACHER, LEAD, COMMISSIONER]) {
      expect((await api(upn, "PUT", path, { eTag: "x", draft: {} })).status).toBe(403);
    }
    expect((await api(OTHER_SENCO, "PUT", path, { eTag: "x", draft: {} })).status).toBe(404);
    expect((await api(TEACHER, "POST", "/api/referrals", { idempotencyKey: "teacher-key-1", draft: {} })).status).toBe(403);
    // Lists: the other district sees none of Dover's referrals.
    const thanet = await api(OTHER_LEAD, "GET", "/api/referrals");
    expect(thanet.body.items.every((r: { districtSlug: string }) => r.districtSlug === "thanet")).toBe(true);
  });

  it("district members never see drafts", async () => {
    const draft = await api(SENCO, "POST", "/api/referrals", { idempotencyKey: `draft-only-${Date.now()}`, draft: { child: { legalName: "Draft Child" } } });
    expect(draft.status).toBe(201);
    expect((await api(TEACHER, "GET", `/api/referrals/${draft.body.referral.id}`)).status).toBe(404);
    const list = await api(LEAD, "GET", "/api/referrals");
    expect(list.body.items.some((r: { status: string }) => r.status === "draft")).toBe(false);
  });

  it("the same idempotency key twice makes one referral", async () => {
    const body = { idempotencyKey: `same-key-${Date.now()}`, draft: { child: { legalName: "Twice Made" } } };
    const [a, b] = await Promise.all([api(SENCO, "POST", "/api/referrals", body), api(SENCO, "POST", "/api/referrals", body)]);
    expect(a.body.referral.id).toBe(b.body.referral.id);
    const c = await api(SENCO, "POST", "/api/referrals", body);
    expect(c.body.referral.id).toBe(a.body.referral.id);
  });

  it("submitting twice, even at once, gives one case reference", async () => {
    const created = await api(SENCO, "POST", "/api/referrals", { idempotencyKey: `double-${Date.now()}`, draft: completeDraft("Double Click") });
    const path = `/api/referrals/${created.body.referral.id}/submit`;
    const [a, b] = await Promise.all([api(SENCO, "POST", path, { meetingId: acceptingMeetings[2] }), api(SENCO, "POST", path, { meetingId: acceptingMeetings[2] })]);
    const again = await api(SENCO, "POST", path, { meetingId: acceptingMeetings[2] });
    const refs = new Set([a, b, again].filter((r) => r.status === 200).map((r) => r.body.referral.caseReference));
    expect(refs.size).toBe(1);
    expect(again.status).toBe(200);
  });

  it("refuses a fourth referral by the same SENCo on one meeting, offering the next meeting", async () => {
    const meetingId = acceptingMeetings[acceptingMeetings.length - 1] as string;
    let refusal: { status: number; body: any } | undefined;
    for (let i = 0; i < 4 && !refusal; i++) {
      const created = await api(SENCO, "POST", "/api/referrals", { idempotencyKey: `limit-${i}-${Date.now()}`, draft: completeDraft(`Limit Child ${i}`) });
      const result = await api(SENCO, "POST", `/api/referrals/${created.body.referral.id}/submit`, { meetingId });
      if (result.status === 409) refusal = result;
      else expect(result.status).toBe(200);
    }
    expect(refusal?.body.error.detail.refusal).toBe("senco_limit_reached");
    expect(refusal?.body.error.message).toMatch(/next/i);
  });

  it("refuses a meeting whose deadline has passed", async () => {
    const meetings = await api(SENCO, "GET", "/api/lift-meetings?kind=school");
    const past = meetings.body.items.find((m: { accepting: boolean; refusal?: { code: string } }) => !m.accepting && m.refusal?.code === "meeting_past");
    const created = await api(SENCO, "POST", "/api/referrals", { idempotencyKey: `late-${Date.now()}`, draft: completeDraft("Late Child") });
    const result = await api(SENCO, "POST", `/api/referrals/${created.body.referral.id}/submit`, { meetingId: past.id });
    expect(result.status).toBe(409);
    expect(result.body.error.detail.nextMeeting.accepting).toBe(true);
  });

  it("a stale eTag answers 412 with the current version and overwrites nothing", async () => {
    const created = await api(SENCO, "POST", "/api/referrals", { idempotencyKey: `stale-${Date.now()}`, draft: { child: { legalName: "Version One" } } });
    const id = created.body.referral.id;
    const first = await api(SENCO, "PUT", `/api/referrals/${id}`, { eTag: created.body.referral.eTag, draft: { child: { legalName: "Version Two" } } });
    expect(first.status).toBe(200);
    const stale = await api(SENCO, "PUT", `/api/referrals/${id}`, { eTag: created.body.referral.eTag, draft: { child: { legalName: "Version Three" } } });
    expect(stale.status).toBe(412);
    expect(stale.body.error.detail.current.childName).toBe("Version Two");
    expect((await api(SENCO, "GET", `/api/referrals/${id}`)).body.referral.childName).toBe("Version Two");
  });

  it("keeps script and markup in text fields as text", async () => {
    const markup = `<script>alert("x")</script><b>bold</b> & "quotes"`;
    const created = await api(SENCO, "POST", "/api/referrals", { idempotencyKey: `markup-${Date.now()}`, draft: { question: { question: markup } } });
    expect(created.status).toBe(201);
    expect((await api(SENCO, "GET", `/api/referrals/${created.body.referral.id}`)).body.referral.draft.question.question).toBe(markup);
  });

  it("audits reads and writes, and never logs a child's name", async () => {
    const referral = await submitted("Audited Childname", 1);
    await api(TEACHER, "GET", `/api/referrals/${referral.id}`);
    const audit = await app.graph.stores.auditLog.all({ where: { listTitle: "Referrals" } });
    const forItem = audit.filter((a) => a.value.itemId === referral.id).map((a) => a.value.action);
    expect(forItem).toEqual(expect.arrayContaining(["referral.created", "referral.submitted", "referral.read"]));
    expect(JSON.stringify(audit)).not.toContain("Audited Childname");
    expect(logged.length).toBeGreaterThan(0);
    for (const name of [CHILD, "Audited Childname", "Ottoline"]) expect(logged).not.toContain(name);
  });

  it("answers thousands of malformed bodies with 400 and field errors, never 500", async () => {
    const created = await api(SENCO, "POST", "/api/referrals", { idempotencyKey: `fuzz-base-${Date.now()}`, draft: {} });
    const id = created.body.referral.id;
    const anything = fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.anything()), fc.record({ idempotencyKey: fc.anything(), draft: fc.anything() }, { requiredKeys: [] }));
    const cases = fc.sample(
      fc.tuple(fc.constantFrom(["POST", "/api/referrals"], ["PUT", `/api/referrals/${id}`], ["POST", `/api/referrals/${id}/submit`]), anything),
      { numRuns: 2000, seed: 42 },
    );
    const statuses = new Map<number, number>();
    for (let i = 0; i < cases.length; i += 20) {
      const batch = cases.slice(i, i + 20);
      const results = await Promise.all(batch.map(([[method, path], body]) => api(SENCO, method as string, path as string, JSON.stringify(body ?? null))));
      for (const [j, r] of results.entries()) {
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status >= 500) throw new Error(`500 for ${JSON.stringify(batch[j])}`);
        if (r.status === 400) expect(r.body.error.code === "bad_request" || Object.keys(r.body.error.fieldErrors ?? {}).length > 0).toBe(true);
      }
    }
    expect(statuses.get(400) ?? 0).toBeGreaterThan(cases.length / 2);
  });
});
