/** /api/settings-register/* (contract: src/schemas/settings-register/api.ts; design: README.md in this folder). */
import { settingsRegisterApi } from "../../../schemas/settings-register/api";
import { defineRoutes, type RouteTable } from "../../app/define-routes";
import type { SettingsRegisterService } from "./service";

export function settingsRegisterRoutes(service: SettingsRegisterService): RouteTable {
  return defineRoutes(settingsRegisterApi, {
    register: ({ user, query }) => service.register(user, query),
    importRegister: ({ user, query, body }) => service.importFile(user, query.source, body, { dryRun: query.dryRun }),
  });
}
