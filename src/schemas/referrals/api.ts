/**
 * The shapes the referrals API answers with (src/server/features/referrals/README.md), shared by the server
 * that builds them and the tab that reads them.
 */
import type { ReferralStatus } from "./status";
import type { SupportPlan } from "../lift-outcomes/outcome";
import type { ReferralDraftInput, ReferralVariant } from "./referral";

export interface Refusal {
  code: string;
  message: string;
}

export interface LiftMeetingSummary {
  id: string;
  districtSlug: string;
  kind: "school" | "early-years";
  phases?: ("primary" | "secondary")[];
  title: string;
  startsAt: string;
  endsAt: string;
  place?: string;
  onlineMeetingUrl?: string;
  status: "scheduled" | "moved" | "cancelled" | "held";
  referralDeadline: string;
  accepting: boolean;
  refusal?: Refusal;
  myReferralCount?: number;
}

export interface OutcomeAction {
  /** The action's id in the LIFT outcome record. */
  id?: string;
  description: string;
  owner: string;
  dueDate: string;
  done?: boolean;
}

export interface ReferralSummary {
  id: string;
  caseReference?: string;
  status: ReferralStatus;
  settingId: string;
  settingName: string;
  districtSlug: string;
  variant: ReferralVariant;
  /** Omitted for commissioners (no child-identifying data). */
  childName?: string;
  yearGroup?: string;
  ageInMonths?: number;
  primaryArea?: string;
  question?: string;
  meeting?: { id: string; title: string; startsAt: string };
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  outcome?: {
    categories: string[];
    summary?: string;
    actions: OutcomeAction[];
    /** From the approved LIFT outcome record (the lift-outcomes feature): never shown to commissioners. */
    allocatedTeacherName?: string;
    supportPlan?: SupportPlan;
    approvedAt?: string;
  };
  /** The latest change to this referral's meeting (moved, cancelled, case moved), for the SENCo. */
  notice?: string;
}

export interface ReferralRecord extends ReferralSummary {
  eTag: string;
  draft: ReferralDraftInput;
  history: { at: string; action: string; byName: string }[];
}
