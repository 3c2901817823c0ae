/** /api/kpi/locality-report* (contract: src/schemas/locality-report/api.ts; design: README.md in this folder). */
import { localityReportApi } from "../../../schemas/locality-report/api";
import { defineRoutes, FileReply, type RouteTable } from "../../app/define-routes";
import type { LocalityReportService } from "./service";

export function localityReportRoutes(service: LocalityReportService): RouteTable {
  return defineRoutes(localityReportApi, {
    localityReport: ({ user, query }) => service.report(user, query),
    localityReportExport: async ({ user, query }) => {
      const file = await service.csv(user, query);
      return new FileReply("text/csv", file.name, file.data);
    },
  });
}
