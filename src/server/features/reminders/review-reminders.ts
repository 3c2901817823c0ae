/**
 * Casework review reminders, on the same outbox as the return reminders (README.md: written down
 * under a key before sending, so each is delivered once): the allocated teacher is reminded of a
 * review due in the next 14 days, and the district's leads of a review that is overdue. One row per
 * case, due date and recipient — the key `review:<district>:<caseId>-<dueDate>:<due|overdue>` — so a
 * review moved to a new date is a new reminder, and the same one is never sent twice.
 *
 * They are written down at 09:00 UK time on a school day (a weekday in term that is not a bank
 * holiday), like the return reminders, so nobody is chased at a weekend or in a holiday; and never
 * for a review due before the go-live cutoff (`CASEWORK_REMINDERS_FROM`, by default the reminders'
 * go-live day), so a caseload entered with its history does not send a burst of old overdue reviews.
 *
 * The card names the case by its reference only (never the child) and links to the Casework tab.
 * The source is the casework feature's, passed in by src/server/app/compose.ts.
 */
import type { AdaptiveCard } from "../../../../bot/bot-port";
import type { AppConfig } from "../../../config/config";
import { REMINDER_TIME } from "../../../domain/reminders/plan";
import { isSchoolDay, type ReportingCalendar } from "../../../domain/time/calendar";
import { formatUkDateShort } from "../../../domain/time/format";
import { atUkTime, ukDateOf } from "../../../domain/time/uk-clock";
import type { Person } from "../../../schemas/reference/person";
import type { OutboxItem } from "./lists";

/** A review due, as the casework feature answers it (its `ReviewDue`, with the fields used here). */
export interface DueReview {
  caseId: string;
  childRef: string;
  districtSlug: string;
  /** The team working the case: a county team's overdue reviews go to that team's leads. */
  team?: string;
  teacherOid: string;
  dueDate: string;
  overdue: boolean;
}

export interface ReviewsSource {
  /** Reviews due within the next 14 days, counting today (not yet overdue), and those overdue. */
  due(now: Date): Promise<{ dueSoon: readonly DueReview[]; overdue: readonly DueReview[] }>;
}

/**
 * When review reminders may be written down at `now`: 09:00 UK time today when today is a school day
 * and it is 09:00 or later; otherwise undefined (wait for the next school day's slot).
 */
export function reviewReminderSlot(now: string, calendar: ReportingCalendar): string | undefined {
  const today = ukDateOf(now);
  const at = atUkTime(today, REMINDER_TIME.hour, REMINDER_TIME.minute);
  return isSchoolDay(today, calendar) && now >= at ? at : undefined;
}

/** The leads told of a case's overdue review: the district's for the district STLS, the team's for a county team. */
function leadsOf(d: DueReview, people: readonly Person[]): Person[] {
  const team = d.team ?? "district";
  return people.filter((p) => p.role === "district_lead" && (team === "district" ? !p.countyTeam && p.districtSlug === d.districtSlug : `county-${p.countyTeam ?? ""}` === team));
}

/**
 * Outbox rows for what is due in this slot: the teacher's for reviews due soon, each lead's for
 * overdue ones; none for a review due before `from` (the go-live cutoff, a UK date).
 */
export function reviewEntries(due: Awaited<ReturnType<ReviewsSource["due"]>>, people: readonly Person[], slot: string, from: string): Array<{ value: OutboxItem; idempotencyKey: string }> {
  const rows: Array<{ value: OutboxItem; idempotencyKey: string }> = [];
  const add = (d: DueReview, step: "due" | "overdue", recipientOid: string) => {
    if (d.dueDate < from) return;
    const period = `${d.caseId}-${d.dueDate}`;
    const key = `review:${d.districtSlug}:${period}:${step}`;
    const recipient = recipientOid.toLowerCase();
    rows.push({
      idempotencyKey: `${key}|${recipient}`,
      value: { key, kind: "review", districtSlug: d.districtSlug, period, step, recipientOid: recipient, status: "pending", scheduledAt: slot, attempts: 0, payload: { caseId: d.caseId, childRef: d.childRef, dueDate: d.dueDate } },
    });
  };
  for (const d of due.dueSoon) if (!d.overdue) add(d, "due", d.teacherOid);
  for (const d of due.overdue) {
    for (const lead of leadsOf(d, people)) add(d, "overdue", lead.oid);
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
