/**
 * The referrals API as the tab uses it (contract: src/server/features/referrals/README.md). The answer
 * types are shared with the server (src/schemas/referrals/api.ts).
 */
import type { ApiClient } from "../shell";
import type { ReferralDraftInput, ReferralVariant } from "../../src/schemas/referrals/referral";
import type { LiftMeetingSummary, OutcomeAction, ReferralRecord, ReferralSummary, Refusal } from "../../src/schemas/referrals/api";
import type { ReferralStatus } from "../../src/domain/referrals/status";

export type { ReferralDraftInput, ReferralVariant, ReferralStatus, LiftMeetingSummary, OutcomeAction, ReferralRecord, ReferralSummary, Refusal };

/** 409 detail when a meeting refuses the referral. */
export interface MeetingRefusalDetail {
  refusal?: string;
  nextMeeting?: LiftMeetingSummary;
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function referralsApi(api: ApiClient) {
  return {
    list: (params: { scope?: "mine" | "district"; meeting?: string; status?: string; district?: string } = {}) =>
      api.get<{ items: ReferralSummary[] }>(`/api/referrals${query(params)}`).then((r) => r.items),
    get: (id: string) => api.get<{ referral: ReferralRecord }>(`/api/referrals/${encodeURIComponent(id)}`).then((r) => r.referral),
    create: (idempotencyKey: string, draft: ReferralDraftInput) =>
      api.post<{ referral: ReferralRecord }>("/api/referrals", { idempotencyKey, draft }).then((r) => r.referral),
    update: (id: string, eTag: string, draft: ReferralDraftInput) =>
      api.put<{ referral: ReferralRecord }>(`/api/referrals/${encodeURIComponent(id)}`, { eTag, draft }).then((r) => r.referral),
    submit: (id: string, meetingId: string, eTag?: string) =>
      api
        .post<{ referral: ReferralRecord }>(`/api/referrals/${encodeURIComponent(id)}/submit`, { meetingId, eTag })
        .then((r) => r.referral),
    remove: (id: string) => api.delete<void>(`/api/referrals/${encodeURIComponent(id)}`),
    meetings: (params: { district?: string; kind?: "school" | "early-years"; from?: string }) =>
      api.get<{ items: LiftMeetingSummary[] }>(`/api/lift-meetings${query(params)}`).then((r) => r.items),
  };
}

export type ReferralsApi = ReturnType<typeof referralsApi>;
