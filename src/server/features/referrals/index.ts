/** The referrals feature: lists, API and demo data. README.md explains the design. */
import type { RouteTable } from "../../app/define-routes";
import type { ListStore } from "../../../graph/list-store";
import { openListStore } from "../../../graph/site";
import type { FeatureContext } from "../../core/feature-context";
import type { LiftMeetingsList } from "../lift-meetings/lists";
import { seedReferralDemo } from "./demo";
import { CaseReferencesList, MeetingPlacesList, ReferralsList } from "./lists";
import { referralRoutes } from "./routes";
import { ReferralService } from "./service";

export const REFERRAL_LISTS = [ReferralsList, CaseReferencesList, MeetingPlacesList] as const;

export interface ReferralsFeature {
  service: ReferralService;
  routes: RouteTable;
  seedDemo(): Promise<string[]>;
}

/** `meetings` is the LIFT meetings' list (the lift-meetings feature's): a referral is placed on one of them. */
export async function createReferralsFeature(ctx: FeatureContext, deps: { meetings: ListStore<typeof LiftMeetingsList.schema> }): Promise<ReferralsFeature> {
  const service = new ReferralService(ctx, {
    referrals: await openListStore(ctx.site, ReferralsList),
    meetings: deps.meetings,
    caseReferences: await openListStore(ctx.site, CaseReferencesList),
    meetingPlaces: await openListStore(ctx.site, MeetingPlacesList),
  });
  return { service, routes: referralRoutes(service), seedDemo: () => seedReferralDemo(ctx, service.stores) };
}
