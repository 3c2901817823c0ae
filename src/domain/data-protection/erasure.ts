/**
 * What erasure leaves of each record, pure. Erasure removes the child's identity and every free-text
 * field (free text may name the child or family) and keeps what the KPI figures and the summary count
 * by: district, setting, phase, year group, area and type of need, dates, statuses, outcome
 * categories and ids. So the figures are the same before and after an erasure, and the audit trail
 * (ids only) still reads. ([Retention](../../../docs/reference/data-protection.md#retention);
 * [Audit trail](../../../docs/reference/data-protection.md#audit-trail): an erasure is recorded
 * without keeping the erased content.)
 */
import type { CaseItem, ClinicItem, ReviewItem, VisitItem } from "../../schemas/casework/records";
import type { LiftOutcomeItem } from "../../schemas/lift-outcomes/records";
import type { ReferralItem } from "../../schemas/referrals/records";

/** Put where a required text field must keep a value. */
export const ERASED = "[erased]";

const pick = (from: unknown, keys: readonly string[]): Record<string, unknown> | undefined => {
  if (typeof from !== "object" || from === null) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of keys) if ((from as Record<string, unknown>)[k] !== undefined) out[k] = (from as Record<string, unknown>)[k];
  return Object.keys(out).length > 0 ? out : undefined;
};

/**
 * The referral form after erasure: only the coded answers the counts read (the setting and its
 * phase, the year group, the areas and type of need, the variant's meeting). No name, date of birth,
 * UPN, NHS number, family, views, history or other free text.
 */
export function erasedReferralBody(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const setting = pick(body.setting, ["settingId", "phase"]);
  const child = pick(body.child, ["yearGroup"]);
  const needs = pick(body.needs, ["primaryArea", "secondaryArea", "needType"]);
  const meeting = pick(body.meeting, ["meetingId"]);
  if (setting) out.setting = setting;
  if (child) out.child = child;
  if (needs) out.needs = needs;
  if (meeting) out.meeting = meeting;
  return out;
}

export function erasedReferral(r: ReferralItem, at: string): ReferralItem {
  const { notice: _notice, outcome, ...rest } = r;
  return {
    ...rest,
    body: erasedReferralBody(r.body),
    history: [{ at, action: "Personal details erased", byName: "LIFT Hub" }],
    ...(outcome
      ? {
          outcome: {
            categories: outcome.categories,
            actions: outcome.actions.map((a) => ({ ...(a.id ? { id: a.id } : {}), description: ERASED, owner: ERASED, dueDate: a.dueDate, ...(a.done !== undefined ? { done: a.done } : {}) })),
            ...(outcome.approvedAt ? { approvedAt: outcome.approvedAt } : {}),
            ...(outcome.supportPlan?.reviewDate ? { supportPlan: { reviewDate: outcome.supportPlan.reviewDate } } : {}),
          },
        }
      : {}),
    notice: undefined,
  } as ReferralItem;
}

export function erasedOutcome(o: LiftOutcomeItem): LiftOutcomeItem {
  const { notes: _notes, supportPlan, ...outcome } = o.outcome;
  return {
    ...o,
    outcome: {
      ...outcome,
      actions: outcome.actions.map((a) => ({ id: a.id, description: ERASED, ownerName: ERASED, ...(a.dueDate ? { dueDate: a.dueDate } : {}), ...(a.done !== undefined ? { done: a.done } : {}) })),
      ...(supportPlan?.reviewDate ? { supportPlan: { reviewDate: supportPlan.reviewDate } } : {}),
    },
  };
}

/** A case keeps its handle, team, district, setting, phase, need, status changes, dates and targets' dates. */
export function erasedCase(c: CaseItem, at: string): CaseItem {
  const { child: _child, closure, senif, origin, ...rest } = c;
  return {
    ...rest,
    origin: origin.kind === "direct" ? { kind: "direct", requestedBy: origin.requestedBy, requestedAt: origin.requestedAt } : origin,
    supportPlan: c.supportPlan.reviewDate ? { reviewDate: c.supportPlan.reviewDate } : {},
    targets: c.targets.map((t) => ({ ...t, text: ERASED })),
    statusChanges: c.statusChanges.map(({ inactiveReasonText: _text, ...change }) => change),
    ...(closure ? { closure: (({ reasonText: _r, ...kept }) => kept)(closure) } : {}),
    ...(senif ? { senif } : {}),
    history: [{ at, action: "Personal details erased", byName: "LIFT Hub" }],
    child: undefined,
  } as CaseItem;
}

export function erasedReview(r: ReviewItem): ReviewItem {
  const { notes: _notes, ...rest } = r;
  return { ...rest, notes: undefined } as ReviewItem;
}

export function erasedVisit(v: VisitItem): VisitItem {
  return { ...v, adviceGiven: ERASED, nextSteps: ERASED, standards: { ...v.standards, section: ERASED } };
}

/** A clinic keeps its entries about these cases with their outcome and need, without the question. */
export function erasedClinic(c: ClinicItem, caseIds: ReadonlySet<string>): ClinicItem {
  return { ...c, entries: c.entries.map((e) => (e.caseId !== undefined && caseIds.has(e.caseId) ? (({ question: _q, ...kept }) => kept)(e) : e)) };
}

/** True when nothing personal is left: what erasure promises, checked by the tests and the run. */
export function hasIdentity(body: Record<string, unknown>): boolean {
  const child = body.child as Record<string, unknown> | undefined;
  return Boolean(child && (child.legalName || child.preferredName || child.dateOfBirth || child.upn || child.nhsNumber)) || body.agreement !== undefined || body.views !== undefined;
}
