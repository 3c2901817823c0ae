/** The records of the reminders feature as its lists keep them (list declarations: src/server/features/reminders/lists.ts). */
import { z } from "zod";
import { DistrictSlug as Slug } from "../reference/district";

/** `notice`: a SENCo told of a change to their cases (written and delivered by the operation that made it, src/server/core/operations). */
export const OUTBOX_KINDS = ["return", "monitoring", "digest", "extension", "system", "review", "notice"] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/**
 * pending → claimed → sending → sent is the happy path. `failed` with `nextAttemptAt` is retried by a
 * later pass; without it, it is final. `unconfirmed` is final: a runner stopped while the send was in
 * flight, so the message may or may not have reached Teams, and sending again could duplicate it.
 * `skipped` is final (superseded, submitted meanwhile, or nobody to send to).
 */
export const OUTBOX_STATUSES = ["pending", "claimed", "sending", "sent", "failed", "unconfirmed", "skipped"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const OutboxItem = z.object({
  /** The reminder key (`kind:district:period:step`); one row per key and recipient. */
  key: z.string().min(1).max(200),
  kind: z.enum(OUTBOX_KINDS),
  districtSlug: z.union([Slug, z.literal("all")]),
  period: z.string().min(1).max(40),
  step: z.string().min(1).max(60),
  /** The recipient's Entra object id; absent on rows that only record a skipped key. */
  recipientOid: z.guid().optional(),
  status: z.enum(OUTBOX_STATUSES),
  /** When the reminder was planned for (UTC ISO instant). */
  scheduledAt: z.iso.datetime(),
  leaseOwner: z.string().max(100).optional(),
  leaseUntil: z.iso.datetime().optional(),
  attempts: z.number().int().min(0),
  /** Earliest time a failed row may be tried again. */
  nextAttemptAt: z.iso.datetime().optional(),
  /** Why it failed or was skipped: codes and statuses only, never personal data. */
  lastError: z.string().max(255).optional(),
  sentAt: z.iso.datetime().optional(),
  /** The Teams message id, to update the card in place later. */
  activityId: z.string().max(255).optional(),
  /** What the card needs that is not in the key (due date, meeting time, request id…). */
  payload: z.record(z.string(), z.unknown()),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const SnoozeItem = z.object({
  kind: z.enum(["return", "monitoring"]),
  districtSlug: Slug,
  period: z.string().min(1).max(40),
  until: z.iso.datetime(),
  requestedByOid: z.guid(),
  requestedAt: z.iso.datetime(),
});
export type SnoozeItem = z.infer<typeof SnoozeItem>;

export const ExtensionRequestItem = z.object({
  districtSlug: Slug,
  academicYear: z.string().regex(/^\d{4}-\d{2}$/).max(7),
  term: z.number().int().min(1).max(6),
  period: z.string().max(40),
  requestedByOid: z.guid(),
  requestedByName: z.string().max(120),
  /** The lead's reason, in their words. Shown to commissioners only; never logged. */
  reason: z.string().min(1).max(500),
  requestedDate: z.iso.date(),
  requestedAt: z.iso.datetime(),
  status: z.enum(["requested", "agreed", "declined"]),
});
export type ExtensionRequestItem = z.infer<typeof ExtensionRequestItem>;
