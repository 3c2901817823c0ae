/**
 * The lists behind LIFT outcome records and meeting attendance. The outcome is one JSON
 * column validated by the shared schema (src/schemas/lift-outcomes/outcome.ts), so the side-panel form, the
 * server and the list share one definition; the columns reads filter on are promoted and indexed.
 */
import { z } from "zod";
import { defineList } from "../../../graph/list-definition";
import { LiftOutcomeInput } from "../../../schemas/lift-outcomes/outcome";
import { AttendanceInput } from "../../../schemas/lift-meetings/api";

const Slug = z.string().regex(/^[a-z]+(-[a-z]+)*$/).max(60);
const SettingId = z.string().regex(/^[A-Z]{3}-[A-Z]\d+$/).max(16);
const Name = z.string().max(120);

export const LiftOutcomeItem = z.object({
  /** One record per case: unique, so two first saves at once cannot make two records. */
  referralId: z.string().max(32),
  meetingId: z.string().max(64),
  districtSlug: Slug,
  settingId: SettingId,
  status: z.enum(["draft", "approved"]),
  /** May name the child (free text): never shown on the stage, never logged. */
  outcome: LiftOutcomeInput,
  allocatedTeacherName: Name.optional(),
  updatedAt: z.iso.datetime(),
  updatedByOid: z.guid(),
  updatedByName: Name,
  approvedAt: z.iso.datetime().optional(),
  approvedByOid: z.guid().optional(),
  approvedByName: Name.optional(),
});
export type LiftOutcomeItem = z.infer<typeof LiftOutcomeItem>;

export const LiftOutcomesList = defineList({
  title: "LiftOutcomes",
  description: "LIFT outcome records, one per case (draft or approved). Holds children's data: access only through LIFT Hub.",
  schema: LiftOutcomeItem,
  // Never the child's name: list titles show in SharePoint views and search.
  itemTitle: (o) => `Outcome for referral ${o.referralId}`,
  indexed: ["meetingId", "districtSlug", "status"],
  unique: ["referralId"],
});

export const LiftAttendanceItem = z.object({
  /** One record per meeting. */
  meetingId: z.string().max(64),
  districtSlug: Slug,
  professionals: AttendanceInput.shape.professionals,
  settingIds: AttendanceInput.shape.settingIds,
  updatedAt: z.iso.datetime(),
  updatedByOid: z.guid(),
  updatedByName: Name,
});
export type LiftAttendanceItem = z.infer<typeof LiftAttendanceItem>;

export const LiftAttendanceList = defineList({
  title: "LiftAttendance",
  description: "Who attended each LIFT meeting: professionals and the schools/settings present.",
  schema: LiftAttendanceItem,
  itemTitle: (a) => `Attendance for meeting ${a.meetingId}`,
  indexed: ["districtSlug"],
  unique: ["meetingId"],
});
