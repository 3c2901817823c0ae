/**
 * A case's status and how it may change:
 *
 *   open-active ⇄ open-inactive        (going inactive needs a reason from the fixed list)
 *        │              │
 *        └──── close ───┴──▶ closed     (closing needs a reason and the final review; closed is final)
 *
 * A child who needs support again gets a new case with the same `childRef`. Every change is kept in
 * `statusChanges`, dated, so the status at the end of any term can be worked out afterwards; a
 * change cannot be dated before the last one, before the case opened, or after today.
 * Pure: the caller passes today's UK date (`ukToday(now)` from src/domain/time).
 */
import { CASE_STATUSES, CLOSURE_REASONS, INACTIVE_REASONS, type CaseCloseInput, type CaseStatus, type CaseStatusInput, type StatusChange } from "../../schemas/casework/records";
import { messageCollector, type CaseRecord, type ReviewRecord, type RuleResult } from "./model";
import { targetsInForceOn } from "./targets";

export const CASE_STATUS_LABELS = Object.fromEntries(CASE_STATUSES.map((s) => [s.value, s.label])) as Record<CaseStatus, string>;

export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  "open-active": ["open-inactive", "closed"],
  "open-inactive": ["open-active", "closed"],
  closed: [],
};

export function canChangeStatus(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

export const isOpenStatus = (s: CaseStatus): boolean => s !== "closed";

type StatusHistory = Pick<CaseRecord, "openedAt" | "statusChanges">;

/** The last change, by date (the later entry wins on the same day). */
function lastChange(c: Pick<CaseRecord, "statusChanges">): StatusChange | undefined {
  let last: StatusChange | undefined;
  for (const ch of c.statusChanges) if (!last || ch.at >= last.at) last = ch;
  return last;
}

/** The status at the end of `date`; undefined before the case opened. */
export function statusOn(c: StatusHistory, date: string): CaseStatus | undefined {
  if (date < c.openedAt) return undefined;
  let status: CaseStatus | undefined;
  let at = "";
  for (const ch of c.statusChanges) {
    if (ch.at <= date && ch.at >= at) {
      status = ch.status;
      at = ch.at;
    }
  }
  return status ?? c.statusChanges[0]?.status;
}

/** The day the case closed, if it has. */
export function closedOn(c: Pick<CaseRecord, "statusChanges">): string | undefined {
  return c.statusChanges.find((ch) => ch.status === "closed")?.at;
}

/** On the caseload at the end of `date`: opened on or before it and not closed by then. */
export function isOpenOn(c: StatusHistory, date: string): boolean {
  const s = statusOn(c, date);
  return s !== undefined && isOpenStatus(s);
}

/** Open on at least one day from `from` to `to` (a case closed on `from` was open that day). */
export function wasOpenDuring(c: StatusHistory, from: string, to: string): boolean {
  if (c.openedAt > to) return false;
  const closed = closedOn(c);
  return closed === undefined || closed >= from;
}

/**
 * Actively supported at the end of `date` ([the definition](../../../docs/reference/service.md#actively-supported-and-caseload)): open, a specialist teacher
 * actively supporting (status open-active) and working towards individual targets (one in force).
 * A closed or inactive case is never active.
 */
export function isActiveOn(c: StatusHistory & Pick<CaseRecord, "targets">, date: string): boolean {
  return statusOn(c, date) === "open-active" && targetsInForceOn(c.targets, date).length > 0;
}

function checkDate(c: StatusHistory, at: string, today: string, path: string, add: (p: string, m: string) => void): void {
  if (at > today) add(path, "The date cannot be in the future");
  const last = lastChange(c);
  if (at < c.openedAt) add(path, "The date cannot be before the case opened");
  else if (last && at < last.at) add(path, "The date cannot be before the case's last change of status");
}

/** Switch an open case between actively supported and not: the status change to append. */
export function changeStatus(c: StatusHistory & Pick<CaseRecord, "status">, input: CaseStatusInput, today: string): RuleResult<StatusChange> {
  const m = messageCollector();
  if (!canChangeStatus(c.status, input.status)) {
    m.add(
      "status",
      c.status === "closed"
        ? "This case is closed: open a new case if the child needs support again"
        : `The case is already ${CASE_STATUS_LABELS[c.status].toLowerCase()}`,
    );
  }
  if (input.status === "open-inactive" && !input.inactiveReason) m.add("inactiveReason", "Choose why the case is not actively supported");
  if (input.inactiveReason === "other" && !input.inactiveReasonText) m.add("inactiveReasonText", "Describe why the case is not actively supported");
  checkDate(c, input.at, today, "at", m.add);
  const change: StatusChange =
    input.status === "open-inactive"
      ? { status: input.status, at: input.at, inactiveReason: input.inactiveReason, ...(input.inactiveReasonText ? { inactiveReasonText: input.inactiveReasonText } : {}) }
      : { status: input.status, at: input.at };
  return m.result(change);
}

/**
 * Close a case: the reason, the date, and the final review it rests on — a review of this case,
 * marked final, dated on or before the closure. Answers the status change to append; the caller
 * stores the closure and ends the targets still in force (`endedAt` = the closing date).
 */
export function closeCase(
  c: StatusHistory & Pick<CaseRecord, "id" | "status">,
  input: CaseCloseInput,
  reviews: readonly Pick<ReviewRecord, "id" | "caseId" | "date" | "final">[],
  today: string,
): RuleResult<StatusChange> {
  const m = messageCollector();
  if (c.status === "closed") m.add("status", "This case is already closed");
  if (input.reason === "other" && !input.reasonText) m.add("reasonText", "Describe why the case is closing");
  checkDate(c, input.closedAt, today, "closedAt", m.add);
  const review = reviews.find((r) => r.id === input.finalReviewId && r.caseId === c.id);
  if (!review) m.add("finalReviewId", "Record the final review of this case before closing it");
  else {
    if (!review.final) m.add("finalReviewId", "The review a closure rests on must be marked as the final review");
    if (review.date > input.closedAt) m.add("finalReviewId", "The final review must be on or before the closing date");
  }
  return m.result<StatusChange>({ status: "closed", at: input.closedAt });
}

export const closureReasonLabel = (value: string): string => CLOSURE_REASONS.find((r) => r.value === value)?.label ?? value;
export const inactiveReasonLabel = (value: string): string => INACTIVE_REASONS.find((r) => r.value === value)?.label ?? value;
