/** A LIFT meeting as the LiftMeetings list keeps it: when and where, its agenda and its running state. */
import { z } from "zod";
import { History, Slug } from "../referrals/records";

export const LiftMeetingItem = z.object({
  districtSlug: Slug,
  kind: z.enum(["school", "early-years"]),
  schoolPhases: z.array(z.enum(["primary", "secondary"])).max(2).optional(),
  title: z.string().max(200),
  /** The LIFT group (meeting series) this meeting is one of (src/schemas/reference/lift-group.ts); none before groups were kept. */
  liftGroupId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(80).optional(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  place: z.string().max(200).optional(),
  onlineMeetingUrl: z.string().max(1000).optional(),
  chairOid: z.guid().optional(),
  status: z.enum(["scheduled", "moved", "cancelled", "held"]),
  deadlineOverride: z.iso.datetime({ offset: true }).optional(),
  /** The saved running order; absent = the cases in submission order. */
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
  /** What the SENCos with cases on it were last told (moved, cancelled): the operation copies it onto each case. */
  notice: z.string().max(600).optional(),
  history: History.optional(),
});
export type LiftMeetingItem = z.infer<typeof LiftMeetingItem>;
