/** /api/kpi/* (contract: src/schemas/kpi/api.ts; design: README.md in this folder). */
import { AppError } from "../../../errors";
import { GROUPS, measuresFor } from "../../../domain/kpi/catalogue";
import { kpiApi } from "../../../schemas/kpi/api";
import { defineRoutes, FileReply, type RouteTable } from "../../app/define-routes";
import { CSV_COLUMNS } from "../../../domain/kpi/csv";
import { CONTENT_TYPES, summaryFile, templateFile, type FileFormat } from "./files";
import type { KpiService } from "./service";

const file = (format: FileFormat, name: string, data: Buffer) => new FileReply(CONTENT_TYPES[format], `${name}.${format}`, data);

export function kpiRoutes(service: KpiService): RouteTable {
  return defineRoutes(kpiApi, {
    catalogue: ({ query }) => ({ measures: measuresFor(query.year), groups: [...GROUPS] }),
    listReturns: async ({ user, query }) => ({ items: await service.list(user, query.year) }),
    getReturn: async ({ user, params }) => ({ return: await service.get(user, params.district, params.year, params.term) }),
    saveReturn: async ({ user, params, body }) => ({ return: await service.save(user, params.district, params.year, params.term, body) }),
    submitReturn: async ({ user, params, body }) => ({ return: await service.submit(user, params.district, params.year, params.term, body) }),
    sendBackReturn: async ({ user, params, body }) => ({ return: await service.sendBack(user, params.district, params.year, params.term, body) }),
    template: async ({ user, query }) => {
      if (user.role !== "commissioner" && user.role !== "district_lead") throw new AppError("forbidden", "KPI returns are for district leads and commissioners.");
      return file(query.format, "kpi-returns-template", await templateFile(query.format));
    },
    importReturns: async ({ user, query, body, contentType }) => {
      const format = query.format ?? (contentType.includes("spreadsheetml") ? "xlsx" : "csv");
      if (body.length === 0) {
        throw new AppError("validation_failed", "Upload a CSV or XLSX file.", { detail: { errors: [{ row: 0, column: "", message: "The upload is empty (send the file as text/csv or XLSX)." }] } });
      }
      return service.importFile(user, format, body);
    },
    summary: async ({ user, query }) => service.summary(user, query),
    summaryExport: async ({ user, query }) => {
      const rows = await service.summaryRows(user, query.year);
      const waits = await service.timeToSupportRows(user, query.year, CSV_COLUMNS.length);
      return file(query.format, `kpi-summary-${query.year}`, await summaryFile(rows, query.format, waits));
    },
    monitoringPack: async ({ user, params, query }) => service.monitoringPack(user, params.district, query),
  });
}
