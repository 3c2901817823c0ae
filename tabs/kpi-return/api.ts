/**
 * The KPI returns and summary API as the two KPI tabs use it (contract:
 * src/server/features/kpi/README.md). Measures, summary rows, completeness and anomalies are the
 * pure domain's own types (src/domain/kpi), so the tabs and the server speak the same shapes.
 */
import type { ApiClient } from "../shell";
import type { Measure, MeasureGroup } from "../../src/domain/kpi/catalogue";
import type { Anomaly, Completeness, SummaryRow } from "../../src/domain/kpi/aggregate";
import type { Rag } from "../../src/domain/kpi/rag";
import type { KpiReturnView, ReturnListItem, SummaryAnswer } from "../../src/schemas/kpi/api";

export type { Measure, MeasureGroup, Anomaly, Completeness, SummaryRow, Rag };

export type { ComputedPercent, ImportRowError, ReturnHistoryEntry, ReturnListItem, ReturnStatus, Reachability } from "../../src/schemas/kpi/api";
export type KpiReturn = KpiReturnView;
export type SummaryResponse = SummaryAnswer;

export interface MonitoringPack {
  district: { slug: string; name: string; area?: string; code?: string } | string;
  academicYear: string;
  terms: number[];
  rows: SummaryRow[];
  returns: KpiReturn[];
  anomalies: Anomaly[];
  narrative: string | Record<string, string> | { term: number; narrative: string }[];
}

export interface SummaryFilter {
  year: string;
  terms?: number[];
  area?: string;
  district?: string;
}

export type FileFormat = "csv" | "xlsx";

export const CONTENT_TYPES: Record<FileFormat, string> = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

function returnPath(district: string, year: string, term: number): string {
  return `/api/kpi/returns/${encodeURIComponent(district)}/${encodeURIComponent(year)}/${term}`;
}

export function kpiApi(api: ApiClient) {
  return {
    catalogue: (year: string) =>
      api.get<{ measures: Measure[]; groups: { id: MeasureGroup; title: string }[] }>(`/api/kpi/catalogue${query({ year })}`),
    list: (year: string) => api.get<{ items: ReturnListItem[] }>(`/api/kpi/returns${query({ year })}`).then((r) => r.items),
    get: (district: string, year: string, term: number) =>
      api.get<{ return: KpiReturn }>(returnPath(district, year, term)).then((r) => r.return),
    save: (district: string, year: string, term: number, body: { eTag?: string; values: Record<string, number | null>; narrative: string }) =>
      api.put<{ return: KpiReturn }>(returnPath(district, year, term), body).then((r) => r.return),
    submit: (district: string, year: string, term: number, eTag?: string) =>
      api.post<{ return: KpiReturn }>(`${returnPath(district, year, term)}/submit`, { eTag }).then((r) => r.return),
    sendBack: (district: string, year: string, term: number, comment: string) =>
      api.post<{ return: KpiReturn }>(`${returnPath(district, year, term)}/return`, { comment }).then((r) => r.return),
    template: (format: FileFormat) => api.download(`/api/kpi/template${query({ format })}`),
    importFile: (file: Blob, format: FileFormat) =>
      api.upload<{ imported: number; unchanged: number }>(`/api/kpi/import${query({ format })}`, file, CONTENT_TYPES[format]),
    summary: (filter: SummaryFilter) =>
      api.get<SummaryResponse>(
        `/api/kpi/summary${query({ year: filter.year, terms: filter.terms?.join(","), area: filter.area, district: filter.district })}`,
      ),
    exportSummary: (year: string, format: FileFormat) => api.download(`/api/kpi/summary/export${query({ year, format })}`),
    monitoringPack: (district: string, year: string, terms: readonly number[]) =>
      api.get<MonitoringPack>(`/api/kpi/monitoring-pack/${encodeURIComponent(district)}${query({ year, terms: terms.join(",") })}`),
  };
}

export type KpiApi = ReturnType<typeof kpiApi>;
