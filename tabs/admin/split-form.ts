/** The split form's working copy and its mapping to the API's body, field keys and the preview's words. */
import type { LocalityView, LiftGroupView, SplitBody, SplitPreview } from "./api";
import type { Setting } from "./district-settings";

export interface SplitDraft {
  /** The district to split. */
  from: string;
  on: string;
  name: string;
  /** Empty: made from the name. */
  slug: string;
  code: string;
  area: string;
  settingIds: string[];
  liftGroupIds: string[];
  localitySlugs: string[];
}

export const EMPTY_SPLIT: SplitDraft = { from: "", on: "", name: "", slug: "", code: "", area: "", settingIds: [], liftGroupIds: [], localitySlugs: [] };

/** A district's id: lower-case words of letters only, joined by - (the district schema's rule). */
export function districtSlugFrom(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

export function splitBodyOf(d: SplitDraft): SplitBody {
  return {
    on: d.on,
    district: { code: d.code.trim().toUpperCase(), slug: d.slug.trim() || districtSlugFrom(d.name), name: d.name.trim(), area: d.area.trim() },
    settingIds: d.settingIds,
    liftGroupIds: d.liftGroupIds,
    localitySlugs: d.localitySlugs,
  };
}

/**
 * The form field a server message belongs to. The split's own keys are the form's (`district.code`,
 * `settingIds`); a list entry's (`settingIds.3`) is the list's; the whole structure's check keys the
 * new district as `districts.<slug>.<field>`, which is the form's `district.<field>`.
 */
export function splitFieldOf(key: string): string {
  const whole = /^districts\.[^.]+\.(\w+)$/.exec(key);
  if (whole) return `district.${whole[1]}`;
  return key.replace(/(\.\d+)+$/, "");
}

/** Server field messages re-keyed to the form's fields (messages for one field kept together). */
export function splitFieldErrors(errors: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(errors)) (out[splitFieldOf(key)] ??= []).push(...messages);
  return out;
}

const toggle = (list: readonly string[], ids: readonly string[], on: boolean) => (on ? [...new Set([...list, ...ids])] : list.filter((x) => !ids.includes(x)));

/**
 * Choosing a locality to move takes its settings and LIFT groups along (they can be unticked after);
 * unticking it leaves them where they are in the draft.
 */
export function chooseLocality(d: SplitDraft, slug: string, on: boolean, settings: readonly Pick<Setting, "id" | "localitySlug">[], groups: readonly Pick<LiftGroupView, "id" | "localitySlug">[]): SplitDraft {
  const localitySlugs = toggle(d.localitySlugs, [slug], on);
  if (!on) return { ...d, localitySlugs };
  return {
    ...d,
    localitySlugs,
    settingIds: toggle(d.settingIds, settings.filter((s) => s.localitySlug === slug).map((s) => s.id), true),
    liftGroupIds: toggle(d.liftGroupIds, groups.filter((g) => g.localitySlug === slug).map((g) => g.id), true),
  };
}

/** "1 LIFT group moves", "2 LIFT groups move". */
const moves = (n: number, one: string, many: string) => `${n} ${n === 1 ? `${one} moves` : `${many} move`}`;

/** What the preview says moves, line by line, in words. */
export function previewLines(p: SplitPreview, localities: readonly Pick<LocalityView, "slug" | "name">[]): string[] {
  const names = (xs: readonly { name: string }[]) => xs.map((x) => x.name).join(", ");
  const lines: string[] = [];
  if (p.settings.length > 0) lines.push(`${moves(p.settings.length, "school or setting", "schools and settings")}: ${names(p.settings)}.`);
  if (p.liftGroups.length > 0) lines.push(`${moves(p.liftGroups.length, "LIFT group", "LIFT groups")}: ${names(p.liftGroups)}.`);
  if (p.localities.length > 0) lines.push(`${moves(p.localities.length, "locality", "localities")}: ${p.localities.map((s) => localities.find((l) => l.slug === s)?.name ?? s).join(", ")}.`);
  return lines;
}
