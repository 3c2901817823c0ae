/**
 * Property-based tests (fast-check): thousands of malformed bodies at POST /api/referrals,
 * PUT /api/referrals/:id and POST /api/referrals/:id/submit. Each answer is a 400 whose field errors
 * name the field that was broken — never a 500, never a save.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REFERRAL_FIELDS, type ReferralField } from "../../../src/schemas/referrals/referral";
import type { RunningApp } from "../../../src/server/app/start";
import { SENCO, completeDraft, key, startReferralApp, type Api, type Json } from "./helpers";

let app: RunningApp;
let api: Api;
let draftId = "";
let draftETag = "";

beforeAll(async () => {
  ({ app, api } = await startReferralApp());
  const created = await api(SENCO, "POST", "/api/referrals", { idempotencyKey: key("fuzz-base"), draft: {} });
  draftId = created.body.referral.id;
  draftETag = created.body.referral.eTag;
}, 120_000);
afterAll(async () => app?.stop());

const RUNS = 400;
const BATCH = 25;

// ---- arbitraries ----

const notString = fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.dictionary(fc.string(), fc.integer()), fc.array(fc.string(), { minLength: 1 }));
const notBoolean = fc.oneof(fc.string(), fc.integer(), fc.dictionary(fc.string(), fc.boolean()), fc.array(fc.boolean(), { minLength: 1 }));
const notNumber = fc.oneof(fc.string({ minLength: 1 }).filter((s) => Number.isNaN(Number(s))), fc.boolean(), fc.dictionary(fc.string(), fc.integer()), fc.array(fc.integer(), { minLength: 1 }));
const notArray = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.dictionary(fc.string(), fc.integer()));

/** A value the field can never accept: the wrong type, an unknown option, a non-date, or too long. */
function wrongValue(field: ReferralField): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case "boolean":
      return notBoolean;
    case "number":
    case "derived":
      return notNumber;
    case "list":
    case "multichoice":
      return notArray;
    case "choice":
      return fc.oneof(notString, fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !(field.options ?? []).some((o) => o.value === s.trim()) && s.trim() !== ""));
    case "date":
      return fc.oneof(notString, fc.constantFrom("2026-02-30", "24/11/2026", "yesterday", "2026-13-01", "20261124"));
    default:
      return fc.oneof(notString, ...(field.maxLength ? [fc.string({ minLength: 1, maxLength: 5 }).map((s) => "x".repeat(field.maxLength as number) + s.replace(/\s/g, "y"))] : []));
  }
}

// The setting block is always replaced by the SENCo's own, so breaking it is not an error.
const FIELDS = REFERRAL_FIELDS.filter((f) => !f.path.startsWith("setting.") && f.variants.includes("school"));

/** A complete draft with one field broken, an unknown key added, or a whole group of the wrong type; and the path to expect. */
const brokenDraft: fc.Arbitrary<{ draft: Json; path: string }> = fc.oneof(
  fc.constantFrom(...FIELDS).chain((field) =>
    wrongValue(field).map((value) => {
      const draft: Json = structuredClone(completeDraft("Fuzzy Child"));
      const [group, leaf] = field.path.split(".") as [string, string | undefined];
      if (leaf === undefined) draft[group] = value;
      else draft[group] = { ...(draft[group] ?? {}), [leaf]: value };
      return { draft, path: field.path };
    }),
  ),
  fc
    .tuple(fc.constantFrom("child", "flags", "needs", "question", "agreementToEngage", ""), fc.string({ minLength: 1, maxLength: 12 }).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && !FIELDS.some((f) => f.path.endsWith(`.${k}`) || f.path === k)), fc.jsonValue())
    .map(([group, unknown, value]) => {
      const draft: Json = structuredClone(completeDraft("Fuzzy Child"));
      if (group === "") draft[unknown] = value;
      else draft[group] = { ...draft[group], [unknown]: value };
      return { draft, path: group === "" ? unknown : `${group}.${unknown}` };
    }),
  fc.tuple(fc.constantFrom("child", "flags", "needs", "question", "profile", "agreementToEngage", "referrer"), notArray.filter((v) => typeof v !== "object")).map(([group, value]) => {
    const draft: Json = structuredClone(completeDraft("Fuzzy Child"));
    draft[group] = value;
    return { draft, path: group };
  }),
);

/** Whole bodies of the wrong shape: anything at all, or the envelope with a broken member. */
const junkBody = fc.oneof(fc.jsonValue().filter((v) => v === null || typeof v !== "object" || Array.isArray(v) || !("draft" in v)), fc.constantFrom("{", "[1,", "nul", '{"draft":', "\u0000"));

type Case = { method: string; path: string; body: unknown; raw?: boolean; expectField?: string };

async function expectAll400(cases: Case[]): Promise<void> {
  for (let i = 0; i < cases.length; i += BATCH) {
    const batch = cases.slice(i, i + BATCH);
    const results = await Promise.all(batch.map((c) => api(SENCO, c.method, c.path, typeof c.body === "string" && c.raw ? c.body : JSON.stringify(c.body))));
    for (const [j, r] of results.entries()) {
      const c = batch[j] as Case;
      const context = `${c.method} ${c.path} ${JSON.stringify(c.body).slice(0, 300)} → ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`;
      expect(r.status, context).toBe(400);
      expect(["validation_failed", "bad_request"], context).toContain(r.body.error.code);
      if (r.body.error.code === "validation_failed") expect(Object.keys(r.body.error.fieldErrors ?? {}).length, context).toBeGreaterThan(0);
      if (c.expectField) {
        const keys = Object.keys(r.body.error.fieldErrors ?? {});
        expect(keys.some((k) => k === c.expectField || k.startsWith(`${c.expectField}.`)), `${context}: expected an error at ${c.expectField}`).toBe(true);
      }
    }
  }
}

const sample = <T>(arb: fc.Arbitrary<T>, seed: number, numRuns = RUNS) => fc.sample(arb, { numRuns, seed });

describe("malformed bodies answer 400 with field errors, never 500", () => {
  it("POST /api/referrals", async () => {
    const cases: Case[] = [
      ...sample(brokenDraft, 1).map(({ draft, path }) => ({ method: "POST", path: "/api/referrals", body: { idempotencyKey: key("fuzz"), draft }, expectField: path })),
      ...sample(fc.oneof(fc.string({ maxLength: 7 }), fc.string({ minLength: 8 }).filter((s) => /[^A-Za-z0-9._:-]/.test(s)), fc.integer(), fc.constant(null)), 2, 150).map((idempotencyKey) => ({
        method: "POST",
        path: "/api/referrals",
        body: { idempotencyKey, draft: completeDraft("Fuzzy Child") },
        expectField: "idempotencyKey",
      })),
      ...sample(junkBody, 3, 150).map((body) => ({ method: "POST", path: "/api/referrals", body, raw: typeof body === "string" && !body.startsWith('"') })),
    ];
    await expectAll400(cases);
    // Nothing was saved: the SENCo's list holds no "Fuzzy Child".
    const mine = await api(SENCO, "GET", "/api/referrals");
    expect(mine.body.items.some((r: Json) => r.childName === "Fuzzy Child")).toBe(false);
  });

  it("PUT /api/referrals/:id", async () => {
    const path = `/api/referrals/${draftId}`;
    const cases: Case[] = [
      ...sample(brokenDraft, 4).map(({ draft, path: field }) => ({ method: "PUT", path, body: { eTag: draftETag, draft }, expectField: field })),
      ...sample(fc.oneof(fc.integer(), fc.constant(""), fc.boolean(), fc.string({ minLength: 201, maxLength: 300 })), 5, 100).map((eTag) => ({ method: "PUT", path, body: { eTag, draft: {} }, expectField: "eTag" })),
      ...sample(notArray.filter((v) => typeof v !== "object" || v === null), 6, 100).map((draft) => ({ method: "PUT", path, body: { eTag: draftETag, draft }, expectField: "draft" })),
      ...sample(junkBody, 7, 150).map((body) => ({ method: "PUT", path, body, raw: typeof body === "string" })),
    ];
    await expectAll400(cases);
    // Every PUT was refused, so the draft is still the version the fuzzing started from.
    expect((await api(SENCO, "GET", path)).body.referral.eTag).toBe(draftETag);
  });

  it("POST /api/referrals/:id/submit", async () => {
    const path = `/api/referrals/${draftId}/submit`;
    const badMeeting = fc.oneof(fc.string().filter((s) => !/^\d{1,12}$/.test(s)), fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string(), fc.string()));
    const cases: Case[] = [
      ...sample(badMeeting, 8).map((meetingId) => ({ method: "POST", path, body: { meetingId }, expectField: "meetingId" })),
      ...sample(fc.oneof(fc.integer(), fc.constant(""), fc.boolean(), fc.array(fc.string())), 9, 150).map((eTag) => ({ method: "POST", path, body: { meetingId: "1", eTag }, expectField: "eTag" })),
      ...sample(junkBody, 10, 150).map((body) => ({ method: "POST", path, body, raw: typeof body === "string" })),
      // A well-formed submit of an empty draft: the browser's messages for every required field.
      ...Array.from({ length: 20 }, () => ({ method: "POST", path, body: { meetingId: "1" }, expectField: "child.legalName" })),
    ];
    await expectAll400(cases);
    expect((await api(SENCO, "GET", `/api/referrals/${draftId}`)).body.referral.status).toBe("draft");
  });
});
