/**
 * Checks on planned (or moved) LIFT meetings, with field errors keyed by dotted path
 * (`meetings.<i>.<field>`). Pure: `now` and the district's other meetings are passed in.
 * Outside the district's terms is a warning, not an error: a district may meet in a holiday.
 */
import { termContaining, type TermDates } from "../time/calendar";
import { ukDateOf } from "../time/uk-clock";

export type { TermDates };

export interface PlannedTimes {
  kind: "school" | "early-years";
  phases?: readonly ("primary" | "secondary")[];
  startsAt: string;
  endsAt: string;
}

export interface ExistingMeeting extends PlannedTimes {
  id: string;
  title?: string;
  status: "scheduled" | "moved" | "cancelled" | "held";
}


export interface PlanCheck {
  fieldErrors: Record<string, string[]>;
  warnings: Record<string, string[]>;
}

/** School meetings for different phases can run side by side; absent phases mean all of them. */
function sameAudience(a: PlannedTimes, b: PlannedTimes): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "early-years" || !a.phases?.length || !b.phases?.length) return true;
  return a.phases.some((p) => b.phases?.includes(p));
}

const overlaps = (a: PlannedTimes, b: PlannedTimes) => Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);

/**
 * Problems with each planned meeting: end not after start, start in the past, an overlap with
 * another live meeting of the same district and kind (already planned, or earlier in this batch).
 * `prefix` is the path of the list ("meetings"); pass "" for a single meeting (paths `startsAt`…).
 */
export function checkPlannedMeetings(
  planned: readonly PlannedTimes[],
  existing: readonly ExistingMeeting[],
  options: { now: Date; terms?: readonly TermDates[]; prefix?: string; ignoreId?: string },
): PlanCheck {
  const fieldErrors: Record<string, string[]> = {};
  const warnings: Record<string, string[]> = {};
  const prefix = options.prefix ?? "meetings";
  const path = (i: number, field: string) => (prefix === "" ? field : `${prefix}.${i}.${field}`);
  const add = (into: Record<string, string[]>, key: string, message: string) => (into[key] ??= []).push(message);
  const live = existing.filter((m) => m.status !== "cancelled" && m.id !== options.ignoreId);

  planned.forEach((m, i) => {
    const start = Date.parse(m.startsAt);
    const end = Date.parse(m.endsAt);
    if (Number.isNaN(start)) return add(fieldErrors, path(i, "startsAt"), "Enter the start as a date and time");
    if (Number.isNaN(end)) return add(fieldErrors, path(i, "endsAt"), "Enter the end as a date and time");
    if (end <= start) add(fieldErrors, path(i, "endsAt"), "The meeting must end after it starts");
    if (start < options.now.getTime()) add(fieldErrors, path(i, "startsAt"), "The meeting cannot start in the past");
    if (end <= start) return;
    const clash = live.find((other) => sameAudience(m, other) && overlaps(m, other));
    if (clash) add(fieldErrors, path(i, "startsAt"), `Overlaps ${clash.title ?? "another meeting"} of this district (${clash.kind})`);
    const earlier = planned.slice(0, i).findIndex((other) => Date.parse(other.endsAt) > Date.parse(other.startsAt) && sameAudience(m, other) && overlaps(m, other));
    if (earlier >= 0) add(fieldErrors, path(i, "startsAt"), `Overlaps meeting ${earlier + 1} of this plan`);
    if (options.terms && options.terms.length > 0) {
      if (!termContaining(ukDateOf(m.startsAt), { terms: options.terms })) add(warnings, path(i, "startsAt"), "This date is outside the term dates");
    }
  });
  return { fieldErrors, warnings };
}
