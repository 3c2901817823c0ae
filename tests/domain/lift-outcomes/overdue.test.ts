import { describe, expect, it } from "vitest";
import { daysBetween, overdueActions, type OverdueSource } from "../../../src/domain/lift-outcomes/overdue";

const action = (id: string, dueDate: string | undefined, done = false) => ({ id, description: `Action ${id}`, ownerName: "SENCo", ...(dueDate ? { dueDate } : {}), ...(done ? { done } : {}) });

describe("overdueActions", () => {
  const sources: OverdueSource[] = [
    { referralId: "10", meetingId: "1", status: "approved", actions: [action("a", "2026-11-23"), action("b", "2026-11-24"), action("c", "2026-11-01", true), action("d", undefined)] },
    { referralId: "11", meetingId: "1", status: "draft", actions: [action("a", "2026-10-01")] },
    { referralId: "12", meetingId: "2", status: "approved", actions: [action("x", "2026-10-25"), action("y", "2026-11-25")] },
  ];

  it("lists approved outcomes' actions not done and due before today, most overdue first", () => {
    const found = overdueActions(sources, "2026-11-24");
    expect(found.map((f) => [f.referralId, f.action.id, f.daysOverdue])).toEqual([
      ["12", "x", 30],
      ["10", "a", 1],
    ]);
  });

  it("does not count an action due today, a done one, one without a date, or a draft's", () => {
    const ids = overdueActions(sources, "2026-11-24").map((f) => `${f.referralId}/${f.action.id}`);
    for (const notOverdue of ["10/b", "10/c", "10/d", "11/a", "12/y"]) expect(ids).not.toContain(notOverdue);
  });

  it("counts calendar days across the clocks going back (UK dates, not 24-hour periods)", () => {
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(overdueActions([{ referralId: "1", meetingId: "1", status: "approved", actions: [action("a", "2026-10-24")] }], "2026-10-26")[0]?.daysOverdue).toBe(2);
  });

  it("refuses a today that is not a plain date (a caller passing an instant is a bug)", () => {
    expect(() => overdueActions(sources, "2026-11-24T00:00:00Z")).toThrow(/YYYY-MM-DD/);
  });
});
