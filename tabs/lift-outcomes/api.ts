/**
 * The LIFT outcomes API as the tab uses it, typed from the contract src/schemas/lift-outcomes/api.ts:
 * a case's outcome record, a meeting's attendance, the district's overdue actions.
 */
import { useMemo } from "react";
import { useSession, type ApiClient } from "../shell";
import { liftOutcomesApi as outcomes, type Attendance, type AttendanceInput, type OutcomeRecord, type OverdueAction } from "../../src/schemas/lift-outcomes/api";
import type { LiftOutcomeInput } from "../../src/schemas/lift-outcomes/outcome";

export type { Attendance, AttendanceInput, LiftOutcomeInput, OutcomeRecord, OverdueAction };

export function liftOutcomesApi(api: ApiClient) {
  return {
    outcome: (id: string, referralId: string) => api.call(outcomes.getOutcome, { params: { id, referralId } }).then((r) => r.outcome),
    saveOutcome: (id: string, referralId: string, outcome: LiftOutcomeInput, eTag?: string) =>
      api.call(outcomes.saveOutcome, { params: { id, referralId }, body: { ...(eTag ? { eTag } : {}), outcome } }).then((r) => r.outcome),
    approveOutcome: (id: string, referralId: string, eTag: string) =>
      api.call(outcomes.approveOutcome, { params: { id, referralId }, body: { eTag } }).then((r) => r.outcome),
    attendance: (id: string) => api.call(outcomes.getAttendance, { params: { id } }),
    saveAttendance: (id: string, body: AttendanceInput) => api.call(outcomes.saveAttendance, { params: { id }, body }),
    overdue: (district: string) => api.call(outcomes.overdueActions, { query: { district } }).then((r) => r.items),
    markDone: (referralId: string, actionId: string) => api.call(outcomes.markActionDone, { params: { referralId, actionId } }),
  };
}

export type LiftOutcomesApi = ReturnType<typeof liftOutcomesApi>;

export function useOutcomesApi(): LiftOutcomesApi {
  const { api } = useSession();
  return useMemo(() => liftOutcomesApi(api), [api]);
}
