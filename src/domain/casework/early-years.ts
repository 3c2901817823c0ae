/**
 * The early years SENIF route. A SENIF practitioner models in the setting the support a specialist
 * teacher has identified; the council allocates one only to a child open to STLS with a specialist
 * teacher allocated ([Background](README.md#background)). So, for a case:
 * - SENIF support is for early years cases only;
 * - it can be requested at the early years LIFT (the outcome asks for it) or later by the teacher;
 * - a practitioner can be allocated only once the specialist teacher is — on or after the day the
 *   case opened — and only while the case is open.
 * Pure: the caller passes today's UK date.
 */
import type { Senif, SenifInput } from "../../schemas/casework/records";
import { messageCollector, type CaseRecord, type RuleResult } from "./model";
import { isOpenOn } from "./status";

type SenifCase = Pick<CaseRecord, "phase" | "openedAt" | "statusChanges" | "allocatedTeacherOid">;

/** Whether a SENIF practitioner may be allocated to the case on `date`, and if not, why not. */
export function senifAllocationRefusal(c: SenifCase, date: string): string | undefined {
  if (c.phase !== "early-years") return "SENIF support is for early years children only";
  if (!c.allocatedTeacherOid || date < c.openedAt) {
    return "A SENIF practitioner can be allocated only after a specialist teacher has been allocated";
  }
  if (!isOpenOn(c, date)) return "A SENIF practitioner can be allocated only while the case is open";
  return undefined;
}

/** Check a SENIF request or allocation against the case; answers the SENIF block to store. */
export function checkSenif(c: SenifCase, input: SenifInput, today: string): RuleResult<Senif> {
  const m = messageCollector();
  if (c.phase !== "early-years") m.add("status", "SENIF support is for early years children only");
  if (input.requestedAt > today) m.add("requestedAt", "The date cannot be in the future");
  if (input.status === "allocated") {
    if (!input.practitionerName) m.add("practitionerName", "Enter the SENIF practitioner's name");
    if (!input.allocatedAt) m.add("allocatedAt", "Enter the date the SENIF practitioner was allocated");
    else {
      if (input.allocatedAt > today) m.add("allocatedAt", "The date cannot be in the future");
      if (input.allocatedAt < input.requestedAt) m.add("allocatedAt", "The allocation cannot be before the request");
      const refusal = senifAllocationRefusal(c, input.allocatedAt);
      if (refusal && c.phase === "early-years") m.add("allocatedAt", refusal);
    }
  } else if (input.allocatedAt || input.practitionerName || input.practitionerRole) {
    m.add("status", "Set the status to allocated when a practitioner is named");
  }
  return m.result(input);
}

/**
 * The SENIF block a new case starts with: a request when an early years LIFT outcome asked for a
 * SENIF practitioner (dated the day of the LIFT meeting), none otherwise.
 */
export function senifFromOutcome(phase: CaseRecord["phase"], senifRequested: boolean | undefined, liftDate: string): Senif | undefined {
  return phase === "early-years" && senifRequested ? { status: "requested", requestedAt: liftDate, requestedVia: "lift-outcome" } : undefined;
}
