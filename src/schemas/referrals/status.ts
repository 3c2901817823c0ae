/** The states a referral can be in, as its record stores them (the transitions are domain rules: src/domain/referrals/status.ts). */
export const REFERRAL_STATUSES = ["draft", "submitted", "scheduled", "discussed", "outcome_recorded", "closed"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
