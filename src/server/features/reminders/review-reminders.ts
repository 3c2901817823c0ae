/**
 * Casework review reminders, on the same outbox as the return reminders (README.md: written down
 * under a key before sending, so each is delivered once): the allocated teacher is reminded of a
 * review due in the next 14 days, and the district's leads of a review that is overdue. One row per
 * case, due date and recipient — the key `review:<district>:<caseId>-<dueDate>:<due|overdue>` — so a
 * review moved to a new date is a new reminder, and the same one is never sent twice.
 *
 * The card names the case by its reference only (never the child) and links to the Casework tab.
 * The source is the casework feature's, passed in by src/server/app/compose.ts.
 */
import type { AdaptiveCard } from "../../../../bot/bot-port";
import type { AppConfig } from "../../../config/config";
import { formatUkDateShort } from "../../../domain/time/format";
import type { Person } from "../../../schemas/reference/person";
import type { OutboxItem } from "./lists";

/** A review due, as the casework feature answers it (its `ReviewDue`, with the fields used here). */
export interface DueReview {
  caseId: string;
  childRef: string;
  districtSlug: string;
  teacherOid: string;
  dueDate: string;
  overdue: boolean;
}

export interface ReviewsSource {
  /** Reviews due within the next 14 days, counting today (not yet overdue), and those overdue. */
  due(now: Date): Promise<{ dueSoon: readonly DueReview[]; overdue: readonly DueReview[] }>;
}

/** Outbox rows for what is due now: the teacher's for reviews due soon, each lead's for overdue ones. */
export function reviewEntries(due: Awaited<ReturnType<ReviewsSource["due"]>>, people: readonly Person[], now: string): Array<{ value: OutboxItem; idempotencyKey: string }> {
  const rows: Array<{ value: OutboxItem; idempotencyKey: string }> = [];
  const add = (d: DueReview, step: "due" | "overdue", recipientOid: string) => {
    const period = `${d.caseId}-${d.dueDate}`;
    const key = `review:${d.districtSlug}:${period}:${step}`;
    const recipient = recipientOid.toLowerCase();
    rows.push({
      idempotencyKey: `${key}|${recipient}`,
      value: { key, kind: "review", districtSlug: d.districtSlug, period, step, recipientOid: recipient, status: "pending", scheduledAt: now, attempts: 0, payload: { caseId: d.caseId, childRef: d.childRef, dueDate: d.dueDate } },
    });
  };
  for (const d of due.dueSoon) if (!d.overdue) add(d, "due", d.teacherOid);
  for (const d of due.overdue) {
    for (const lead of people.filter((p) => p.role === "district_lead" && p.districtSlug === d.districtSlug)) add(d, "overdue", lead.oid);
  }
  return rows;
}

export function caseworkLink(config: Pick<AppConfig, "publicUrl">, caseId: string): string {
  return `${config.publicUrl}/tabs/casework?case=${encodeURIComponent(caseId)}`;
}

export function reviewReminderCard(view: { childRef: string; dueDate: string; overdue: boolean; districtName: string; url: string }): AdaptiveCard {
  const title = view.overdue ? `Review overdue: case ${view.childRef}` : `Review due: case ${view.childRef}`;
  const line = view.overdue
    ? `The review of case ${view.childRef} (${view.districtName}) was due on ${formatUkDateShort(view.dueDate)} and has not been recorded.`
    : `The review of case ${view.childRef} is due on ${formatUkDateShort(view.dueDate)}.`;
  return {
    type: "AdaptiveCard",
    version: "1.5",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    body: [
      { type: "TextBlock", text: title, weight: "Bolder", size: "Medium", wrap: true },
      { type: "TextBlock", text: line, wrap: true },
    ],
    actions: [{ type: "Action.OpenUrl", title: "Open the case", url: view.url }],
  };
}
