/**
 * The training-events routes over real HTTP on the tests' fixed clock (Tuesday 24 November 2026,
 * term 2 of 2026-27) with the demo data: who may read and record (403 for a SENCo and for a
 * commissioner's write, 404 for another district), field messages for bad input, the audit of
 * writes, the eTag on changes, and the autism education target counted by hand from the register.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../../src/server/app/start";
import { COMMISSIONER, LEAD, OTHER_LEAD, SENCO, TEACHER, key, startReferralApp, type Api, type Json } from "../referrals/helpers";

let app: RunningApp;
let api: Api;

const session = (over: Json = {}): Json => ({
  districtSlug: "dover",
  title: "Precision teaching",
  needType: "CL",
  audience: "staff",
  date: "2026-11-19",
  trainerName: "Test Trainer",
  settingIds: ["DOV-P1", "DOV-S1"],
  attendees: 6,
  evaluation: { returned: 5, scores: [0, 0, 1, 2, 2] },
  ...over,
});

const event = (over: Json = {}): Json => ({ districtSlug: "dover", title: "Moving up day", kind: "school", date: "2026-11-20", settingIds: ["DOV-P2", "DOV-S1"], ...over });

beforeAll(async () => {
  ({ app, api } = await startReferralApp());
}, 180_000);
afterAll(async () => app?.stop());

describe("access", () => {
  it("refuses SENCos everything (403)", async () => {
    expect((await api(SENCO, "GET", "/api/training-events/sessions")).status).toBe(403);
    expect((await api(SENCO, "GET", "/api/training-events/transition?district=dover")).status).toBe(403);
    expect((await api(SENCO, "POST", "/api/training-events/sessions", { idempotencyKey: key("senco"), session: session() })).status).toBe(403);
  });

  it("lets commissioners read any district but write none (403)", async () => {
    const list = await api(COMMISSIONER, "GET", "/api/training-events/sessions?district=thanet");
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((s: Json) => s.districtSlug === "thanet")).toBe(true);
    expect((await api(COMMISSIONER, "POST", "/api/training-events/sessions", { idempotencyKey: key("comm"), session: session() })).status).toBe(403);
  });

  it("hides another district's records (404) and refuses recording for it", async () => {
    const dover = await api(LEAD, "GET", "/api/training-events/sessions");
    const id = dover.body.items[0].id as string;
    expect((await api(OTHER_LEAD, "GET", `/api/training-events/sessions/${id}`)).status).toBe(404);
    expect((await api(OTHER_LEAD, "GET", "/api/training-events/sessions?district=dover")).status).toBe(404);
    expect((await api(OTHER_LEAD, "POST", "/api/training-events/transition", { idempotencyKey: key("other"), event: event() })).status).toBe(404);
    expect((await api(LEAD, "GET", "/api/training-events/sessions/999999")).status).toBe(404);
  });
});

describe("recording", () => {
  it("answers 400 with field messages for bad input", async () => {
    const bad = await api(TEACHER, "POST", "/api/training-events/sessions", {
      idempotencyKey: key("bad"),
      session: session({ audience: "pupils", attendees: -1, evaluation: { returned: 1, scores: [1, 1, 0, 0, 0] } }),
    });
    expect(bad.status).toBe(400);
    const errors = bad.body.error.fieldErrors as Record<string, string[]>;
    expect(errors["session.audience"]).toEqual(["Choose school or setting staff, or parents and carers"]);
    expect(errors["session.attendees"]).toEqual(["Enter 0 or more"]);
    expect(errors["session.evaluation.returned"]).toEqual(["Fewer forms returned than answers counted"]);

    const unknown = await api(TEACHER, "POST", "/api/training-events/transition", { idempotencyKey: key("unknown"), event: event({ settingIds: ["DOV-S1", "ZZZ-P9", "DOV-S1"] }) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fieldErrors).toEqual({ "event.settingIds.1": ["Choose a school or setting from the register"], "event.settingIds.2": ["This school or setting is already on the list"] });
  });

  it("records a session once per key, audited, with the phases that attended; a stale eTag is refused", async () => {
    const body = { idempotencyKey: key("session"), session: session() };
    const made = await api(TEACHER, "POST", "/api/training-events/sessions", body);
    expect(made.status).toBe(201);
    expect(made.body.session).toMatchObject({ districtSlug: "dover", title: "Precision teaching", phases: { primary: 1, secondary: 1 } });
    const again = await api(TEACHER, "POST", "/api/training-events/sessions", body);
    expect(again.body.session.id).toBe(made.body.session.id);
    const audit = (await app.graph.stores.auditLog.all({ where: { listTitle: "TrainingSessions" } })).map((a) => a.value).filter((a) => a.action === "training.session_recorded" && a.itemId === made.body.session.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.outcome).toBe("done");

    const changed = await api(LEAD, "PUT", `/api/training-events/sessions/${made.body.session.id}`, { eTag: made.body.session.eTag, session: session({ attendees: 7 }) });
    expect(changed.status).toBe(200);
    expect(changed.body.session.attendees).toBe(7);
    // A change replaces the record: the evaluation left out is cleared.
    const cleared = await api(LEAD, "PUT", `/api/training-events/sessions/${made.body.session.id}`, { eTag: changed.body.session.eTag, session: { ...session({ attendees: 7 }), evaluation: undefined } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.session.evaluation).toBeUndefined();
    expect((await app.features.trainingEvents.service.stores.sessions.get(made.body.session.id)).value.evaluation).toBeUndefined();
    const stale = await api(LEAD, "PUT", `/api/training-events/sessions/${made.body.session.id}`, { eTag: made.body.session.eTag, session: session({ attendees: 8 }) });
    expect(stale.status).toBe(412);
    expect((await api(COMMISSIONER, "PUT", `/api/training-events/sessions/${made.body.session.id}`, { eTag: changed.body.session.eTag, session: session() })).status).toBe(403);
  });

  it("records a transition event with its register", async () => {
    const made = await api(LEAD, "POST", "/api/training-events/transition", { idempotencyKey: key("event"), event: event() });
    expect(made.status).toBe(201);
    const one = await api(COMMISSIONER, "GET", `/api/training-events/transition/${made.body.event.id}`);
    expect(one.status).toBe(200);
    expect(one.body.event.settingIds).toEqual(["DOV-P2", "DOV-S1"]);
  });
});

describe("the autism education target", () => {
  it("counts the district's open settings by group and those on an AET session this year, by hand", async () => {
    const res = await api(LEAD, "GET", "/api/training-events/autism-target?year=2026-27");
    expect(res.status).toBe(200);
    const settings = (await app.context.reference.settings()).filter((s) => s.districtSlug === "dover" && s.status !== "closed");
    const groupOf = (p: string) => (p === "early-years" ? "early-years" : p === "post-16" ? "post-16" : "school-age");
    const aet = (await app.features.trainingEvents.service.stores.sessions.all({ where: { districtSlug: "dover" }, pageSize: 5000 }))
      .map((s) => s.value)
      .filter((s) => s.aet !== undefined && s.date >= "2026-09-01" && s.date <= "2026-11-24");
    const attended = new Set(aet.flatMap((s) => s.settingIds));
    for (const g of res.body.groups as Json[]) {
      const mine = settings.filter((s) => groupOf(s.registerPhase ?? s.phase) === g.group);
      expect(g.settings).toBe(mine.length);
      expect(g.trained).toBe(mine.filter((s) => attended.has(s.id)).length);
    }
    expect(res.body.groups.find((g: Json) => g.group === "school-age").trained).toBeGreaterThan(0);
    expect((await api(SENCO, "GET", "/api/training-events/autism-target?year=2026-27")).status).toBe(403);
  });
});

describe("deleting a record made in error", () => {
  it("deletes at the version seen, audited before it is made; stale (412), other roles (403/404) refused", async () => {
    const made = (await api(TEACHER, "POST", "/api/training-events/sessions", { idempotencyKey: key("del"), session: session({ title: "Entered twice" }) })).body.session;
    const url = `/api/training-events/sessions/${made.id}`;
    expect((await api(COMMISSIONER, "DELETE", `${url}?eTag=${encodeURIComponent(made.eTag)}`)).status).toBe(403);
    expect((await api(OTHER_LEAD, "DELETE", `${url}?eTag=${encodeURIComponent(made.eTag)}`)).status).toBe(404);
    expect((await api(TEACHER, "DELETE", url)).status).toBe(400);
    const changed = (await api(LEAD, "PUT", url, { eTag: made.eTag, session: session({ title: "Entered twice", attendees: 9 }) })).body.session;
    expect((await api(TEACHER, "DELETE", `${url}?eTag=${encodeURIComponent(made.eTag)}`)).status).toBe(412);
    expect((await api(TEACHER, "GET", url)).status).toBe(200);

    expect((await api(TEACHER, "DELETE", `${url}?eTag=${encodeURIComponent(changed.eTag)}`)).status).toBe(204);
    expect((await api(TEACHER, "GET", url)).status).toBe(404);
    const listed = (await api(TEACHER, "GET", "/api/training-events/sessions")).body.items as Json[];
    expect(listed.some((s) => s.id === made.id)).toBe(false);
    const audit = (await app.graph.stores.auditLog.all({ where: { listTitle: "TrainingSessions" } })).map((a) => a.value).filter((a) => a.action === "training.session_deleted" && a.itemId === made.id);
    expect(audit.map((a) => a.outcome)).toEqual(["done"]);
  });

  it("deletes a transition event the same way", async () => {
    const made = (await api(LEAD, "POST", "/api/training-events/transition", { idempotencyKey: key("del-event"), event: event({ title: "Cancelled visit" }) })).body.event;
    const url = `/api/training-events/transition/${made.id}`;
    expect((await api(SENCO, "DELETE", `${url}?eTag=${encodeURIComponent(made.eTag)}`)).status).toBe(403);
    expect((await api(LEAD, "DELETE", `${url}?eTag=${encodeURIComponent(made.eTag)}`)).status).toBe(204);
    expect((await api(LEAD, "GET", url)).status).toBe(404);
  });
});

describe("the attendance pickers' settings", () => {
  it("offers every setting of the register, the district's own first, with only what picking needs", async () => {
    const res = await api(TEACHER, "GET", "/api/training-events/settings");
    expect(res.status).toBe(200);
    const items = res.body.items as Json[];
    const register = await app.context.reference.settings();
    expect(items).toHaveLength(register.length);
    const firstOther = items.findIndex((s) => s.districtSlug !== "dover");
    expect(firstOther).toBeGreaterThan(0);
    expect(items.slice(firstOther).every((s) => s.districtSlug !== "dover")).toBe(true);
    for (const s of items) expect(Object.keys(s).sort()).toEqual(["districtSlug", "id", "name", "open", "phase"]);
    const post16 = register.find((s) => s.registerPhase === "post-16");
    if (post16) expect(items.find((s) => s.id === post16.id)?.phase).toBe("post-16");
    expect((await api(SENCO, "GET", "/api/training-events/settings")).status).toBe(403);
    expect((await api(OTHER_LEAD, "GET", "/api/training-events/settings?district=dover")).status).toBe(404);
    const thanet = (await api(COMMISSIONER, "GET", "/api/training-events/settings?district=thanet")).body.items as Json[];
    expect(thanet[0]?.districtSlug).toBe("thanet");
  });
});
