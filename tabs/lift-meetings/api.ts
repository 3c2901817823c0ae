/**
 * The LIFT meetings API as the tab uses it, typed from the contracts: src/schemas/lift-meetings/api.ts
 * (meetings, agenda, stage) and src/schemas/core/api.ts (a district's team). Outcomes, attendance
 * and actions are the lift-outcomes feature's (../lift-outcomes/api.ts).
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
import { coreApi, type TeamMember } from "../../src/schemas/core/api";
import type { BodyInputOf, QueryInputOf } from "../../src/schemas/core/contract";
import type { LiftMeetingSummary } from "../../src/schemas/referrals/api";

export type {
  Agenda,
  AgendaEntry,
  AgendaEntryInput,
  LiftMeetingSummary,
  MeetingDetail,
  PlannedMeetingInput,
  StageView,
};
export type { AgendaCase, AgendaItem, RunState } from "../../src/schemas/lift-meetings/api";

/** GET /api/people: a district's LIFT team, for the allocation and chair selects. */
export type DistrictPerson = TeamMember;

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
    people: (district: string, roles: string[]) => api.call(coreApi.people, { query: { district, role: roles.join(",") } }).then((r) => r.items),
  };
}

export type LiftMeetingsApi = ReturnType<typeof liftMeetingsApi>;
