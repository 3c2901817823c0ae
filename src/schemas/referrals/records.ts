/**
 * The records behind referrals as the Referrals, CaseReferences and MeetingPlaces lists keep them.
 * The referral form's body is one JSON column validated by the referral form schema (referral.ts),
 * so the form, the server and the list share one definition; the columns filters need are promoted.
 */
import { z } from "zod";
import { DistrictSlug as Slug } from "../reference/district";
import { SupportPlan } from "../lift-outcomes/outcome";
import { REFERRAL_STATUSES } from "./status";

export { Slug };
export const SettingId = z.string().regex(/^[A-Z]{3}-[A-Z]\d+$/).max(16);

export const HistoryEntry = z.object({ at: z.iso.datetime(), action: z.string().max(300), byName: z.string().max(120) });

/** How many history entries an item keeps; the AuditLog list keeps every change ([Audit trail](../../../docs/reference/data-protection.md#audit-trail)). */
export const HISTORY_KEPT = 50;

/**
 * An item's history, trimmed to the latest HISTORY_KEPT entries whenever it is written or read, so
 * appending an entry can never make a much-edited record too large to save.
 */
export const History = z.array(HistoryEntry).max(10_000).transform((entries) => entries.slice(-HISTORY_KEPT));

export const Outcome = z.object({
  categories: z.array(z.string().max(64)).max(12),
  summary: z.string().max(4000).optional(),
  actions: z
    .array(
      z.object({
        /** The action's id in the LIFT outcome record, so "mark done" reaches both copies. */
        id: z.string().max(40).optional(),
        description: z.string().max(1000),
        owner: z.string().max(120),
        dueDate: z.iso.date(),
        done: z.boolean().optional(),
      }),
    )
    .max(30),
  // Copied from the approved LIFT outcome record (src/server/features/lift-outcomes).
  allocatedTeacherName: z.string().max(120).optional(),
  supportPlan: SupportPlan.optional(),
  approvedAt: z.iso.datetime().optional(),
});

export const ReferralItem = z.object({
  settingId: SettingId,
  districtSlug: Slug,
  variant: z.enum(["school", "early-years"]),
  status: z.enum(REFERRAL_STATUSES),
  caseReference: z.string().max(20).optional(),
  meetingId: z.string().max(64).optional(),
  createdByOid: z.guid(),
  submittedAt: z.iso.datetime().optional(),
  /** The referral form as saved (ReferralDraft input shape). Holds the child's details. */
  body: z.record(z.string(), z.unknown()),
  outcome: Outcome.optional(),
  history: History,
  /** The latest change to the referral's meeting the SENCo should see (moved, cancelled, case moved). */
  notice: z.string().max(600).optional(),
});
export type ReferralItem = z.infer<typeof ReferralItem>;

/** One item per case reference handed out; the unique column makes a number impossible to give twice. */
export const CaseReferenceItem = z.object({
  reference: z.string().max(20),
  districtCode: z.string().max(3),
  academicYear: z.string().max(7),
  sequence: z.number().int().min(1),
  referralId: z.string().max(32),
});

/** One place a SENCo's referral takes on a LIFT meeting: `place` (`<meetingId>:<sencoOid>:<slot>`) is unique. */
export const MeetingPlaceItem = z.object({
  place: z.string().max(120),
  meetingId: z.string().max(64),
  sencoOid: z.guid(),
  slot: z.number().int().min(1).max(20),
  referralId: z.string().max(32),
});
export type MeetingPlaceItem = z.infer<typeof MeetingPlaceItem>;
