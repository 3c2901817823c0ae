/**
 * The reminder feature's lists. The outbox is the sent log of reminder-plan.ts: a row is written
 * under the reminder's key *before* anything is sent, and its status records how far delivery got
 * (README.md in this folder: states and the exactly-once argument). No row holds a child's name.
 */
import { z } from "zod";
import { defineList } from "../../../graph/list-definition";

const Slug = z.string().regex(/^[a-z]+(-[a-z]+)*$/).max(60);

export const OUTBOX_KINDS = ["return", "monitoring", "digest", "extension", "system"] as const;
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

export const ReminderOutboxList = defineList({
  title: "ReminderOutbox",
  description: "Every reminder and bot notification, written down before it is sent; its delivery state.",
  schema: OutboxItem,
  itemTitle: (o) => `${o.key} ${o.status}`.slice(0, 255),
  indexed: ["key", "status", "districtSlug", "recipientOid"],
  columns: { districtSlug: { kind: "text", maxLength: 60 } },
});

export const SnoozeItem = z.object({
  kind: z.enum(["return", "monitoring"]),
  districtSlug: Slug,
  period: z.string().min(1).max(40),
  until: z.iso.datetime(),
  requestedByOid: z.guid(),
  requestedAt: z.iso.datetime(),
});
export type SnoozeItem = z.infer<typeof SnoozeItem>;

export const ReminderSnoozesList = defineList({
  title: "ReminderSnoozes",
  description: "'Remind me tomorrow' answers to reminders: the series waits until `until`.",
  schema: SnoozeItem,
  itemTitle: (s) => `${s.kind} ${s.districtSlug} ${s.period} until ${s.until}`,
  indexed: ["districtSlug"],
  columns: { districtSlug: { kind: "text", maxLength: 60 } },
});

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

export const ExtensionRequestsList = defineList({
  title: "ReturnExtensionRequests",
  description: "District leads' requests for more time on a termly return, for commissioners to decide.",
  schema: ExtensionRequestItem,
  itemTitle: (r) => `${r.districtSlug} ${r.period} to ${r.requestedDate}`,
  indexed: ["districtSlug", "status"],
  columns: { districtSlug: { kind: "text", maxLength: 60 } },
});

export const REMINDER_LISTS = [ReminderOutboxList, ReminderSnoozesList, ExtensionRequestsList] as const;
