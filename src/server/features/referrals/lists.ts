/**
 * The lists behind referrals and the LIFT meetings they are placed on. The referral form's body is
 * kept as one JSON column validated by the shared referral schema (src/schemas/referral.ts), so the
 * form, the server and the list share one definition; the columns that filters need are promoted
 * and indexed.
 */
import { z } from "zod";
import { defineList } from "../../../graph/list-definition";
import { REFERRAL_STATUSES } from "../../../domain/referrals/status";
import { SupportPlan } from "../../../schemas/lift-outcomes/outcome";

const Slug = z.string().regex(/^[a-z]+(-[a-z]+)*$/).max(60);
const SettingId = z.string().regex(/^[A-Z]{3}-[A-Z]\d+$/).max(16);

export const HistoryEntry = z.object({ at: z.iso.datetime(), action: z.string().max(300), byName: z.string().max(120) });

export const Outcome = z.object({
  categories: z.array(z.string().max(64)).max(12),
  summary: z.string().max(4000).optional(),
  actions: z
    .array(
      z.object({
        /** The action's id in the LIFT outcome record (issue 5), so "mark done" reaches both copies. */
        id: z.string().max(40).optional(),
        description: z.string().max(1000),
        owner: z.string().max(120),
        dueDate: z.iso.date(),
        done: z.boolean().optional(),
      }),
    )
    .max(30),
  // Issue 5: copied from the approved LIFT outcome record (src/server/features/lift-outcomes).
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
  history: z.array(HistoryEntry).max(200),
  /** The latest change to the referral's meeting the SENCo should see (moved, cancelled, case moved). */
  notice: z.string().max(600).optional(),
});
export type ReferralItem = z.infer<typeof ReferralItem>;

export const ReferralsList = defineList({
  title: "Referrals",
  description: "LIFT referrals from schools and early years settings. Holds children's data: access only through LIFT Hub.",
  schema: ReferralItem,
  // Never the child's name: list titles show in SharePoint views and search.
  itemTitle: (r) => r.caseReference ?? `Draft ${r.settingId}`,
  indexed: ["settingId", "districtSlug", "status", "meetingId", "createdByOid"],
  unique: ["caseReference"],
});

export const LiftMeetingItem = z.object({
  districtSlug: Slug,
  kind: z.enum(["school", "early-years"]),
  schoolPhases: z.array(z.enum(["primary", "secondary"])).max(2).optional(),
  title: z.string().max(200),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  place: z.string().max(200).optional(),
  onlineMeetingUrl: z.string().max(1000).optional(),
  chairOid: z.guid().optional(),
  status: z.enum(["scheduled", "moved", "cancelled", "held"]),
  deadlineOverride: z.iso.datetime({ offset: true }).optional(),
  /** The saved running order (issue 5); absent = the cases in submission order. */
  agenda: z
    .object({
      slotMinutes: z.number().int().min(5).max(90),
      entries: z
        .array(
          z.discriminatedUnion("kind", [
            z.object({ kind: z.literal("case"), referralId: z.string().max(32), minutes: z.number().int().min(5).max(90).optional() }),
            z.object({ kind: z.literal("item"), id: z.string().max(40), title: z.string().max(200), minutes: z.number().int().min(5).max(120) }),
          ]),
        )
        .max(80),
      /** Counts saves: the agenda's eTag, independent of other writes to the meeting. */
      version: z.number().int().min(0).optional(),
    })
    .optional(),
  /** Which entry the meeting is on now (the side panel and stage follow it). */
  run: z.object({ entryId: z.string().max(40), step: z.number().int().min(0).max(10), startedAt: z.iso.datetime({ offset: true }) }).optional(),
  cancelledReason: z.string().max(500).optional(),
  history: z.array(HistoryEntry).max(200).optional(),
});
export type LiftMeetingItem = z.infer<typeof LiftMeetingItem>;

export const LiftMeetingsList = defineList({
  title: "LiftMeetings",
  description: "LIFT meetings of each district (school and early years).",
  schema: LiftMeetingItem,
  itemTitle: (m) => m.title,
  indexed: ["districtSlug", "startsAt", "status"],
  columns: { title: { name: "MeetingTitle" } },
});

/** One item per case reference handed out; the unique column makes a number impossible to give twice. */
export const CaseReferenceItem = z.object({
  reference: z.string().max(20),
  districtCode: z.string().max(3),
  academicYear: z.string().max(7),
  sequence: z.number().int().min(1),
  referralId: z.string().max(32),
});

export const CaseReferencesList = defineList({
  title: "CaseReferences",
  description: "Case references handed out to submitted referrals (DOV-2526-0042).",
  schema: CaseReferenceItem,
  itemTitle: (c) => c.reference,
  indexed: ["districtCode", "academicYear"],
  unique: ["reference"],
});

/**
 * One item per place a SENCo's referral takes on a LIFT meeting. `place` is unique
 * (`<meetingId>:<sencoOid>:<1..limit>`), so two submissions at once cannot both take the last
 * place: the per-SENCo limit holds without a transaction. A place whose referral is no longer on
 * the meeting is stale and is freed by the next claim (see ReferralService.claimMeetingPlace).
 */
export const MeetingPlaceItem = z.object({
  place: z.string().max(120),
  meetingId: z.string().max(64),
  sencoOid: z.guid(),
  slot: z.number().int().min(1).max(20),
  referralId: z.string().max(32),
});
export type MeetingPlaceItem = z.infer<typeof MeetingPlaceItem>;

export const MeetingPlacesList = defineList({
  title: "MeetingPlaces",
  description: "Places taken by each SENCo's referrals on each LIFT meeting (enforces the per-SENCo limit).",
  schema: MeetingPlaceItem,
  itemTitle: (p) => p.place,
  indexed: ["meetingId", "referralId"],
  unique: ["place"],
});

export const meetingPlace = (meetingId: string, sencoOid: string, slot: number) => `${meetingId}:${sencoOid}:${slot}`;
