import type { DistrictRef, ReturnVersion, SummaryRow, TermRef } from "../../../src/domain/kpi/aggregate";
import type { TermNumber } from "../../../src/domain/time/calendar";

/** Four districts in two areas (the real names; functions take districts as input). */
export const DISTRICTS: DistrictRef[] = [
  { slug: "canterbury", name: "Canterbury", area: "East" },
  { slug: "thanet", name: "Thanet", area: "East" },
  { slug: "dover", name: "Dover", area: "South" },
  { slug: "ashford", name: "Ashford", area: "South" },
];

export function terms(academicYear: string, ...numbers: TermNumber[]): TermRef[] {
  return numbers.map((term) => ({ academicYear, term }));
}

let seq = 0;
export function ret(
  districtSlug: string,
  academicYear: string,
  term: TermNumber,
  values: Record<string, number | null>,
  version = 1,
): ReturnVersion {
  seq += 1;
  return {
    districtSlug,
    academicYear,
    term,
    version,
    submittedAt: new Date(Date.UTC(2024, 0, 1, 0, 0, seq)).toISOString(),
    values,
  };
}

export function row(rows: readonly SummaryRow[], level: string, id: string, academicYear: string, period: string, measure: string): SummaryRow {
  const key = `${level}|${id}|${academicYear}|${period}|${measure}`;
  const found = rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
}
