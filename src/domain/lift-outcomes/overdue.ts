/**
 * Overdue LIFT actions (SLA 3.11 "every action has an owner and an agreed timeframe", [Outcomes](../../../docs/reference/service.md#outcomes-actions-and-support-plans)):
 * the actions of APPROVED outcomes that are not done and whose due date is before today. A draft's
 * actions are not yet agreed, so they are never overdue. Pure: the caller passes today's UK date
 * (`ukToday(now)` in src/domain/time), so an action due today is not overdue until tomorrow, whatever the server's zone.
 */
export interface OverdueSourceAction {
  id: string;
  description: string;
  ownerName: string;
  ownerRole?: string;
  dueDate?: string;
  done?: boolean;
}

export interface OverdueSource {
  referralId: string;
  meetingId: string;
  status: "draft" | "approved";
  actions: readonly OverdueSourceAction[];
}

export interface OverdueFound {
  referralId: string;
  meetingId: string;
  action: OverdueSourceAction & { dueDate: string };
  daysOverdue: number;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Most overdue first; ties by referral then action id, so the order is stable. */
export function overdueActions(sources: readonly OverdueSource[], today: string): OverdueFound[] {
  if (!ISO_DATE.test(today)) throw new Error(`overdueActions: today must be YYYY-MM-DD, got ${today}`);
  const out: OverdueFound[] = [];
  for (const s of sources) {
    if (s.status !== "approved") continue;
    for (const a of s.actions) {
      if (a.done || !a.dueDate || !ISO_DATE.test(a.dueDate) || a.dueDate >= today) continue;
      out.push({ referralId: s.referralId, meetingId: s.meetingId, action: { ...a, dueDate: a.dueDate }, daysOverdue: daysBetween(a.dueDate, today) });
    }
  }
  return out.sort(
    (a, b) => b.daysOverdue - a.daysOverdue || a.referralId.localeCompare(b.referralId) || a.action.id.localeCompare(b.action.id),
  );
}
