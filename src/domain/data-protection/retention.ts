/**
 * The retention schedule's rules, pure: when each kind of record about a child falls due for
 * erasure, counted from the date its rule names. The schedule itself is data (the RetentionSchedule
 * list, changeable by a commissioner); these are the defaults a fresh site starts with and the rules
 * that apply whatever the periods are. Periods are policy, not code
 * ([Retention](../../../docs/reference/data-protection.md#retention); the defaults and why:
 * [LIFT Hub's default schedule](../../../docs/reference/data-protection.md#lift-hubs-default-schedule)).
 */
import type { RecordKind, RetentionAnchor } from "../../schemas/data-protection/records";
import { daysInMonth, formatPlainDate, parsePlainDate } from "../time/plain-dates";

/** The schedule a fresh site starts with. */
export const DEFAULT_SCHEDULE: readonly (RetentionRule & { note: string })[] = [
  { kind: "referral", anchor: "date-of-birth", years: 25, note: "SEND records: date of birth + 25 years (IRMS and council schedules' floor), until KCC Information Governance sets the period." },
  { kind: "lift-outcome", anchor: "date-of-birth", years: 25, note: "Kept with the referral it records the outcome of: date of birth + 25 years." },
  { kind: "case", anchor: "date-of-birth", years: 25, note: "Casework is part of the child's SEND record: date of birth + 25 years, and never while a case is open." },
  { kind: "draft-referral", anchor: "last-activity", years: 1, note: "A draft never submitted reached no one: erased a year after its last change." },
];

/** `date` + `years` (a 29 February lands on 28 February in a year without one). */
export function addYears(date: string, years: number): string {
  const d = parsePlainDate(date);
  if (!d) throw new Error(`not a plain date: ${date}`);
  const year = d.year + years;
  return formatPlainDate({ year, month: d.month, day: Math.min(d.day, daysInMonth(year, d.month)) });
}

/** One kind of record of one child (or one draft), as the retention run sees it. */
export interface RetentionCandidate {
  /** The case reference, or `draft-<item id>` for a draft that never had one. */
  subject: string;
  kind: RecordKind;
  districtSlug: string;
  /** Plain dates (YYYY-MM-DD); absent when the records do not hold one. */
  dateOfBirth?: string;
  /** The latest closure among the child's cases. */
  caseClosedAt?: string;
  lastActivity?: string;
  /** A case of this child is open: nothing of theirs is erased while the service still works with them. */
  hasOpenCase: boolean;
}

export interface RetentionRule {
  kind: RecordKind;
  anchor: RetentionAnchor;
  years: number;
}

export type RetentionDecision =
  | { state: "due"; anchorDate: string; dueOn: string }
  | { state: "kept"; anchorDate: string; dueOn: string }
  | { state: "held"; why: string };

function anchorDate(c: RetentionCandidate, anchor: RetentionAnchor): string | undefined {
  const value = anchor === "date-of-birth" ? c.dateOfBirth : anchor === "case-closed" ? c.caseClosedAt : c.lastActivity;
  return value !== undefined && parsePlainDate(value) ? value : undefined;
}

const ANCHOR_WORDS: Record<RetentionAnchor, string> = {
  "date-of-birth": "no date of birth is recorded",
  "case-closed": "no case of this child has closed",
  "last-activity": "no change date is recorded",
};

/**
 * Whether this record is due on `today`: due on (anchor + years) or later. Held, not erased, when a
 * case of the child is open or the date the rule counts from is not recorded — a person decides.
 */
export function retentionDecision(rule: RetentionRule, c: RetentionCandidate, today: string): RetentionDecision {
  if (c.hasOpenCase) return { state: "held", why: "a case of this child is open" };
  const from = anchorDate(c, rule.anchor);
  if (!from) return { state: "held", why: ANCHOR_WORDS[rule.anchor] };
  const dueOn = addYears(from, rule.years);
  return { state: dueOn <= today ? "due" : "kept", anchorDate: from, dueOn };
}

export interface RetentionPlanLine {
  subject: string;
  kind: RecordKind;
  districtSlug: string;
  anchor: RetentionAnchor;
  anchorDate: string;
  dueOn: string;
}

export interface RetentionPlan {
  at: string;
  due: RetentionPlanLine[];
  held: Array<{ subject: string; kind: RecordKind; districtSlug: string; why: string }>;
  kept: number;
}

/**
 * What a retention run on `today` erases: each candidate against its kind's rule (a kind without a
 * rule is kept). Sorted by subject and kind, so a dry run and the run after it list the same lines.
 */
export function retentionPlan(schedule: readonly RetentionRule[], candidates: readonly RetentionCandidate[], today: string): RetentionPlan {
  const rules = new Map(schedule.map((r) => [r.kind, r]));
  const plan: RetentionPlan = { at: today, due: [], held: [], kept: 0 };
  for (const c of candidates) {
    const rule = rules.get(c.kind);
    if (!rule) {
      plan.kept += 1;
      continue;
    }
    const d = retentionDecision(rule, c, today);
    if (d.state === "due") plan.due.push({ subject: c.subject, kind: c.kind, districtSlug: c.districtSlug, anchor: rule.anchor, anchorDate: d.anchorDate, dueOn: d.dueOn });
    else if (d.state === "held") plan.held.push({ subject: c.subject, kind: c.kind, districtSlug: c.districtSlug, why: d.why });
    else plan.kept += 1;
  }
  const order = (a: { subject: string; kind: string }, b: { subject: string; kind: string }) => a.subject.localeCompare(b.subject) || a.kind.localeCompare(b.kind);
  plan.due.sort(order);
  plan.held.sort(order);
  return plan;
}
