/**
 * The data-protection API contract (commissioners only; anyone else is 403): a subject access for
 * one child by case reference (JSON, or a printable HTML file), the retention schedule (read and
 * change), a retention run's preview and apply, and erasing one child's records on a valid request.
 * Every call is audited. Records: ./records.ts. Background:
 * [Subject access requests](../../../docs/reference/data-protection.md#subject-access-requests),
 * [Retention](../../../docs/reference/data-protection.md#retention).
 */
import { z } from "zod";
import { route } from "../core/contract";
import { CaseReference, RECORD_KINDS, RecordKind, RetentionAnchor, RetentionRuleInput } from "./records";

const PlainDate = z.iso.date({ message: "Enter a date as YYYY-MM-DD" });

/** A stored list item as a subject access shows it: the whole record, with when it was made and changed. */
export const HeldRecord = z.object({ id: z.string(), createdAt: z.string(), modifiedAt: z.string(), value: z.record(z.string(), z.unknown()) });
export type HeldRecord = z.infer<typeof HeldRecord>;

export const SUBJECT_ACCESS_SECTIONS = [
  { key: "referrals", label: "Referrals (the form as saved, with its history of changes)" },
  { key: "documents", label: "Documents attached to the referrals (name, type, size; the files can be downloaded from the referral)" },
  { key: "caseReferences", label: "Case references" },
  { key: "meetingPlaces", label: "Places taken on LIFT meetings" },
  { key: "meetings", label: "LIFT meetings the child's case was on" },
  { key: "outcomes", label: "LIFT outcome records (outcome, actions, support plan)" },
  { key: "attendance", label: "Attendance at those meetings" },
  { key: "cases", label: "Casework cases (support plan, targets, status)" },
  { key: "reviews", label: "Reviews of the cases" },
  { key: "visits", label: "Records of visit" },
  { key: "clinicEntries", label: "Clinic, surgery and in-school review entries about the cases" },
  { key: "notices", label: "Notices and reminders sent about the case" },
  { key: "audit", label: "Who read or changed these records, and when (audit trail)" },
] as const;
export type SubjectAccessSection = (typeof SUBJECT_ACCESS_SECTIONS)[number]["key"];

export const SubjectAccessBundle = z.object({
  caseReference: z.string(),
  generatedAt: z.string(),
  generatedBy: z.object({ oid: z.string(), name: z.string() }),
  /** Whether this child's records have been erased (then only the non-personal stubs remain). */
  erased: z.array(z.object({ kind: RecordKind, status: z.string(), at: z.string() })),
  sections: z.object(Object.fromEntries(SUBJECT_ACCESS_SECTIONS.map((s) => [s.key, z.array(HeldRecord)])) as Record<SubjectAccessSection, z.ZodArray<typeof HeldRecord>>),
  counts: z.record(z.string(), z.number().int()),
});
export type SubjectAccessBundle = z.infer<typeof SubjectAccessBundle>;

export const SubjectAccessQuery = z.object({ case: CaseReference });

export const RetentionRule = RetentionRuleInput.extend({ label: z.string(), updatedAt: z.string().optional(), updatedByName: z.string().optional(), isDefault: z.boolean() });
export type RetentionRule = z.infer<typeof RetentionRule>;

export const ScheduleAnswer = z.object({ rules: z.array(RetentionRule) });
export type ScheduleAnswer = z.infer<typeof ScheduleAnswer>;

export const ScheduleBody = z.strictObject({
  rules: z
    .array(RetentionRuleInput)
    .min(1, "Send at least one rule")
    .max(RECORD_KINDS.length)
    .refine((rules) => new Set(rules.map((r) => r.kind)).size === rules.length, "Send each kind of record at most once"),
});
export type ScheduleBody = z.infer<typeof ScheduleBody>;

export const RetentionLine = z.object({ subject: z.string(), kind: RecordKind, districtSlug: z.string(), anchor: RetentionAnchor, anchorDate: z.string(), dueOn: z.string(), resuming: z.boolean().optional() });
export const HeldLine = z.object({ subject: z.string(), kind: RecordKind, districtSlug: z.string(), why: z.string() });

export const RetentionPreview = z.object({ at: z.string(), due: z.array(RetentionLine), held: z.array(HeldLine), kept: z.number().int() });
export type RetentionPreview = z.infer<typeof RetentionPreview>;

export const ErasureResult = z.object({ subject: z.string(), kind: RecordKind, records: z.number().int(), alreadyErased: z.boolean() });
export type ErasureResult = z.infer<typeof ErasureResult>;

export const RetentionApplied = RetentionPreview.extend({ erased: z.array(ErasureResult) });
export type RetentionApplied = z.infer<typeof RetentionApplied>;

export const RetentionRunBody = z.strictObject({ at: PlainDate });

export const EraseBody = z.strictObject({
  caseReference: CaseReference,
  /** The request it rests on (e.g. "Art. 17 request from the parent, DPO ref 2026-114"). Never the child's name. */
  reason: z.string({ message: "Give the reason for the erasure" }).trim().min(5, "Give the reason for the erasure (at least 5 characters)").max(300, "Keep the reason under 300 characters"),
});
export type EraseBody = z.infer<typeof EraseBody>;

export const EraseAnswer = z.object({ caseReference: z.string(), erased: z.array(ErasureResult) });
export type EraseAnswer = z.infer<typeof EraseAnswer>;

const HTML = ["text/html"] as const;

export const dataProtectionApi = {
  subjectAccess: route("GET /data-protection/subject-access", "Everything held about one child, by case reference (commissioners; audited)", { query: SubjectAccessQuery, responses: { 200: SubjectAccessBundle }, errors: [403, 404] }),
  subjectAccessHtml: route("GET /data-protection/subject-access/html", "The same, as a printable HTML file (commissioners; audited)", { query: SubjectAccessQuery, responses: { 200: { file: HTML } }, errors: [403, 404] }),
  schedule: route("GET /data-protection/retention/schedule", "The retention schedule: one rule per kind of record (commissioners)", { responses: { 200: ScheduleAnswer }, errors: [403] }),
  setSchedule: route("PUT /data-protection/retention/schedule", "Change rules of the retention schedule (commissioners; audited)", { body: ScheduleBody, responses: { 200: ScheduleAnswer }, errors: [403] }),
  previewRetention: route("GET /data-protection/retention/preview", "What a retention run on a date would erase, by case reference (commissioners; changes nothing)", { query: z.object({ at: PlainDate }), responses: { 200: RetentionPreview }, errors: [403] }),
  applyRetention: route("POST /data-protection/retention/apply", "Run the retention schedule as at a date: erase what is due, leaving audit tombstones (commissioners)", { body: RetentionRunBody, responses: { 200: RetentionApplied }, errors: [403] }),
  erase: route("POST /data-protection/erasures", "Erase one child's records on a valid request, with the reason (commissioners; audited)", { body: EraseBody, responses: { 200: EraseAnswer }, errors: [403, 404] }),
} as const;
