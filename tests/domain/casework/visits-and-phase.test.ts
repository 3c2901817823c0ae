import { describe, expect, it } from "vitest";
import { casePhase, phaseGroup, standardsFrameworkFor } from "../../../src/domain/casework/phase";
import { checkVisit, firstVisitDate } from "../../../src/domain/casework/visits";
import { closedCase, makeCase, makeVisit } from "./fixtures";

describe("a case's phase", () => {
  it("follows the setting, and in an all-through school the year group", () => {
    expect(casePhase("early-years")).toBe("early-years");
    expect(casePhase("primary", "Y3")).toBe("primary");
    expect(casePhase("secondary")).toBe("secondary");
    expect(casePhase("all-through", "Y6")).toBe("primary");
    expect(casePhase("all-through", "Y7")).toBe("secondary");
    expect(casePhase("all-through")).toBeUndefined();
    expect(phaseGroup("secondary")).toBe("school");
    expect(phaseGroup("early-years")).toBe("ey");
    expect(standardsFrameworkFor("early-years")).toBe("ey-best-practice-guidance");
  });
});

describe("a record of visit", () => {
  const { id: _id, caseId: _c, teacherOid: _t, teacherName: _n, recordedAt: _r, ...input } = makeVisit();

  it("is dated within the case and refers to the phase's framework", () => {
    expect(checkVisit(makeCase(), input, "2025-09-21").ok).toBe(true);
    const future = checkVisit(makeCase(), input, "2025-09-19");
    expect(!future.ok && future.messages.date).toEqual(["The visit date cannot be in the future"]);
    const early = checkVisit(makeCase({ openedAt: "2025-09-25" }), input, "2025-09-30");
    expect(!early.ok && early.messages.date).toEqual(["The visit date cannot be before the case opened"]);
    const after = checkVisit(closedCase("2025-09-15", "moved-away"), input, "2025-09-30");
    expect(!after.ok && after.messages.date).toEqual(["The visit date cannot be after the case closed"]);
    const ey = checkVisit(makeCase({ phase: "early-years" }), input, "2025-09-21");
    expect(!ey.ok && ey.messages["standards.framework"]).toEqual(["An early years visit refers to the Early Years Best Practice Guidance"]);
  });

  it("the first visit is the earliest on or after the opening", () => {
    const visits = [
      { caseId: "1", date: "2025-10-01" },
      { caseId: "1", date: "2025-09-20" },
      { caseId: "1", date: "2025-09-01" },
      { caseId: "2", date: "2025-09-11" },
    ];
    expect(firstVisitDate(makeCase(), visits)).toBe("2025-09-20");
    expect(firstVisitDate(makeCase({ id: "3" }), visits)).toBeUndefined();
  });
});
