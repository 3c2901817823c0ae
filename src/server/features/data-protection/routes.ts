/** The data-protection routes under /api/data-protection (contract: src/schemas/data-protection/api.ts). */
import { dataProtectionApi } from "../../../schemas/data-protection/api";
import { defineRoutes, FileReply, type RouteTable } from "../../app/define-routes";
import type { DataProtectionService } from "./service";
import { subjectAccessHtml } from "./subject-access-html";

export function dataProtectionRoutes(service: DataProtectionService): RouteTable {
  return defineRoutes(dataProtectionApi, {
    subjectAccess: async ({ user, query }) => service.subjectAccess(user, query.case),
    subjectAccessHtml: async ({ user, query }) => new FileReply("text/html; charset=utf-8", `subject-access-${query.case}.html`, Buffer.from(subjectAccessHtml(await service.subjectAccess(user, query.case)), "utf8")),
    schedule: async ({ user }) => service.schedule(user),
    setSchedule: async ({ user, body }) => service.setSchedule(user, body),
    previewRetention: async ({ user, query }) => service.previewRetention(user, query.at),
    applyRetention: async ({ user, body }) => service.applyRetention(user, body.at),
    erase: async ({ user, body }) => service.erase(user, body.caseReference, body.reason),
  });
}
