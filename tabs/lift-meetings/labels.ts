/** How agenda fields read on the page: area of need and year group labels, timer text, UK times. */
import { AREAS_OF_NEED } from "../../src/schemas/referrals/referral";
import { YEAR_GROUP_LABELS, type YearGroup } from "../../src/domain/time/year-groups";
import type { AgendaCase } from "./api";
import type { OutcomeRecord } from "../lift-outcomes/api";

export function areaLabel(code: string | undefined): string {
  if (!code) return "";
  return AREAS_OF_NEED.find((a) => a.value === code)?.label ?? code;
}

export function yearGroupLabel(entry: { yearGroup?: string; ageInMonths?: number }): string {
  if (entry.yearGroup) return YEAR_GROUP_LABELS[entry.yearGroup as YearGroup] ?? entry.yearGroup;
  return entry.ageInMonths === undefined ? "" : `${entry.ageInMonths} months`;
}

export const OUTCOME_STATUS_LABELS: Record<AgendaCase["outcomeStatus"] | OutcomeRecord["status"], string> = {
  none: "Not recorded",
  draft: "Draft",
  approved: "Approved",
};

/** "04:05", or "−01:10" once over time. */
export function mmss(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? "−" : "";
  const s = Math.abs(Math.trunc(totalSeconds));
  return `${sign}${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}
