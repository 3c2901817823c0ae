/** How the KPI return and summary tabs show figures, ratings, statuses and times (UK English). */
import type { Rag } from "../../src/domain/kpi/rag";
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
};

export const STATUS_LABELS: Record<ReturnStatus, string> = {
  not_started: "Not started",
  draft: "Draft",
  submitted: "Submitted",
  returned: "Returned",
};

// Dates and times read as on every other tab page.
export { formatDateTime } from "../../src/domain/time/format";
