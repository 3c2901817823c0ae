/**
 * The LIFT meetings feature: the LiftMeetings list, planning, agenda, running state, stage and
 * moving cases. README.md explains the design.
 */
import type { RouteTable } from "../../app/define-routes";
import type { ListStore } from "../../../graph/list-store";
import type { FeatureContext } from "../../core/feature-context";
import type { ReferralService } from "../referrals/service";
import { seedMeetingsDemo } from "./demo";
import type { LiftMeetingsList } from "./lists";
import { liftMeetingRoutes } from "./routes";
import { LiftMeetingService, type MeetingOutcomes } from "./service";

export { LIFT_MEETING_LISTS, LiftMeetingsList } from "./lists";

export interface LiftMeetingsFeature {
  service: LiftMeetingService;
  routes: RouteTable;
  seedDemo(): Promise<string[]>;
}

/**
 * `meetings` is this feature's list (opened by the composition root, which also hands it to the
 * referrals); `outcomes` shows each case's outcome state on the agenda and moves a draft outcome
 * with its case.
 */
export function createLiftMeetingsFeature(
  ctx: FeatureContext,
  deps: { meetings: ListStore<typeof LiftMeetingsList.schema>; referrals: ReferralService; outcomes: MeetingOutcomes },
): LiftMeetingsFeature {
  const service = new LiftMeetingService(ctx, deps);
  return { service, routes: liftMeetingRoutes(service), seedDemo: () => seedMeetingsDemo(ctx, deps.meetings) };
}
