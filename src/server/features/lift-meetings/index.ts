/**
 * The LIFT meetings feature: the LiftMeetings list, planning, agenda, running state, stage and
 * moving cases. README.md explains the design.
 */
import type { RouteTable } from "../../app/define-routes";
import type { ListStore } from "../../../graph/list-store";
import type { FeatureContext } from "../../core/feature-context";
import type { ReferralService } from "../referrals/service";
import type { Notices } from "../../core/operations/notices";
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
 * referrals); `notices` tells SENCos of a moved or cancelled meeting once; `outcomes` shows each case's outcome state on the agenda and moves a draft outcome
 * with its case.
 */
export function createLiftMeetingsFeature(
  ctx: FeatureContext,
  deps: { meetings: ListStore<typeof LiftMeetingsList.schema>; referrals: ReferralService; outcomes: MeetingOutcomes; notices: Notices },
): LiftMeetingsFeature {
  const service = new LiftMeetingService(ctx, deps);
  // A move, cancel or plan left half-way is finished by a retry or core's operations job.
  for (const kind of ["meeting.move", "meeting.cancel", "meeting.plan"] as const) ctx.operations.register(kind, service.operations);
  return { service, routes: liftMeetingRoutes(service), seedDemo: () => seedMeetingsDemo(ctx, deps.meetings) };
}
