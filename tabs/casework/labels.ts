/**
 * The casework tab's words: labels of the code lists (one wording with the schemas), the caseload's
 * filters as the API's query, what a line of the caseload says about its review, and which approved
 * LIFT outcomes allocated to me still have no case.
 */
import {
  CASE_PHASES,
  CLINIC_KINDS,
  CLINIC_OUTCOMES,
  CLINIC_PHASES,
  CLINIC_STATUSES,
  CLOSURE_REASONS,
  GRADUATED_APPROACH_STAGES,
  INACTIVE_REASONS,
  SENIF_STATUSES,
  TARGET_AGREED_WITH,
  TARGET_RESULTS,
  VISIT_SEEN,
} from "../../src/schemas/casework/records";
import { CASE_STATUS_LABELS } from "../../src/domain/casework/status";
import { AREAS_OF_NEED } from "../../src/schemas/referrals/referral";
import { OUTCOME_CATEGORIES } from "../../src/schemas/lift-outcomes/outcome";
import { formatDate } from "../shell/format";
import type { CaseListFilter, CaseSummary } from "./api";
import type { ReferralSummary } from "../../src/schemas/referrals/api";

type CodeList = readonly { value: string; label: string }[];

/** A code's label from its list; an unknown code shows as it is rather than blank. */
export function labelIn(list: CodeList, value: string | undefined): string {
  if (value === undefined) return "";
  return list.find((o) => o.value === value)?.label ?? value;
}

export const statusLabel = (s: string) => CASE_STATUS_LABELS[s as keyof typeof CASE_STATUS_LABELS] ?? s;
export const phaseLabel = (v: string) => labelIn(CASE_PHASES, v);
export const areaLabel = (v: string | undefined) => labelIn(AREAS_OF_NEED, v);
export const closureLabel = (v: string | undefined) => labelIn(CLOSURE_REASONS, v);
export const inactiveLabel = (v: string | undefined) => labelIn(INACTIVE_REASONS, v);
export const resultLabel = (v: string) => labelIn(TARGET_RESULTS, v);
export const agreedWithLabel = (values: readonly string[]) => values.map((v) => labelIn(TARGET_AGREED_WITH, v)).join(", ");
export const seenLabel = (values: readonly string[]) => values.map((v) => labelIn(VISIT_SEEN, v)).join(", ");
export const stageLabel = (v: string) => labelIn(GRADUATED_APPROACH_STAGES, v);
export const senifLabel = (v: string) => labelIn(SENIF_STATUSES, v);
export const clinicKindLabel = (v: string) => labelIn(CLINIC_KINDS, v);
export const clinicPhaseLabel = (v: string) => labelIn(CLINIC_PHASES, v);
export const clinicStatusLabel = (v: string) => labelIn(CLINIC_STATUSES, v);
export const clinicOutcomeLabel = (v: string) => labelIn(CLINIC_OUTCOMES, v);
export const categoryLabel = (v: string) => labelIn(OUTCOME_CATEGORIES, v);

/** The caseload's filters as chosen on the page ("" = any). */
export interface CaseloadFilter {
  who: "mine" | "all";
  status: "" | "open" | "open-active" | "open-inactive" | "closed";
  reviews: "" | "due" | "overdue";
}

/** A teacher starts on their own open caseload; a lead and a SENCo on every open case they can see. */
export function initialFilter(role: string): CaseloadFilter {
  return { who: role === "specialist_teacher" ? "mine" : "all", status: "open", reviews: "" };
}

export function caseListQuery(filter: CaseloadFilter): CaseListFilter {
  return {
    ...(filter.who === "mine" ? { teacher: "me" as const } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.reviews ? { reviews: filter.reviews } : {}),
  };
}

/** What a caseload line says about the next review: overdue, due on a date, or nothing due. */
export function reviewText(c: Pick<CaseSummary, "nextReviewDue" | "reviewOverdue" | "status">): string {
  if (c.status === "closed") return "Closed";
  if (!c.nextReviewDue) return "None due";
  return c.reviewOverdue ? `Overdue since ${formatDate(c.nextReviewDue)}` : `Due ${formatDate(c.nextReviewDue)}`;
}

/**
 * Approved LIFT outcomes that allocated me as the specialist teacher and have no case yet: the
 * district's referrals (not closed) whose approved outcome names me, less those whose case reference
 * already has a case opened from an outcome. The referral list names the allocated teacher (not their
 * id), so it is matched by my display name; the server checks the allocation again when the case opens.
 */
export function outcomesWithoutCase(referrals: readonly ReferralSummary[], cases: readonly Pick<CaseSummary, "childRef" | "originKind">[], myName: string): ReferralSummary[] {
  const withCase = new Set(cases.filter((c) => c.originKind === "lift-outcome").map((c) => c.childRef));
  return referrals.filter(
    (r) =>
      r.status !== "closed" &&
      r.caseReference !== undefined &&
      r.outcome?.approvedAt !== undefined &&
      r.outcome.allocatedTeacherName === myName &&
      !withCase.has(r.caseReference),
  );
}
