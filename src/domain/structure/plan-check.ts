/**
 * What the structure says about a district's planned LIFT meetings: a meeting may not fall on or
 * after the district's retirement (nor before a split district starts), a named LIFT group must be
 * one of the district's live groups of the meeting's kind, and each group's cadence is checked for
 * the terms the plan touches (warnings only). Keys follow the plan's field paths (`meetings.<i>.<field>`);
 * cadence warnings are keyed `cadence.<group id>`.
 */
import { termContaining, type TermNumber } from "../time/calendar";
import { formatUkDate } from "../time/format";
import { ukDateOf } from "../time/uk-clock";
import type { District } from "../../schemas/reference/district";
import type { LiftGroup } from "../../schemas/reference/lift-group";
import { checkCadence, type CadenceMeeting, type CadenceTerm } from "./cadence";
import { hasStarted, isRetired } from "./structure";

export interface PlannedForGroup {
  kind: "school" | "early-years";
  startsAt: string;
  liftGroupId?: string;
}

export function checkPlanAgainstStructure(district: District, planned: readonly PlannedForGroup[], groups: readonly LiftGroup[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (key: string, message: string) => (errors[key] ??= []).push(message);
  planned.forEach((m, i) => {
    const date = ukDateOf(m.startsAt);
    if (Number.isNaN(Date.parse(m.startsAt))) return;
    if (isRetired(district, date)) add(`meetings.${i}.startsAt`, `${district.name} is retired from ${formatUkDate(district.retiredOn as string)}: it takes no new meetings.`);
    if (!hasStarted(district, date)) add(`meetings.${i}.startsAt`, `${district.name} starts on ${formatUkDate(district.startsOn as string)}.`);
    if (!m.liftGroupId) return;
    const group = groups.find((g) => g.id === m.liftGroupId);
    if (!group || group.districtSlug !== district.slug) return add(`meetings.${i}.liftGroupId`, `There is no LIFT group '${m.liftGroupId}' in ${district.name}.`);
    if (group.phase !== m.kind) add(`meetings.${i}.liftGroupId`, `${group.name} is ${group.phase === "early-years" ? "an early years" : "a school"} LIFT group.`);
    if (isRetired(group, date)) add(`meetings.${i}.liftGroupId`, `${group.name} is retired from ${formatUkDate(group.retiredOn as string)}.`);
  });
  return errors;
}

/**
 * The cadence warnings of a plan: for the district's live groups of the kinds being planned, in
 * each term the plan touches, counting the meetings already planned and those in the plan.
 */
export function planCadenceWarnings(input: {
  district: Pick<District, "slug">;
  planned: readonly PlannedForGroup[];
  existing: readonly CadenceMeeting[];
  groups: readonly LiftGroup[];
  terms: readonly CadenceTerm[];
}): Record<string, string[]> {
  const groups = input.groups.filter((g) => g.districtSlug === input.district.slug && input.planned.some((m) => m.kind === g.phase));
  if (groups.length === 0) return {};
  const periods = new Map<string, { academicYear: string; term: TermNumber | number }>();
  for (const m of input.planned) {
    const t = termContaining(ukDateOf(m.startsAt), { terms: input.terms });
    if (t) periods.set(`${t.academicYear}:${t.term}`, { academicYear: t.academicYear, term: t.term });
  }
  const meetings: CadenceMeeting[] = [...input.existing, ...input.planned.map((m) => ({ districtSlug: input.district.slug, kind: m.kind, ...(m.liftGroupId ? { liftGroupId: m.liftGroupId } : {}), startsAt: m.startsAt, status: "scheduled" as const }))];
  const warnings: Record<string, string[]> = {};
  for (const f of checkCadence({ groups, meetings, terms: input.terms, periods: [...periods.values()] })) {
    if (f.status !== "ok") (warnings[`cadence.${f.groupId}`] ??= []).push(f.message);
  }
  return warnings;
}
