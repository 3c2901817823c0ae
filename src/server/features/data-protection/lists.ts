/**
 * The data-protection feature's lists: the retention schedule (one rule per kind of record) and the
 * register of erasures (one row per child and kind, by case reference). Neither names a child.
 */
import { defineList } from "../../../graph/list-definition";
import { ErasureItem, RetentionRuleItem } from "../../../schemas/data-protection/records";

export const RetentionScheduleList = defineList({
  title: "RetentionSchedule",
  description: "How long LIFT Hub keeps each kind of record about a child, and from which date. Changed by commissioners.",
  schema: RetentionRuleItem,
  itemTitle: (r) => `${r.kind}: ${r.anchor} + ${r.years} years`,
  unique: ["kind"],
  columns: { kind: { kind: "text", maxLength: 40 } },
});

export const ErasuresList = defineList({
  title: "DataErasures",
  description: "Register of erasures (retention runs and requests), by case reference: never a child's name or the erased content.",
  schema: ErasureItem,
  itemTitle: (e) => `${e.key} ${e.status}`,
  indexed: ["subject", "status"],
  unique: ["key"],
  columns: { subject: { kind: "text", maxLength: 40 } },
});

export const DATA_PROTECTION_LISTS = [RetentionScheduleList, ErasuresList] as const;

/** The list title audit entries of subject access, schedule changes and retention runs name. */
export const AUDIT_LIST_TITLE = "DataProtection";
