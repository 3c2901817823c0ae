/** The outcome form's working copy: what is sent. */
import { describe, expect, it } from "vitest";
import { liftOutcomeValidationMessages } from "../../../src/schemas/lift-outcomes/outcome";
import { outcomeDisplayOrder, outcomeToSend } from "../../../tabs/lift-outcomes/outcome-form";

describe("outcome sent", () => {
  it("drops blanks, and the support plan unless a category allocates support", () => {
    const sent = outcomeToSend({
      categories: ["training"],
      actions: [{ id: "a1", description: "Do", ownerName: "Jo", dueDate: "" }],
      supportPlan: { reviewDate: "2026-01-01" },
      notes: "",
    });
    expect(sent).toEqual({ categories: ["training"], actions: [{ id: "a1", description: "Do", ownerName: "Jo" }] });
  });
});

describe("SENIF practitioner requested (early years)", () => {
  it("is sent when ticked, shown after the review date, and needs a specialist teacher allocated to approve", () => {
    const o = { categories: ["ep_involvement" as const], actions: [], senifRequested: true };
    expect(outcomeToSend(o).senifRequested).toBe(true);
    expect(outcomeToSend({ ...o, senifRequested: undefined })).not.toHaveProperty("senifRequested");
    const order = outcomeDisplayOrder(o);
    expect(order.indexOf("senifRequested")).toBe(order.indexOf("supportPlan.reviewDate") + 1);
    const refused = liftOutcomeValidationMessages(outcomeToSend(o), { mode: "approve" });
    expect(refused.messages.senifRequested).toEqual(["A SENIF practitioner is requested with a specialist teacher allocation: allocate one too, or untick the request"]);
    expect(liftOutcomeValidationMessages(outcomeToSend(o), { mode: "draft" }).ok).toBe(true);
  });
});
