/** How the KPI return and summary tabs show figures, ratings, statuses and times (UK English). */
import { responseRateOf, type Rag } from "../../src/domain/kpi/rag";
import type { ReturnStatus } from "./api";

const percentFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 0 });
const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** 74.2857 → "74.3%". Display only: ratings are always worked out on the unrounded value. */
export function formatPercent(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? "" : `${percentFormat.format(value)}%`;
}

export function formatNumber(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? "" : numberFormat.format(value);
}

export const RAG_LABELS: Record<Rag, string> = {
  green: "Green",
  amber: "Amber",
  red: "Red",
  na: "No rating",
  too_few: "Too few answers to rate",
};

/**
 * The response rate of a questionnaire figure in words: "answered 12 of 40 asked (30%)". When how
 * many were asked is unknown (returns from before it was collected) it says so instead of showing
 * a figure.
 */
export function responseRateText(answered: number | null | undefined, asked: number | null | undefined): string {
  if (answered == null || !Number.isFinite(answered)) return "";
  const words = `answered ${formatNumber(answered)}`;
  if (asked == null || !Number.isFinite(asked)) return `${words}; how many were asked is not recorded`;
  const rate = responseRateOf(answered, asked);
  return `${words} of ${formatNumber(asked)} asked${rate === null ? "" : ` (${formatPercent(rate)})`}`;
}

export const STATUS_LABELS: Record<ReturnStatus, string> = {
  not_started: "Not started",
  draft: "Draft",
  submitted: "Submitted",
  returned: "Returned",
};

// Dates and times read as on every other tab page.
export { formatDateTime } from "../../src/domain/time/format";

/**
 * What a summary cell says when its scope expected no district in the period (a district made by a
 * split, before it began; one retired, after it retired; an area with no open district): not
 * "Missing", which would chase a return nobody owed. Undefined when some district was expected.
 */
export function notExpectedText(row: { level: string; period: string; districtsExpected: number } | undefined): string | undefined {
  if (!row || row.districtsExpected > 0) return undefined;
  const when = row.period === "year" ? "year" : "term";
  return row.level === "district" ? `Not a district in this ${when}` : `No district in this ${when}`;
}
