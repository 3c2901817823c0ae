/** LIFT outcome records, attendance, overdue actions and meeting counts (issue 5, part A2). README.md explains the design. */
import type { Feature, FeatureContext } from "../../core/feature-context";
import { openListStore } from "../../../graph/site";
import { referralServiceFor } from "../referrals";
import { onCaseMoved, provideOutcomeStatuses } from "../lift-meetings";
import { seedOutcomeDemo } from "./demo";
import { LiftAttendanceList, LiftOutcomesList } from "./lists";
import { liftOutcomeRoutes } from "./routes";
import { LiftOutcomeService } from "./service";

const services = new WeakMap<FeatureContext, LiftOutcomeService>();

function serviceFor(ctx: FeatureContext): LiftOutcomeService {
  const found = services.get(ctx);
  if (!found) throw new Error("lift-outcomes feature used before init");
  return found;
}

/** The agenda shows each case's outcome state, and a case moved to another meeting takes its record along. */
function connectToMeetings(ctx: FeatureContext, service: LiftOutcomeService): void {
  try {
    provideOutcomeStatuses(ctx, (meetingId) => service.outcomeStatuses(meetingId));
    onCaseMoved(ctx, (moved) => service.moveWithCase(moved.referralId, moved.toMeetingId));
  } catch (error) {
    // Only when the lift-meetings feature is not running (it must be listed before this one).
    ctx.log.warn({ err: (error as Error).message }, "lift-outcomes: lift-meetings feature not running; agenda shows no outcome states");
  }
}

export const liftOutcomesFeature: Feature = {
  name: "lift-outcomes",
  lists: [LiftOutcomesList, LiftAttendanceList],
  async init(ctx) {
    // Meetings and referrals are the referrals feature's lists: it is listed (and initialised) first.
    const stores = { outcomes: await openListStore(ctx.site, LiftOutcomesList), attendance: await openListStore(ctx.site, LiftAttendanceList) };
    const service = new LiftOutcomeService(ctx, stores, referralServiceFor(ctx));
    services.set(ctx, service);
    connectToMeetings(ctx, service);
  },
  api: (ctx) => liftOutcomeRoutes(serviceFor(ctx)),
  seedDemo: (ctx) => seedOutcomeDemo(ctx, serviceFor(ctx).stores, referralServiceFor(ctx).stores),
};

/** The running app's outcome service (the KPI prefill and the lift-meetings feature may read through it). */
export function liftOutcomeServiceFor(ctx: FeatureContext): LiftOutcomeService {
  return serviceFor(ctx);
}
