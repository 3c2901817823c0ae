/**
 * The LIFT meetings feature (issue 5, meetings part): planning, agenda, running state, stage and
 * moving cases. Its data lives in the referrals feature's LiftMeetings and Referrals lists, so it
 * provisions no list of its own; it must come after `referralsFeature` in FEATURES.
 */
import type { Feature, FeatureContext } from "../../core/feature-context";
import { seedMeetingsDemo } from "./demo";
import { liftMeetingRoutes } from "./routes";
import { LiftMeetingService, type CaseMovedListener, type OutcomeStatusSource } from "./service";

const services = new WeakMap<FeatureContext, LiftMeetingService>();

function serviceFor(ctx: FeatureContext): LiftMeetingService {
  const found = services.get(ctx);
  if (!found) throw new Error("lift-meetings feature used before init");
  return found;
}

export const liftMeetingsFeature: Feature = {
  name: "lift-meetings",
  async init(ctx) {
    services.set(ctx, new LiftMeetingService(ctx));
  },
  api: (ctx) => liftMeetingRoutes(serviceFor(ctx)),
  seedDemo: (ctx) => seedMeetingsDemo(ctx),
};

/** The running app's meetings service (the outcomes feature loads meetings and checks access through it). */
export function liftMeetingServiceFor(ctx: FeatureContext): LiftMeetingService {
  return serviceFor(ctx);
}

/** Lets the outcomes feature show each case's draft/approved state on the agenda. */
export function provideOutcomeStatuses(ctx: FeatureContext, source: OutcomeStatusSource): void {
  serviceFor(ctx).outcomeStatuses = source;
}

/** Lets the outcomes feature move a case's draft outcome with it when the case moves to another meeting. */
export function onCaseMoved(ctx: FeatureContext, listener: CaseMovedListener): void {
  serviceFor(ctx).caseMovedListeners.push(listener);
}
