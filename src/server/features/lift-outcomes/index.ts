/** LIFT outcome records, attendance, overdue actions and meeting counts. README.md explains the design. */
import type { RouteTable } from "../../app/define-routes";
import { openListStore } from "../../../graph/site";
import type { FeatureContext } from "../../core/feature-context";
import type { Notices } from "../../core/operations/notices";
import type { MeetingOutcomes } from "../lift-meetings/service";
import type { ReferralService } from "../referrals/service";
import { seedOutcomeDemo } from "./demo";
import { LiftAttendanceList, LiftOutcomesList } from "./lists";
import { liftOutcomeRoutes } from "./routes";
import { LiftOutcomeService } from "./service";

export const LIFT_OUTCOME_LISTS = [LiftOutcomesList, LiftAttendanceList] as const;

export interface LiftOutcomesFeature {
  service: LiftOutcomeService;
  /** What the meetings show and do with the outcome records (their agenda's states, a record following its case). */
  forMeetings: MeetingOutcomes;
  routes: RouteTable;
  seedDemo(): Promise<string[]>;
}

/** Outcomes are recorded against referrals placed on meetings: both are read through the referrals' service. */
export async function createLiftOutcomesFeature(ctx: FeatureContext, deps: { referrals: ReferralService; notices: Notices }): Promise<LiftOutcomesFeature> {
  const stores = { outcomes: await openListStore(ctx.site, LiftOutcomesList), attendance: await openListStore(ctx.site, LiftAttendanceList) };
  const service = new LiftOutcomeService(ctx, stores, deps.referrals, deps.notices);
  // An approval left half-way is finished by a retry or core's operations job.
  ctx.operations.register("outcome.approve", service.approvals);
  return {
    service,
    forMeetings: {
      statuses: (meetingId) => service.outcomeStatuses(meetingId),
      caseMoved: (moved) => service.moveWithCase(moved.referralId, moved.toMeetingId),
    },
    routes: liftOutcomeRoutes(service),
    seedDemo: () => seedOutcomeDemo(ctx, service.stores, deps.referrals.stores),
  };
}
