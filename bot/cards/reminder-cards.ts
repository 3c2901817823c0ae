/**
 * Reminder cards (Adaptive Cards 1.5, `Action.Execute`): the termly-return reminder and the states it
 * turns into after an action, the monitoring-meeting reminder, the commissioners' overdue digest and
 * the "needs more time" notice. Plain JSON from plain view models; the server fills the models.
 */
import { formatUkDate, formatUkDateTime, formatUkTime } from "../../src/domain/time/format";
import type { AdaptiveCard } from "../bot-port";
import { adaptiveCard, escapeMarkdown, executeAction, factSet, heading, paragraph } from "./card-kit";

/** Verbs of the reminder card's buttons (the `adaptiveCard/action` invoke carries them back). */
export const REMINDER_VERBS = {
  submitted: "reminder.submitted",
  snooze: "reminder.snooze",
  moreTime: "reminder.moreTime",
} as const;

export type ReturnState = "not_started" | "draft" | "submitted" | "returned";

export interface ReturnReminderView {
  /** The reminder key (`return:district:period:step`), carried in every button's data. */
  key: string;
  districtSlug: string;
  districtName: string;
  academicYear: string;
  term: number;
  dueAt: string;
  status: ReturnState;
  /** Labels of the parts still missing (draft). */
  missing: string[];
  /** Teams deep link to the KPI return tab, and the plain web address of the same page. */
  openUrl: string;
  webUrl: string;
  /** Overdue wording. */
  overdue: boolean;
  late?: boolean;
  /** What happened after a button, shown above the facts. */
  notice?: { text: string; tone?: "good" | "attention" };
  /** Which buttons to offer: all while the reminder is open; fewer once answered. */
  buttons?: "all" | "open-only" | "no-snooze";
  /** Today (ISO date) for the date input's minimum. */
  today?: string;
}

export function statusInWords(status: ReturnState, missing: readonly string[]): string {
  switch (status) {
    case "not_started":
      return "Not started";
    case "draft":
      return missing.length > 0 ? `Draft, still missing: ${missing.join(", ")}` : "Draft, ready to submit";
    case "returned":
      return missing.length > 0
        ? `Returned for changes, still missing: ${missing.join(", ")}`
        : "Returned for changes: please check the comment and submit again";
    case "submitted":
      return "Submitted";
  }
}

/** The state alone, for lists. */
export function shortStatus(status: ReturnState): string {
  return { not_started: "Not started", draft: "Draft", returned: "Returned for changes", submitted: "Submitted" }[status];
}

function notice(n: ReturnReminderView["notice"]): Array<Record<string, unknown>> {
  if (!n) return [];
  return [{ type: "TextBlock", text: n.text, wrap: true, weight: "Bolder", color: n.tone === "attention" ? "Attention" : "Good" }];
}

export function returnReminderCard(view: ReturnReminderView): AdaptiveCard {
  const termLabel = `term ${view.term} ${view.academicYear}`;
  const title = view.status === "submitted"
    ? `${view.districtName}: KPI return for ${termLabel} submitted`
    : view.overdue
      ? `${view.districtName}: KPI return for ${termLabel} is overdue`
      : `${view.districtName}: KPI return for ${termLabel} is due ${formatUkDate(view.dueAt)}`;
  const data = { key: view.key, districtSlug: view.districtSlug, academicYear: view.academicYear, term: view.term };
  const buttons = view.buttons ?? "all";
  const actions: Array<Record<string, unknown>> = [{ type: "Action.OpenUrl", title: "Open KPI return", url: view.openUrl }];
  if (buttons !== "open-only") {
    actions.push(executeAction("Already submitted", REMINDER_VERBS.submitted, data));
    if (buttons === "all") actions.push(executeAction("Remind me tomorrow", REMINDER_VERBS.snooze, data));
    actions.push({
      type: "Action.ShowCard",
      title: "Need more time",
      card: {
        type: "AdaptiveCard",
        body: [
          paragraph("Ask the commissioners for more time. They will get your reason and the date you suggest."),
          { type: "Input.Text", id: "reason", label: "Why do you need more time?", isMultiline: true, maxLength: 500, isRequired: true, errorMessage: "Give a reason" },
          { type: "Input.Date", id: "requestedDate", label: "New date you can manage", isRequired: true, errorMessage: "Choose a date", ...(view.today ? { min: view.today } : {}) },
        ],
        actions: [executeAction("Send request", REMINDER_VERBS.moreTime, data)],
      },
    });
  }
  return adaptiveCard(
    [
      heading(title),
      ...notice(view.notice),
      factSet([
        { title: "District", value: view.districtName },
        { title: "Return", value: `Term ${view.term}, academic year ${view.academicYear}` },
        { title: "Due", value: `${formatUkDate(view.dueAt)}, ${formatUkTime(view.dueAt)}` },
        { title: "Status", value: statusInWords(view.status, view.missing) },
      ]),
      ...(view.late && view.status !== "submitted" ? [paragraph("This reminder is late: LIFT Hub could not send it at the usual time.", { subtle: true })] : []),
      paragraph(`Not in Teams? [Open the return in a browser](${view.webUrl})`, { subtle: true }),
    ],
    actions,
  );
}

export interface MonitoringReminderView {
  districtName: string;
  academicYear: string;
  covers: readonly [number, number];
  meetingAt: string;
  packUrl?: string;
}

export function monitoringReminderCard(view: MonitoringReminderView): AdaptiveCard {
  const actions = view.packUrl ? [{ type: "Action.OpenUrl", title: "Open monitoring pack", url: view.packUrl }] : [];
  return adaptiveCard(
    [
      heading(`${view.districtName}: LIFT monitoring meeting on ${formatUkDate(view.meetingAt)}`),
      factSet([
        { title: "District", value: view.districtName },
        { title: "Covers", value: `Terms ${view.covers[0]} and ${view.covers[1]}, academic year ${view.academicYear}` },
        { title: "When", value: formatUkDateTime(view.meetingAt) },
      ]),
      paragraph(view.packUrl ? "Please read the monitoring pack before the meeting." : "The monitoring pack link is not set yet."),
    ],
    actions,
  );
}

export interface DigestRow {
  districtName: string;
  academicYear: string;
  term: number;
  dueAt: string;
  status: ReturnState;
  schoolDaysOverdue: number;
}

/**
 * The commissioners' daily digest: overdue returns and, when the calendar is running out of terms,
 * a line saying so (sent on Mondays even when nothing is overdue).
 */
export function overdueDigestCard(date: string, rows: readonly DigestRow[], summaryUrl: string, calendarWarning?: string): AdaptiveCard {
  const overdue =
    rows.length === 0
      ? []
      : [
          paragraph(rows.length === 1 ? "1 district's return is overdue." : `${rows.length} districts' returns are overdue.`),
          factSet(
            rows.map((r) => ({
              title: r.districtName,
              value: `Term ${r.term} ${r.academicYear}, due ${formatUkDate(r.dueAt)}: ${shortStatus(r.status)}, ${r.schoolDaysOverdue} school day${r.schoolDaysOverdue === 1 ? "" : "s"} overdue`,
            })),
          ),
        ];
  return adaptiveCard(
    [
      heading(rows.length > 0 ? `Overdue KPI returns on ${formatUkDate(date)}` : `LIFT Hub on ${formatUkDate(date)}`),
      ...overdue,
      ...(calendarWarning ? [paragraph(`Calendar: ${calendarWarning}`)] : []),
    ],
    [{ type: "Action.OpenUrl", title: "Open KPI summary", url: summaryUrl }],
  );
}

export interface ExtensionRequestView {
  districtName: string;
  academicYear: string;
  term: number;
  dueAt?: string;
  leadName: string;
  reason: string;
  requestedDate: string;
  summaryUrl: string;
}

export function extensionRequestCard(view: ExtensionRequestView): AdaptiveCard {
  return adaptiveCard(
    [
      heading(`${view.districtName} asks for more time for the term ${view.term} ${view.academicYear} KPI return`),
      factSet([
        { title: "Asked by", value: escapeMarkdown(view.leadName) },
        ...(view.dueAt ? [{ title: "Due", value: formatUkDate(view.dueAt) }] : []),
        { title: "New date asked for", value: formatUkDate(view.requestedDate) },
        { title: "Reason", value: escapeMarkdown(view.reason) },
      ]),
      paragraph("To agree, set the new due date for this term in LIFT Hub and let the district lead know.", { subtle: true }),
    ],
    [{ type: "Action.OpenUrl", title: "Open KPI summary", url: view.summaryUrl }],
  );
}

/** A plain answer card for status and deadlines. */
export function listCard(title: string, intro: string, facts: Array<{ title: string; value: string }>): AdaptiveCard {
  return adaptiveCard([heading(title), paragraph(intro), ...(facts.length > 0 ? [factSet(facts)] : [])], [
    executeAction("Status", "status"),
    executeAction("Deadlines", "deadlines"),
  ]);
}
