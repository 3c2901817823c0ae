/**
 * What a record of visit must agree with on its case: dated between the case's opening (and, for a
 * closed case, its closing) and today, and referenced to the framework of the case's phase —
 * the Mainstream Core Standards in schools, the Best Practice Guidance in early years.
 * Pure: the caller passes today's UK date.
 */
import type { VisitInput } from "../../schemas/casework/records";
import { messageCollector, type CaseRecord, type RuleResult } from "./model";
import { standardsFrameworkFor } from "./phase";
import { closedOn } from "./status";

export function checkVisit(c: Pick<CaseRecord, "phase" | "openedAt" | "statusChanges">, input: VisitInput, today: string): RuleResult<VisitInput> {
  const m = messageCollector();
  if (input.date > today) m.add("date", "The visit date cannot be in the future");
  if (input.date < c.openedAt) m.add("date", "The visit date cannot be before the case opened");
  const closed = closedOn(c);
  if (closed !== undefined && input.date > closed) m.add("date", "The visit date cannot be after the case closed");
  const framework = standardsFrameworkFor(c.phase);
  if (input.standards.framework !== framework) {
    m.add(
      "standards.framework",
      framework === "mainstream-core-standards"
        ? "A school visit refers to the Mainstream Core Standards"
        : "An early years visit refers to the Early Years Best Practice Guidance",
    );
  }
  return m.result(input);
}

/** The first visit on or after the case opened, by date; undefined before any. */
export function firstVisitDate(c: Pick<CaseRecord, "id" | "openedAt">, visits: readonly { caseId: string; date: string }[]): string | undefined {
  let first: string | undefined;
  for (const v of visits) if (v.caseId === c.id && v.date >= c.openedAt && (first === undefined || v.date < first)) first = v.date;
  return first;
}
