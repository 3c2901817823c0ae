/**
 * The outcome form's working copy: what is sent (empty answers left out, the support plan only when
 * support is allocated) and the order fields appear in (for the error summary). Re-applying my edits
 * onto someone else's newer version after a 412 is the shell's reapplyEdits: actions merge by id,
 * the support plan field by field.
 */
import { SUPPORT_ALLOCATING, SUPPORT_PLAN_FIELDS, type LiftOutcomeInput, type OutcomeActionInput, type SupportPlan } from "../../src/schemas/lift-outcomes/outcome";
import { newKey } from "../shell/format";

export const EMPTY_OUTCOME: LiftOutcomeInput = { categories: [], actions: [] };

export function allocatesSupport(o: LiftOutcomeInput): boolean {
  return o.categories.some((c) => SUPPORT_ALLOCATING.includes(c));
}

export function newAction(): OutcomeActionInput {
  // Ids are letters, digits, - and _ (the schema): a UUID without its prefix's dots fits.
  return { id: newKey("a").slice(0, 40), description: "", ownerName: "" };
}

const present = (v: unknown) => v !== undefined && v !== "";

/** What the server is sent: blanks dropped, the support plan only with a category that allocates support. */
export function outcomeToSend(o: LiftOutcomeInput): LiftOutcomeInput {
  const plan = allocatesSupport(o) && o.supportPlan ? (Object.fromEntries(Object.entries(o.supportPlan).filter(([, v]) => present(v))) as SupportPlan) : undefined;
  return {
    categories: o.categories,
    ...(o.allocatedTeacherOid ? { allocatedTeacherOid: o.allocatedTeacherOid } : {}),
    ...(plan && Object.keys(plan).length > 0 ? { supportPlan: plan } : {}),
    ...(o.senifRequested ? { senifRequested: true } : {}),
    actions: o.actions.map((a) => ({
      id: a.id,
      description: a.description ?? "",
      ownerName: a.ownerName ?? "",
      ...(present(a.ownerRole) ? { ownerRole: a.ownerRole } : {}),
      ...(present(a.dueDate) ? { dueDate: a.dueDate } : {}),
      ...(a.done !== undefined ? { done: a.done } : {}),
    })),
    ...(present(o.notes) ? { notes: o.notes } : {}),
  };
}

/** Every path the form shows, in display order. */
export function outcomeDisplayOrder(o: LiftOutcomeInput): string[] {
  return [
    "categories",
    "allocatedTeacherOid",
    ...SUPPORT_PLAN_FIELDS.map((f) => `supportPlan.${f.key}`),
    "supportPlan.reviewDate",
    "senifRequested",
    ...o.actions.flatMap((_, i) => [`actions.${i}.description`, `actions.${i}.ownerName`, `actions.${i}.dueDate`, `actions.${i}.id`]),
    "notes",
  ];
}
