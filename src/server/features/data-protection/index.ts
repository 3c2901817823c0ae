/** The data-protection duties: subject access, the retention schedule and runs, erasure on request. README.md explains the design. */
import type { RouteTable } from "../../app/define-routes";
import { openListStore } from "../../../graph/site";
import type { FeatureContext } from "../../core/feature-context";
import type { ChildDataStores } from "./holdings";
import { ErasuresList, RetentionScheduleList } from "./lists";
import { dataProtectionRoutes } from "./routes";
import { DataProtectionService } from "./service";

export { DATA_PROTECTION_LISTS } from "./lists";
export { COMMAND_ACTOR, type DataProtectionService } from "./service";
export type { ChildDataStores } from "./holdings";

export interface DataProtectionFeature {
  service: DataProtectionService;
  routes: RouteTable;
}

/** `data` is every list that can hold a child's data, from the features that own them (named in the composition root). */
export async function createDataProtectionFeature(ctx: FeatureContext, deps: { data: ChildDataStores }): Promise<DataProtectionFeature> {
  const stores = { schedule: await openListStore(ctx.site, RetentionScheduleList), erasures: await openListStore(ctx.site, ErasuresList) };
  const service = new DataProtectionService(ctx, stores, deps.data);
  return { service, routes: dataProtectionRoutes(service) };
}
