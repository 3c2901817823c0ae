/**
 * Who may see and change a referral ([the referrals README](../../server/features/referrals/README.md), [data protection](../../../docs/reference/data-protection.md)). Pure: the server calls
 * it on every request with the caller from the People list. A referral the caller may not see is
 * answered 404, never 403, so its existence is not disclosed.
 */
import type { Person } from "../../schemas/reference/person";
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
    case "lift_executive":
    case "area_lift_forum":
    case "sla_headteacher":
      // The read-only SLA roles see anonymised agendas and figures, never a referral itself.
      return "none";
  }
}

export function canRead(person: Person, referral: ReferralScope): boolean {
  return referralView(person, referral) !== "none";
}

/** Only the referring setting's SENCo writes a referral (drafts; submission). */
export function canEditReferral(person: Person, referral: ReferralScope): boolean {
  return person.role === "senco" && person.settingId === referral.settingId;
}
export const canEdit = canEditReferral;

export function canCreateReferral(person: Person): boolean {
  return person.role === "senco" && Boolean(person.settingId);
}

/**
 * The form fields an anonymised view keeps. An allow-list rather than "drop the identifying
 * fields": free text (the question, the profile, APDR notes, views) can name the child or family,
 * so commissioners get only what a shared agenda shows — school, year group, area of need.
 */
export const ANONYMISED_FIELDS: readonly string[] = [
  "setting.settingId",
  "setting.phase",
  "setting.name",
  "child.yearGroup",
  "child.ageInMonths",
  "needs.primaryArea",
  "needs.secondaryArea",
  "meeting.meetingId",
];

/** The form fields (dotted paths) the person may read: "all", an allow-list, or none. */
export function visibleFields(person: Person, referral: ReferralScope): "all" | readonly string[] {
  const view = referralView(person, referral);
  return view === "full" ? "all" : view === "anonymised" ? ANONYMISED_FIELDS : [];
}

/** A copy of a form body keeping only the given dotted paths (one or two levels, as the form has). */
export function pickFields(body: Record<string, unknown>, fields: "all" | readonly string[]): Record<string, unknown> {
  if (fields === "all") return body;
  const out: Record<string, unknown> = {};
  for (const path of fields) {
    const [group, key] = path.split(".") as [string, string | undefined];
    const value = body[group];
    if (key === undefined) {
      if (value !== undefined) out[group] = value;
      continue;
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) continue;
    const inner = (value as Record<string, unknown>)[key];
    if (inner === undefined) continue;
    out[group] = { ...((out[group] as Record<string, unknown> | undefined) ?? {}), [key]: inner };
  }
  return out;
}

/**
 * A history entry as an anonymised view shows it: the kind of step only. Entries written by
 * planners carry their reasons ("Moved from … (a parent cannot attend)"), which can name a child
 * or family, so each is mapped to a fixed label by how it starts; anything not listed is "Changed".
 */
const HISTORY_LABELS: ReadonlyArray<readonly [prefix: string, label: string]> = [
  ["Draft started", "Draft started"],
  ["Draft saved", "Draft saved"],
  ["Submitted", "Submitted"],
  ["Discussed at LIFT", "Discussed at LIFT"],
  ["Outcome recorded", "Outcome recorded"],
  ["Outcome updated", "Outcome updated"],
  ["Moved from", "Moved to another meeting"],
  ["Meeting moved", "Meeting moved"],
  ["Meeting place changed", "Meeting place changed"],
  ["Taken off the agenda", "Taken off the agenda"],
  ["Closed", "Closed"],
];

export function anonymisedHistoryAction(action: string): string {
  return HISTORY_LABELS.find(([prefix]) => action.startsWith(prefix))?.[1] ?? "Changed";
}
