/**
 * The LIFT outcome record for one case ([Outcomes](../../../docs/reference/service.md#outcomes-actions-and-support-plans), [Meeting format](../../../docs/reference/service.md#meeting-format)): ONE definition shared by
 * the side-panel form, the server and the LiftOutcomes list.
 *
 * - `LiftOutcomeInput`: what a LIFT member saves. A draft may be incomplete.
 * - `liftOutcomeValidationMessages(input, { mode })`: messages keyed by dotted path
 *   (`supportPlan.reviewDate`, `actions.0.dueDate`), the same in the browser and on the server.
 *   `mode: "approve"` adds the rules for a record the chair can approve: at least one category, an
 *   allocated specialist teacher when one is allocated, a complete support plan when support is
 *   allocated, every action with an owner and a due date.
 *
 * Free text is plain text, trimmed and capped; it may name the child, so it is never shown on the
 * meeting stage and never logged.
 */
import { z } from "zod";

export const OUTCOME_CATEGORIES = [
  { value: "strategies_resolved", label: "Advice and strategies to try (resolved at LIFT)" },
  { value: "training", label: "Training" },
  { value: "peer_school_support", label: "Peer school support" },
  { value: "specialist_teacher_allocated", label: "Specialist teacher allocated" },
  { value: "ep_involvement", label: "Educational psychologist involvement" },
  { value: "outreach", label: "Outreach" },
  { value: "early_help", label: "Early Help recommended" },
  { value: "health_advice", label: "Health advice recommended" },
  { value: "signposted", label: "Signposted elsewhere" },
] as const;
export type OutcomeCategory = (typeof OUTCOME_CATEGORIES)[number]["value"];
const CATEGORY_VALUES = OUTCOME_CATEGORIES.map((c) => c.value) as [OutcomeCategory, ...OutcomeCategory[]];

export const outcomeCategoryLabel = (value: string): string =>
  OUTCOME_CATEGORIES.find((c) => c.value === value)?.label ?? value;

/** Categories that allocate support and so need a support plan ([support plans](../../../docs/reference/service.md#outcomes-actions-and-support-plans)). */
export const SUPPORT_ALLOCATING: readonly OutcomeCategory[] = ["specialist_teacher_allocated", "outreach"];

export const SUPPORT_PLAN_FIELDS = [
  { key: "supportToBeProvided", label: "Support to be provided" },
  { key: "entranceCriteria", label: "Entrance criteria" },
  { key: "exitCriteria", label: "Exit criteria" },
  { key: "potentialDuration", label: "Potential duration" },
  { key: "focusAndPurpose", label: "Focus and purpose" },
  { key: "progressMeasures", label: "Progress measures and evidence" },
] as const;

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters`);
const isoDate = z.iso.date({ message: "Enter a date as YYYY-MM-DD" });

export const SupportPlan = z.strictObject({
  supportToBeProvided: text(2000).optional(),
  entranceCriteria: text(2000).optional(),
  exitCriteria: text(2000).optional(),
  potentialDuration: text(200).optional(),
  focusAndPurpose: text(2000).optional(),
  progressMeasures: text(2000).optional(),
  reviewDate: isoDate.optional(),
});
export type SupportPlan = z.infer<typeof SupportPlan>;

export const OutcomeActionInput = z.strictObject({
  /** Stable within the record (the form makes one; the server keeps it), so an action can be marked done. */
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "Action ids are letters, digits, - and _"),
  description: text(1000),
  ownerName: text(120),
  ownerRole: text(80).optional(),
  dueDate: isoDate.optional(),
  done: z.boolean().optional(),
});
export type OutcomeActionInput = z.infer<typeof OutcomeActionInput>;

export const LiftOutcomeInput = z.strictObject({
  categories: z.array(z.enum(CATEGORY_VALUES, { message: "Choose outcomes from the list" })).max(CATEGORY_VALUES.length),
  /** Entra object id of the specialist teacher allocated (People list). */
  allocatedTeacherOid: z.guid({ message: "Choose a specialist teacher from the list" }).optional(),
  supportPlan: SupportPlan.optional(),
  /**
   * Early years cases only: the LIFT asks for a SENIF practitioner. The council allocates one only
   * once a specialist teacher is, so the request goes with the allocation; the case opened from the
   * outcome starts with the request.
   */
  senifRequested: z.boolean({ message: "Say whether a SENIF practitioner is requested" }).optional(),
  actions: z.array(OutcomeActionInput).max(30, "At most 30 actions"),
  notes: text(4000).optional(),
});
export type LiftOutcomeInput = z.infer<typeof LiftOutcomeInput>;

export type OutcomeValidationResult =
  | { ok: true; messages: Record<string, string[]>; value: LiftOutcomeInput }
  | { ok: false; messages: Record<string, string[]> };

function approvalProblems(o: LiftOutcomeInput, add: (path: string, message: string) => void): void {
  if (o.categories.length === 0) add("categories", "Choose at least one outcome");
  if (o.categories.includes("specialist_teacher_allocated") && !o.allocatedTeacherOid) {
    add("allocatedTeacherOid", "Choose the specialist teacher allocated");
  }
  if (o.categories.some((c) => SUPPORT_ALLOCATING.includes(c))) {
    const plan = o.supportPlan ?? {};
    for (const field of SUPPORT_PLAN_FIELDS) {
      if (!plan[field.key]) add(`supportPlan.${field.key}`, `Enter the ${field.label.toLowerCase()}`);
    }
    if (!plan.reviewDate) add("supportPlan.reviewDate", "Enter the review date");
  }
  if (o.senifRequested && !o.categories.includes("specialist_teacher_allocated")) {
    add("senifRequested", "A SENIF practitioner is requested with a specialist teacher allocation: allocate one too, or untick the request");
  }
  o.actions.forEach((a, i) => {
    if (!a.description) add(`actions.${i}.description`, "Describe the action");
    if (!a.ownerName) add(`actions.${i}.ownerName`, "Enter who owns the action");
    if (!a.dueDate) add(`actions.${i}.dueDate`, "Enter the date the action is due");
  });
  const ids = new Set<string>();
  o.actions.forEach((a, i) => {
    if (ids.has(a.id)) add(`actions.${i}.id`, "Two actions have the same id");
    ids.add(a.id);
  });
}

/** Field messages for a save (`draft`) or an approval (`approve`), keyed by dotted path. */
export function liftOutcomeValidationMessages(input: unknown, options: { mode: "draft" | "approve" }): OutcomeValidationResult {
  const byPath = new Map<string, string[]>();
  const add = (path: string, message: string) => {
    const list = byPath.get(path) ?? [];
    if (!list.includes(message)) list.push(message);
    byPath.set(path, list);
  };
  const parsed = LiftOutcomeInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) add([...issue.path, key].join("."), `Unknown field "${key}": it is not part of the outcome record`);
      } else {
        add(issue.path.join(".") || "outcome", issue.message);
      }
    }
    return { ok: false, messages: Object.fromEntries(byPath) };
  }
  // Duplicate action ids break "mark done" even in a draft.
  if (options.mode === "approve") approvalProblems(parsed.data, add);
  else {
    const ids = new Set<string>();
    parsed.data.actions.forEach((a, i) => {
      if (ids.has(a.id)) add(`actions.${i}.id`, "Two actions have the same id");
      ids.add(a.id);
    });
  }
  const messages = Object.fromEntries(byPath) as Record<string, string[]>;
  return byPath.size === 0 ? { ok: true, messages, value: parsed.data } : { ok: false, messages };
}

/**
 * The solution-focused prompt sequence the side panel walks through for each case, with the minutes
 * each step takes in a 20-minute slot ([Meeting format](../../../docs/reference/service.md#meeting-format): Highland "Solution Focused Meeting" and
 * the proposed per-case timing). Parent views have their own step (the same section's user-voice caution).
 */
export const SOLUTION_FOCUSED_PROMPTS = [
  { step: "The question", minutes: 3, prompt: "The SENCo presents the question for LIFT and the context. What does the school want to be different?" },
  { step: "Clarifying questions", minutes: 3, prompt: "Members ask clarifying questions only. What do the pupil and the family say?" },
  { step: "Strengths and exceptions", minutes: 3, prompt: "What is already working, even a little? When is the difficulty less? What has been tried?" },
  { step: "Ideas", minutes: 6, prompt: "In how many ways may we help? Each member offers ideas, strategies or resources in turn." },
  { step: "Outcome and actions", minutes: 3, prompt: "The SENCo chooses what to try. Agree the outcome, any allocation and support plan, and actions with owners and dates." },
] as const;
