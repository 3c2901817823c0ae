/**
 * Reviews of a case's targets: when one is due, whether it is overdue, which are due in a window
 * (the reminders use these), what a review must record, and KPI 2.1's reading of a review.
 *
 * - **Due date.** The support plan's review date ([support plans](../../../docs/reference/service.md#outcomes-actions-and-support-plans)). Recording a review moves it to the
 *   review's next review date (`supportPlanAfterReview`, which the server applies); should a review
 *   dated on or after the plan's date be found with the plan not moved on, its next review date is
 *   due. A final review leaves nothing due (the case is waiting to be closed); nor does a closed case.
 * - **Overdue** once the due date has passed: due today is not overdue until tomorrow (UK dates).
 * - **A review** records a result for every target in force on its date and nothing else, is dated
 *   between the case's opening and today, and is not made on a closed case.
 * - **KPI 2.1** ("achieved or made significant progress, at least 50%, towards the targets set"):
 *   a review counts when every target reviewed was achieved or reached at least 50% progress — the
 *   strict reading, so the figure never overstates; see the README.
 * Pure: the caller passes today's UK date (`ukToday(now)` from src/domain/time).
 */
import type { ReviewInput, TargetResult } from "../../schemas/casework/records";
import { addDays } from "../time/calendar";
import { messageCollector, type CaseRecord, type ReviewRecord, type RuleResult } from "./model";
import { targetsInForceOn } from "./targets";

type DueCase = Pick<CaseRecord, "id" | "status" | "supportPlan">;
type DueReview = Pick<ReviewRecord, "caseId" | "date" | "nextReviewDate" | "final" | "recordedAt">;

/** The case's reviews, latest first (by date, then by when recorded). */
export function reviewsOf<R extends DueReview>(caseId: string, reviews: readonly R[]): R[] {
  return reviews
    .filter((r) => r.caseId === caseId)
    .sort((a, b) => b.date.localeCompare(a.date) || b.recordedAt.localeCompare(a.recordedAt));
}

/** When the next review is due; undefined when none is (closed, after a final review, or no date set). */
export function reviewDueDate(c: DueCase, reviews: readonly DueReview[]): string | undefined {
  if (c.status === "closed") return undefined;
  const latest = reviewsOf(c.id, reviews)[0];
  const planned = c.supportPlan.reviewDate;
  if (!latest) return planned;
  if (latest.final) return undefined;
  return planned !== undefined && planned > latest.date ? planned : latest.nextReviewDate;
}

/** The support plan once a review is recorded: its review date becomes the next review date (unchanged by a final review). */
export function supportPlanAfterReview<P extends { reviewDate?: string }>(plan: P, review: Pick<ReviewRecord, "final" | "nextReviewDate">): P {
  return review.final || review.nextReviewDate === undefined ? plan : { ...plan, reviewDate: review.nextReviewDate };
}

export function isReviewOverdue(c: DueCase, reviews: readonly DueReview[], today: string): boolean {
  const due = reviewDueDate(c, reviews);
  return due !== undefined && due < today;
}

export interface ReviewDue {
  caseId: string;
  childRef: string;
  districtSlug: string;
  team: CaseRecord["team"];
  teacherOid: string;
  dueDate: string;
  overdue: boolean;
  /** Days past the due date (0 when not overdue). */
  daysOverdue: number;
  /** `caseId|dueDate`: one reminder per case and due date, for exactly-once sending. */
  key: string;
}

type ListedCase = DueCase & Pick<CaseRecord, "childRef" | "districtSlug" | "team" | "allocatedTeacherOid">;

const DAY_MS = 86_400_000;
const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

function dueOf(c: ListedCase, reviews: readonly DueReview[], today: string): ReviewDue | undefined {
  const dueDate = reviewDueDate(c, reviews);
  if (dueDate === undefined) return undefined;
  const overdue = dueDate < today;
  return {
    caseId: c.id,
    childRef: c.childRef,
    districtSlug: c.districtSlug,
    team: c.team,
    teacherOid: c.allocatedTeacherOid,
    dueDate,
    overdue,
    daysOverdue: overdue ? daysFrom(dueDate, today) : 0,
    key: `${c.id}|${dueDate}`,
  };
}

/** Reviews due from `from` to `to` inclusive (e.g. today to today + 14 for the teacher's reminder), soonest first. */
export function reviewsDueBetween(cases: readonly ListedCase[], reviews: readonly DueReview[], window: { from: string; to: string; today: string }): ReviewDue[] {
  return cases
    .map((c) => dueOf(c, reviews, window.today))
    .filter((d): d is ReviewDue => d !== undefined && d.dueDate >= window.from && d.dueDate <= window.to)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.caseId.localeCompare(b.caseId));
}

/** Reviews due in the next `days` days, counting today (the teacher's reminder). */
export function reviewsDueWithin(cases: readonly ListedCase[], reviews: readonly DueReview[], today: string, days: number): ReviewDue[] {
  return reviewsDueBetween(cases, reviews, { from: today, to: addDays(today, Math.max(0, days - 1)), today });
}

/** Overdue reviews (the lead's reminder), most overdue first. */
export function overdueReviews(cases: readonly ListedCase[], reviews: readonly DueReview[], today: string): ReviewDue[] {
  return cases
    .map((c) => dueOf(c, reviews, today))
    .filter((d): d is ReviewDue => d !== undefined && d.overdue)
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.caseId.localeCompare(b.caseId));
}

/** Check a review against its case; answers the review as recorded. Messages name targets by number, not text. */
export function checkReview(c: Pick<CaseRecord, "status" | "openedAt" | "targets">, input: ReviewInput, today: string): RuleResult<ReviewInput> {
  const m = messageCollector();
  if (c.status === "closed") m.add("date", "This case is closed: its reviews can no longer change");
  if (input.date > today) m.add("date", "The review date cannot be in the future");
  if (input.date < c.openedAt) m.add("date", "The review date cannot be before the case opened");
  const inForce = targetsInForceOn(c.targets, input.date);
  const reviewed = new Set(input.results.map((r) => r.targetId));
  input.results.forEach((r, i) => {
    if (!inForce.some((t) => t.id === r.targetId)) m.add(`results.${i}.targetId`, "This target was not in force on the review date");
  });
  c.targets.forEach((t, i) => {
    if (inForce.includes(t) && !reviewed.has(t.id)) m.add("results", `Record a result for target ${i + 1}`);
  });
  if (inForce.length === 0) m.add("results", "The case had no targets in force on the review date: set targets first");
  return m.result(input);
}

const SIGNIFICANT: readonly TargetResult[] = ["achieved", "progress-50"];

/** KPI 2.1: every target reviewed was achieved or reached at least 50% progress. */
export function meetsSignificantProgress(review: Pick<ReviewRecord, "results">): boolean {
  return review.results.length > 0 && review.results.every((r) => SIGNIFICANT.includes(r.result));
}
