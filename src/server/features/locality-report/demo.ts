/**
 * Demo structure below district level, so the locality report shows something on `npm start`:
 * Canterbury gets two localities (its demo schools split between them, its nursery in none) and two
 * LIFT groups (a school group spanning both localities, an early years group). The demo's referrals,
 * meetings and cases already come from those settings.
 *
 * Runs on every demo seed (each new day): it changes nothing once Canterbury has any locality or LIFT
 * group, so a commissioner's own changes in the admin tab are never undone.
 */
import type { FeatureContext } from "../../core/feature-context";
import type { LiftGroup } from "../../../schemas/reference/lift-group";
import type { Locality } from "../../../schemas/reference/locality";

const DISTRICT = "canterbury";

const LOCALITIES: ReadonlyArray<{ locality: Locality; settingIds: readonly string[] }> = [
  { locality: { slug: "canterbury-city", name: "Canterbury city", kind: "locality", districtSlug: DISTRICT }, settingIds: ["CAN-P1", "CAN-S1"] },
  { locality: { slug: "whitstable-and-herne-bay", name: "Whitstable and Herne Bay", kind: "locality", districtSlug: DISTRICT }, settingIds: ["CAN-P2"] },
];

const GROUPS: readonly LiftGroup[] = [
  { id: "canterbury-schools", name: "Canterbury schools LIFT", districtSlug: DISTRICT, phase: "school", settingIds: ["CAN-P1", "CAN-P2", "CAN-S1"] },
  { id: "canterbury-early-years", name: "Canterbury early years LIFT", districtSlug: DISTRICT, phase: "early-years", settingIds: ["CAN-E1"] },
];

export async function seedLocalityDemo(ctx: FeatureContext): Promise<string[]> {
  const [localities, groups] = await Promise.all([ctx.stores.localities.all({ where: { districtSlug: DISTRICT } }), ctx.stores.liftGroups.all({ where: { districtSlug: DISTRICT } })]);
  if (localities.length + groups.length > 0) return ["Demo data (locality report): Canterbury already has localities or LIFT groups"];
  const settings = await ctx.stores.settings.all({ where: { districtSlug: DISTRICT } });
  const known = new Set(settings.map((s) => s.value.id));
  for (const { locality } of LOCALITIES) await ctx.stores.localities.create(locality, { idempotencyKey: `locality:${locality.slug}` });
  for (const { locality, settingIds } of LOCALITIES) {
    for (const s of settings) if (settingIds.includes(s.value.id) && s.value.localitySlug !== locality.slug) await ctx.stores.settings.update(s.id, { localitySlug: locality.slug });
  }
  for (const g of GROUPS) await ctx.stores.liftGroups.create({ ...g, settingIds: g.settingIds.filter((id) => known.has(id)) }, { idempotencyKey: `lift-group:${g.id}` });
  ctx.reference.invalidate?.();
  return [`Demo data (locality report): ${LOCALITIES.length} localities and ${GROUPS.length} LIFT groups in Canterbury`];
}
