/**
 * The records of the data-protection feature as its lists keep them: the retention schedule (one
 * rule per kind of record, changeable by a commissioner) and the register of erasures. Neither holds
 * a child's name or any free text about a child: the register names a case by its reference only.
 *
 * Background: [Retention](../../../docs/reference/data-protection.md#retention).
 */
import { z } from "zod";

/**
 * The kinds of record the schedule covers. Each kind names what one erasure blanks:
 * - `referral`: a submitted referral (its form, history, notice and the outcome copied onto it);
 * - `draft-referral`: a draft never submitted (no case reference; deleted outright);
 * - `lift-outcome`: the LIFT outcome record of a referral (notes, actions' text, support plan);
 * - `case`: casework cases of the child with their reviews, visits and the clinic entries about them.
 */
export const RECORD_KINDS = [
  { value: "referral", label: "Referrals (submitted)" },
  { value: "draft-referral", label: "Draft referrals never submitted" },
  { value: "lift-outcome", label: "LIFT outcome records" },
  { value: "case", label: "Casework: cases, reviews, visits, clinic entries" },
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number]["value"];
export const RecordKind = z.enum(RECORD_KINDS.map((k) => k.value) as [RecordKind, ...RecordKind[]], { message: "Choose a kind of record from the list" });

/** The date a retention period counts from. */
export const RETENTION_ANCHORS = [
  { value: "date-of-birth", label: "The child's date of birth" },
  { value: "case-closed", label: "The day the child's last case closed" },
  { value: "last-activity", label: "The record's last change" },
] as const;
export type RetentionAnchor = (typeof RETENTION_ANCHORS)[number]["value"];
export const RetentionAnchor = z.enum(RETENTION_ANCHORS.map((a) => a.value) as [RetentionAnchor, ...RetentionAnchor[]], { message: "Choose what the period counts from" });

export const RetentionYears = z
  .number({ message: "Enter the number of years as a whole number" })
  .int("Enter the number of years as a whole number")
  .min(1, "Keep records for at least 1 year")
  .max(100, "Keep records for at most 100 years");

/** One rule of the schedule: erase this kind of record `years` after `anchor`. */
export const RetentionRuleItem = z.object({
  kind: RecordKind,
  anchor: RetentionAnchor,
  years: RetentionYears,
  /** Why this period (the policy it follows): shown beside the rule. Never about a child. */
  note: z.string().trim().max(500, "Keep the note under 500 characters").optional(),
  updatedAt: z.iso.datetime(),
  updatedByOid: z.guid(),
  updatedByName: z.string().max(120),
});
export type RetentionRuleItem = z.infer<typeof RetentionRuleItem>;

/** A rule as a commissioner sends it (who and when come from the server). */
export const RetentionRuleInput = RetentionRuleItem.pick({ kind: true, anchor: true, years: true, note: true }).strict();
export type RetentionRuleInput = z.infer<typeof RetentionRuleInput>;

export const ERASURE_TRIGGERS = ["retention", "request"] as const;
export type ErasureTrigger = (typeof ERASURE_TRIGGERS)[number];

/**
 * One erasure of one kind of record of one child: written as `erasing` before anything is blanked and
 * marked `erased` once every record is done, so a run stopped half-way is finished by the next one.
 * `subject` is the case reference, or `draft-<item id>` for a draft that never had one.
 */
export const ErasureItem = z.object({
  /** `<subject>|<kind>`: unique, so the same erasure is never registered twice. */
  key: z.string().max(80),
  subject: z.string().max(40),
  kind: RecordKind,
  trigger: z.enum(ERASURE_TRIGGERS),
  status: z.enum(["erasing", "erased"]),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().optional(),
  byOid: z.guid(),
  /** How many list items were blanked or deleted. */
  records: z.number().int().min(0).optional(),
});
export type ErasureItem = z.infer<typeof ErasureItem>;

export const erasureKey = (subject: string, kind: RecordKind) => `${subject}|${kind}`;

/** A case reference as the referrals and casework issue them (DOV-2526-0042). */
export const CaseReference = z
  .string({ message: "Enter a case reference" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}-\d{4}-\d{4,6}$/, "Enter a case reference like DOV-2526-0042");
