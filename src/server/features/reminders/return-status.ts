/**
 * Where the reminders learn the state of each district's termly return: a port the reminders
 * consume and the KPI returns feature implements (its `returnStatus`, over the KpiReturns list). The
 * composition root passes one to the other, so the reminder code stays independent of the KPI code.
 */
import type { ReturnRecord } from "../../../domain/reminders/plan";
import type { TermNumber } from "../../../domain/time/calendar";

export interface ReturnStatusSource {
  /** Every return of these academic years (all years when omitted). */
  returns(academicYears?: readonly string[]): Promise<ReturnRecord[]>;
  /** One district's return for a term, or undefined when none has been started. */
  returnFor(districtSlug: string, academicYear: string, term: TermNumber): Promise<ReturnRecord | undefined>;
}
