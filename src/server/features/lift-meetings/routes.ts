/** The meetings feature's part of /api/lift-meetings (contract: src/schemas/lift-meetings/api.ts). */
import { liftMeetingsApi } from "../../../schemas/lift-meetings/api";
import { defineRoutes, type RouteTable } from "../../app/define-routes";
import type { LiftMeetingService } from "./service";

// The list and the one-meeting read are answered by the referral service (../referrals/routes.ts).
const { listMeetings: _list, getMeeting: _get, ...contract } = liftMeetingsApi;

export function liftMeetingRoutes(service: LiftMeetingService): RouteTable {
  return defineRoutes(contract, {
    // 201 also for a repeated key: the answer is the meetings the key made, as on the first call.
    planMeetings: async ({ user, body }) => service.plan(user, body),
    meetingDetail: async ({ user, params }) => ({ meeting: await service.detail(user, params.id) }),
    moveMeeting: async ({ user, params, body }) => ({ meeting: await service.move(user, params.id, body) }),
    cancelMeeting: async ({ user, params, body }) => ({ meeting: await service.cancel(user, params.id, body) }),
    getAgenda: async ({ user, params }) => service.agenda(user, params.id),
    saveAgenda: async ({ user, params, body }) => service.saveAgenda(user, params.id, body),
    setCurrent: async ({ user, params, body }) => service.setCurrent(user, params.id, body),
    getStage: async ({ user, params }) => service.stage(user, params.id),
    moveCase: async ({ user, params, body }) => ({ referral: await service.moveCase(user, params.id, params.referralId, body) }),
  });
}
