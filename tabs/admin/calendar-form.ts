/**
 * The terms editor's working copy: six rows of text as typed, turned into the API's terms. Kept apart
 * from the components so it can be tested without a browser.
 */
import type { TermInput, YearView } from "./api";

export interface TermRow {
  start: string;
  end: string;
  /** The school day of the next term the return is due on; "" for the default (10th). */
  dueSchoolDay: string;
}

export function emptyRows(): TermRow[] {
  return Array.from({ length: 6 }, () => ({ start: "", end: "", dueSchoolDay: "" }));
}

export function rowsFrom(view: YearView): TermRow[] {
  const rows = emptyRows();
  for (const t of view.terms) rows[t.term - 1] = { start: t.start, end: t.end, dueSchoolDay: t.returnDueSchoolDay ? String(t.returnDueSchoolDay) : "" };
  return rows;
}

export function termsFrom(rows: readonly TermRow[], kept: YearView["terms"] = []): TermInput[] {
  return rows.map((r, i) => {
    const term = (i + 1) as TermInput["term"];
    const fixed = kept.find((t) => t.term === term)?.returnDueAt;
    const day = Number(r.dueSchoolDay);
    return {
      term,
      start: r.start.trim(),
      end: r.end.trim(),
      ...(fixed ? { returnDueAt: fixed } : {}),
      ...(r.dueSchoolDay.trim() && Number.isInteger(day) ? { returnDueSchoolDay: day } : {}),
    };
  });
}

/** The academic year after the one a date is in ("2026-12-03" → "2027-28"). */
export function nextAcademicYearOf(date: string): string {
  const y = Number(date.slice(0, 4));
  const first = Number(date.slice(5, 7)) >= 9 ? y + 1 : y;
  return `${first}-${String((first + 1) % 100).padStart(2, "0")}`;
}
