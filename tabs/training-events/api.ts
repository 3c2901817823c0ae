/** The training-events API as the tab uses it, typed from the contract src/schemas/training-events/api.ts. */
import { useMemo } from "react";
import { useSession, type ApiClient } from "../shell";
import { trainingEventsApi as contract, type AttendanceSetting, type AutismTargetView, type TrainingSessionRecord, type TransitionEventRecord } from "../../src/schemas/training-events/api";
import type { TrainingSessionInput, TransitionEventInput } from "../../src/schemas/training-events/records";

export type { AttendanceSetting, AutismTargetView, TrainingSessionRecord, TransitionEventRecord };

/** A district's records between two dates (a term). */
export interface RecordsQuery {
  district: string;
  from: string;
  to: string;
}

export function trainingApi(api: ApiClient) {
  return {
    sessions: (query: RecordsQuery) => api.call(contract.listTrainingSessions, { query }).then((r) => r.items),
    session: (id: string) => api.call(contract.getTrainingSession, { params: { id } }).then((r) => r.session),
    recordSession: (idempotencyKey: string, session: TrainingSessionInput) => api.call(contract.recordTrainingSession, { body: { idempotencyKey, session } }).then((r) => r.session),
    updateSession: (id: string, eTag: string, session: TrainingSessionInput) => api.call(contract.updateTrainingSession, { params: { id }, body: { eTag, session } }).then((r) => r.session),
    deleteSession: (id: string, eTag: string) => api.call(contract.deleteTrainingSession, { params: { id }, query: { eTag } }),
    events: (query: RecordsQuery) => api.call(contract.listTransitionEvents, { query }).then((r) => r.items),
    event: (id: string) => api.call(contract.getTransitionEvent, { params: { id } }).then((r) => r.event),
    recordEvent: (idempotencyKey: string, event: TransitionEventInput) => api.call(contract.recordTransitionEvent, { body: { idempotencyKey, event } }).then((r) => r.event),
    updateEvent: (id: string, eTag: string, event: TransitionEventInput) => api.call(contract.updateTransitionEvent, { params: { id }, body: { eTag, event } }).then((r) => r.event),
    deleteEvent: (id: string, eTag: string) => api.call(contract.deleteTransitionEvent, { params: { id }, query: { eTag } }),
    settings: (district: string) => api.call(contract.attendanceSettings, { query: { district } }).then((r) => r.items),
    autismTarget: (district: string, year: string) => api.call(contract.autismTarget, { query: { district, year } }),
  };
}

export type TrainingApi = ReturnType<typeof trainingApi>;

export function useTrainingApi(): TrainingApi {
  const { api } = useSession();
  return useMemo(() => trainingApi(api), [api]);
}
