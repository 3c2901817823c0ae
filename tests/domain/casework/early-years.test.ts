import { describe, expect, it } from "vitest";
import { checkSenif, senifAllocationRefusal, senifFromOutcome } from "../../../src/domain/casework/early-years";
import { closedCase, makeCase } from "./fixtures";

const ey = makeCase({ phase: "early-years", yearGroup: undefined, openedAt: "2025-09-10", statusChanges: [{ status: "open-active", at: "2025-09-10" }] });

describe("the SENIF rule", () => {
  it("a SENIF practitioner only after the specialist teacher, on an open early years case", () => {
    expect(senifAllocationRefusal(ey, "2025-09-10")).toBeUndefined();
    expect(senifAllocationRefusal(ey, "2025-09-09")).toBe("A SENIF practitioner can be allocated only after a specialist teacher has been allocated");
    expect(senifAllocationRefusal(makeCase({ phase: "primary" }), "2025-09-20")).toBe("SENIF support is for early years children only");
    expect(senifAllocationRefusal(closedCase("2025-10-01", "moved-away", { phase: "early-years" }), "2025-10-02")).toBe(
      "A SENIF practitioner can be allocated only while the case is open",
    );
  });

  it("checks an allocation: named, dated, not before the request or the teacher", () => {
    const request = { status: "requested" as const, requestedAt: "2025-09-05", requestedVia: "lift-outcome" as const };
    expect(checkSenif(ey, request, "2025-09-20").ok).toBe(true);
    const early = checkSenif(ey, { ...request, status: "allocated", practitionerName: "P", allocatedAt: "2025-09-08" }, "2025-09-20");
    expect(!early.ok && early.messages.allocatedAt).toEqual(["A SENIF practitioner can be allocated only after a specialist teacher has been allocated"]);
    const unnamed = checkSenif(ey, { ...request, status: "allocated", allocatedAt: "2025-09-12" }, "2025-09-20");
    expect(!unnamed.ok && unnamed.messages.practitionerName).toEqual(["Enter the SENIF practitioner's name"]);
    const beforeRequest = checkSenif(ey, { ...request, requestedAt: "2025-09-15", status: "allocated", practitionerName: "P", allocatedAt: "2025-09-12" }, "2025-09-20");
    expect(!beforeRequest.ok && beforeRequest.messages.allocatedAt).toEqual(["The allocation cannot be before the request"]);
    expect(checkSenif(ey, { ...request, status: "allocated", practitionerName: "P", allocatedAt: "2025-09-12" }, "2025-09-20").ok).toBe(true);
    const roleOnly = checkSenif(ey, { ...request, practitionerRole: "SENIF practitioner" }, "2025-09-20");
    expect(!roleOnly.ok && roleOnly.messages.status).toEqual(["Set the status to allocated when a practitioner is named"]);
    expect(checkSenif(ey, { ...request, status: "allocated", practitionerName: "P", practitionerRole: "SENIF practitioner", allocatedAt: "2025-09-10" }, "2025-09-20").ok).toBe(true);
    const school = checkSenif(makeCase(), request, "2025-09-20");
    expect(!school.ok && school.messages.status).toEqual(["SENIF support is for early years children only"]);
  });

  it("an early years LIFT outcome's request starts the case's SENIF block", () => {
    expect(senifFromOutcome("early-years", true, "2025-09-08")).toEqual({ status: "requested", requestedAt: "2025-09-08", requestedVia: "lift-outcome" });
    expect(senifFromOutcome("early-years", false, "2025-09-08")).toBeUndefined();
    expect(senifFromOutcome("primary", true, "2025-09-08")).toBeUndefined();
  });
});
