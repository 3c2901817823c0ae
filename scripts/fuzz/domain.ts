/**
 * The domain's own values: the academic years and terms the app's calendar holds, its districts,
 * localities, LIFT groups, settings, people and case references, read from the running app when the
 * run starts. Half of a route's requests draw their named fields from them (a `year` is a year the
 * calendar knows, a `settingId` a setting's id, a `meetingId` the id of a LIFT meeting, a date a day
 * inside a term), so they get past the refusals random text always meets and reach the code behind;
 * the other half stay fully generated, so the refusals stay covered.
 */
import fc from "fast-check";
import type { JsonSchema } from "./values";

export interface DomainTerm {
  academicYear: string;
  term: number;
  start: string;
  end: string;
}

export interface Domain {
  /** Academic years with terms in the app's calendar (2026-27). */
  years: readonly string[];
  terms: readonly DomainTerm[];
  districts: readonly string[];
  /** The areas districts are grouped in (East, West). */
  areas: readonly string[];
  /** The districts of the demo users the fuzz signs in as: writes there are theirs to make. */
  homeDistricts: readonly string[];
  localities: readonly string[];
  liftGroups: readonly string[];
  /** Setting ids (DOV-P1), those of the home districts first. */
  settings: readonly string[];
  homeSettings: readonly string[];
  people: ReadonlyArray<{ oid: string; upn: string; district?: string }>;
  /**
   * People other than the fuzz's own users: what an `oid` or `upn` field names, so a deactivation or
   * a change of role never takes the fuzz's own sign-in away for the routes after it.
   */
  others: ReadonlyArray<{ oid: string; upn: string; district?: string }>;
  /** Case references handed out (DOV-2526-0042). */
  caseReferences: readonly string[];
  /** Items by list title (the record watch keeps them current), for fields named `…Id`. */
  items: ReadonlyMap<string, ReadonlyArray<{ id: string; eTag?: string }>>;
  /** The district of each item that has one, by list title and id: a user's requests aim at their own district's records. */
  itemDistricts: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Who made or holds each item that says (a referral's SENCo, a clinic's or case's teacher), by list title and id. */
  itemOwners: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** The fuzz users' own district and setting, by sign-in name. */
  users: ReadonlyMap<string, { oid: string; district?: string; settingId?: string }>;
  /** Setting ids by district. */
  settingsByDistrict: ReadonlyMap<string, readonly string[]>;
  /** The Districts list's item id of each district, by slug (its eTag goes with a request that names it). */
  districtItems: ReadonlyMap<string, string>;
  /** The People list's item id of each person, by oid. */
  personItems: ReadonlyMap<string, string>;
}

export const NO_DOMAIN: Domain = { years: [], terms: [], districts: [], areas: [], homeDistricts: [], localities: [], liftGroups: [], settings: [], homeSettings: [], people: [], others: [], caseReferences: [], items: new Map(), itemDistricts: new Map(), itemOwners: new Map(), users: new Map(), settingsByDistrict: new Map(), districtItems: new Map(), personItems: new Map() };

let domain: Domain = NO_DOMAIN;

export function domainValues(): Domain {
  return domain;
}

/** Sets the values domain-aimed requests draw from (the run sets them once the app is up). */
export function useDomain(next: Domain): void {
  domain = next;
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z]/g, "");

/**
 * The list a field named `…Id` points at, where its name does not say it plainly: a `toMeetingId`
 * is a LIFT meeting's, a `finalReviewId` a case review's, a `documentId` a referral document's.
 */
const ID_LISTS: Record<string, readonly string[]> = {
  meeting: ["LiftMeetings"],
  tomeeting: ["LiftMeetings"],
  finalreview: ["CaseReviews"],
  review: ["CaseReviews"],
  document: ["ReferralDocuments", "ReferralFiles"],
  case: ["Cases"],
  referral: ["Referrals"],
  clinic: ["Clinics"],
  session: ["TrainingSessions"],
  event: ["TransitionEvents"],
};

/** The lists whose item ids a field (or path parameter) named `name` takes, if any. */
export function idListsFor(name: string, titles: readonly string[]): string[] {
  const m = /^(.*?)(Id|Ids)$/.exec(name);
  if (!m || m[1] === "") return [];
  const stem = squash(m[1] as string);
  const mapped = ID_LISTS[stem];
  if (mapped) return mapped.filter((t) => titles.includes(t));
  return titles.filter((t) => squash(t) === `${stem}s` || squash(t) === stem || squash(t).endsWith(`${stem}s`));
}

/**
 * A list's items as `user` would aim at them: half the time their own (a referral they made, a case
 * they hold) where the list says whose an item is, else one of their district's, now and then any.
 */
export function itemsFor(title: string, user: string | undefined): fc.Arbitrary<{ id: string; eTag?: string } | undefined> {
  return fc.tuple(fc.nat(), fc.nat({ max: 3 })).map(([n, aim]) => {
    const all = domain.items.get(title) ?? [];
    const me = user ? domain.users.get(user) : undefined;
    const districts = domain.itemDistricts.get(title);
    const owners = domain.itemOwners.get(title);
    const mine = me && owners && aim >= 2 ? all.filter((i) => owners.get(i.id) === me.oid) : [];
    const local = me?.district && districts && aim >= 1 ? all.filter((i) => districts.get(i.id) === me.district) : [];
    const from = mine.length > 0 ? mine : local.length > 0 ? local : all;
    return from[n % Math.max(1, from.length)];
  });
}

/** The oid of a person other than the fuzz users, of `district` three times in four where it has some. */
export function personOf(district: string | undefined): fc.Arbitrary<string> {
  return fc.tuple(fc.nat(), fc.nat({ max: 3 })).map(([n, aim]) => {
    const local = district && aim > 0 ? domain.others.filter((p) => p.district === district) : [];
    const from = local.length > 0 ? local : domain.others;
    return from[n % Math.max(1, from.length)]?.oid ?? "00000000-0000-4000-8000-000000000000";
  });
}

const pickFrom = <T>(values: () => readonly T[], fallback: T) => fc.nat().map((n) => values()[n % Math.max(1, values().length)] ?? fallback);

/** Mostly from the home values, now and then any. */
const homeFirst = (home: () => readonly string[], all: () => readonly string[], fallback: string) =>
  fc.oneof({ weight: 3, arbitrary: pickFrom(() => (home().length > 0 ? home() : all()), fallback) }, { weight: 1, arbitrary: pickFrom(all, fallback) });

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * A weekday inside one of the calendar's terms: a third of the time a day still to come (what "cannot
 * start in the past" fields want), a third a day gone by (what "cannot be in the future" fields
 * want), else any, where the calendar has such days.
 */
export const dayInTerm: fc.Arbitrary<string> = fc.tuple(fc.nat(), fc.nat({ max: 120 }), fc.constantFrom("ahead", "past", "any")).map(([t, offset, when]) => {
  const today = new Date().toISOString().slice(0, 10);
  const fitting = domain.terms.filter((term) => (when === "ahead" ? term.end > today : when === "past" ? term.start < today : true));
  const terms = fitting.length > 0 ? fitting : domain.terms;
  const term = terms[t % Math.max(1, terms.length)];
  if (!term) return "2026-10-06";
  // The part of the term on the wanted side of today.
  const from = when === "ahead" && term.start <= today ? addDays(today, 1) : term.start;
  const to = when === "past" && term.end >= today ? addDays(today, -1) : term.end;
  let day = from > to ? term.start : addDays(from, offset % Math.max(1, daysBetween(from, to) + 1));
  // A Saturday or Sunday moves to the Friday before, or to the Monday after when that is wanted and in the term.
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (weekday === 6 || weekday === 0) {
    const monday = addDays(day, weekday === 6 ? 2 : 1);
    day = when === "ahead" && monday <= term.end ? monday : addDays(day, weekday === 6 ? -1 : -2);
  }
  return day < term.start ? term.start : day > term.end ? term.end : day;
});

const instantInTerm = fc.tuple(dayInTerm, fc.integer({ min: 8, max: 16 }), fc.constantFrom(0, 15, 30, 45)).map(([day, h, m]) => `${day}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00Z`);

/** A year's terms as the calendar holds them: what a calendar form sends back. */
const yearTerms = pickFrom(() => domain.years, "2026-27").map((year) => domain.terms.filter((t) => t.academicYear === year).map((t) => ({ term: t.term, start: t.start, end: t.end })));

const idempotencyKey = fc.uuid().map((u) => `fuzz-${u}`);

const isDate = (s: JsonSchema) => s.format === "date" || (s.pattern !== undefined && s.pattern.includes("-02-29") && !s.pattern.includes("T(?:"));
const isInstant = (s: JsonSchema) => s.format === "date-time" || (s.pattern !== undefined && s.pattern.includes("T(?:"));
const typeOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type[0] : s.type);

/**
 * A value from the domain for a field or parameter named `name` of shape `schema`, or undefined
 * when the name says nothing the domain knows.
 */
export function domainFor(name: string, schema: JsonSchema, user?: string): fc.Arbitrary<unknown> | undefined {
  const type = typeOf(schema);
  const me = user ? domain.users.get(user) : undefined;
  const myDistricts = () => (me?.district ? [me.district] : domain.homeDistricts);
  const mySettings = () => (me?.settingId ? [me.settingId] : me?.district ? (domain.settingsByDistrict.get(me.district) ?? []) : domain.homeSettings);
  if (type === "array" && schema.items) {
    const single = name.endsWith("Ids") ? name.slice(0, -1) : name.endsWith("Slugs") ? name.slice(0, -1) : name;
    if (name === "terms" && schema.items.properties?.start && schema.items.properties.end) return yearTerms;
    const item = single !== name ? domainFor(single, schema.items, user) : schema.items.enum ? fc.constantFrom(...schema.items.enum) : undefined;
    if (!item) return undefined;
    // Each value once (several checks refuse a repeat), at least one where the contract wants one.
    return fc.uniqueArray(item, { minLength: Math.max(1, schema.minItems ?? 0), maxLength: Math.max(1, Math.min(schema.maxItems ?? 3, 3)), selector: (v) => JSON.stringify(v) });
  }
  if (name === "term" && type === "integer") return fc.integer({ min: 1, max: 6 });
  if (type !== "string" && type !== undefined) return undefined;
  if (/^(year|academicYear)$/.test(name)) return pickFrom(() => domain.years, "2026-27");
  if (name === "term") return fc.integer({ min: 1, max: 6 }).map((n) => (type === "string" ? String(n) : n));
  if (/^(area|areaName)$/.test(name)) return pickFrom(() => domain.areas, "East");
  if (/^(district|districtSlug)$/.test(name)) return homeFirst(myDistricts, () => domain.districts, "dover");
  if (/^(locality|localitySlug)$/.test(name)) return pickFrom(() => domain.localities, "dover-north");
  if (/^(group|liftGroupId)$/.test(name)) return pickFrom(() => domain.liftGroups, "dover-primary");
  if (name === "settingId") return homeFirst(mySettings, () => domain.settings, "DOV-P1");
  if (/^(case|caseReference|childRef)$/.test(name)) return pickFrom(() => domain.caseReferences, "DOV-2526-0001");
  if (name === "idempotencyKey") return idempotencyKey;
  // The people import's CSV: its columns, and a row or two for people new to the directory.
  if (name === "csv") {
    const row = fc.tuple(fc.uuid(), fc.nat({ max: 99_999 }), fc.constantFrom("senco", "lift_member", "specialist_teacher"), pickFrom(myDistricts, "dover"), pickFrom(mySettings, "DOV-P1"));
    return fc.array(row, { minLength: 1, maxLength: 2 }).map((rows) => ["oid,upn,displayName,role,district,setting,area,chairOf", ...rows.map(([oid, n, role, district, setting]) => `${oid},fuzz.import${n}@lift.local,Fuzz Import ${n},${role},${district},${role === "senco" ? setting : ""},,`)].join("\n"));
  }
  // A person's oid: one the directory holds (an update) or a new one (an addition).
  if (name === "oid") return fc.oneof(personOf(me?.district), fc.uuid({ version: 4 }));
  // A teacher, chair or allocated teacher: the sender (who records their own), someone of their district, or anyone.
  if (/^\w+Oid$/.test(name)) {
    const anyone = pickFrom(() => domain.people.map((p) => p.oid), "00000000-0000-4000-8000-000000000000");
    const neighbours = pickFrom(() => domain.people.filter((p) => me?.district !== undefined && p.district === me.district).map((p) => p.oid), me?.oid ?? "00000000-0000-4000-8000-000000000000");
    return me ? fc.oneof({ weight: 2, arbitrary: fc.constant(me.oid) }, { weight: 2, arbitrary: neighbours }, { weight: 1, arbitrary: anyone }) : anyone;
  }
  // A person's sign-in name: one the directory holds (an update) or a new one (an addition).
  if (/^(upn|email)$/.test(name)) return fc.oneof(pickFrom(() => domain.others.map((p) => p.upn), "senco.kent@lift.local"), fc.nat({ max: 99_999 }).map((n) => `fuzz.person${n}@lift.local`));
  if (/Url$/.test(name) && (schema.format === "uri" || schema.format === "url")) return fc.uuid().map((u) => `https://teams.microsoft.com/l/meetup-join/${u}`);
  if (isInstant(schema)) return instantInTerm;
  if (isDate(schema)) return name === "dateOfBirth" ? fc.integer({ min: 0, max: 5000 }).map((n) => addDays("2010-09-01", n)) : dayInTerm;
  const lists = idListsFor(name, [...domain.items.keys()]);
  if (lists.length > 0) return fc.constantFrom(...lists).chain((title) => itemsFor(title, user)).map((i) => i?.id ?? "1");
  return undefined;
}

/**
 * Whether the domain knows what a field named `name` holds but has none of it (no LIFT groups, no
 * localities): a domain-aimed request leaves such a field out where it may.
 */
export function noneKnown(name: string): boolean {
  if (/^(locality|localitySlug|localitySlugs)$/.test(name)) return domain.localities.length === 0;
  if (/^(group|liftGroupId|liftGroupIds)$/.test(name)) return domain.liftGroups.length === 0;
  return false;
}

/**
 * Values that only make sense together, put right on a domain-aimed object: an end not before its
 * start, an evaluation's answers no more than the forms returned, a review's next date after it
 * (and none on a final review). Other objects pass unchanged.
 */
export function consistent(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const o = value as Record<string, unknown>;
  for (const [from, to] of [["start", "end"], ["startsAt", "endsAt"], ["from", "to"], ["date", "nextReviewDate"]] as const) {
    const a = o[from];
    const b = o[to];
    if (typeof a === "string" && typeof b === "string" && b <= a) {
      o[from] = b;
      o[to] = a;
    }
  }
  // A setting named with a district is one of that district's; only teachers and leads are in a county team.
  const local = typeof o.districtSlug === "string" ? domain.settingsByDistrict.get(o.districtSlug) : undefined;
  if (local && local.length > 0) {
    const inDistrict = (id: unknown, i: number) => (typeof id === "string" && local.includes(id) ? id : local[(String(id).length + i) % local.length]);
    if (typeof o.settingId === "string") o.settingId = inDistrict(o.settingId, 0);
    if (Array.isArray(o.settingIds)) o.settingIds = [...new Set(o.settingIds.map(inDistrict))];
  }
  if (typeof o.role === "string" && o.countyTeam !== undefined && o.role !== "specialist_teacher" && o.role !== "district_lead") delete o.countyTeam;
  // A case: a county team's comes from its own direct request; the child's details are entered
  // where no referral holds them, and not where one does; SENIF support is for early years only.
  const origin = o.origin as { kind?: unknown } | undefined;
  if (origin && typeof origin === "object" && typeof origin.kind === "string") {
    const requestedBy = (origin as { requestedBy?: unknown }).requestedBy;
    if (typeof o.team === "string") o.team = origin.kind === "direct" && typeof requestedBy === "string" && requestedBy.startsWith("county-") ? requestedBy.replace(/-team$/, "") : "district";
    if (origin.kind === "lift-outcome") delete o.child;
    else if (o.child === undefined) o.child = { legalName: "Sam Taylor", dateOfBirth: "2018-03-14" };
    if (o.senifRequested === true) delete o.senifRequested;
  }
  if (o.status === "open-inactive" && typeof o.inactiveReason === "string" && o.inactiveReasonText === undefined) o.inactiveReasonText = "Waiting for the family";
  // Two areas of need differ; an inactive case says why.
  if (typeof o.primaryArea === "string" && o.secondaryArea === o.primaryArea) delete o.secondaryArea;
  if (o.status === "open-inactive" && o.inactiveReason === undefined) o.status = "open-active";
  // A meeting ends an hour and a half after it starts, the same day.
  if (typeof o.startsAt === "string" && typeof o.endsAt === "string" && !Number.isNaN(Date.parse(o.startsAt))) o.endsAt = new Date(Date.parse(o.startsAt) + 90 * 60_000).toISOString().replace(".000Z", "Z");
  if (Array.isArray(o.scores) && typeof o.returned === "number") {
    // Counts a session's forms could hold: tens, not thousands, and no more answers than forms.
    const scores = o.scores.map((s: unknown) => (typeof s === "number" ? s % 40 : s));
    o.scores = scores;
    const answered = scores.reduce<number>((n, s) => n + (typeof s === "number" ? s : 0), 0);
    o.returned = answered + (o.returned % 10);
  }
  if (typeof o.final === "boolean" && "date" in o) {
    if (o.final) delete o.nextReviewDate;
    else if (typeof o.date === "string" && (typeof o.nextReviewDate !== "string" || o.nextReviewDate <= o.date)) o.nextReviewDate = addDays(o.date, 42);
  }
  return o;
}
