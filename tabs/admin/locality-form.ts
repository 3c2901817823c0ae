/** The locality form's working copy (text as typed) and its mapping to the API's body. */
import type { LocalityInput, LocalityView } from "./api";
import { slugFrom } from "./structure-form";

export interface LocalityDraft {
  /** Empty while the locality is new: the id then comes from `id` as typed, else from the name. */
  slug: string;
  /** The id as typed for a new locality (empty: made from the name). */
  id: string;
  name: string;
  kind: LocalityInput["kind"];
  districtSlug: string;
  /** The settings in it; undefined while they are not known (the register did not load): the save then leaves them as they are. */
  settingIds?: string[];
  /** Empty: not retired. */
  retiredOn: string;
  /** The saved version the change is made from (none while new). */
  eTag?: string;
}

export const EMPTY_LOCALITY: LocalityDraft = { slug: "", id: "", name: "", kind: "locality", districtSlug: "", retiredOn: "" };

/** A locality's id: lower-case words or numbers joined by -, at most 60 characters (the schema's limit). */
export function localitySlugFrom(text: string): string {
  return slugFrom(text).slice(0, 60).replace(/-+$/, "");
}

/** The draft for changing a saved locality. */
export function localityDraftOf(l: LocalityView): LocalityDraft {
  return { slug: l.slug, id: l.slug, name: l.name, kind: l.kind, districtSlug: l.districtSlug, retiredOn: l.retiredOn ?? "", eTag: l.eTag };
}

/** The id the locality is saved under: a saved one keeps its own. */
export function localityIdOf(d: LocalityDraft): string {
  return d.slug || localitySlugFrom(d.id.trim() || d.name);
}

/**
 * The locality to send: its id, and the settings only when they are known; a new one says it is new
 * (the server then refuses an id that is taken), a change names the version it was made from.
 */
export function localityFrom(d: LocalityDraft): { slug: string; body: LocalityInput } {
  return {
    slug: localityIdOf(d),
    body: {
      name: d.name.trim(),
      kind: d.kind,
      districtSlug: d.districtSlug,
      ...(d.settingIds ? { settingIds: [...new Set(d.settingIds)] } : {}),
      ...(d.retiredOn ? { retiredOn: d.retiredOn } : {}),
      ...(d.slug ? (d.eTag ? { eTag: d.eTag } : {}) : { adding: true as const }),
    },
  };
}

/**
 * A new locality's id must be free: checked here before sending so the message comes at once (the
 * server refuses it too, the form saying it adds).
 */
export function localityProblems(d: LocalityDraft, existing: readonly Pick<LocalityView, "slug" | "name" | "districtSlug">[]): Record<string, string[]> {
  if (d.slug) return {};
  const id = localityIdOf(d);
  if (!id) return { name: ["Give the locality a name"] };
  const taken = existing.find((l) => l.slug === id);
  return taken ? { id: [`${taken.name} already has the id ${id}: choose another id.`] } : {};
}
