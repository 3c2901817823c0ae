/**
 * The outcomes feature's routes: outcome records, attendance and counts under /api/lift-meetings
 * (served by the one router for that prefix) and /api/lift-actions. Contract:
 * src/schemas/lift-outcomes/api.ts.
 */
import { liftOutcomesApi } from "../../../schemas/lift-outcomes/api";
import { defineRoutes, reply, type RouteTable } from "../../app/define-routes";
import type { LiftOutcomeService } from "./service";

export function liftOutcomeRoutes(service: LiftOutcomeService): RouteTable {
  return defineRoutes(liftOutcomesApi, {
    meetingCounts: async ({ user, query }) => service.counts(user, query),
    listOutcomes: async ({ user, params }) => ({ items: await service.listOutcomes(user, params.id) }),
    getOutcome: async ({ user, params }) => ({ outcome: await service.getOutcome(user, params.id, params.referralId) }),
    saveOutcome: async ({ user, params, body }) => {
      const { record, created } = await service.saveOutcome(user, params.id, params.referralId, body);
      return reply(created ? 201 : 200, { outcome: record });
    },
    approveOutcome: async ({ user, params, body }) => ({ outcome: await service.approve(user, params.id, params.referralId, body) }),
    getAttendance: async ({ user, params }) => service.getAttendance(user, params.id),
    saveAttendance: async ({ user, params, body }) => service.saveAttendance(user, params.id, body),
    overdueActions: async ({ user, query }) => ({ items: await service.overdue(user, query) }),
    markActionDone: async ({ user, params }) => ({ outcome: await service.markActionDone(user, params.referralId, params.actionId) }),
  });
}
