/**
 * The LIFT meetings API as the tab uses it (contract: src/server/features/lift-meetings/README.md).
 * Answer shapes are shared with the server (src/schemas/lift-meetings/api.ts).
 */
import type { ApiClient } from "../shell";
import type {
  Agenda,
  AgendaEntry,
  AgendaEntryInput,
  Attendance,
  AttendanceInput,
  MeetingDetail,
  OutcomeRecord,
  OverdueAction,
  PlanMeetingsAnswer,
  PlannedMeetingInput,
  StageView,
} from "../../src/schemas/lift-meetings/api";
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
export interface DistrictPerson {
  oid: string;
  displayName: string;
  role: string;
}

const enc = encodeURIComponent;

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

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
  const m = (id: string) => `/api/lift-meetings/${enc(id)}`;
  return {
    meetings: (params: { district?: string; kind?: string; from?: string }) =>
      api.get<{ items: LiftMeetingSummary[] }>(`/api/lift-meetings${query(params)}`).then((r) => r.items),
    detail: (id: string) => api.get<{ meeting: MeetingDetail }>(`${m(id)}/detail`).then((r) => r.meeting),
    plan: (body: { idempotencyKey: string; districtSlug: string; meetings: PlannedMeetingInput[] }) =>
      api.post<PlanMeetingsAnswer>("/api/lift-meetings/plan", body),
    move: (id: string, body: { eTag: string; startsAt?: string; endsAt?: string; place?: string; reason?: string }) =>
      api.patch<{ meeting: MeetingDetail }>(m(id), body).then((r) => r.meeting),
    cancel: (id: string, body: { eTag: string; reason: string }) =>
      api.post<{ meeting: MeetingDetail }>(`${m(id)}/cancel`, body).then((r) => r.meeting),
    agenda: (id: string, signal?: AbortSignal) => api.get<Agenda>(`${m(id)}/agenda`, { signal }),
    saveAgenda: (id: string, body: { eTag: string; slotMinutes: number; entries: AgendaEntryInput[] }) => api.put<Agenda>(`${m(id)}/agenda`, body),
    setCurrent: (id: string, entryId: string | null, step?: number) => api.post<Agenda>(`${m(id)}/current`, { entryId, ...(step === undefined ? {} : { step }) }),
    stage: (id: string, signal?: AbortSignal) => api.get<StageView>(`${m(id)}/stage`, { signal }),
    moveCase: (id: string, referralId: string, toMeetingId: string, reason?: string) =>
      api.post<unknown>(`${m(id)}/cases/${enc(referralId)}/move`, { toMeetingId, ...(reason ? { reason } : {}) }),
    outcome: (id: string, referralId: string) =>
      api.get<{ outcome: OutcomeRecord | null }>(`${m(id)}/outcomes/${enc(referralId)}`).then((r) => r.outcome),
    saveOutcome: (id: string, referralId: string, outcome: LiftOutcomeInput, eTag?: string) =>
      api.put<{ outcome: OutcomeRecord }>(`${m(id)}/outcomes/${enc(referralId)}`, { ...(eTag ? { eTag } : {}), outcome }).then((r) => r.outcome),
    approveOutcome: (id: string, referralId: string, eTag: string) =>
      api.post<{ outcome: OutcomeRecord }>(`${m(id)}/outcomes/${enc(referralId)}/approve`, { eTag }).then((r) => r.outcome),
    attendance: (id: string) => api.get<Attendance>(`${m(id)}/attendance`),
    saveAttendance: (id: string, body: AttendanceInput) => api.put<Attendance>(`${m(id)}/attendance`, body),
    overdue: (district: string) => api.get<{ items: OverdueAction[] }>(`/api/lift-actions/overdue${query({ district })}`).then((r) => r.items),
    markDone: (referralId: string, actionId: string) => api.post<unknown>(`/api/lift-actions/${enc(referralId)}/${enc(actionId)}/done`, {}),
    people: (district: string, roles: string[]) =>
      api.get<{ items: DistrictPerson[] }>(`/api/people${query({ district, role: roles.join(",") })}`).then((r) => r.items),
  };
}

export type LiftMeetingsApi = ReturnType<typeof liftMeetingsApi>;
