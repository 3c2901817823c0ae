/** /api/referrals/:id/documents… bound to the service (contract: src/schemas/referral-documents/api.ts). */
import { referralDocumentsApi } from "../../../schemas/referral-documents/api";
import { defineRoutes, FileReply, reply, type RouteTable } from "../../app/define-routes";
import type { ReferralDocumentService } from "./service";

export function referralDocumentRoutes(service: ReferralDocumentService): RouteTable {
  return defineRoutes(referralDocumentsApi, {
    listDocuments: async ({ user, params }) => ({ items: await service.list(user, params.id) }),
    attachDocument: async ({ user, params, query, body }) => reply(201, { document: await service.attach(user, params.id, { name: query.name, bytes: body }) }),
    downloadDocument: async ({ user, params }) => {
      const file = await service.download(user, params.id, params.documentId);
      return new FileReply(file.contentType, file.fileName, file.data, file.disposition);
    },
    deleteDocument: async ({ user, params }) => service.remove(user, params.id, params.documentId),
  });
}
