/** The outcome form's working copy: what is sent. */
import { describe, expect, it } from "vitest";
import { outcomeToSend } from "../../../tabs/lift-outcomes/outcome-form";

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
