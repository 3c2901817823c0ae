/** The referrals feature: lists, API, demo data (issue 4). */
import type { Feature, FeatureContext } from "../../core/feature-context";
import { openListStore } from "../../../graph/site";
import { seedReferralDemo } from "./demo";
import { CaseReferencesList, LiftMeetingsList, MeetingPlacesList, ReferralsList } from "./lists";
import { referralRoutes } from "./routes";
import { ReferralService } from "./service";

const services = new WeakMap<FeatureContext, ReferralService>();

function serviceFor(ctx: FeatureContext): ReferralService {
  const found = services.get(ctx);
  if (!found) throw new Error("referrals feature used before init");
  return found;
}

export const referralsFeature: Feature = {
  name: "referrals",
  lists: [LiftMeetingsList, ReferralsList, CaseReferencesList, MeetingPlacesList],
  async init(ctx) {
    const service = new ReferralService(ctx, {
      referrals: await openListStore(ctx.site, ReferralsList),
      meetings: await openListStore(ctx.site, LiftMeetingsList),
      caseReferences: await openListStore(ctx.site, CaseReferencesList),
      meetingPlaces: await openListStore(ctx.site, MeetingPlacesList),
    });
    services.set(ctx, service);
  },
  api: (ctx) => referralRoutes(serviceFor(ctx)),
  seedDemo: (ctx) => seedReferralDemo(ctx, serviceFor(ctx).stores),
};

/** The running app's referral service (other features read referrals and meetings through it). */
export function referralServiceFor(ctx: FeatureContext): ReferralService {
  return serviceFor(ctx);
}
