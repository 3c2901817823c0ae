/** How agenda fields read on the page: area of need and year group labels, timer text, UK times. */
import { AREAS_OF_NEED } from "../../src/schemas/referrals/referral";
import { YEAR_GROUP_LABELS, type YearGroup } from "../../src/domain/time/year-groups";
import type { AgendaCase, OutcomeRecord } from "./api";

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

/** A UK wall-clock date and time (from date and time inputs) as ISO 8601 with its offset. */
export function ukDateTime(date: string, time: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return undefined;
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  // The offset London had at about that instant (GMT or BST); exact except in the hour clocks change.
  const guess = new Date(Date.UTC(y, mo - 1, d, h, mi));
  const name = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", timeZoneName: "longOffset" })
    .formatToParts(guess)
    .find((p) => p.type === "timeZoneName")?.value;
  const offset = name && /GMT[+-]\d{2}:\d{2}/.test(name) ? name.slice(3) : "+00:00";
  return `${date}T${time}:00${offset}`;
}

/** The UK date (YYYY-MM-DD) and time (HH:MM) of an instant, for date and time inputs. */
export function ukParts(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return { date: "", time: "" };
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(d);
  return { date, time };
}
