/**
 * A document attached to a referral, as the ReferralDocuments list keeps it: the metadata; the
 * bytes are a file in the ReferralFiles document library, named from ids only.
 */
import { z } from "zod";

/** The kinds of file a referral may carry (how each is recognised: src/domain/referral-documents/file-type.ts). */
export const DOCUMENT_TYPE_KEYS = ["pdf", "docx", "jpeg", "png"] as const;
export type DocumentType = (typeof DOCUMENT_TYPE_KEYS)[number];
/** 10 MB: scans and reports fit; a video or a whole folder does not. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const ReferralDocumentItem = z.object({
  referralId: z.string().regex(/^\d{1,12}$/).max(12),
  /** The file's driveItem id in the library. */
  driveItemId: z.string().min(1).max(120),
  /** The stored file name (`referral-<id>-<key>.pdf`): never the uploader's label. */
  fileName: z.string().min(1).max(120),
  /** The uploader's file name, sanitised; shown to those who may read the referral. */
  label: z.string().min(1).max(100),
  type: z.enum(DOCUMENT_TYPE_KEYS),
  size: z.number().int().min(1),
  uploadedByOid: z.string().max(64),
  uploadedAt: z.iso.datetime(),
});
export type ReferralDocumentItem = z.infer<typeof ReferralDocumentItem>;
