/**
 * Referral status and the allowed transitions.
 *
 *   draft ──submit──▶ submitted ──place──▶ scheduled ──▶ discussed ──▶ outcome_recorded ──▶ closed
 *     ▲                  │  ▲                  │
 *     └──return──────────┘  └──unschedule──────┘   (meeting cancelled / moved off the agenda)
 *
 * A scheduled referral may move to another meeting (scheduled → scheduled). A referral can be
 * closed (withdrawn) from any state before an outcome; closed is final.
 */
import { REFERRAL_STATUSES, type ReferralStatus } from "../../schemas/referrals/status";

export { REFERRAL_STATUSES, type ReferralStatus };

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  draft: "Draft",
  submitted: "Submitted",
  scheduled: "Scheduled for a meeting",
  discussed: "Discussed",
  outcome_recorded: "Outcome recorded",
  closed: "Closed",
};

export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  draft: ["submitted", "closed"],
  submitted: ["scheduled", "draft", "closed"],
  scheduled: ["scheduled", "submitted", "discussed", "closed"],
  discussed: ["outcome_recorded"],
  outcome_recorded: ["closed"],
  closed: [],
};

export function isReferralStatus(value: unknown): value is ReferralStatus {
  return (REFERRAL_STATUSES as readonly unknown[]).includes(value);
}

export function canTransition(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

export type TransitionResult =
  | { ok: true; from: ReferralStatus; to: ReferralStatus }
  | { ok: false; code: "transition_not_allowed"; message: string };

export function transition(from: ReferralStatus, to: ReferralStatus): TransitionResult {
  if (canTransition(from, to)) return { ok: true, from, to };
  const allowed = REFERRAL_TRANSITIONS[from].map((s) => REFERRAL_STATUS_LABELS[s]);
  return {
    ok: false,
    code: "transition_not_allowed",
    message:
      `A referral that is ${REFERRAL_STATUS_LABELS[from].toLowerCase()} cannot become ${REFERRAL_STATUS_LABELS[to].toLowerCase()}` +
      (allowed.length ? ` (it can become: ${allowed.join(", ").toLowerCase()})` : " (it is closed)"),
  };
}

/** Only a draft is edited by the referrer; after submission changes go through the district. */
export function isEditableByReferrer(status: ReferralStatus): boolean {
  return status === "draft";
}

/**
 * Submitting twice never makes two referrals: a referral that already has a case reference is
 * not submitted again, and the caller returns the existing reference.
 */
export type SubmitDecision =
  | { action: "submit" }
  | { action: "already_submitted"; caseReference: string }
  | { action: "refuse"; message: string };

export function decideSubmit(current: { status: ReferralStatus; caseReference?: string | undefined }): SubmitDecision {
  if (current.caseReference && current.status !== "draft") return { action: "already_submitted", caseReference: current.caseReference };
  if (current.status === "draft") return { action: "submit" };
  return { action: "refuse", message: `This referral is ${REFERRAL_STATUS_LABELS[current.status].toLowerCase()} and cannot be submitted` };
}
