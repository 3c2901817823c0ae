/** /api/questionnaires/* (contract: src/schemas/questionnaires/api.ts; design: README.md in this folder). */
import { questionnairesApi } from "../../../schemas/questionnaires/api";
import { defineRoutes, type RouteTable } from "../../app/define-routes";
import type { QuestionnairesService } from "./service";

export function questionnairesRoutes(service: QuestionnairesService): RouteTable {
  return defineRoutes(questionnairesApi, {
    listInvitations: async ({ user, query }) => ({ items: await service.listInvitations(user, query) }),
    runPass: ({ user }) => service.runPass(user),
  });
}
