/**
 * Properties of the casework figures over random cases, reviews and clinics: no figure exceeds its
 * denominator, a closed case is never counted as active, and a review dated outside the term never
 * counts in it.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { caseworkFigures, type CaseworkFiguresInput } from "../../../src/domain/casework/kpi-figures";
import { isActiveOn } from "../../../src/domain/casework/status";
import type { CaseRecord, ClinicRecord, ReviewRecord } from "../../../src/domain/casework/model";
import { addDays } from "../../../src/domain/time/calendar";
import { closedCase, makeCase, makeClinic, makeReview, TERM_2 } from "./fixtures";

const DAY0 = "2025-08-01";
/** Days from 1 Aug 2025 to the end of February 2026: before, in and after term 2. */
const day = fc.integer({ min: 0, max: 210 }).map((n) => addDays(DAY0, n));
const gap = fc.integer({ min: 0, max: 60 });
/** A value one time in three, else undefined. */
const sometimes = <T>(a: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: a, weight: 1 });

const caseArb = fc
  .record({
    child: fc.integer({ min: 1, max: 8 }), // few handles, so children have several cases
    district: fc.constantFrom("dover", "thanet"),
    team: fc.constantFrom("district", "district", "county-sensory") as fc.Arbitrary<CaseRecord["team"]>,
    phase: fc.constantFrom("early-years", "primary", "secondary") as fc.Arbitrary<CaseRecord["phase"]>,
    need: fc.constantFrom("CI", "CL", "SEMH", "SP") as fc.Arbitrary<CaseRecord["primaryArea"]>,
    openedAt: day,
    inactiveAfter: sometimes(gap),
    closeAfter: sometimes(gap),
    reason: fc.constantFrom("targets-achieved", "moved-away", "needs-met-elsewhere", "ehcp", "other") as fc.Arbitrary<NonNullable<CaseRecord["closure"]>["reason"]>,
    // Mostly one or more targets, mostly still in force.
    targets: fc.constantFrom(0, 1, 1, 2, 3).chain((n) =>
      fc.array(
        fc.record({ after: gap, lasts: fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: fc.integer({ min: 1, max: 120 }), weight: 1 }) }),
        { minLength: n, maxLength: n },
      ),
    ),
  })
  .map((g): Omit<CaseRecord, "id"> => {
    const changes: CaseRecord["statusChanges"] = [{ status: "open-active", at: g.openedAt }];
    let last = g.openedAt;
    if (g.inactiveAfter !== undefined) {
      last = addDays(last, g.inactiveAfter);
      changes.push({ status: "open-inactive", at: last, inactiveReason: "paused" });
    }
    const targets = g.targets.map((t, i) => {
      const setAt = addDays(g.openedAt, t.after);
      return { id: `t${i}`, text: "x", agreedWith: ["school" as const], setAt, ...(t.lasts ? { endedAt: addDays(setAt, t.lasts) } : {}) };
    });
    const base = makeCase({
      childRef: `DOV-2526-${String(g.child).padStart(4, "0")}`,
      districtSlug: g.district,
      team: g.team,
      phase: g.phase,
      primaryArea: g.need,
      openedAt: g.openedAt,
      statusChanges: changes,
      status: changes[changes.length - 1]!.status,
      targets,
    });
    return g.closeAfter === undefined ? base : closedCase(addDays(last, g.closeAfter), g.reason, base);
  });

const reviewArb = (caseCount: number) =>
  fc.record({
    caseIndex: fc.integer({ min: 0, max: Math.max(0, caseCount - 1) }),
    date: day,
    results: fc.array(fc.constantFrom("achieved", "progress-50", "progress-under-50") as fc.Arbitrary<ReviewRecord["results"][number]["result"]>, { minLength: 1, maxLength: 3 }),
    amended: fc.boolean(),
  });

const clinicArb = fc.record({
  district: fc.constantFrom("dover", "thanet"),
  phase: fc.constantFrom("school", "early-years") as fc.Arbitrary<ClinicRecord["phase"]>,
  status: fc.constantFrom("planned", "held", "cancelled") as fc.Arbitrary<ClinicRecord["status"]>,
  date: day,
  entries: fc.integer({ min: 0, max: 4 }),
});

const world = fc
  .record({ cases: fc.array(caseArb, { maxLength: 25 }), clinics: fc.array(clinicArb, { maxLength: 8 }), today: fc.integer({ min: 90, max: 240 }).map((n) => addDays(DAY0, n)) })
  .chain((w) =>
    fc.array(reviewArb(w.cases.length), { maxLength: w.cases.length === 0 ? 0 : 30 }).map((rs) => {
      const cases: CaseRecord[] = w.cases.map((c, i) => ({ ...c, id: `c${i}` }));
      const reviews: ReviewRecord[] = rs.map((r, i) =>
        makeReview({ id: `r${i}`, caseId: `c${r.caseIndex}`, date: r.date, results: r.results.map((result, k) => ({ targetId: `t${k}`, result })), targetsAmended: r.amended }),
      );
      const clinics: ClinicRecord[] = w.clinics.map((k, i) =>
        makeClinic({ id: `k${i}`, districtSlug: k.district, phase: k.phase, status: k.status, date: k.date, entries: Array.from({ length: k.entries }, (_, e) => ({ id: `e${e}`, question: "q", outcome: "advice-given" as const })) }),
      );
      return { districtSlug: "dover", districtName: "Dover", term: TERM_2, today: w.today, cases, reviews, clinics } satisfies CaseworkFiguresInput;
    }),
  );

const PAIRS = ["targets_reviewed", "kpi_2_1", "targets_amended", "closed_achieved"];
const REVIEW_BASED = ["targets_reviewed_num", "kpi_2_1_num", "kpi_2_1_den", "targets_amended_num", "targets_amended_den"];

describe("casework figures (properties)", () => {
  it("no figure exceeds its denominator, and none is negative", () => {
    fc.assert(
      fc.property(world, (input) => {
        const f = caseworkFigures(input).figures;
        for (const p of PAIRS) {
          if (f[`${p}_num`] || f[`${p}_den`]) expect(f[`${p}_num`]!.value).toBeLessThanOrEqual(f[`${p}_den`]!.value);
        }
        for (const g of ["school", "ey"]) {
          if (!f[`caseload_${g}`]) continue;
          expect(f[`children_active_${g}`]!.value).toBeLessThanOrEqual(f[`caseload_${g}`]!.value);
          const byNeed = ["ci", "cl", "semh", "sp"].reduce((s, n) => s + (f[`active_cases_${n}_${g}`]?.value ?? 0), 0);
          expect(byNeed).toBe(f[`children_active_${g}`]!.value);
        }
        for (const v of Object.values(f)) expect(v.value).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it("a closed case is never counted as active", () => {
    fc.assert(
      fc.property(world, (input) => {
        const asOf = input.today < TERM_2.end ? input.today : TERM_2.end;
        for (const c of input.cases) {
          const closed = c.statusChanges.find((s) => s.status === "closed");
          if (closed && closed.at <= asOf) expect(isActiveOn(c, asOf)).toBe(false);
        }
        // Close on the term's first day every case whose history allows it: then nobody is active or on the caseload at its end.
        const allClosed = input.cases
          .filter((c) => c.statusChanges.every((s) => s.at <= TERM_2.start))
          .map((c) => (c.status === "closed" ? c : closedCase(TERM_2.start, "other", c)));
        const f = caseworkFigures({ ...input, cases: allClosed }).figures;
        for (const g of ["school", "ey"]) {
          if (f[`children_active_${g}`]) expect(f[`children_active_${g}`]!.value).toBe(0);
          if (f[`caseload_${g}`]) expect(f[`caseload_${g}`]!.value).toBe(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("a review dated outside the term does not count in it", () => {
    const outside = fc.oneof(
      fc.integer({ min: 1, max: 60 }).map((n) => addDays(TERM_2.start, -n)),
      fc.integer({ min: 1, max: 60 }).map((n) => addDays(TERM_2.end, n)),
    );
    fc.assert(
      fc.property(world, fc.array(fc.tuple(outside, fc.boolean(), fc.nat()), { minLength: 1, maxLength: 10 }), (input, extra) => {
        if (input.cases.length === 0) return;
        const more = extra.map(([date, amended, n], i) =>
          makeReview({ id: `x${i}`, caseId: input.cases[n % input.cases.length]!.id, date, targetsAmended: amended, results: [{ targetId: "t0", result: amended ? "achieved" : "progress-under-50" }] }),
        );
        const before = caseworkFigures(input).figures;
        const after = caseworkFigures({ ...input, reviews: [...input.reviews, ...more] }).figures;
        for (const id of REVIEW_BASED) expect(after[id]?.value, id).toBe(before[id]?.value);
      }),
      { numRuns: 200 },
    );
  });
});
