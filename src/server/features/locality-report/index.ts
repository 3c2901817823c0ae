/** The locality report: a district's work by locality and by LIFT group. README.md explains the design. */
import type { RouteTable } from "../../app/define-routes";
import type { FeatureContext } from "../../core/feature-context";
import { seedLocalityDemo } from "./demo";
import { localityReportRoutes } from "./routes";
import { LocalityReportService, type LocalityRecordsReader } from "./service";

export type { LocalityRecordsReader } from "./service";

/** The report reads other features' lists through `records`: it declares no list of its own. */
export const LOCALITY_REPORT_LISTS = [] as const;

export interface LocalityReportFeature {
  service: LocalityReportService;
  routes: RouteTable;
  seedDemo(): Promise<string[]>;
}

export function createLocalityReportFeature(ctx: FeatureContext, deps: { records: LocalityRecordsReader }): LocalityReportFeature {
  const service = new LocalityReportService(ctx, deps.records);
  return { service, routes: localityReportRoutes(service), seedDemo: () => seedLocalityDemo(ctx) };
}
