/**
 * The referrals API as the tab uses it, typed from the contracts (src/schemas/referrals/api.ts and,
 * for the meetings a referral can go to, src/schemas/lift-meetings/api.ts).
 */
import type { ApiClient } from "../shell";
import type { ReferralDraftInput, ReferralVariant } from "../../src/schemas/referrals/referral";
import { referralsApi as contract, type LiftMeetingSummary, type MeetingRefusalDetail, type OutcomeAction, type ReferralRecord, type ReferralStatus, type ReferralSummary, type Refusal } from "../../src/schemas/referrals/api";
import { liftMeetingsApi as meetingsContract } from "../../src/schemas/lift-meetings/api";
import type { QueryInputOf } from "../../src/schemas/core/contract";
import { referralDocumentsApi as documentsContract, type ReferralDocument } from "../../src/schemas/referral-documents/api";

export type { ReferralDocument };
export type { ReferralDraftInput, ReferralVariant, ReferralStatus, LiftMeetingSummary, MeetingRefusalDetail, OutcomeAction, ReferralRecord, ReferralSummary, Refusal };

export function referralsApi(api: ApiClient) {
  return {
    list: (query: NonNullable<QueryInputOf<typeof contract.listReferrals>> = {}) => api.call(contract.listReferrals, { query }).then((r) => r.items),
    get: (id: string) => api.call(contract.getReferral, { params: { id } }).then((r) => r.referral),
    create: (idempotencyKey: string, draft: ReferralDraftInput) => api.call(contract.createReferral, { body: { idempotencyKey, draft } }).then((r) => r.referral),
    update: (id: string, eTag: string, draft: ReferralDraftInput) => api.call(contract.saveReferral, { params: { id }, body: { eTag, draft } }).then((r) => r.referral),
    submit: (id: string, meetingId: string, eTag?: string) =>
      api.call(contract.submitReferral, { params: { id }, body: { meetingId, ...(eTag === undefined ? {} : { eTag }) } }).then((r) => r.referral),
    remove: (id: string) => api.call(contract.deleteReferral, { params: { id } }),
    meetings: (query: NonNullable<QueryInputOf<typeof meetingsContract.listMeetings>>) => api.call(meetingsContract.listMeetings, { query }).then((r) => r.items),
  };
}

export type ReferralsApi = ReturnType<typeof referralsApi>;

/** A referral's documents (contract: src/schemas/referral-documents/api.ts). */
export function referralDocumentsApi(api: ApiClient) {
  const base = (id: string) => `/api/referrals/${encodeURIComponent(id)}/documents`;
  return {
    list: (id: string) => api.call(documentsContract.listDocuments, { params: { id } }).then((r) => r.items),
    // Sent as octet-stream whatever the browser thinks the type is: the server tells the type by the bytes.
    attach: (id: string, file: File) =>
      api.upload<{ document: ReferralDocument }>(`${base(id)}?name=${encodeURIComponent(file.name)}`, file, "application/octet-stream").then((r) => r.document),
    download: (id: string, documentId: string) => api.download(`${base(id)}/${encodeURIComponent(documentId)}/content`),
    remove: (id: string, documentId: string) => api.call(documentsContract.deleteDocument, { params: { id, documentId } }),
  };
}
