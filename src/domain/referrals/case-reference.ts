/**
 * Case references: district code, academic year and a sequence, e.g. DOV-2526-0042 — the 42nd
 * referral submitted in Dover in 2025-26. The reference is the only handle shown on shared agendas
 * (never the child's name).
 */
import {
  type AcademicYear,
  academicYearFirstYear,
  academicYearOf,
  academicYearStarting,
} from "../time/academic-year";

export { academicYearOf } from "../time/academic-year";
export type { AcademicYear } from "../time/academic-year";

export interface CaseReference {
  districtCode: string;
  academicYear: AcademicYear;
  sequence: number;
}

const DISTRICT_CODE = /^[A-Z]{3}$/;
const REFERENCE = /^([A-Z]{3})-(\d{2})(\d{2})-(\d{4,6})$/;
export const MAX_SEQUENCE = 999_999;

/** formatCaseReference("DOV", "2025-26", 42) → "DOV-2526-0042" (sequence padded to 4 digits, up to 6). */
export function formatCaseReference(districtCode: string, academicYear: AcademicYear, sequence: number): string {
  if (!DISTRICT_CODE.test(districtCode)) throw new RangeError(`District code must be three capital letters, got ${JSON.stringify(districtCode)}`);
  const start = academicYearFirstYear(academicYear);
  if (start === undefined || start < 2000 || start > 2098) {
    throw new RangeError(`Academic year must look like "2025-26", got ${JSON.stringify(academicYear)}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`Sequence must be a whole number from 1 to ${MAX_SEQUENCE}, got ${sequence}`);
  }
  const yy = (n: number) => String(n % 100).padStart(2, "0");
  return `${districtCode}-${yy(start)}${yy(start + 1)}-${String(sequence).padStart(4, "0")}`;
}

/** Parses a canonical case reference (upper case, as formatted); undefined when it is not one. */
export function parseCaseReference(reference: string): CaseReference | undefined {
  const m = REFERENCE.exec(reference);
  if (!m) return undefined;
  const [, districtCode, from, to, seq] = m as unknown as [string, string, string, string, string];
  const start = 2000 + Number(from);
  if ((start + 1) % 100 !== Number(to) || start > 2098) return undefined;
  const sequence = Number(seq);
  if (sequence < 1) return undefined;
  const parsed = { districtCode, academicYear: academicYearStarting(start), sequence };
  // Only the canonical form (no extra leading zeros) is a reference.
  return formatCaseReference(parsed.districtCode, parsed.academicYear, parsed.sequence) === reference ? parsed : undefined;
}

/**
 * The next sequence for a district and academic year, given the references already issued
 * (others are ignored). The store must allocate it atomically (one writer, or retry on conflict).
 */
export function nextCaseSequence(existing: Iterable<string>, districtCode: string, academicYear: AcademicYear): number {
  let max = 0;
  for (const ref of existing) {
    const parsed = parseCaseReference(ref);
    if (parsed && parsed.districtCode === districtCode && parsed.academicYear === academicYear) max = Math.max(max, parsed.sequence);
  }
  return max + 1;
}

/** The reference for a referral submitted on `submittedOn` (UK date YYYY-MM-DD). */
export function caseReferenceFor(districtCode: string, submittedOn: string, sequence: number): string {
  return formatCaseReference(districtCode, academicYearOf(submittedOn), sequence);
}
