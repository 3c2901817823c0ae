/** Casework after LIFT: cases, reviews, visits, clinics, figures and time to support. README.md explains the design. */
import type { RouteTable } from "../../app/define-routes";
import { openListStore } from "../../../graph/site";
import type { FeatureContext } from "../../core/feature-context";
import { seedCaseworkDemo } from "./demo";
import { CaseReviewsList, CasesList, CaseVisitsList, ClinicsList } from "./lists";
import { caseworkRoutes } from "./routes";
import { CaseworkService, type CaseworkDeps } from "./service";

export { CASEWORK_LISTS } from "./lists";
export type { CaseworkService } from "./service";

export interface CaseworkFeature {
  service: CaseworkService;
  routes: RouteTable;
  seedDemo(): Promise<string[]>;
}

/**
 * `referrals` gives a case from an outcome its child's handle, setting and need, and issues case
 * references for cases without a referral; `outcomes` is read for approved outcomes (plan, teacher).
 */
export async function createCaseworkFeature(ctx: FeatureContext, deps: CaseworkDeps): Promise<CaseworkFeature> {
  const stores = {
    cases: await openListStore(ctx.site, CasesList),
    reviews: await openListStore(ctx.site, CaseReviewsList),
    visits: await openListStore(ctx.site, CaseVisitsList),
    clinics: await openListStore(ctx.site, ClinicsList),
  };
  const service = new CaseworkService(ctx, stores, deps);
  return { service, routes: caseworkRoutes(service), seedDemo: () => seedCaseworkDemo(ctx, stores, deps) };
}

