/**
 * Loads the reference data into the lists: districts, term calendars and bank holidays always; the
 * demo schools and demo people when the demo directory is wanted (local mode). Each record goes in
 * under its natural key as the idempotency key, so a load that is killed half way can simply run
 * again.
 *
 * Create-only: a record already in its list is left as it is, even if the seed differs, because once
 * loaded the list is the source of truth (a commissioner may have corrected a term date). Running
 * the loader twice therefore changes nothing.
 */
import type { z } from "zod";
import { BANK_HOLIDAYS } from "../../domain/reference/bank-holidays";
import { DISTRICTS } from "../../domain/reference/districts";
import { DEMO_PEOPLE } from "../../domain/reference/people";
import { SETTINGS } from "../../domain/reference/settings";
import { TERMS } from "../../domain/reference/terms";
import { checkCalendar, defaultMonitoringMeetings } from "../../domain/time/calendar";
import { AppError } from "../../errors";
import type { BankHoliday } from "../../schemas/reference/bank-holiday";
import type { District } from "../../schemas/reference/district";
import type { Term } from "../../schemas/reference/term";
import type { AnyObjectSchema } from "../../graph/list-definition";
import type { ListStore } from "../../graph/list-store";
import type { LiftStores } from "./lists";

export interface LoadOptions {
  /**
   * DEMO_DATA. Not read here: demo activity (referrals, meetings, returns) is each feature's
   * `seedDemo`, which start-up runs only when it is on; this loader always loads reference data only.
   */
  demoData: boolean;
  /**
   * The demo schools and the demo people ([Local sign-in](../../../docs/reference/architecture.md#local-sign-in)). True in local mode; a real
   * tenant gets its schools and people from an administrator, never `@lift.local` accounts.
   * Defaults to true.
   */
  demoDirectory?: boolean;
}

export interface LoadReport {
  lists: Array<{ list: string; created: number; existing: number }>;
}

/**
 * The seed calendar as the server will assemble it (terms, England and Wales bank holidays, the
 * default monitoring meetings), checked by the calendar's rules: a seed that breaks them (a
 * monitoring meeting before the returns it covers are due, overlapping terms) stops the load with
 * every problem named, rather than planning reminders from it.
 */
export function checkSeedCalendar(terms: readonly Term[] = TERMS, holidays: readonly BankHoliday[] = BANK_HOLIDAYS, districts: readonly District[] = DISTRICTS): void {
  const bankHolidays = [...new Set(holidays.filter((h) => !h.division || h.division === "england-and-wales").map((h) => h.date))].sort();
  const dates = { terms, bankHolidays, monitoringMeetings: [] };
  const years = [...new Set(terms.map((t) => t.academicYear))].sort();
  const districtSlugs = districts.map((d) => d.slug);
  const calendar = { ...dates, monitoringMeetings: years.flatMap((academicYear) => defaultMonitoringMeetings({ academicYear, districtSlugs, bankHolidays, calendar: dates })) };
  const problems = checkCalendar(calendar);
  if (problems.length > 0) {
    throw new AppError("config_invalid", `The reference calendar breaks its rules:\n${problems.map((p) => `  ${p.where}: ${p.message}`).join("\n")}`);
  }
}

export async function loadReferenceData(stores: LiftStores, options: LoadOptions): Promise<LoadReport> {
  checkSeedCalendar();
  const demoDirectory = options.demoDirectory ?? true;
  // The lists are independent: checked together (a start with everything there waits for one round).
  const lists = await Promise.all([
    seed(stores.districts, DISTRICTS),
    seed(stores.terms, TERMS),
    seed(stores.bankHolidays, BANK_HOLIDAYS),
    ...(demoDirectory ? [seed(stores.settings, SETTINGS), seed(stores.people, DEMO_PEOPLE)] : []),
  ]);
  return { lists };
}

/** Creates the records whose natural key is not in the list yet, 20 per `$batch`. */
export async function seed<S extends AnyObjectSchema>(
  store: ListStore<S>,
  records: ReadonlyArray<z.input<S>>,
): Promise<{ list: string; created: number; existing: number }> {
  const keyOf = store.definition.naturalKey;
  if (!keyOf) throw new Error(`The list ${store.title} has no natural key to seed by`);
  const present = new Set<string>();
  for await (const item of store.query()) present.add(keyOf(item.value));
  const missing = records
    .map((value) => ({ value, key: keyOf(store.definition.schema.parse(value)) }))
    .filter((r) => !present.has(r.key));
  if (missing.length > 0) await store.createMany(missing.map((m) => ({ value: m.value, idempotencyKey: m.key })));
  return { list: store.title, created: missing.length, existing: records.length - missing.length };
}

export function formatLoadReport(report: LoadReport): string[] {
  return report.lists.map((l) => `${l.list}: ${l.created} created, ${l.existing} already there`);
}
