/**
 * Malformed outcome bodies: a few hundred generated, each must be refused with 400 and a
 * field error naming a field — never a 5xx, never a write.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningApp } from "../../../src/server/app/start";
import { TEACHER, addMeeting, createAndSubmit, startReferralApp, type Api, type Json } from "../referrals/helpers";

let app: RunningApp;
let api: Api;
let url = "";
let referralId = "";

beforeAll(async () => {
  ({ app, api } = await startReferralApp());
  const meetingId = await addMeeting(app, { startsAt: "2026-12-10T13:30:00Z" });
  const submitted = await createAndSubmit(api, meetingId, "Fuzz Child");
  referralId = submitted.body.referral.id;
  url = `/api/lift-meetings/${meetingId}/outcomes/${referralId}`;
}, 120_000);
afterAll(async () => app?.stop());

/** A small seeded PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const valid = () => ({
  categories: ["strategies_resolved", "training"],
  allocatedTeacherOid: undefined as unknown,
  supportPlan: { supportToBeProvided: "Visits", reviewDate: "2027-03-01" } as Record<string, unknown>,
  actions: [{ id: "a1", description: "Try it", ownerName: "SENCo", dueDate: "2027-01-15" }] as Array<Record<string, unknown>>,
  notes: "Notes",
});

const WEIRD: unknown[] = [null, 42, -1.5, true, "", "x".repeat(5000), [], {}, [1, 2], { $ne: 1 }, "2026-02-30", "<script>"];

type Outcome = ReturnType<typeof valid>;
/** The actions array, made one again if an earlier mutation replaced it (an empty action is itself invalid). */
const acts = (o: Outcome): Array<Record<string, unknown>> => (Array.isArray(o.actions) ? o.actions : (o.actions = [{}]));
/** Each mutation makes the outcome invalid on its own, so any combination is invalid too. */
const MUTATIONS: Array<(o: Outcome, pick: <T>(xs: readonly T[]) => T) => void> = [
  (o, pick) => void (o.categories = pick([["nope"], "strategies_resolved", [1], null, [{}]]) as never),
  (o, pick) => void ((o as Record<string, unknown>).categories = pick([undefined, 7, "x"])),
  (o, pick) => void (o.allocatedTeacherOid = pick(["not-a-guid", 5, {}, "00000000-0000-0000-0000-00000000000Z"])),
  (o, pick) => void (o.supportPlan = pick([[], "plan", 3, { reviewDate: "tomorrow" }, { colour: "blue" }, { potentialDuration: "x".repeat(201) }]) as never),
  (o, pick) => void (o.actions = pick(["none", {}, null, Array.from({ length: 31 }, (_, i) => ({ id: `a${i}`, description: "d", ownerName: "o" }))]) as never),
  (o, pick) => void (acts(o)[0] = { ...acts(o)[0], id: pick(["", "has space", "x".repeat(41), 9, null]) }),
  (o, pick) => void (acts(o)[0] = { ...acts(o)[0], dueDate: pick(["2027-13-01", "15/01/2027", 20270115, "2027-02-29"]) }),
  (o, pick) => void (acts(o)[0] = { ...acts(o)[0], description: pick([undefined, 12, "x".repeat(1001)]) }),
  (o, pick) => void (acts(o)[0] = { ...acts(o)[0], done: pick(["yes", 1, null]) }),
  (o, pick) => void (acts(o)[0] = { ...acts(o)[0], [pick(["owner", "__proto__x", "priority"])]: pick(WEIRD) }),
  (o) => void (o.actions = [acts(o)[0] ?? {}, { ...acts(o)[0] }]), // duplicate action id
  (o, pick) => void (o.notes = pick([5, ["n"], { text: "n" }, "x".repeat(4001)]) as never),
  (o, pick) => void ((o as Record<string, unknown>)[pick(["colour", "status", "approvedBy", "childName"])] = pick(WEIRD)),
];

function malformedBody(random: () => number): unknown {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const r = random();
  // Request-level problems: the wrapper itself.
  if (r < 0.08) return pick([[], [valid()], { outcome: valid(), eTag: pick([5, "", null, {}]) }, { outcome: valid(), extra: 1 }]);
  if (r < 0.15) return { outcome: pick(WEIRD) };
  const outcome = valid();
  const times = 1 + Math.floor(random() * 3);
  for (let i = 0; i < times; i++) pick(MUTATIONS)(outcome, pick);
  return { outcome: JSON.parse(JSON.stringify(outcome)) };
}

it("refuses 300 malformed outcome bodies with 400 and a named field, never a 5xx or a write", async () => {
  const random = prng(20261124);
  const bodies = Array.from({ length: 300 }, () => malformedBody(random));
  const answers: Array<{ body: unknown; status: number; answer: Json }> = [];
  for (let i = 0; i < bodies.length; i += 10) {
    const batch = bodies.slice(i, i + 10);
    const results = await Promise.all(batch.map((b) => api(TEACHER, "PUT", url, b)));
    results.forEach((res, k) => answers.push({ body: batch[k], status: res.status, answer: res.body }));
  }
  for (const a of answers) {
    const context = JSON.stringify(a.body).slice(0, 300);
    expect(a.status, context).toBe(400);
    const keys = Object.keys(a.answer.error.fieldErrors ?? {});
    expect(keys.length, context).toBeGreaterThan(0);
    // A dotted path of non-empty segments (an unknown field is named as sent, e.g. "$ne").
    for (const k of keys) expect(k.split(".").every((segment) => segment.length > 0), `${k} in ${context}`).toBe(true);
  }
  expect(await app.features.liftOutcomes.service.stores.outcomes.all({ where: { referralId } })).toHaveLength(0);
}, 120_000);
