/**
 * The shapes the LIFT meetings API answers with (contract in
 * [the lift-meetings README](../../server/features/lift-meetings/README.md)), shared by the server that builds them and the tab
 * that reads them. Request bodies are validated by the zod schemas below.
 */
import { z } from "zod";
import type { LiftMeetingSummary } from "../referrals/api";
import type { LiftOutcomeInput } from "../lift-outcomes/outcome";

// ---------------------------------------------------------------------------------------------
// Requests

const isoInstant = z.iso.datetime({ offset: true, message: "Enter a date and time (ISO 8601 with offset)" });

export const PlannedMeetingInput = z.strictObject({
  kind: z.enum(["school", "early-years"], { message: "Choose school or early years" }),
  /** School meetings: primary, secondary or both (= all). Absent for early years. */
  phases: z.array(z.enum(["primary", "secondary"])).min(1).max(2).optional(),
  startsAt: isoInstant,
  endsAt: isoInstant,
  place: z.string().trim().max(200).optional(),
  onlineMeetingUrl: z.url({ protocol: /^https$/, message: "Enter an https:// Teams meeting link" }).max(1000).optional(),
  chairOid: z.guid({ message: "Choose the chair from the list" }).optional(),
});
export type PlannedMeetingInput = z.infer<typeof PlannedMeetingInput>;

export const PlanMeetingsRequest = z.strictObject({
  idempotencyKey: z.string().min(8).max(128),
  districtSlug: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  meetings: z.array(PlannedMeetingInput).min(1, "Add at least one meeting").max(40, "Plan at most 40 meetings at once"),
});
export type PlanMeetingsRequest = z.infer<typeof PlanMeetingsRequest>;

export const MoveMeetingRequest = z.strictObject({
  eTag: z.string().min(1),
  startsAt: isoInstant.optional(),
  endsAt: isoInstant.optional(),
  place: z.string().trim().max(200).optional(),
  onlineMeetingUrl: z.url({ protocol: /^https$/ }).max(1000).optional(),
  chairOid: z.guid().optional(),
  /** Shown to the SENCos whose referrals are on the meeting. */
  reason: z.string().trim().max(500).optional(),
});

export const CancelMeetingRequest = z.strictObject({
  eTag: z.string().min(1),
  reason: z.string().trim().min(1, "Say why the meeting is cancelled").max(500),
});

export const AgendaEntryInput = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("case"), referralId: z.string().min(1).max(32), minutes: z.number().int().min(5).max(90).optional() }),
  z.strictObject({
    kind: z.literal("item"),
    /** Absent for a new item; the server gives it one. */
    id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional(),
    title: z.string().trim().min(1, "Give the item a title").max(200),
    minutes: z.number().int().min(5).max(120),
  }),
]);
export type AgendaEntryInput = z.infer<typeof AgendaEntryInput>;

export const SaveAgendaRequest = z.strictObject({
  eTag: z.string().min(1),
  slotMinutes: z.number().int().min(5, "At least 5 minutes a case").max(90, "At most 90 minutes a case"),
  entries: z.array(AgendaEntryInput).max(60),
});

export const MoveCaseRequest = z.strictObject({ toMeetingId: z.string().min(1).max(64), reason: z.string().trim().max(500).optional() });

export const SetCurrentRequest = z.strictObject({
  /** A case's referral id or an item's id; null ends the run. */
  entryId: z.string().max(40).nullable(),
  /** Index into SOLUTION_FOCUSED_PROMPTS for the current case. */
  step: z.number().int().min(0).max(10).optional(),
});

export const SaveOutcomeRequest = z.strictObject({
  /** Absent only when no outcome exists yet. */
  eTag: z.string().min(1).optional(),
  outcome: z.unknown(),
});

export const ApproveOutcomeRequest = z.strictObject({ eTag: z.string().min(1) });

export const AttendanceInput = z.strictObject({
  eTag: z.string().min(1).optional(),
  professionals: z
    .array(z.strictObject({ name: z.string().trim().min(1, "Enter a name").max(120), role: z.string().trim().min(1, "Enter the role").max(80), oid: z.guid().optional() }))
    .max(60),
  settingIds: z.array(z.string().regex(/^[A-Z]{3}-[A-Z]\d+$/, "Choose settings from the list")).max(100),
});
export type AttendanceInput = z.infer<typeof AttendanceInput>;

// ---------------------------------------------------------------------------------------------
// Answers

export interface MeetingDetail extends LiftMeetingSummary {
  eTag: string;
  chairOid?: string;
  chairName?: string;
  cancelledReason?: string;
  caseCount: number;
  /** Who may do what on this meeting, for the caller (the server checks again on every request). */
  can: { plan: boolean; run: boolean; approve: boolean };
}

/** POST /api/lift-meetings/plan answers 201 with this. `warnings` (e.g. outside term dates) never block. */
export interface PlanMeetingsAnswer {
  items: MeetingDetail[];
  warnings?: Record<string, string[]>;
}

export type OutcomeStatus = "none" | "draft" | "approved";

interface AgendaEntryBase {
  /** The referral id of a case, the item id of an item. */
  id: string;
  startsAt: string;
  minutes: number;
}

export interface AgendaCase extends AgendaEntryBase {
  kind: "case";
  caseReference: string;
  settingId: string;
  settingName: string;
  yearGroup?: string;
  ageInMonths?: number;
  primaryArea?: string;
  question?: string;
  /** District members only; never on the stage. */
  childName?: string;
  outcomeStatus: OutcomeStatus;
}

export interface AgendaItem extends AgendaEntryBase {
  kind: "item";
  title: string;
}

export type AgendaEntry = AgendaCase | AgendaItem;

export interface RunState {
  entryId: string;
  step: number;
  startedAt: string;
}

export interface Agenda {
  meeting: MeetingDetail;
  /** The agenda's own version (not the meeting's eTag: setting the current case does not change it); PUT agenda sends it back. */
  eTag: string;
  slotMinutes: number;
  entries: AgendaEntry[];
  current?: RunState;
}

/** The stage view: shown to everyone in the meeting. No child names, no free text but the question (redacted). */
export interface StageView {
  meeting: { id: string; title: string; startsAt: string; endsAt: string; status: LiftMeetingSummary["status"] };
  entries: Array<
    | { kind: "case"; id: string; startsAt: string; minutes: number; caseReference: string; settingName: string; yearGroup?: string; primaryArea?: string; question?: string }
    | { kind: "item"; id: string; startsAt: string; minutes: number; title: string }
  >;
  current?: RunState;
}

export interface OutcomeRecord {
  referralId: string;
  meetingId: string;
  eTag: string;
  status: "draft" | "approved";
  outcome: LiftOutcomeInput;
  allocatedTeacherName?: string;
  updatedAt: string;
  updatedByName: string;
  approvedAt?: string;
  approvedByName?: string;
}

export interface Attendance {
  meetingId: string;
  eTag?: string;
  professionals: { name: string; role: string; oid?: string }[];
  settingIds: string[];
}

export interface OverdueAction {
  referralId: string;
  caseReference: string;
  meetingId: string;
  meetingTitle: string;
  settingName: string;
  actionId: string;
  description: string;
  ownerName: string;
  dueDate: string;
  daysOverdue: number;
}

/** What the KPI return can take from the meeting records (the KPI return's prefill). */
export interface MeetingCounts {
  districtSlug: string;
  from: string;
  to: string;
  meetingsHeld: number;
  casesDiscussed: number;
  resolvedAtLift: number;
  settingsAttending: number;
  allocationsByArea: Record<string, number>;
}
