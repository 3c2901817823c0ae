/**
 * Who may see and change a referral (issue 4 "Access and data protection"). Pure: the server calls
 * it on every request with the caller from the People list. A referral the caller may not see is
 * answered 404, never 403, so its existence is not disclosed.
 */
import type { Person } from "../../schemas/person";
import type { ReferralStatus } from "./status";

export interface ReferralScope {
  settingId: string;
  districtSlug: string;
  status: ReferralStatus;
}

export type ReferralView = "full" | "anonymised" | "none";

/** How much of a referral the person may read. */
export function referralView(person: Person, referral: ReferralScope): ReferralView {
  switch (person.role) {
    case "senco":
      return person.settingId === referral.settingId ? "full" : "none";
    case "district_lead":
    case "specialist_teacher":
    case "lift_member":
      // District members see submitted referrals only: a draft is the school's own work in progress.
      return person.districtSlug === referral.districtSlug && referral.status !== "draft" ? "full" : "none";
    case "commissioner":
      return referral.status !== "draft" ? "anonymised" : "none";
  }
}

/** Only the referring setting's SENCo writes a referral (drafts; submission). */
export function canEditReferral(person: Person, referral: ReferralScope): boolean {
  return person.role === "senco" && person.settingId === referral.settingId;
}

export function canCreateReferral(person: Person): boolean {
  return person.role === "senco" && Boolean(person.settingId);
}
