/**
 * The reminder feature's lists. The outbox is the sent log of the reminder plan (src/domain/reminders/plan.ts): a row is written
 * under the reminder's key *before* anything is sent, and its status records how far delivery got
 * (README.md in this folder: states and the exactly-once argument). No row holds a child's name.
 */
import { defineList } from "../../../graph/list-definition";
import { ExtensionRequestItem, OutboxItem, SnoozeItem } from "../../../schemas/reminders/records";

export { ExtensionRequestItem, OUTBOX_KINDS, OUTBOX_STATUSES, OutboxItem, SnoozeItem, type OutboxKind, type OutboxStatus } from "../../../schemas/reminders/records";

export const ReminderOutboxList = defineList({
  title: "ReminderOutbox",
  description: "Every reminder and bot notification, written down before it is sent; its delivery state.",
  schema: OutboxItem,
  itemTitle: (o) => `${o.key} ${o.status}`.slice(0, 255),
  indexed: ["key", "status", "districtSlug", "recipientOid"],
  columns: { districtSlug: { kind: "text", maxLength: 60 } },
});

export const ReminderSnoozesList = defineList({
  title: "ReminderSnoozes",
  description: "'Remind me tomorrow' answers to reminders: the series waits until `until`.",
  schema: SnoozeItem,
  itemTitle: (s) => `${s.kind} ${s.districtSlug} ${s.period} until ${s.until}`,
  indexed: ["districtSlug"],
  columns: { districtSlug: { kind: "text", maxLength: 60 } },
});

export const ExtensionRequestsList = defineList({
  title: "ReturnExtensionRequests",
  description: "District leads' requests for more time on a termly return, for commissioners to decide.",
  schema: ExtensionRequestItem,
  itemTitle: (r) => `${r.districtSlug} ${r.period} to ${r.requestedDate}`,
  indexed: ["districtSlug", "status"],
  columns: { districtSlug: { kind: "text", maxLength: 60 } },
});

export const REMINDER_LISTS = [ReminderOutboxList, ReminderSnoozesList, ExtensionRequestsList] as const;
