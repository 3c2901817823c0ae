/**
 * The LIFT group form's rules (loaded with the form): which of the district's register it offers,
 * what a change of district or phase leaves chosen, and the body it sends.
 */
import type { LiftGroupInput, LiftGroupView } from "./api";
import type { Setting } from "./district-settings";
import { slugFrom, type GroupDraft } from "./structure-form";

type Offerable = Pick<Setting, "id" | "phase" | "status">;

/**
 * The settings a group of this phase may hold: early years settings for an early years group,
 * schools otherwise (the server refuses the other phase). Closed ones are offered only while chosen,
 * so a group keeps showing a school that has since closed until it is taken out.
 */
export function offeredSettings<T extends Offerable>(settings: readonly T[], phase: GroupDraft["phase"], chosen: readonly string[] = []): T[] {
  if (!phase) return [];
  return settings.filter((s) => (s.phase === "early-years") === (phase === "early-years") && (s.status !== "closed" || chosen.includes(s.id)));
}

/** Another district: none of the chosen settings are in it (a setting belongs to one district). */
export function withDistrict(d: GroupDraft, districtSlug: string): GroupDraft {
  if (districtSlug === d.districtSlug) return d;
  return { ...d, districtSlug, localitySlug: "", settingIds: [] };
}

/**
 * Another phase: the chosen settings of the other phase leave. Without the register (`settings`
 * undefined) their phase is not known, so they stay and the server says which do not fit.
 */
export function withPhase(d: GroupDraft, phase: GroupDraft["phase"], settings?: readonly Offerable[]): GroupDraft {
  if (!settings) return { ...d, phase };
  const fits = new Set(offeredSettings(settings, phase, d.settingIds).map((s) => s.id));
  return { ...d, phase, settingIds: d.settingIds.filter((id) => fits.has(id)) };
}

/** Setting ids typed one per line or separated by commas or spaces, upper-cased (when the register cannot be read). */
export function settingIdsFrom(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
}

/** The id the group is saved under: a saved one keeps its own. */
export function groupIdOf(d: GroupDraft): string {
  return d.id || slugFrom(d.name);
}

/**
 * The group to send: a cadence only when one is chosen; a new group says it is new (the server then
 * refuses an id that is taken), a change names the version it was made from.
 */
export function groupFrom(d: GroupDraft): { id: string; body: LiftGroupInput } {
  const cadence = d.cadencePer ? { per: d.cadencePer, min: Number(d.cadenceMin), max: Number(d.cadenceMax) } : undefined;
  return {
    id: groupIdOf(d),
    body: {
      name: d.name.trim(),
      districtSlug: d.districtSlug,
      ...(d.localitySlug ? { localitySlug: d.localitySlug } : {}),
      phase: d.phase as LiftGroupInput["phase"],
      settingIds: [...new Set(d.settingIds.map((s) => s.trim().toUpperCase()).filter(Boolean))],
      ...(cadence ? { cadence } : {}),
      ...(d.id ? (d.eTag ? { eTag: d.eTag } : {}) : { adding: true as const }),
    },
  };
}

/**
 * A new group's id must be free among the groups the caller sees: checked here before sending so the
 * message comes at once (the server refuses it too, the form saying it adds).
 */
export function groupProblems(d: GroupDraft, existing: readonly Pick<LiftGroupView, "id" | "name">[]): Record<string, string[]> {
  if (d.id) return {};
  const id = groupIdOf(d);
  if (!id) return { name: ["Give the group a name"] };
  const taken = existing.find((g) => g.id === id);
  return taken ? { name: [`${taken.name} already has the id ${id}: choose another name.`] } : {};
}
