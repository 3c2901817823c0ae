/**
 * The reporting calendar (src/domain/reporting) from the reference lists: terms (with any
 * commissioner-set due dates) and bank holidays from the Terms and BankHolidays lists when the
 * reference data is list-backed, else the built-in reference data. Monitoring meetings are the
 * default proposals (second Tuesday of February, May and September) until commissioners can edit them.
 */
import { defaultMonitoringMeetings, type ReportingCalendar, type Term } from "../../../domain/time/calendar";
import { monitoringPackLink } from "../../../domain/kpi/pack-link";
import { BANK_HOLIDAY_DATES } from "../../../domain/reference/bank-holidays";
import { TERMS } from "../../../domain/reference/terms";
import type { FeatureContext } from "../../core/feature-context";

interface ListBackedReference {
  terms(): Promise<Array<{ academicYear: string; term: number; start: string; end: string; returnDueAt?: string }>>;
  bankHolidays(): Promise<Array<{ date: string; division?: string }>>;
}

function isListBacked(reference: unknown): reference is ListBackedReference {
  const r = reference as Partial<ListBackedReference>;
  return typeof r.terms === "function" && typeof r.bankHolidays === "function";
}

export async function loadReportingCalendar(ctx: Pick<FeatureContext, "reference" | "config">): Promise<ReportingCalendar> {
  let terms: Term[];
  let bankHolidays: string[];
  if (isListBacked(ctx.reference)) {
    terms = (await ctx.reference.terms()).map((t) => ({ ...t, term: t.term as Term["term"] }));
    bankHolidays = (await ctx.reference.bankHolidays())
      .filter((h) => !h.division || h.division === "england-and-wales")
      .map((h) => h.date);
  } else {
    terms = TERMS.map((t) => ({ ...t }));
    bankHolidays = [...BANK_HOLIDAY_DATES];
  }
  const districtSlugs = (await ctx.reference.districts()).map((d) => d.slug);
  const years = [...new Set(terms.map((t) => t.academicYear))].sort();
  // Each meeting links to the district's printable pack for its two terms in the summary tab.
  const monitoringMeetings = years
    .flatMap((academicYear) => defaultMonitoringMeetings({ academicYear, districtSlugs, bankHolidays }))
    .map((m) => ({ ...m, packUrl: m.packUrl ?? monitoringPackLink(ctx.config.publicUrl, m.districtSlug, m.academicYear, m.covers) }));
  return { terms, bankHolidays: [...new Set(bankHolidays)].sort(), monitoringMeetings };
}
