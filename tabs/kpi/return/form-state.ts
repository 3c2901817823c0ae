/**
 * The return form's state: what the lead typed (text, so a half-typed or wrong value is kept and
 * explained rather than silently rounded) and the numbers it stands for, checked with the same rules
 * the server applies (src/domain/kpi/return-validation.ts).
 */
import { validateReturnValues, type FieldErrors } from "../../../src/domain/kpi/return-validation";
import { percentOf, ragFor, type Rag } from "../../../src/domain/kpi/rag";
import type { KpiReturn, Measure } from "../api";

export type FieldTexts = Record<string, string>;

/** "" → null (not reported, shown as missing); anything not a plain number → NaN (a "must be a number" error). */
export function parseFigure(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return Number.NaN;
  return Number(trimmed);
}

export function countMeasures(measures: readonly Measure[]): Measure[] {
  return measures.filter((m) => m.kind === "count");
}

/** The saved values, or the prefilled figure where nothing is saved yet. */
export function initialTexts(measures: readonly Measure[], ret: KpiReturn): FieldTexts {
  const texts: FieldTexts = {};
  for (const m of countMeasures(measures)) {
    const saved = ret.values[m.id];
    const prefilled = ret.prefill[m.id]?.value;
    const value = saved ?? (ret.status === "not_started" ? prefilled : undefined);
    texts[m.id] = value == null ? "" : String(value);
  }
  return texts;
}

/** What the form edits: the figures as typed, and the narrative. */
export interface ReturnDraft {
  texts: FieldTexts;
  narrative: string;
}

export function returnDraft(measures: readonly Measure[], ret: KpiReturn): ReturnDraft {
  return { texts: initialTexts(measures, ret), narrative: ret.narrative };
}

export function valuesOf(measures: readonly Measure[], texts: FieldTexts): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  for (const m of countMeasures(measures)) values[m.id] = parseFigure(texts[m.id] ?? "");
  return values;
}

/** The server's own rules: `draft` for saving, `submit` (every numerator with its denominator) before submitting. */
export function validate(values: Record<string, number | null>, academicYear: string, mode: "draft" | "submit" = "draft"): FieldErrors {
  return validateReturnValues(values, academicYear, { mode }).errors;
}

export interface Computed {
  numerator: number | null;
  denominator: number | null;
  percent: number | null;
  rag: Rag;
  /** Questionnaire-based measures: questionnaires sent, null when not given (unknown). */
  asked?: number | null;
}

/** A percent measure worked out from the typed numbers, as the server does (never typed). */
export function computePercent(measure: Measure, values: Record<string, number | null>, errors: FieldErrors): Computed {
  const usable = (id: string | undefined) => {
    if (!id) return null;
    const value = values[id];
    return errors[id] === undefined && value != null && Number.isFinite(value) ? value : null;
  };
  const numerator = usable(measure.numeratorId);
  const denominator = usable(measure.denominatorId);
  const asked = measure.askedId ? { asked: usable(measure.askedId) } : {};
  if (numerator === null || denominator === null) return { numerator, denominator, percent: null, rag: "na", ...asked };
  return { numerator, denominator, percent: percentOf(numerator, denominator), rag: ragFor(measure, numerator, denominator), ...asked };
}

/** Count measures with no figure yet (blank is "missing", never 0); an optional one (questionnaires sent) is never missing. */
export function missingMeasures(measures: readonly Measure[], values: Record<string, number | null>): Measure[] {
  return countMeasures(measures).filter((m) => !m.optional && values[m.id] == null);
}
