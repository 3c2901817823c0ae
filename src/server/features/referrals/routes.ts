/**
 * /api/referrals, plus the two meeting reads the referral service answers (GET /api/lift-meetings
 * and GET /api/lift-meetings/:id, whose contract is the lift-meetings one). Contracts:
 * src/schemas/referrals/api.ts and src/schemas/lift-meetings/api.ts.
 */
import { liftMeetingsApi } from "../../../schemas/lift-meetings/api";
import { referralsApi } from "../../../schemas/referrals/api";
import { defineRoutes, type RouteTable } from "../../app/define-routes";
import type { ReferralService } from "./service";

export function referralRoutes(service: ReferralService): RouteTable {
  return [
    ...defineRoutes(referralsApi, {
      listReferrals: async ({ user, query }) => ({ items: await service.list(user, query) }),
      // 201 also for a repeated key: the answer is the referral the key made, as on the first call.
      createReferral: async ({ user, body }) => ({ referral: await service.create(user, body) }),
      getReferral: async ({ user, params }) => ({ referral: await service.read(user, params.id) }),
      saveReferral: async ({ user, params, body }) => ({ referral: await service.saveDraft(user, params.id, body) }),
      submitReferral: async ({ user, params, body }) => ({ referral: await service.submit(user, params.id, body) }),
      deleteReferral: async ({ user, params }) => service.remove(user, params.id),
    }),
    ...defineRoutes({ listMeetings: liftMeetingsApi.listMeetings, getMeeting: liftMeetingsApi.getMeeting }, {
      listMeetings: async ({ user, query }) => ({ items: await service.listMeetings(user, query) }),
      getMeeting: async ({ user, params }) => service.getMeeting(user, params.id),
    }),
  ];
}
