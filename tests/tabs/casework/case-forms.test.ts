import { describe, expect, it } from "vitest";
import {
  blankClinic,
  blankReview,
  blankVisit,
  clinicMessages,
  clinicToSend,
  closeMessages,
  closeToSend,
  newClinicEntry,
  newTarget,
  reviewMessages,
  reviewToSend,
  rowId,
  statusMessages,
  statusToSend,
  summaryOf,
  targetMessages,
  unwrapFieldErrors,
  visitMessages,
  visitToSend,
} from "../../../tabs/casework/case-forms";
import type { Target } from "../../../src/schemas/casework/records";

const TODAY = "2026-11-24";
const targets: Target[] = [
  { id: "t1", text: "Reads a short passage", agreedWith: ["school"], setAt: "2026-11-16" },
  { id: "t2", text: "Uses the phonics mat", agreedWith: ["family"], setAt: "2026-11-16", endedAt: "2026-11-20" },
  { id: "t3", text: "Set later", agreedWith: ["child"], setAt: "2026-11-25" },
];

describe("targets", () => {
  it("a new target has an id the schema accepts and asks for its text and who agreed it", () => {
    const t = newTarget(TODAY);
    expect(rowId("t")).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
    expect(t.setAt).toBe(TODAY);
    const messages = targetMessages([targets[0]!, t]);
    expect(Object.keys(messages).sort()).toEqual(["targets.1.agreedWith", "targets.1.text"]);
    expect(messages["targets.1.text"]).toEqual(["Enter the target"]);
  });
});

describe("visit", () => {
  it("sends the case's setting and the framework of its phase, and names missing answers at the form's paths", () => {
    const form = { ...blankVisit(TODAY), seen: ["child"], adviceGiven: "Modelled paired reading", nextSteps: "Daily reading", graduatedApproachStage: "do", section: "Cognition and learning" };
    const sent = visitToSend(form, { settingId: "DOV-P1", phase: "primary" });
    expect(sent).toMatchObject({ settingId: "DOV-P1", standards: { framework: "mainstream-core-standards", section: "Cognition and learning" } });
    expect(visitMessages(sent)).toEqual({});
    expect(visitToSend(form, { settingId: "DOV-N1", phase: "early-years" }).standards).toMatchObject({ framework: "ey-best-practice-guidance" });
    const blank = visitMessages(visitToSend(blankVisit(TODAY), { settingId: "DOV-P1", phase: "primary" }));
    expect(Object.keys(blank).sort()).toEqual(["adviceGiven", "graduatedApproachStage", "nextSteps", "section", "seen"]);
  });
});

describe("review", () => {
  it("asks for a result for each target in force on its date, by target id", () => {
    const form = { ...blankReview(TODAY), results: { t1: "achieved" as const }, targetsAmended: "no" as const, nextReviewDate: "2027-02-01" };
    const sent = reviewToSend(form, targets);
    expect(sent.results).toEqual([{ targetId: "t1", result: "achieved" }]);
    expect(reviewMessages(sent)).toEqual({});
    expect(sent.targetsAmended).toBe(false);
  });

  it("names a missing result at its target, and the next date unless final", () => {
    const sent = reviewToSend({ ...blankReview("2026-11-19"), final: false }, targets);
    const messages = reviewMessages(sent);
    expect(Object.keys(messages).sort()).toEqual(["nextReviewDate", "results.t1", "results.t2", "targetsAmended"]);
    const final = reviewToSend({ ...blankReview(TODAY), results: { t1: "progress-50" }, targetsAmended: "yes", final: true, nextReviewDate: "2027-01-01" }, targets);
    expect(final.nextReviewDate).toBeUndefined();
    expect(reviewMessages(final)).toEqual({});
  });

  it("takes a refusal's paths off the body's wrapper and puts them at the target", () => {
    const sent = reviewToSend(blankReview(TODAY), targets);
    const server = unwrapFieldErrors({ "review.results.0.result": ["Choose the result for this target"], idempotencyKey: ["x"] }, "review");
    expect(server).toEqual({ "results.0.result": ["Choose the result for this target"], idempotencyKey: ["x"] });
    expect(reviewMessages({ ...sent, results: [{ targetId: "t1", result: "achieved" }] }, server)["results.t1"]).toEqual(["Choose the result for this target"]);
  });
});

describe("status and closure", () => {
  it("going inactive needs a reason, and Other needs text", () => {
    expect(Object.keys(statusMessages(statusToSend({ status: "open-inactive", at: TODAY, inactiveReason: "", inactiveReasonText: "" })))).toEqual(["inactiveReason"]);
    expect(Object.keys(statusMessages(statusToSend({ status: "open-inactive", at: TODAY, inactiveReason: "other", inactiveReasonText: "" })))).toEqual(["inactiveReasonText"]);
    expect(statusToSend({ status: "open-active", at: TODAY, inactiveReason: "other", inactiveReasonText: "left over" })).toEqual({ status: "open-active", at: TODAY });
  });

  it("closing needs a reason and the final review", () => {
    expect(Object.keys(closeMessages(closeToSend({ reason: "", reasonText: "", closedAt: TODAY, finalReviewId: "" }))).sort()).toEqual(["finalReviewId", "reason"]);
    expect(closeMessages(closeToSend({ reason: "targets-achieved", reasonText: " ", closedAt: TODAY, finalReviewId: "12" }))).toEqual({});
  });
});

describe("clinic", () => {
  it("an anonymised question needs its text and outcome; the caller is the teacher", () => {
    const form = { ...blankClinic(TODAY), entries: [newClinicEntry()] };
    const sent = clinicToSend(form, "dover", { oid: "00000000-0000-4000-8000-000000000001", displayName: "Sam Patel" });
    expect(sent).toMatchObject({ districtSlug: "dover", teacherName: "Sam Patel", status: "held" });
    expect(Object.keys(clinicMessages(sent)).sort()).toEqual(["entries.0.outcome", "entries.0.question"]);
    const ok = clinicToSend({ ...form, entries: [{ ...form.entries[0]!, question: "Ideas for a Year 2 child who will not write", outcome: "advice-given" }] }, "dover", { oid: "00000000-0000-4000-8000-000000000001", displayName: "Sam Patel" });
    expect(clinicMessages(ok)).toEqual({});
  });

  it("orders the summary as the form shows the fields", () => {
    expect(summaryOf({ b: ["second"], a: ["first"], z: ["last"] }, ["a", "b"]).map((e) => e.message)).toEqual(["first", "second", "last"]);
  });
});
