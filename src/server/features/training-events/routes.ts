/** /api/training-events/* (contract: src/schemas/training-events/api.ts; design: README.md in this folder). */
import { trainingEventsApi } from "../../../schemas/training-events/api";
import { defineRoutes, type RouteTable } from "../../app/define-routes";
import type { TrainingEventsService } from "./service";

export function trainingEventsRoutes(service: TrainingEventsService): RouteTable {
  return defineRoutes(trainingEventsApi, {
    listTrainingSessions: async ({ user, query }) => ({ items: await service.listSessions(user, query) }),
    recordTrainingSession: async ({ user, body }) => ({ session: await service.recordSession(user, body) }),
    getTrainingSession: async ({ user, params }) => ({ session: await service.getSession(user, params.id) }),
    updateTrainingSession: async ({ user, params, body }) => ({ session: await service.updateSession(user, params.id, body) }),
    deleteTrainingSession: async ({ user, params, query }) => service.deleteRecord(user, "session", params.id, query.eTag),
    listTransitionEvents: async ({ user, query }) => ({ items: await service.listEvents(user, query) }),
    recordTransitionEvent: async ({ user, body }) => ({ event: await service.recordEvent(user, body) }),
    getTransitionEvent: async ({ user, params }) => ({ event: await service.getEvent(user, params.id) }),
    updateTransitionEvent: async ({ user, params, body }) => ({ event: await service.updateEvent(user, params.id, body) }),
    deleteTransitionEvent: async ({ user, params, query }) => service.deleteRecord(user, "event", params.id, query.eTag),
    attendanceSettings: async ({ user, query }) => ({ items: await service.attendanceSettings(user, query) }),
    autismTarget: ({ user, query }) => service.autismTarget(user, query),
  });
}
