/** The referral-documents feature: files attached to referrals. README.md explains the design. */
import type { RouteTable } from "../../app/define-routes";
import { LibraryDrive } from "../../../graph/library";
import { openListStore } from "../../../graph/site";
import type { FeatureContext } from "../../core/feature-context";
import type { ReferralService } from "../referrals/service";
import { ReferralDocumentsList, ReferralFilesLibrary } from "./lists";
import { referralDocumentRoutes } from "./routes";
import { ReferralDocumentService } from "./service";

export const REFERRAL_DOCUMENT_LISTS = [ReferralDocumentsList] as const;
export const REFERRAL_DOCUMENT_LIBRARIES = [ReferralFilesLibrary] as const;
export { ReferralDocumentService };

export interface ReferralDocumentsFeature {
  service: ReferralDocumentService;
  routes: RouteTable;
}

/** `referrals` answers who may see and change a referral; documents follow the same rules. */
export async function createReferralDocumentsFeature(ctx: FeatureContext, deps: { referrals: Pick<ReferralService, "accessOf"> }): Promise<ReferralDocumentsFeature> {
  const service = new ReferralDocumentService(
    ctx,
    { documents: await openListStore(ctx.site, ReferralDocumentsList), files: await LibraryDrive.open(ctx.site, ReferralFilesLibrary) },
    deps.referrals,
  );
  return { service, routes: referralDocumentRoutes(service) };
}
