/**
 * The LIFT meetings API as the tab uses it, typed from the contracts: src/schemas/lift-meetings/api.ts
 * (meetings, agenda, stage), src/schemas/lift-outcomes/api.ts (outcomes, attendance, actions) and
 * src/schemas/core/api.ts (a district's team).
 */
import type { ApiClient } from "../shell";
import {
  liftMeetingsApi as meetings,
  type Agenda,
  type AgendaEntry,
  type AgendaEntryInput,
  type MeetingDetail,
  type PlanMeetingsRequest,
  type PlannedMeetingInput,
  type StageView,
} from "../../src/schemas/lift-meetings/api";
import { liftOutcomesApi as outcomes, type Attendance, type AttendanceInput, type OutcomeRecord, type OverdueAction } from "../../src/schemas/lift-outcomes/api";
import { coreApi, type TeamMember } from "../../src/schemas/core/api";
import type { BodyInputOf, QueryInputOf } from "../../src/schemas/core/contract";
import type { LiftMeetingSummary } from "../../src/schemas/referrals/api";
import type { LiftOutcomeInput } from "../../src/schemas/lift-outcomes/outcome";

export type {
  Agenda,
  AgendaEntry,
  AgendaEntryInput,
  Attendance,
  AttendanceInput,
  LiftMeetingSummary,
  LiftOutcomeInput,
  MeetingDetail,
  OutcomeRecord,
  OverdueAction,
  PlannedMeetingInput,
  StageView,
};
export type { AgendaCase, AgendaItem, RunState } from "../../src/schemas/lift-meetings/api";

/** GET /api/people: a district's LIFT team, for the allocation and chair selects. */
export type DistrictPerson = TeamMember;

/**
 * A 412's `detail.current`: the contract says "the same answer shape as a GET", so accept both the
 * bare record and the GET's `{ outcome }` / `{ meeting }` wrapper.
 */
export function currentFromDetail<T extends { eTag: string }>(detail: unknown, wrapperKey?: string): T | undefined {
  if (typeof detail !== "object" || detail === null) return undefined;
  const current = (detail as { current?: unknown }).current;
  if (typeof current !== "object" || current === null) return undefined;
  if (typeof (current as { eTag?: unknown }).eTag === "string") return current as T;
  if (wrapperKey) {
    const inner = (current as Record<string, unknown>)[wrapperKey];
    if (typeof inner === "object" && inner !== null && typeof (inner as { eTag?: unknown }).eTag === "string") return inner as T;
  }
  return undefined;
}

export function liftMeetingsApi(api: ApiClient) {
  return {
    meetings: (query: NonNullable<QueryInputOf<typeof meetings.listMeetings>>) => api.call(meetings.listMeetings, { query }).then((r) => r.items),
    detail: (id: string) => api.call(meetings.meetingDetail, { params: { id } }).then((r) => r.meeting),
    plan: (body: PlanMeetingsRequest) => api.call(meetings.planMeetings, { body }),
    move: (id: string, body: BodyInputOf<typeof meetings.moveMeeting>) => api.call(meetings.moveMeeting, { params: { id }, body }).then((r) => r.meeting),
    cancel: (id: string, body: BodyInputOf<typeof meetings.cancelMeeting>) => api.call(meetings.cancelMeeting, { params: { id }, body }).then((r) => r.meeting),
    agenda: (id: string, signal?: AbortSignal) => api.call(meetings.getAgenda, { params: { id }, signal }),
    saveAgenda: (id: string, body: BodyInputOf<typeof meetings.saveAgenda>) => api.call(meetings.saveAgenda, { params: { id }, body }),
    setCurrent: (id: string, entryId: string | null, step?: number) =>
      api.call(meetings.setCurrent, { params: { id }, body: { entryId, ...(step === undefined ? {} : { step }) } }),
    stage: (id: string, signal?: AbortSignal) => api.call(meetings.getStage, { params: { id }, signal }),
    moveCase: (id: string, referralId: string, toMeetingId: string, reason?: string) =>
      api.call(meetings.moveCase, { params: { id, referralId }, body: { toMeetingId, ...(reason ? { reason } : {}) } }),
    outcome: (id: string, referralId: string) => api.call(outcomes.getOutcome, { params: { id, referralId } }).then((r) => r.outcome),
    saveOutcome: (id: string, referralId: string, outcome: LiftOutcomeInput, eTag?: string) =>
      api.call(outcomes.saveOutcome, { params: { id, referralId }, body: { ...(eTag ? { eTag } : {}), outcome } }).then((r) => r.outcome),
    approveOutcome: (id: string, referralId: string, eTag: string) =>
      api.call(outcomes.approveOutcome, { params: { id, referralId }, body: { eTag } }).then((r) => r.outcome),
    attendance: (id: string) => api.call(outcomes.getAttendance, { params: { id } }),
    saveAttendance: (id: string, body: AttendanceInput) => api.call(outcomes.saveAttendance, { params: { id }, body }),
    overdue: (district: string) => api.call(outcomes.overdueActions, { query: { district } }).then((r) => r.items),
    markDone: (referralId: string, actionId: string) => api.call(outcomes.markActionDone, { params: { referralId, actionId } }),
    people: (district: string, roles: string[]) => api.call(coreApi.people, { query: { district, role: roles.join(",") } }).then((r) => r.items),
  };
}

export type LiftMeetingsApi = ReturnType<typeof liftMeetingsApi>;
