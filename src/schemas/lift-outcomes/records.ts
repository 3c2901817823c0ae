/**
 * The records behind LIFT outcomes and meeting attendance as their lists keep them. The outcome is
 * one JSON column validated by the outcome form's schema (outcome.ts), so the side-panel form, the
 * server and the list share one definition; the columns reads filter on are promoted.
 */
import { z } from "zod";
import { AttendanceInput } from "./api";
import { SettingId, Slug } from "../referrals/records";
import { LiftOutcomeInput } from "./outcome";

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
