/**
 * The referral documents API: files attached to a referral, under the referral's own access rules
 * (src/server/features/referral-documents/README.md).
 */
import { z } from "zod";
import { DOCUMENT_TYPE_KEYS, MAX_DOCUMENT_BYTES } from "./records";
import { Instant, ItemId, route } from "../core/contract";

export const ReferralDocument = z.object({
  id: z.string(),
  referralId: z.string(),
  label: z.string(),
  type: z.enum(DOCUMENT_TYPE_KEYS),
  size: z.number().int(),
  uploadedAt: Instant,
  /** Whether the caller may remove it (the referring SENCo, while the referral is a draft). */
  canDelete: z.boolean(),
});
export type ReferralDocument = z.infer<typeof ReferralDocument>;

/** Content types the upload route reads as the file's bytes; the bytes themselves decide the type. */
export const DOCUMENT_UPLOAD_TYPES = [
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "image/jpeg",
  "image/png",
  "application/octet-stream",
] as const;

const Params = z.object({ id: ItemId });
const DocParams = z.object({ id: ItemId, documentId: ItemId });

export const referralDocumentsApi = {
  listDocuments: route("GET /referrals/:id/documents", "The documents attached to a referral (audited)", {
    params: Params,
    responses: { 200: z.object({ items: z.array(ReferralDocument) }) },
    errors: [404],
  }),
  attachDocument: route("POST /referrals/:id/documents", "Attach a file (PDF, .docx, JPEG or PNG, at most 10 MB) to a draft or submitted referral: the referring SENCo", {
    params: Params,
    query: z.object({ name: z.string({ message: "Give the file's name" }).min(1, "Give the file's name").max(300) }),
    upload: DOCUMENT_UPLOAD_TYPES,
    uploadLimit: MAX_DOCUMENT_BYTES,
    responses: { 201: z.object({ document: ReferralDocument }) },
    errors: [403, 404, 409, 413, 503],
  }),
  downloadDocument: route("GET /referrals/:id/documents/:documentId/content", "The file, as an attachment (audited)", {
    params: DocParams,
    responses: { 200: { file: DOCUMENT_UPLOAD_TYPES } },
    errors: [404],
  }),
  deleteDocument: route("DELETE /referrals/:id/documents/:documentId", "Remove a document from a draft: the referring SENCo", {
    params: DocParams,
    responses: { 204: null },
    errors: [403, 404, 409, 503],
  }),
};
