/**
 * Red / Amber / Green rating of a percent measure, on the unrounded value.
 *
 * The comparison is done in whole-number arithmetic (numerator × 100 against threshold ×
 * denominator), so 6999 out of 10000 is Red and 7000 out of 10000 is Amber exactly, with no
 * floating-point rounding either way.
 */
import type { Measure, RagRule } from "./catalogue";

/** "too_few": a questionnaire figure from fewer answers than its minimum, shown as "too few answers to rate". */
export type Rag = "green" | "amber" | "red" | "na" | "too_few";

export const RAGS: readonly Rag[] = ["green", "amber", "red", "na", "too_few"];

/**
 * The rating of `numerator` out of `denominator` for a measure: "na" for count measures, percent
 * measures without a rating, a missing value, or a denominator of 0 (no percentage to rate);
 * "too_few" for a rated questionnaire measure whose answers (the denominator, 0 included) are fewer
 * than its `minAnswers`, whatever the percentage.
 */
export function ragFor(
  measure: Pick<Measure, "kind" | "rag" | "minAnswers">,
  numerator: number | null | undefined,
  denominator: number | null | undefined,
): Rag {
  if (measure.kind !== "percent" || !measure.rag) return "na";
  if (tooFewAnswers(measure, numerator, denominator)) return "too_few";
  return ragOf(measure.rag, numerator, denominator);
}

/** True when a measure with a minimum of answers has a usable figure from fewer answers than that minimum. */
export function tooFewAnswers(measure: Pick<Measure, "minAnswers">, numerator: number | null | undefined, denominator: number | null | undefined): boolean {
  if (measure.minAnswers === undefined || numerator == null || denominator == null) return false;
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || numerator < 0 || denominator < 0) return false;
  return denominator < measure.minAnswers;
}

/**
 * The response rate of a questionnaire figure: answers (the denominator) out of questionnaires
 * sent, as an unrounded percentage; null when how many were asked is unknown or none were.
 */
export function responseRateOf(answered: number | null | undefined, asked: number | null | undefined): number | null {
  if (answered == null || asked == null || !Number.isFinite(answered) || !Number.isFinite(asked) || asked <= 0) return null;
  return (answered * 100) / asked;
}

export function ragOf(rule: RagRule, numerator: number | null | undefined, denominator: number | null | undefined): Rag {
  if (numerator == null || denominator == null) return "na";
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0 || numerator < 0) return "na";
  const scaled = numerator * 100; // percent × denominator
  const atLeast = (threshold: number) => scaled >= threshold * denominator;
  const atMost = (threshold: number) => scaled <= threshold * denominator;
  if (rule.direction === "higher_is_better") {
    if (atLeast(rule.green)) return "green";
    if (atLeast(rule.amber)) return "amber";
    return "red";
  }
  if (atMost(rule.green)) return "green";
  if (atMost(rule.amber)) return "amber";
  return "red";
}

/** The unrounded percentage (0–100, may exceed 100 for bad data), or null when it cannot be worked out. */
export function percentOf(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator == null || denominator == null) return null;
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) return null;
  return (numerator * 100) / denominator;
}
