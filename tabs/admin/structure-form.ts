/** The structure forms' working copies (text as typed) and their mapping to the API's bodies. */
import type { DistrictView, LiftGroupInput, LiftGroupView } from "./api";

/** "Dover early years LIFT" → "dover-early-years-lift": a group's id from its name (kept once saved). */
export function slugFrom(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

export interface GroupDraft {
  /** Empty while the group is new: the id then comes from the name. */
  id: string;
  name: string;
  districtSlug: string;
  /** Empty: none. */
  localitySlug: string;
  phase: LiftGroupInput["phase"] | "";
  /** The schools or settings in it, by id. */
  settingIds: string[];
  /** Empty: the SLA's cadence. */
  cadencePer: "" | "year" | "term";
  cadenceMin: string;
  cadenceMax: string;
  /** The saved version the change is made from (none while new). */
  eTag?: string;
}

export const EMPTY_GROUP: GroupDraft = { id: "", name: "", districtSlug: "", localitySlug: "", phase: "", settingIds: [], cadencePer: "", cadenceMin: "", cadenceMax: "" };

/** The draft for changing a saved group. */
export function groupDraftOf(g: LiftGroupView): GroupDraft {
  return {
    id: g.id,
    name: g.name,
    districtSlug: g.districtSlug,
    localitySlug: g.localitySlug ?? "",
    phase: g.phase,
    settingIds: [...g.settingIds],
    cadencePer: g.cadence?.per ?? "",
    cadenceMin: g.cadence ? String(g.cadence.min) : "",
    cadenceMax: g.cadence ? String(g.cadence.max) : "",
    eTag: g.eTag,
  };
}

/** What a rename or a move to another area will and will not change, said before it is saved. */
export function renamePreview(d: Pick<DistrictView, "slug" | "name" | "area" | "settings" | "people">, name: string, area: string): string[] {
  const lines: string[] = [];
  const newName = name.trim();
  if (newName && newName !== d.name) lines.push(`${d.name} will be shown as ${newName} everywhere, past terms included; "${d.name}" stays as another name for it.`);
  if (area.trim() && area.trim() !== d.area) lines.push(`${newName || d.name} moves from the ${d.area} area to the ${area.trim()} area; area figures follow it.`);
  if (lines.length > 0) lines.push(`Unchanged: its id (${d.slug}), its ${d.settings} school${d.settings === 1 ? "" : "s"} and settings, its ${d.people} ${d.people === 1 ? "person" : "people"}, and every return, referral and meeting recorded for it.`);
  return lines;
}
