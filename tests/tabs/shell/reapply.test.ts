/** Re-applying my edits onto someone else's newer version, as every tab editor does after a 412. */
import { describe, expect, it } from "vitest";
import { reapplyEdits, sameValue } from "../../../tabs/shell/reapply";
import type { LiftOutcomeInput } from "../../../src/schemas/lift-outcomes/outcome";

describe("reapplyEdits", () => {
  it("keeps what I changed and takes theirs for what I left alone, key by key", () => {
    const base = { child: { legalName: "A", dob: "2019-01-01" }, question: { question: "" } };
    const mine = { child: { legalName: "B", dob: "2019-01-01" }, question: { question: "" } };
    const theirs = { child: { legalName: "A", dob: "2019-02-02" }, question: { question: "Theirs" } };
    expect(reapplyEdits(base, mine, theirs)).toEqual({ child: { legalName: "B", dob: "2019-02-02" }, question: { question: "Theirs" } });
  });

  it("is theirs when I changed nothing, and mine where both changed the same answer", () => {
    const base = { notes: "x" };
    expect(reapplyEdits(base, { notes: "x" }, { notes: "theirs" })).toEqual({ notes: "theirs" });
    expect(reapplyEdits(base, { notes: "mine" }, { notes: "theirs" })).toEqual({ notes: "mine" });
  });

  it("treats a list without ids as one answer", () => {
    expect(reapplyEdits({ c: ["a"] }, { c: ["a", "b"] }, { c: ["z"] })).toEqual({ c: ["a", "b"] });
    expect(reapplyEdits({ c: ["a"] }, { c: ["a"] }, { c: ["z"] })).toEqual({ c: ["z"] });
  });

  it("merges an outcome: my notes and my new action onto their categories, actions by id, the support plan by field", () => {
    const base: LiftOutcomeInput = {
      categories: [],
      actions: [{ id: "a1", description: "Call home", ownerName: "Jo" }],
      supportPlan: { reviewDate: "2026-01-01" },
    };
    const mine: LiftOutcomeInput = {
      categories: [],
      actions: [
        { id: "a1", description: "Call home", ownerName: "Jo" },
        { id: "a2", description: "Observe", ownerName: "Sam" },
      ],
      supportPlan: { reviewDate: "2026-02-02" },
      notes: "My notes",
    };
    const theirs: LiftOutcomeInput = {
      categories: ["training"],
      actions: [{ id: "a1", description: "Call home today", ownerName: "Jo" }],
      supportPlan: { reviewDate: "2026-01-01", potentialDuration: "6 weeks" },
    };
    expect(reapplyEdits(base, mine, theirs)).toEqual({
      categories: ["training"],
      actions: [
        { id: "a1", description: "Call home today", ownerName: "Jo" },
        { id: "a2", description: "Observe", ownerName: "Sam" },
      ],
      supportPlan: { reviewDate: "2026-02-02", potentialDuration: "6 weeks" },
      notes: "My notes",
    });
  });

  it("drops an item I removed, and one they removed that I did not touch", () => {
    const a = { id: "a", v: 1 };
    const b = { id: "b", v: 1 };
    expect(reapplyEdits({ l: [a, b] }, { l: [b] }, { l: [a, b] })).toEqual({ l: [b] });
    expect(reapplyEdits({ l: [a, b] }, { l: [a, b] }, { l: [b] })).toEqual({ l: [b] });
    // One they removed but I edited is kept, with my edit.
    expect(reapplyEdits({ l: [a, b] }, { l: [{ id: "a", v: 2 }, b] }, { l: [b] })).toEqual({ l: [b, { id: "a", v: 2 }] });
  });

  it("counts a missing answer the same as null", () => {
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
  });
});
