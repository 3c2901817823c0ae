/** The structure forms' working copies (text as typed) and their mapping to the API's bodies. */
import type { DistrictView, LiftGroupInput } from "./api";

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
  id: string;
  name: string;
  districtSlug: string;
  /** Empty: none. */
  localitySlug: string;
  phase: LiftGroupInput["phase"] | "";
  /** Setting ids, one per line or separated by commas or spaces. */
  settingIds: string;
  /** Empty: the SLA's cadence. */
  cadencePer: "" | "year" | "term";
  cadenceMin: string;
  cadenceMax: string;
}

export const EMPTY_GROUP: GroupDraft = { id: "", name: "", districtSlug: "", localitySlug: "", phase: "", settingIds: "", cadencePer: "", cadenceMin: "", cadenceMax: "" };

/** The group to send: the id from the name when new, setting ids upper-cased, a cadence only when one is chosen. */
export function groupFrom(d: GroupDraft): { id: string; body: LiftGroupInput } {
  const settingIds = d.settingIds
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const cadence = d.cadencePer ? { per: d.cadencePer, min: Number(d.cadenceMin), max: Number(d.cadenceMax) } : undefined;
  return {
    id: d.id || slugFrom(d.name),
    body: {
      name: d.name.trim(),
      districtSlug: d.districtSlug,
      ...(d.localitySlug ? { localitySlug: d.localitySlug } : {}),
      phase: d.phase as LiftGroupInput["phase"],
      settingIds,
      ...(cadence ? { cadence } : {}),
    },
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
