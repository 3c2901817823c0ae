/** LIFT outcome records, attendance, overdue actions and meeting counts (issue 5, part A2). README.md explains the design. */
import type { Feature, FeatureContext } from "../../feature";
import { openListStore } from "../../../graph/site";
import { referralServiceFor } from "../../referrals";
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

export const liftOutcomesFeature: Feature = {
  name: "lift-outcomes",
  lists: [LiftOutcomesList, LiftAttendanceList],
  async init(ctx) {
    // Meetings and referrals are the referrals feature's lists: it is listed (and initialised) first.
    const stores = { outcomes: await openListStore(ctx.site, LiftOutcomesList), attendance: await openListStore(ctx.site, LiftAttendanceList) };
    services.set(ctx, new LiftOutcomeService(ctx, stores, referralServiceFor(ctx)));
  },
  api: (ctx) => liftOutcomeRoutes(serviceFor(ctx)),
  seedDemo: (ctx) => seedOutcomeDemo(ctx, serviceFor(ctx).stores, referralServiceFor(ctx).stores),
};

/** The running app's outcome service (the KPI prefill and the lift-meetings feature may read through it). */
export function liftOutcomeServiceFor(ctx: FeatureContext): LiftOutcomeService {
  return serviceFor(ctx);
}
