/**
 * The shapes the KPI returns and summary API answers with (src/server/features/kpi/README.md),
 * shared by the server that builds them and the two KPI tabs that read them. Summary rows,
 * completeness and anomalies are the pure domain's own types (src/domain/kpi).
 */
// eslint-disable-next-line no-restricted-imports -- until the KPI contract declares the summary's shapes as zod schemas
import type { Anomaly, Completeness, SummaryRow } from "../../domain/kpi/aggregate";
// eslint-disable-next-line no-restricted-imports -- as above
import type { Rag } from "../../domain/kpi/rag";

export type ReturnStatus = "not_started" | "draft" | "submitted" | "returned";

export interface ReturnHistoryEntry {
  version: number;
  status: ReturnStatus;
  at: string;
  byName: string;
  comment?: string;
}

export interface ComputedPercent {
  numerator: number | null;
  denominator: number | null;
  percent: number | null;
  rag: Rag;
}

export interface PrefillValue {
  value: number;
  /** Plain-English provenance, e.g. "12 referrals from primary schools submitted in term 2 (…)". */
  source: string;
}

export type Prefill = Record<string, PrefillValue>;

export interface KpiReturnView {
  districtSlug: string;
  academicYear: string;
  term: number;
  status: ReturnStatus;
  version: number;
  eTag?: string;
  values: Record<string, number | null>;
  narrative: string;
  prefill: Prefill;
  computed: Record<string, ComputedPercent>;
  history: ReturnHistoryEntry[];
  returnedComment?: string;
  missing: string[];
}

export interface ReturnListItem {
  districtSlug: string;
  districtName: string;
  academicYear: string;
  term: number;
  status: ReturnStatus;
  version: number;
  submittedAt?: string;
  dueAt?: string;
}

export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

export interface Reachability {
  districtSlug: string;
  leadName: string;
  reachable: boolean;
}

export interface SummaryAnswer {
  rows: SummaryRow[];
  completeness: Completeness[];
  anomalies: Anomaly[];
  reachability: Reachability[];
  generatedAt: string;
}
