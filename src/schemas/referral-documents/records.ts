/**
 * A document attached to a referral, as the ReferralDocuments list keeps it: the metadata; the
 * bytes are a file in the ReferralFiles document library, named from ids only.
 */
import { z } from "zod";
import { DOCUMENT_TYPE_KEYS } from "../../domain/referral-documents/file-type";

export const ReferralDocumentItem = z.object({
  referralId: z.string().regex(/^\d{1,12}$/).max(12),
  /** The file's driveItem id in the library. */
  driveItemId: z.string().min(1).max(120),
  /** The stored file name (`referral-<id>-<key>.pdf`): never the uploader's label. */
  fileName: z.string().min(1).max(120),
  /** The uploader's file name, sanitised; shown to those who may read the referral. */
  label: z.string().min(1).max(100),
  type: z.enum(DOCUMENT_TYPE_KEYS as [string, ...string[]]),
  size: z.number().int().min(1),
  uploadedByOid: z.string().max(64),
  uploadedAt: z.iso.datetime(),
});
export type ReferralDocumentItem = z.infer<typeof ReferralDocumentItem>;
