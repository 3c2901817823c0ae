/**
 * The referrals API over real HTTP: the access matrix, idempotent create and submit,
 * case references under concurrency, meeting deadlines and the per-SENCo limit, markup kept as
 * text, and the audit trail without children's names in it or in the logs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PEOPLE } from "../../../src/domain/reference/people";
import type { RunningApp } from "../../../src/server/app/start";
import {
  COMMISSIONER,
  LEAD,
  OTHER_LEAD,
  OTHER_SENCO,
  SENCO,
  TEACHER,
  addMeeting,
  completeDraft,
  createAndSubmit,
  key,
  startReferralApp,
  type Api,
  type Json,
} from "./helpers";

let app: RunningApp;
let api: Api;
let logged: () => string;

/** Every child name a test sends: none may reach a log line or an audit entry. */
const CHILD_NAMES: string[] = [];
const child = (name: string) => (CHILD_NAMES.push(name), name);

// Thursdays in December 2026 (GMT, so UTC = UK time): after "today", deadlines still open.
const thursday = (day: number) => `2026-12-${String(day).padStart(2, "0")}T13:30:00Z`;

beforeAll(async () => {
  ({ app, api, logged } = await startReferralApp());
}, 120_000);
afterAll(async () => app?.stop());

const oidOf = (upn: string) => DEMO_PEOPLE.find((p) => p.upn === upn)?.oid;

describe("demo data", () => {
  it("gives every district this term's school and early years meetings, some held and some open", async () => {
    const stores = app.features.referrals.service.stores;
    const meetings = await stores.meetings.all();
    const districts = await app.context.reference.districts();
    for (const d of districts) {
      const own = meetings.filter((m) => m.value.districtSlug === d.slug && m.value.startsAt >= "2026-11-02" && m.value.startsAt <= "2026-12-19");
      expect(own.filter((m) => m.value.kind === "school").length, d.slug).toBeGreaterThanOrEqual(5);
      expect(own.filter((m) => m.value.kind === "early-years").length, d.slug).toBeGreaterThanOrEqual(3);
      expect(own.some((m) => m.value.status === "held"), d.slug).toBe(true);
      expect(own.some((m) => m.value.status === "scheduled"), d.slug).toBe(true);
    }
    const listed = await api(SENCO, "GET", "/api/lift-meetings?kind=school");
    expect(listed.body.items.filter((m: Json) => m.accepting).length).toBeGreaterThanOrEqual(3);
  });

  it("gives the demo SENCo drafts and referrals in several statuses, with outcomes on past meetings", async () => {
    const mine = await api(SENCO, "GET", "/api/referrals");
    const statuses = new Set(mine.body.items.map((r: Json) => r.status));
    for (const s of ["draft", "scheduled", "discussed", "outcome_recorded"]) expect(statuses.has(s), s).toBe(true);
    expect(mine.body.items.find((r: Json) => r.status === "outcome_recorded").outcome.actions.length).toBeGreaterThan(0);
    const district = await api(LEAD, "GET", "/api/referrals");
    const all = new Set(district.body.items.map((r: Json) => r.status));
    for (const s of ["submitted", "scheduled", "discussed", "outcome_recorded", "closed"]) expect(all.has(s), s).toBe(true);
    expect(all.has("draft")).toBe(false);
  });
});

describe("access matrix", () => {
  const ids = { dov: "", draft: "", tha: "", dovMeeting: "" };
  const DOVER_CHILD = child("Ottoline Penhaligon");

  beforeAll(async () => {
    ids.dovMeeting = await addMeeting(app, { startsAt: thursday(10) });
    const thaMeeting = await addMeeting(app, { startsAt: thursday(10), districtSlug: "thanet" });
    const dov = await createAndSubmit(api, ids.dovMeeting, DOVER_CHILD);
    const tha = await createAndSubmit(api, thaMeeting, child("Thaddeus Marchbanks"), OTHER_SENCO);
    const draft = await api(SENCO, "POST", "/api/referrals", { idempotencyKey: key("matrix-draft"), draft: { child: { legalName: child("Drafty Dovecote") } } });
    expect([dov.status, tha.status, draft.status]).toEqual([200, 200, 201]);
    Object.assign(ids, { dov: dov.body.referral.id, tha: tha.body.referral.id, draft: draft.body.referral.id });
  });

  // Per caller: [Dover submitted, Dover draft, Thanet submitted].
  type Row = { read: number[]; put: number[]; submit: number[]; del: number[]; create: number; listed: boolean[]; meeting: number };
  const matrix: Record<string, Row> = {
    [SENCO]: { read: [200, 200, 404], put: [409, 412, 404], submit: [200, 400, 404], del: [409, -1, 404], create: 201, listed: [true, true, false], meeting: 200 },
    [OTHER_SENCO]: { read: [404, 404, 200], put: [404, 404, 409], submit: [404, 404, 200], del: [404, 404, 409], create: 201, listed: [false, false, true], meeting: 404 },
    [TEACHER]: { read: [200, 404, 404], put: [403, 404, 404], submit: [403, 404, 404], del: [403, 404, 404], create: 403, listed: [true, false, false], meeting: 200 },
    [LEAD]: { read: [200, 404, 404], put: [403, 404, 404], submit: [403, 404, 404], del: [403, 404, 404], create: 403, listed: [true, false, false], meeting: 200 },
    [OTHER_LEAD]: { read: [404, 404, 200], put: [404, 404, 403], submit: [404, 404, 403], del: [404, 404, 403], create: 403, listed: [false, false, true], meeting: 404 },
    [COMMISSIONER]: { read: [200, 404, 200], put: [403, 404, 403], submit: [403, 404, 403], del: [403, 404, 403], create: 403, listed: [true, false, true], meeting: 200 },
  };

  it.each(Object.entries(matrix))("%s", async (upn, row) => {
    const targets = [ids.dov, ids.draft, ids.tha];
    const statuses = async (run: (id: string) => Promise<{ status: number }>, skip: number[] = []) =>
      Promise.all(targets.map(async (id, i) => (skip[i] === -1 ? -1 : (await run(id)).status)));

    expect(await statuses((id) => api(upn, "GET", `/api/referrals/${id}`)), "read").toEqual(row.read);
    expect(await statuses((id) => api(upn, "PUT", `/api/referrals/${id}`, { eTag: '"stale"', draft: { needs: { primaryArea: "CI" } } })), "put").toEqual(row.put);
    expect(await statuses((id) => api(upn, "POST", `/api/referrals/${id}/submit`, { meetingId: ids.dovMeeting })), "submit").toEqual(row.submit);
    expect(await statuses((id) => api(upn, "DELETE", `/api/referrals/${id}`), row.del), "delete").toEqual(row.del);
    expect((await api(upn, "POST", "/api/referrals", { idempotencyKey: key("matrix-create"), draft: {} })).status, "create").toBe(row.create);

    // Lists: commissioners name the district; everyone else gets their own setting or district.
    const listed = async (district: string) => (await api(upn, "GET", `/api/referrals${upn === COMMISSIONER ? `?district=${district}` : ""}`)).body.items as Json[];
    const items = [...(await listed("dover")), ...(upn === COMMISSIONER ? await listed("thanet") : [])];
    expect(targets.map((id) => items.some((r) => r.id === id)), "listed").toEqual(row.listed);
    const meeting = await api(upn, "GET", `/api/lift-meetings/${ids.dovMeeting}`);
    expect(meeting.status, "meeting").toBe(row.meeting);
    if (meeting.status === 200) expect(meeting.body.referrals.map((r: Json) => r.id)).toEqual([ids.dov]);

    // Nothing a district member or commissioner can see is a draft; nothing is another district's.
    if (upn !== SENCO && upn !== OTHER_SENCO) expect(items.every((r) => r.status !== "draft")).toBe(true);
    if (upn === COMMISSIONER) {
      const bodies = JSON.stringify([items, meeting.body, (await api(upn, "GET", `/api/referrals/${ids.dov}`)).body]);
      expect(bodies).not.toContain("Ottoline");
      expect(bodies).not.toContain("dateOfBirth");
      expect(bodies).not.toContain("How can we help with reading?");
    }
  });

  it("a commissioner's record keeps school, year group and area of need only", async () => {
    const record = (await api(COMMISSIONER, "GET", `/api/referrals/${ids.dov}`)).body.referral;
    expect(record.childName).toBeUndefined();
    expect(record.question).toBeUndefined();
    expect(record.draft).toEqual({ setting: expect.objectContaining({ settingId: "DOV-P1" }), child: { yearGroup: "Y4" }, needs: { primaryArea: "CL" }, meeting: { meetingId: ids.dovMeeting } });
    expect((await api(COMMISSIONER, "GET", "/api/referrals")).status).toBe(400);
  });

  it("only the owning SENCo deletes a draft, and then nobody can read it", async () => {
    expect((await api(SENCO, "DELETE", `/api/referrals/${ids.draft}`)).status).toBe(204);
    expect((await api(SENCO, "GET", `/api/referrals/${ids.draft}`)).status).toBe(404);
  });

  it("a setting named in the body is overwritten with the SENCo's own", async () => {
    const created = await api(SENCO, "POST", "/api/referrals", { idempotencyKey: key("other-setting"), draft: { setting: { settingId: "THA-P1", phase: "secondary" } } });
    expect(created.status).toBe(201);
    expect(created.body.referral.settingId).toBe("DOV-P1");
    expect(created.body.referral.draft.setting).toMatchObject({ settingId: "DOV-P1", phase: "primary" });
    expect((await api(OTHER_SENCO, "GET", `/api/referrals/${created.body.referral.id}`)).status).toBe(404);
  });

  it("unknown ids and malformed ids answer 404, bad list filters 400", async () => {
    for (const id of ["999999", "abc", "1%20or%201"]) expect((await api(SENCO, "GET", `/api/referrals/${id}`)).status).toBe(404);
    expect((await api(LEAD, "GET", "/api/referrals?status=lost")).body.error.fieldErrors.status).toBeDefined();
    expect((await api(LEAD, "GET", "/api/referrals?meeting=x'")).status).toBe(400);
  });
});

describe("idempotency", () => {
  it("the same idempotency key twice, even at once, makes one referral", async () => {
    const name = child("Twice Made");
    const body = { idempotencyKey: key("same"), draft: { child: { legalName: name } } };
    const [a, b] = await Promise.all([api(SENCO, "POST", "/api/referrals", body), api(SENCO, "POST", "/api/referrals", body)]);
    const c = await api(SENCO, "POST", "/api/referrals", body);
    expect(new Set([a.body.referral.id, b.body.referral.id, c.body.referral.id]).size).toBe(1);
    const mine = await api(SENCO, "GET", "/api/referrals?status=draft");
    expect(mine.body.items.filter((r: Json) => r.childName === name)).toHaveLength(1);
  });

  it("submitting twice, three times at once, and again with another meeting gives one referral with one case reference", async () => {
    const meetingId = await addMeeting(app, { startsAt: thursday(3) });
    const other = await addMeeting(app, { startsAt: thursday(17) });
    const createBody = { idempotencyKey: key("double"), draft: completeDraft(child("Double Click")) };
    const created = await api(SENCO, "POST", "/api/referrals", createBody);
    const path = `/api/referrals/${created.body.referral.id}/submit`;
    const concurrent = await Promise.all([1, 2, 3].map(() => api(SENCO, "POST", path, { meetingId })));
    const again = await api(SENCO, "POST", path, { meetingId: other });
    const retriedCreate = await api(SENCO, "POST", "/api/referrals", createBody);
    for (const r of [...concurrent, again]) expect(r.status).toBe(200);
    const refs = new Set([...concurrent, again, retriedCreate].map((r) => r.body.referral.caseReference));
    expect(refs.size).toBe(1);
    expect([...refs][0]).toMatch(/^DOV-2627-\d{4}$/);
    expect(again.body.referral.meeting.id).toBe(meetingId);
    expect(retriedCreate.body.referral.id).toBe(created.body.referral.id);
    const claims = await app.features.referrals.service.stores.caseReferences.all({ where: { districtCode: "DOV", academicYear: "2026-27" } });
    expect(claims.filter((c) => c.value.referralId === created.body.referral.id)).toHaveLength(1);
    const onMeeting = await api(SENCO, "GET", `/api/referrals?meeting=${meetingId}`);
    expect(onMeeting.body.items).toHaveLength(1);
  });

  it("different referrals submitted at once all get different case references", async () => {
    const meetings = await Promise.all([thursday(3), thursday(10), thursday(17)].map((startsAt) => addMeeting(app, { startsAt })));
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => createAndSubmit(api, meetings[i % 3] as string, child(`Concurrent Child ${i}`))));
    for (const r of results) expect(r.status).toBe(200);
    const refs = results.map((r) => r.body.referral.caseReference);
    expect(new Set(refs).size).toBe(8);
    const all = await app.features.referrals.service.stores.caseReferences.all({ where: { districtCode: "DOV", academicYear: "2026-27" } });
    expect(new Set(all.map((c) => c.value.reference)).size).toBe(all.length);
  });
});

describe("meeting rules", () => {
  it("refuses a fourth referral by the same SENCo on one meeting, offering the next meeting, and keeps it a draft", async () => {
    const meetingId = await addMeeting(app, { startsAt: thursday(17) });
    for (let i = 0; i < 3; i++) expect((await createAndSubmit(api, meetingId, child(`Limit Child ${i}`))).status).toBe(200);
    const fourth = await createAndSubmit(api, meetingId, child("Limit Child 3"));
    expect(fourth.status).toBe(409);
    expect(fourth.body.error.code).toBe("conflict");
    expect(fourth.body.error.detail.refusal).toBe("senco_limit_reached");
    expect(fourth.body.error.message).toMatch(/next meeting that can take it is on \w+day \d+ \w+ 20\d\d/);
    expect(fourth.body.error.detail.nextMeeting).toMatchObject({ accepting: true, districtSlug: "dover", kind: "school" });
    expect(fourth.body.error.detail.nextMeeting.id).not.toBe(meetingId);
    const listed = await api(SENCO, "GET", "/api/lift-meetings?kind=school");
    expect(listed.body.items.find((m: Json) => m.id === meetingId)).toMatchObject({ accepting: false, myReferralCount: 3, refusal: { code: "senco_limit_reached" } });
  });

  it("holds the limit when five referrals are submitted to one meeting at once", async () => {
    const meetingId = await addMeeting(app, { startsAt: thursday(10) });
    const created = await Promise.all(
      Array.from({ length: 5 }, (_, i) => api(SENCO, "POST", "/api/referrals", { idempotencyKey: key("race"), draft: completeDraft(child(`Race Child ${i}`)) })),
    );
    const results = await Promise.all(created.map((c) => api(SENCO, "POST", `/api/referrals/${c.body.referral.id}/submit`, { meetingId })));
    const placed = results.filter((r) => r.status === 200);
    expect(placed.length).toBeGreaterThanOrEqual(1);
    expect(placed.length).toBeLessThanOrEqual(3);
    for (const r of results.filter((x) => x.status !== 200)) expect([r.status, r.body.error.detail.refusal]).toEqual([409, "senco_limit_reached"]);
    const onMeeting = await api(LEAD, "GET", `/api/referrals?meeting=${meetingId}`);
    expect(onMeeting.body.items).toHaveLength(placed.length);
    // The refused ones are drafts again, without a case reference.
    for (const c of created) {
      const r = (await api(SENCO, "GET", `/api/referrals/${c.body.referral.id}`)).body.referral;
      expect(r.status === "draft" ? r.caseReference : r.meeting.id).toBe(r.status === "draft" ? undefined : meetingId);
    }
  });

  it("refuses a meeting past its deadline (default and district-set), offering the next one", async () => {
    // Wednesday 25 November: its deadline was Wednesday 18 November.
    const tomorrow = await addMeeting(app, { startsAt: "2026-11-25T13:30:00Z" });
    const overridden = await addMeeting(app, { startsAt: thursday(17), deadlineOverride: "2026-11-23T17:00:00Z" });
    for (const meetingId of [tomorrow, overridden]) {
      const result = await createAndSubmit(api, meetingId, child("Late Child"));
      expect(result.status).toBe(409);
      expect(result.body.error.detail.refusal).toBe("deadline_passed");
      expect(result.body.error.message).toMatch(/deadline/i);
      expect(result.body.error.detail.nextMeeting.accepting).toBe(true);
    }
    const listed = (await api(SENCO, "GET", "/api/lift-meetings?kind=school")).body.items as Json[];
    expect(listed.find((m) => m.id === tomorrow)).toMatchObject({ accepting: false, refusal: { code: "deadline_passed" }, referralDeadline: "2026-11-18T23:59:59.999Z" });
  });

  it("refuses held and cancelled meetings, other districts' meetings and early years meetings for a school", async () => {
    const cancelled = await addMeeting(app, { startsAt: thursday(10), status: "cancelled" });
    const thanet = await addMeeting(app, { startsAt: thursday(10), districtSlug: "thanet" });
    const early = await addMeeting(app, { startsAt: thursday(10), kind: "early-years" });
    const held = (await api(SENCO, "GET", "/api/lift-meetings?kind=school")).body.items.find((m: Json) => m.status === "held").id;
    const codes = [];
    for (const meetingId of [cancelled, thanet, early, held]) codes.push((await createAndSubmit(api, meetingId, child("Refused Child"))).body.error.detail.refusal);
    expect(codes).toEqual(["meeting_cancelled", "meeting_not_found", "wrong_phase", "meeting_past"]);
  });

  it("answers an incomplete referral's submit with the browser's field messages", async () => {
    const meetingId = await addMeeting(app, { startsAt: thursday(17) });
    const draft = completeDraft(child("Incomplete Child"));
    const created = await api(SENCO, "POST", "/api/referrals", {
      idempotencyKey: key("incomplete"),
      draft: { ...draft, apdrCycles: draft.apdrCycles.slice(0, 1), child: { ...draft.child, dateOfBirth: "2022-01-01" }, agreementToEngage: { given: true } },
    });
    const result = await api(SENCO, "POST", `/api/referrals/${created.body.referral.id}/submit`, { meetingId });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe("validation_failed");
    const fields = result.body.error.fieldErrors;
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(["apdrCycles", "child.dateOfBirth", "agreementToEngage.date"]));
    expect(JSON.stringify(fields)).not.toContain("Incomplete Child");
  });
});

describe("drafts", () => {
  it("a stale eTag answers 412 with the current version and overwrites nothing", async () => {
    const created = await api(SENCO, "POST", "/api/referrals", { idempotencyKey: key("stale"), draft: { child: { legalName: child("Version One") } } });
    const id = created.body.referral.id;
    const first = await api(SENCO, "PUT", `/api/referrals/${id}`, { eTag: created.body.referral.eTag, draft: { child: { legalName: child("Version Two") } } });
    expect(first.status).toBe(200);
    const stale = await api(SENCO, "PUT", `/api/referrals/${id}`, { eTag: created.body.referral.eTag, draft: { child: { legalName: child("Version Three") } } });
    expect(stale.status).toBe(412);
    expect(stale.body.error.detail.current).toMatchObject({ childName: "Version Two", eTag: first.body.referral.eTag });
    expect((await api(SENCO, "GET", `/api/referrals/${id}`)).body.referral.childName).toBe("Version Two");
    const staleSubmit = await api(SENCO, "POST", `/api/referrals/${id}/submit`, { meetingId: "1", eTag: created.body.referral.eTag });
    expect(staleSubmit.status).toBe(412);
  });

  it("keeps script and markup in text fields exactly as typed, as JSON text", async () => {
    const markup = `<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" ' --`;
    const name = child(`<b>Bobby</b> Tables'); DROP TABLE--`);
    const created = await api(SENCO, "POST", "/api/referrals", { idempotencyKey: key("markup"), draft: { child: { legalName: name }, question: { question: markup } } });
    expect(created.status).toBe(201);
    const read = await api(SENCO, "GET", `/api/referrals/${created.body.referral.id}`);
    expect(read.body.referral.draft.question.question).toBe(markup);
    expect(read.body.referral.childName).toBe(name);
    const res = await fetch(`${app.url}/api/referrals/${created.body.referral.id}`, { headers: { authorization: `Bearer ${(await (await fetch(`${app.url}/auth/local/token?as=${SENCO}`)).json()).access_token}` } });
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("audit and logs", () => {
  it("records who read and wrote which referral, and never a child's name", async () => {
    const meetingId = await addMeeting(app, { startsAt: thursday(3) });
    const submitted = await createAndSubmit(api, meetingId, child("Audited Childname"));
    const id = submitted.body.referral.id;
    await api(SENCO, "PUT", `/api/referrals/${id}`, { eTag: '"x"', draft: {} }); // refused: not audited as a write
    await api(TEACHER, "GET", `/api/referrals/${id}`);
    await api(COMMISSIONER, "GET", `/api/referrals/${id}`);
    await api(LEAD, "GET", `/api/referrals?meeting=${meetingId}`);

    const audit = (await app.graph.stores.auditLog.all({ where: { listTitle: "Referrals" } })).map((a) => a.value);
    const forItem = audit.filter((a) => a.itemId === id).map((a) => `${a.action} ${a.actorOid}`);
    expect(forItem).toEqual(
      expect.arrayContaining([
        `referral.created ${oidOf(SENCO)}`,
        `referral.submitted ${oidOf(SENCO)}`,
        `referral.read ${oidOf(TEACHER)}`,
        `referral.read ${oidOf(COMMISSIONER)}`,
      ]),
    );
    expect(forItem.filter((a) => a.startsWith("referral.updated"))).toHaveLength(0);
    const listing = audit.find((a) => a.action === "referral.listed" && a.actorOid === oidOf(LEAD) && String(a.detail?.itemIds).split(",").includes(id));
    expect(listing).toBeDefined();
    for (const a of audit) expect(a.at).toMatch(/^2026-11-24T10:00:00/);

    const everything = JSON.stringify(audit) + logged();
    expect(logged()).toContain("audited");
    for (const name of CHILD_NAMES) expect(everything).not.toContain(name);
    // Surnames alone would still identify a child.
    for (const surname of ["Penhaligon", "Marchbanks", "Dovecote", "Childname"]) expect(everything).not.toContain(surname);
  });
});
