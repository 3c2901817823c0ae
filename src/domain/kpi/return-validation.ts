/**
 * Validation of one district's termly return (the values typed on the form), before it is saved.
 * Plain-English messages keyed by measure id, one per field.
 *
 * Rules: counts are whole numbers (FTE: up to 2 decimal places) and not negative; a numerator never
 * exceeds its denominator, and a count never exceeds the count it is bounded by (settings supported
 * ≤ settings in the district); percentages are worked out, never typed; every measure is in the
 * catalogue and collected that year. A blank (null / absent) means "not reported" and is allowed:
 * it is shown as missing, never as 0.
 */
import type { AcademicYear } from "../time/academic-year";
import { appliesIn, isAcademicYear, measureById, MEASURES, type Measure } from "./catalogue";

export type ReturnValues = Readonly<Record<string, number | null | undefined>>;

/** Field errors keyed by measure id ("" for errors about the return as a whole). */
export type FieldErrors = Record<string, string>;

export interface ReturnValidation {
  ok: boolean;
  errors: FieldErrors;
}

function isBlank(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined;
}

function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
}

function checkValue(measure: Measure, value: unknown): string | undefined {
  if (typeof value !== "number" || !Number.isFinite(value)) return `${measure.label} must be a number.`;
  if (value < 0) return `${measure.label} cannot be negative.`;
  if (measure.unit === "fte") {
    if (!hasAtMostTwoDecimals(value)) return `${measure.label} must have no more than 2 decimal places.`;
  } else if (!Number.isInteger(value)) {
    return `${measure.label} must be a whole number.`;
  }
  return undefined;
}

/**
 * `mode: "draft"` is for saving: a draft may stop anywhere, so a numerator whose denominator is not
 * entered yet is allowed; everything else (typing errors, numerator over denominator) is refused
 * even in a draft. `"submit"` (the default) adds that every numerator has its denominator.
 */
export function validateReturnValues(values: ReturnValues, academicYear: AcademicYear, options: { mode?: "draft" | "submit" } = {}): ReturnValidation {
  const mode = options.mode ?? "submit";
  const errors: FieldErrors = {};
  if (!isAcademicYear(academicYear)) {
    errors[""] = `"${academicYear}" is not an academic year (expected the form 2025-26).`;
    return { ok: false, errors };
  }
  const add = (id: string, message: string) => {
    if (errors[id] === undefined) errors[id] = message;
  };

  // Field by field.
  for (const [id, value] of Object.entries(values)) {
    const measure = measureById(id);
    if (!measure) {
      if (!isBlank(value)) add(id, `"${id}" is not a measure in the return.`);
      continue;
    }
    if (isBlank(value)) continue;
    if (measure.kind === "percent") {
      const num = measure.numeratorId ? measureById(measure.numeratorId) : undefined;
      const den = measure.denominatorId ? measureById(measure.denominatorId) : undefined;
      add(
        id,
        `${measure.label} is worked out from the numbers, not typed: enter "${num?.label ?? measure.numeratorId}" and "${den?.label ?? measure.denominatorId}" instead.`,
      );
      continue;
    }
    if (!appliesIn(measure, academicYear)) {
      add(id, `${measure.label} is not collected in ${academicYear}.`);
      continue;
    }
    const problem = checkValue(measure, value);
    if (problem) add(id, problem);
  }

  // Across fields (only between values that are themselves valid).
  const usable = (id: string): number | undefined => {
    const value = values[id];
    return errors[id] === undefined && !isBlank(value) ? value : undefined;
  };
  for (const measure of MEASURES) {
    if (!appliesIn(measure, academicYear)) continue;
    if (measure.kind === "percent" && measure.numeratorId && measure.denominatorId) {
      const numMeasure = measureById(measure.numeratorId);
      const denMeasure = measureById(measure.denominatorId);
      if (!numMeasure || !denMeasure) continue;
      const num = usable(measure.numeratorId);
      const den = usable(measure.denominatorId);
      if (num !== undefined && den === undefined && isBlank(values[measure.denominatorId])) {
        if (mode === "draft") continue;
        add(measure.numeratorId, `Enter "${denMeasure.label}" as well, so that "${measure.label}" can be worked out.`);
      } else if (num !== undefined && den !== undefined && num > den) {
        add(measure.numeratorId, `${numMeasure.label} (${num}) cannot be more than ${lowerFirst(denMeasure.label)} (${den}).`);
      }
    }
    if (measure.kind === "count" && measure.atMost) {
      const bound = measureById(measure.atMost);
      const value = usable(measure.id);
      const max = usable(measure.atMost);
      if (bound && value !== undefined && max !== undefined && value > max) {
        const outside = MEASURES.find((m) => m.outOfDistrict && m.group === measure.group);
        const hint = measure.id.startsWith("settings_supported_") && outside ? ` Record schools and settings from outside the district under "${outside.label}".` : "";
        add(measure.id, `${measure.label} (${value}) cannot be more than ${lowerFirst(bound.label)} (${max}).${hint}`);
      }
    }
  }
  return { ok: Object.keys(errors).length === 0, errors };
}

function lowerFirst(text: string): string {
  // "Pupils reviewed" → "pupils reviewed", but "LIFT satisfaction" and "AET sessions" stay as they are.
  if (text.length < 2 || text[1] !== text[1]!.toLowerCase()) return text;
  return text[0]!.toLowerCase() + text.slice(1);
}
