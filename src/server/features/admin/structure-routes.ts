/** The structure part of the administration API (contract: src/schemas/admin/structure-api.ts). */
import { structureApi } from "../../../schemas/admin/structure-api";
import { defineRoutes, reply, type RouteTable } from "../../app/define-routes";
import type { StructureAdminService } from "./structure-service";

export function structureRoutes(structure: StructureAdminService): RouteTable {
  return defineRoutes(structureApi, {
    structure: ({ user }) => structure.view(user),
    addDistrict: async ({ user, body }) => reply(201, await structure.addDistrict(user, body)),
    changeDistrict: ({ user, params, body }) => structure.changeDistrict(user, params.district, body),
    retireDistrict: ({ user, params, body }) => structure.retireDistrict(user, params.district, body),
    previewSplit: ({ user, params, body }) => structure.previewSplit(user, params.district, body),
    splitDistrict: async ({ user, params, body }) => reply(201, await structure.split(user, params.district, body)),
    saveLocality: ({ user, params, body }) => structure.saveLocality(user, params.locality, body),
    saveLiftGroup: ({ user, params, body }) => structure.saveLiftGroup(user, params.group, body),
    liftGroupCadence: async ({ user, query }) => ({ items: await structure.cadence(user, query) }),
  });
}
