/**
 * The service's structure as data: areas, districts, localities (or clusters) and LIFT groups, and
 * the rules that keep it whole when commissioners change it. Pure: values in, problems or the next
 * structure out. Field messages are keyed like the admin form's fields.
 *
 * History keeps its meaning because records name a district by its slug, and a slug never changes:
 * a rename changes the display name only (the old name becomes an alias), a retirement stops new
 * work from a date, and a split makes a new district and moves chosen settings and groups to it from
 * a date, leaving every earlier record (returns, referrals, meetings) under the old slug.
 */
import type { District } from "../../schemas/reference/district";
import type { LiftGroup } from "../../schemas/reference/lift-group";
import type { Locality } from "../../schemas/reference/locality";
import type { Setting } from "../../schemas/reference/setting";

export interface Structure {
  districts: readonly District[];
  localities: readonly Locality[];
  liftGroups: readonly LiftGroup[];
}

export type FieldProblems = Record<string, string[]>;

const add = (into: FieldProblems, key: string, message: string) => (into[key] ??= []).push(message);

/** Whether a record with `retiredOn` is retired on `date` (ISO dates compare as text). */
export function isRetired(record: { retiredOn?: string }, date: string): boolean {
  return !!record.retiredOn && record.retiredOn <= date;
}

/** Whether a district has begun by `date` (one added by a split starts on its split date). */
export function hasStarted(district: Pick<District, "startsOn">, date: string): boolean {
  return !district.startsOn || district.startsOn <= date;
}

/** Whether a district takes new referrals and meetings on `date`. */
export function isOpenOn(district: Pick<District, "retiredOn" | "startsOn">, date: string): boolean {
  return hasStarted(district, date) && !isRetired(district, date);
}

/** The areas districts belong to, in first-seen order of `preferred` and then by name. */
export function areasOf(districts: readonly Pick<District, "area">[], preferred: readonly string[] = []): string[] {
  const used = new Set(districts.map((d) => d.area));
  return [...preferred.filter((a) => used.has(a)), ...[...used].filter((a) => !preferred.includes(a)).sort()];
}

/**
 * Problems with a whole structure, keyed `districts.<slug>.<field>`, `localities.<slug>.<field>`,
 * `liftGroups.<id>.<field>`: codes and slugs unique, names unique among districts, every district in
 * exactly one (named) area, every locality and group in a district that exists, a group's locality
 * in the group's district, a group's settings in its district and phase.
 */
export function checkStructure(structure: Structure, settings: readonly Pick<Setting, "id" | "districtSlug" | "phase">[] = []): FieldProblems {
  const problems: FieldProblems = {};
  const bySlug = new Map<string, District>();
  const codes = new Map<string, string>();
  const names = new Map<string, string>();
  for (const d of structure.districts) {
    const at = `districts.${d.slug}`;
    if (bySlug.has(d.slug)) add(problems, `${at}.slug`, `Another district already has the slug '${d.slug}'.`);
    bySlug.set(d.slug, d);
    const otherCode = codes.get(d.code);
    if (otherCode && otherCode !== d.slug) add(problems, `${at}.code`, `The code ${d.code} is already ${otherCode}'s.`);
    codes.set(d.code, d.slug);
    const key = d.name.trim().toLowerCase();
    const otherName = names.get(key);
    if (otherName && otherName !== d.slug) add(problems, `${at}.name`, `Another district is already called ${d.name}.`);
    names.set(key, d.slug);
    if (!d.area || !d.area.trim()) add(problems, `${at}.area`, "Every district belongs to an area.");
    if (d.splitFrom && !structure.districts.some((o) => o.slug === d.splitFrom)) add(problems, `${at}.splitFrom`, `There is no district '${d.splitFrom}' to split from.`);
    if (d.splitFrom === d.slug) add(problems, `${at}.splitFrom`, "A district cannot be split from itself.");
  }
  const localities = new Map<string, Locality>();
  for (const l of structure.localities) {
    const at = `localities.${l.slug}`;
    if (localities.has(l.slug)) add(problems, `${at}.slug`, `Another locality already has the slug '${l.slug}'.`);
    localities.set(l.slug, l);
    if (!bySlug.has(l.districtSlug)) add(problems, `${at}.districtSlug`, `There is no district '${l.districtSlug}'.`);
  }
  const settingById = new Map(settings.map((s) => [s.id, s]));
  const groupIds = new Set<string>();
  const groupNames = new Map<string, string>();
  for (const g of structure.liftGroups) {
    const at = `liftGroups.${g.id}`;
    if (groupIds.has(g.id)) add(problems, `${at}.id`, `Another LIFT group already has the id '${g.id}'.`);
    groupIds.add(g.id);
    const nameKey = `${g.districtSlug}:${g.name.trim().toLowerCase()}`;
    if (groupNames.has(nameKey) && groupNames.get(nameKey) !== g.id) add(problems, `${at}.name`, `The district already has a LIFT group called ${g.name}.`);
    groupNames.set(nameKey, g.id);
    if (!bySlug.has(g.districtSlug)) add(problems, `${at}.districtSlug`, `There is no district '${g.districtSlug}'.`);
    if (g.localitySlug) {
      const l = localities.get(g.localitySlug);
      if (!l) add(problems, `${at}.localitySlug`, `There is no locality '${g.localitySlug}'.`);
      else if (l.districtSlug !== g.districtSlug) add(problems, `${at}.localitySlug`, `${l.name} is not in this group's district.`);
    }
    if (settings.length > 0) {
      for (const id of g.settingIds) {
        const s = settingById.get(id);
        if (!s) add(problems, `${at}.settingIds`, `There is no school or setting '${id}'.`);
        else if (s.districtSlug !== g.districtSlug) add(problems, `${at}.settingIds`, `${id} is not in this group's district.`);
        else if ((g.phase === "early-years") !== (s.phase === "early-years")) add(problems, `${at}.settingIds`, `${id} is ${g.phase === "early-years" ? "a school" : "an early years setting"}, not for a ${g.phase === "early-years" ? "early years" : "school"} LIFT group.`);
      }
    }
  }
  return problems;
}

/** A district renamed: the slug and code stay (records keep pointing at it); the old name becomes an alias. */
export function renameDistrict(district: District, name: string): District {
  const trimmed = name.trim();
  if (trimmed === district.name) return district;
  const aliases = [...district.aliases.filter((a) => a.toLowerCase() !== trimmed.toLowerCase()), ...(district.aliases.includes(district.name) ? [] : [district.name])];
  return { ...district, name: trimmed, aliases };
}

export interface SplitPlan {
  /** The new district, starting on the split date. */
  district: District;
  /** Settings that move: id and their new district (and no locality of the old district). */
  settings: Array<{ id: string; districtSlug: string; localitySlug?: undefined }>;
  /** Groups that move to the new district. */
  liftGroups: Array<{ id: string; districtSlug: string; localitySlug?: undefined }>;
  /** Localities that move with it. */
  localities: Array<{ slug: string; districtSlug: string }>;
}

export interface SplitRequest {
  from: string;
  on: string;
  district: Pick<District, "code" | "slug" | "name" | "area">;
  settingIds: readonly string[];
  liftGroupIds: readonly string[];
  localitySlugs?: readonly string[];
}

/**
 * A split: a new district from `on`, with the chosen settings, groups and localities of `from` moved
 * to it. Nothing already recorded moves: returns, referrals and meetings name the district they were
 * made in, so the old district's history stays the old district's.
 */
export function planSplit(structure: Structure, settings: readonly Pick<Setting, "id" | "districtSlug">[], request: SplitRequest): { plan?: SplitPlan; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const from = structure.districts.find((d) => d.slug === request.from);
  if (!from) add(problems, "from", `There is no district '${request.from}'.`);
  else if (isRetired(from, request.on)) add(problems, "from", `${from.name} is retired by then.`);
  if (structure.districts.some((d) => d.slug === request.district.slug)) add(problems, "district.slug", `There is already a district '${request.district.slug}'.`);
  if (structure.districts.some((d) => d.code === request.district.code)) add(problems, "district.code", `The code ${request.district.code} is taken.`);
  if (request.settingIds.length + request.liftGroupIds.length === 0) add(problems, "settingIds", "Choose the schools, settings or LIFT groups that move to the new district.");
  for (const id of request.settingIds) {
    const s = settings.find((x) => x.id === id);
    if (!s || s.districtSlug !== request.from) add(problems, "settingIds", `${id} is not a setting of ${from?.name ?? request.from}.`);
  }
  for (const id of request.liftGroupIds) {
    const g = structure.liftGroups.find((x) => x.id === id);
    if (!g || g.districtSlug !== request.from) add(problems, "liftGroupIds", `${id} is not a LIFT group of ${from?.name ?? request.from}.`);
  }
  for (const slug of request.localitySlugs ?? []) {
    const l = structure.localities.find((x) => x.slug === slug);
    if (!l || l.districtSlug !== request.from) add(problems, "localitySlugs", `${slug} is not a locality of ${from?.name ?? request.from}.`);
  }
  if (Object.keys(problems).length > 0 || !from) return { problems };
  const to = request.district.slug;
  const movedLocalities = new Set(request.localitySlugs ?? []);
  const keepsLocality = (slug: string | undefined) => slug !== undefined && movedLocalities.has(slug);
  return {
    problems,
    plan: {
      district: { ...request.district, aliases: [], splitFrom: from.slug, startsOn: request.on },
      settings: request.settingIds.map((id) => {
        const s = settings.find((x) => x.id === id) as Pick<Setting, "id" | "districtSlug"> & { localitySlug?: string };
        return keepsLocality(s.localitySlug) ? ({ id, districtSlug: to } as SplitPlan["settings"][number]) : { id, districtSlug: to, localitySlug: undefined };
      }),
      liftGroups: request.liftGroupIds.map((id) => {
        const g = structure.liftGroups.find((x) => x.id === id) as LiftGroup;
        return keepsLocality(g.localitySlug) ? ({ id, districtSlug: to } as SplitPlan["liftGroups"][number]) : { id, districtSlug: to, localitySlug: undefined };
      }),
      localities: [...movedLocalities].map((slug) => ({ slug, districtSlug: to })),
    },
  };
}
