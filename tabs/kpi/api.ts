/**
 * The KPI returns and summary API as the two KPI tabs use it, typed from the contract
 * (src/schemas/kpi/api.ts). Measures, summary rows, completeness and anomalies are also the pure
 * domain's types (src/domain/kpi), which the answers match.
 */
import type { ApiClient } from "../shell";
import type { Measure, MeasureGroup } from "../../src/domain/kpi/catalogue";
import type { Anomaly, Completeness, SummaryRow } from "../../src/domain/kpi/aggregate";
import type { Rag } from "../../src/domain/kpi/rag";
import { kpiApi as contract, type FileFormat, type KpiReturnView, type SummaryAnswer } from "../../src/schemas/kpi/api";
import { routeUrl } from "../../src/schemas/core/contract";

export type { Measure, MeasureGroup, Anomaly, Completeness, SummaryRow, Rag, FileFormat };

export type { ComputedPercent, ImportRowError, ReturnHistoryEntry, ReturnListItem, ReturnStatus, Reachability, SupportWait } from "../../src/schemas/kpi/api";
export type KpiReturn = KpiReturnView;
export type SummaryResponse = SummaryAnswer;

/**
 * The monitoring pack as the summary tab reads it: looser than the contract's `MonitoringPack`
 * answer (which it accepts), because the tab also shows packs saved in older shapes.
 */
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

export const CONTENT_TYPES: Record<FileFormat, string> = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const returnParams = (district: string, year: string, term: number) => ({ district, year, term: String(term) });

export function kpiApi(api: ApiClient) {
  return {
    /** The measures as the domain types them (the contract's answer is the same list, serialised). */
    catalogue: (year: string) => api.call(contract.catalogue, { query: { year } }) as Promise<{ measures: Measure[]; groups: { id: MeasureGroup; title: string }[] }>,
    list: (year: string) => api.call(contract.listReturns, { query: { year } }).then((r) => r.items),
    get: (district: string, year: string, term: number) => api.call(contract.getReturn, { params: returnParams(district, year, term) }).then((r) => r.return),
    save: (district: string, year: string, term: number, body: { eTag?: string; values: Record<string, number | null>; narrative: string }) =>
      api.call(contract.saveReturn, { params: returnParams(district, year, term), body }).then((r) => r.return),
    submit: (district: string, year: string, term: number, eTag?: string) =>
      api.call(contract.submitReturn, { params: returnParams(district, year, term), body: eTag === undefined ? {} : { eTag } }).then((r) => r.return),
    sendBack: (district: string, year: string, term: number, comment: string) =>
      api.call(contract.sendBackReturn, { params: returnParams(district, year, term), body: { comment } }).then((r) => r.return),
    template: (format: FileFormat) => api.download(routeUrl(contract.template, { query: { format } })),
    importFile: (file: Blob, format: FileFormat) =>
      api.upload<{ imported: number; unchanged: number }>(routeUrl(contract.importReturns, { query: { format } }), file, CONTENT_TYPES[format]),
    summary: (filter: SummaryFilter) =>
      api.call(contract.summary, { query: { year: filter.year, terms: filter.terms?.join(","), area: filter.area, district: filter.district } }),
    exportSummary: (year: string, format: FileFormat) => api.download(routeUrl(contract.summaryExport, { query: { year, format } })),
    monitoringPack: (district: string, year: string, terms: readonly number[]): Promise<MonitoringPack> =>
      api.call(contract.monitoringPack, { params: { district }, query: { year, terms: terms.join(",") } }),
  };
}

export type KpiApi = ReturnType<typeof kpiApi>;
