/**
 * Thousands of random and malformed inputs: parsing never throws, and every issue has a path.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ReferralDraft, referralSubmissionSchema, referralValidationMessages } from "../../../src/schemas/referrals/referral";
import { AS_OF, earlyYearsReferral, schoolReferral } from "./fixtures";

const submission = referralSubmissionSchema(AS_OF);

function checkNeverThrows(input: unknown) {
  for (const schema of [ReferralDraft, submission]) {
    const result = schema.safeParse(input);
    if (!result.success) {
      expect(result.error.issues.length).toBeGreaterThan(0);
      for (const issue of result.error.issues) {
        expect(Array.isArray(issue.path)).toBe(true);
        for (const p of issue.path) expect(["string", "number"]).toContain(typeof p);
        expect(typeof issue.message).toBe("string");
        expect(issue.message.length).toBeGreaterThan(0);
      }
    }
  }
  for (const mode of ["draft", "submit"] as const) {
    const r = referralValidationMessages(input, { asOf: AS_OF, mode });
    expect(r.ok).toBe(Object.keys(r.messages).length === 0);
    for (const msgs of Object.values(r.messages)) expect(msgs.length).toBeGreaterThan(0);
  }
}

/** Replace the value at a random path of a valid referral with something random. */
const small = fc.anything({ maxDepth: 2, maxKeys: 4 });
const nasty = fc.oneof(
  small,
  fc.string(),
  fc.constantFrom("", "   ", null, undefined, 0, -1, NaN, Infinity, true, [], {}, "2025-02-30", "<b>x</b>", "\u0000", "x".repeat(5000)),
  fc.array(small, { maxLength: 12 }),
  fc.dictionary(fc.string({ maxLength: 8 }), small, { maxKeys: 6 }),
);

function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (value && typeof value === "object") return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return [prefix];
}

function setAt(root: unknown, path: (string | number)[], v: unknown): unknown {
  if (path.length === 0) return v;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  copy[head] = setAt(copy[head], rest, v);
  return copy;
}

describe("fuzz", { timeout: 120_000 }, () => {
  it("random values of any type never throw", () => {
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withDate: true, withBigInt: true }), checkNeverThrows), {
      numRuns: 2000,
    });
  });

  it("random objects shaped a little like a referral never throw", () => {
    const section = fc.dictionary(fc.constantFrom("legalName", "dateOfBirth", "yearGroup", "given", "date", "question", "x", "__proto__", "constructor"), nasty);
    const referral = fc.record(
      {
        setting: fc.oneof(fc.record({ settingId: fc.oneof(fc.constant("DOV-P1"), fc.string()), phase: fc.oneof(fc.constantFrom("primary", "secondary", "all-through", "early-years"), fc.string()) }), nasty),
        child: section,
        agreementToEngage: section,
        question: section,
        apdrCycles: fc.oneof(fc.array(section, { maxLength: 10 }), nasty),
        needs: fc.oneof(fc.record({ primaryArea: fc.constantFrom("CI", "CL", "SEMH", "SP", "x"), secondaryArea: fc.constantFrom("CI", "CL", "SEMH", "SP", "x") }), nasty),
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(referral, checkNeverThrows), { numRuns: 2000 });
  });

  it("a valid referral with any one value replaced never throws", () => {
    const base = [schoolReferral(), earlyYearsReferral()];
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.nat(), nasty, (which, pick, value) => {
        const valid = base[which];
        const all = paths(valid);
        const path = all[pick % all.length]!;
        const input = setAt(valid, path, value);
        checkNeverThrows(input);
      }),
      { numRuns: 3000 },
    );
  });

  it("any plain text in a free text field is kept exactly (trimmed only)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500, unit: "grapheme" }), (text) => {
        const r = schoolReferral();
        const result = ReferralDraft.safeParse({ ...r, question: { question: text } });
        if (text.trim().length <= 500) {
          expect(result.success).toBe(true);
          expect(result.data?.question?.question).toBe(text.trim());
        }
      }),
      { numRuns: 1000 },
    );
  });
});
