/** The casework routes under /api/casework. Contract: src/schemas/casework/api.ts. */
import { caseworkApi } from "../../../schemas/casework/api";
import { defineRoutes, type RouteTable } from "../../app/define-routes";
import type { CaseworkService } from "./service";

export function caseworkRoutes(service: CaseworkService): RouteTable {
  return defineRoutes(caseworkApi, {
    listCases: async ({ user, query }) => ({ items: await service.listCases(user, query) }),
    getCase: async ({ user, params }) => service.getCase(user, params.id),
    openCase: async ({ user, body }) => ({ case: await service.openCase(user, body) }),
    openCaseFromOutcome: async ({ user, body }) => ({ case: await service.openFromOutcome(user, body) }),
    updateCase: async ({ user, params, body }) => ({ case: await service.update(user, params.id, body) }),
    changeCaseStatus: async ({ user, params, body }) => ({ case: await service.changeStatus(user, params.id, body) }),
    recordReview: async ({ user, params, body }) => service.recordReview(user, params.id, body),
    recordVisit: async ({ user, params, body }) => ({ visit: await service.recordVisit(user, params.id, body) }),
    closeCase: async ({ user, params, body }) => ({ case: await service.close(user, params.id, body) }),
    setSenif: async ({ user, params, body }) => ({ case: await service.setSenif(user, params.id, body) }),
    listClinics: async ({ user, query }) => ({ items: await service.listClinics(user, query) }),
    recordClinic: async ({ user, body }) => ({ clinic: await service.recordClinic(user, body) }),
    getClinic: async ({ user, params }) => ({ clinic: await service.getClinic(user, params.id) }),
    updateClinic: async ({ user, params, body }) => ({ clinic: await service.updateClinic(user, params.id, body) }),
    caseworkFigures: async ({ user, params, query }) => service.figures(user, params, query),
    timeToSupport: async ({ user, query }) => service.timeToSupport(user, query),
  });
}
