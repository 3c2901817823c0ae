/**
 * Districts, settings and the reporting calendar as the server reads them once the lists exist
 * (the port in reference-data.ts). Reference data changes rarely, so each list is read whole and
 * kept for `ttlMs`; the calendar is assembled from the cached lists and kept as long as they are.
 */
import type { z } from "zod";
import { defaultMonitoringMeetings, type ReportingCalendar, type Term as CalendarTerm } from "../../domain/time/calendar";
import type { ReferenceData } from "./reference-data";
import type { BankHoliday } from "../../schemas/reference/bank-holiday";
import type { District } from "../../schemas/reference/district";
import type { DistrictDay } from "../../schemas/reference/district-day";
import type { LiftGroup } from "../../schemas/reference/lift-group";
import type { Locality } from "../../schemas/reference/locality";
import type { MonitoringMeetingRecord } from "../../schemas/reference/monitoring-meeting";
import type { Setting } from "../../schemas/reference/setting";
import type { Term } from "../../schemas/reference/term";
import type { AnyObjectSchema } from "../../graph/list-definition";
import type { ListStore } from "../../graph/list-store";
import type { LiftStores } from "./lists";

class Cached<S extends AnyObjectSchema> {
  private value?: { at: number; items: Promise<z.infer<S>[]> };
  constructor(
    private readonly store: ListStore<S>,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get(): Promise<z.infer<S>[]> {
    const v = this.value;
    if (v && this.now() - v.at <= this.ttlMs) return v.items;
    const items = this.store.all().then((all) => all.map((i) => i.value));
    // A failed read is not cached: the next call tries again.
    items.catch(() => {
      if (this.value?.items === items) this.value = undefined;
    });
    this.value = { at: this.now(), items };
    return items;
  }

  invalidate(): void {
    this.value = undefined;
  }
}

/** The division of the gov.uk bank holidays that schools in Kent keep. */
const SCHOOL_DIVISION = "england-and-wales";

export class ListReferenceData implements ReferenceData {
  private readonly cache;
  /** The calendar built from these exact list reads; rebuilt when any of them is read again. */
  private assembled?: { from: readonly (Promise<unknown> | undefined)[]; calendar: Promise<ReportingCalendar> };

  constructor(
    stores: Pick<LiftStores, "districts" | "settings" | "terms" | "bankHolidays"> & Partial<Pick<LiftStores, "districtDays" | "monitoringMeetings" | "localities" | "liftGroups">>,
    options: { ttlMs?: number; now?: () => number } = {},
  ) {
    const ttl = options.ttlMs ?? 5 * 60_000;
    const now = options.now ?? Date.now;
    this.cache = {
      districts: new Cached(stores.districts, ttl, now),
      settings: new Cached(stores.settings, ttl, now),
      terms: new Cached(stores.terms, ttl, now),
      bankHolidays: new Cached(stores.bankHolidays, ttl, now),
      ...(stores.districtDays ? { districtDays: new Cached(stores.districtDays, ttl, now) } : {}),
      ...(stores.monitoringMeetings ? { monitoringMeetings: new Cached(stores.monitoringMeetings, ttl, now) } : {}),
      ...(stores.localities ? { localities: new Cached(stores.localities, ttl, now) } : {}),
      ...(stores.liftGroups ? { liftGroups: new Cached(stores.liftGroups, ttl, now) } : {}),
    };
  }

  /** INSET and closure days per district, in date order (none when the list is not given). */
  async districtDays(): Promise<DistrictDay[]> {
    return [...((await this.cache.districtDays?.get()) ?? [])].sort((a, b) => a.date.localeCompare(b.date) || a.districtSlug.localeCompare(b.districtSlug));
  }

  /** Monitoring meetings as commissioners set them (the calendar fills the rest with defaults). */
  async monitoringMeetings(): Promise<MonitoringMeetingRecord[]> {
    return [...((await this.cache.monitoringMeetings?.get()) ?? [])];
  }

  async districts(): Promise<District[]> {
    return [...(await this.cache.districts.get())].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Localities by name (none when the list is not given). */
  async localities(): Promise<Locality[]> {
    return [...((await this.cache.localities?.get()) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** LIFT groups by district, then name (none when the list is not given). */
  async liftGroups(): Promise<LiftGroup[]> {
    return [...((await this.cache.liftGroups?.get()) ?? [])].sort((a, b) => a.districtSlug.localeCompare(b.districtSlug) || a.name.localeCompare(b.name));
  }

  async settings(): Promise<Setting[]> {
    return [...(await this.cache.settings.get())].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Terms in date order. */
  async terms(): Promise<Term[]> {
    return [...(await this.cache.terms.get())].sort((a, b) => a.start.localeCompare(b.start));
  }

  /** Bank holidays in date order. */
  async bankHolidays(): Promise<BankHoliday[]> {
    return [...(await this.cache.bankHolidays.get())].sort((a, b) => a.date.localeCompare(b.date));
  }

  async calendar(): Promise<ReportingCalendar> {
    const from = [this.cache.terms.get(), this.cache.bankHolidays.get(), this.cache.districts.get(), this.cache.districtDays?.get(), this.cache.monitoringMeetings?.get()] as const;
    const last = this.assembled;
    if (last && last.from.every((p, i) => p === from[i])) return last.calendar;
    const calendar = Promise.all([this.terms(), this.bankHolidays(), this.districts(), this.districtDays(), this.monitoringMeetings()]).then(([terms, holidays, districts, days, meetings]) =>
      assembleCalendar(terms, holidays, districts, days, meetings),
    );
    // A failed build is not kept: the next call tries again.
    calendar.catch(() => {
      if (this.assembled?.calendar === calendar) this.assembled = undefined;
    });
    this.assembled = { from, calendar };
    return calendar;
  }

  invalidate(): void {
    for (const c of Object.values(this.cache)) c.invalidate();
    this.assembled = undefined;
  }
}

function assembleCalendar(
  terms: readonly Term[],
  holidays: readonly BankHoliday[],
  districts: readonly District[],
  districtDays: readonly DistrictDay[],
  setMeetings: readonly MonitoringMeetingRecord[],
): ReportingCalendar {
  const calendarTerms: CalendarTerm[] = terms.map((t) => ({ ...t }));
  const bankHolidays = [...new Set(holidays.filter((h) => !h.division || h.division === SCHOOL_DIVISION).map((h) => h.date))].sort();
  const districtSlugs = districts.map((d) => d.slug);
  const years = [...new Set(calendarTerms.map((t) => t.academicYear))].sort();
  // A meeting a commissioner set replaces the default proposal for that district, year and terms; the
  // defaults are proposed with the terms in hand, so each falls after the returns it covers are due.
  const set = new Map(setMeetings.map((m) => [`${m.districtSlug}:${m.academicYear}:${m.covers}`, m]));
  const dates = { terms: calendarTerms, bankHolidays, monitoringMeetings: [] };
  const monitoringMeetings = years
    .flatMap((academicYear) => defaultMonitoringMeetings({ academicYear, districtSlugs, bankHolidays, calendar: dates }))
    .map((m) => {
      const mine = set.get(`${m.districtSlug}:${m.academicYear}:${m.covers.join("-")}`);
      return mine ? { ...m, at: mine.at, ...(mine.packUrl ? { packUrl: mine.packUrl } : {}) } : m;
    });
  const days = districtDays.map((d) => ({ districtSlug: d.districtSlug, date: d.date }));
  return { terms: calendarTerms, bankHolidays, monitoringMeetings, ...(days.length > 0 ? { districtDays: days } : {}) };
}
