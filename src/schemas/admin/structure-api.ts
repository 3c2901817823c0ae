/**
 * The structure part of the administration API: areas and districts (add, rename, move to another
 * area, retire, split), localities or clusters beneath a district, and LIFT groups with their
 * cadence. Commissioners change the districts and localities; a district lead sees their own
 * district's part and keeps its LIFT groups. Every change is audited.
 */
import { z } from "zod";
import { DistrictSlugParam, ETag, route } from "../core/contract";
import { AreaName, District } from "../reference/district";
import { Cadence, LiftGroupId, LiftGroupPhase } from "../reference/lift-group";
import { LOCALITY_KINDS, LocalitySlug } from "../reference/locality";
import { AcademicYear } from "../reference/term";

const IsoDate = z.iso.date("Enter a date as YYYY-MM-DD");
const SettingIds = z.array(z.string().regex(/^[A-Z]{3}-[A-Z]\d+$/, "Expected a setting id such as DOV-P1")).max(200);

export const DistrictInput = District.pick({ code: true, slug: true, name: true, area: true }).extend({
  aliases: z.array(z.string().trim().min(1).max(120)).max(10).optional(),
  /** A district added mid-year starts on this date (none: at once). */
  startsOn: IsoDate.optional(),
});
export type DistrictInput = z.infer<typeof DistrictInput>;

/** A rename or a move to another area: the slug and code never change, so every record keeps pointing at the district. */
export const ChangeDistrictBody = z.object({ name: z.string().trim().min(1, "Give the district a name").max(120), area: AreaName, eTag: ETag.optional() });
export const RetireBody = z.object({ on: IsoDate, eTag: ETag.optional() });
export const SplitBody = z.object({
  on: IsoDate,
  district: DistrictInput.omit({ aliases: true, startsOn: true }),
  settingIds: SettingIds,
  liftGroupIds: z.array(LiftGroupId).max(50),
  localitySlugs: z.array(LocalitySlug).max(50).optional(),
});
export type SplitBody = z.infer<typeof SplitBody>;

export const LocalityInput = z.object({
  name: z.string().trim().min(1, "Give the locality a name").max(120),
  kind: z.enum(LOCALITY_KINDS),
  districtSlug: DistrictSlugParam,
  /** The settings that belong to it (replaces the list; settings not named leave it). */
  settingIds: SettingIds.optional(),
  retiredOn: IsoDate.optional(),
  /**
   * Sent when a form adds a locality: the same PUT changes one that has the id, so without it a new
   * locality named like an existing one would overwrite it. With it, a taken id is refused on `id`.
   */
  adding: z.literal(true).optional(),
  /** The version the change was made from; a newer one makes the save fail with 412 (stale). */
  eTag: ETag.optional(),
});
export type LocalityInput = z.infer<typeof LocalityInput>;
export const LiftGroupInput = z.object({
  name: z.string().trim().min(1, "Give the group a name").max(80),
  districtSlug: DistrictSlugParam,
  localitySlug: LocalitySlug.optional(),
  phase: LiftGroupPhase,
  settingIds: SettingIds,
  /** None: the SLA's cadence for the phase. */
  cadence: Cadence.optional(),
  retiredOn: IsoDate.optional(),
  /**
   * Sent when a form adds a group: the same PUT changes one that has the id, so without it a new
   * group named like an existing one would overwrite it. With it, a taken id is refused on `id`.
   */
  adding: z.literal(true).optional(),
  /** The version the change was made from; a newer one makes the save fail with 412 (stale). */
  eTag: ETag.optional(),
});
export type LiftGroupInput = z.infer<typeof LiftGroupInput>;

export const DistrictView = District.extend({ eTag: z.string(), open: z.boolean(), settings: z.number().int(), people: z.number().int() });
export type DistrictView = z.infer<typeof DistrictView>;
export const LocalityView = z.object({ slug: z.string(), name: z.string(), kind: z.enum(LOCALITY_KINDS), districtSlug: z.string(), retiredOn: z.string().optional(), settings: z.number().int(), eTag: z.string() });
export type LocalityView = z.infer<typeof LocalityView>;
export const LiftGroupView = LiftGroupInput.omit({ adding: true, eTag: true }).extend({
  id: z.string(),
  eTag: z.string(),
  /** The cadence that applies (its own, or the SLA's), in words: "six times a year". */
  cadenceText: z.string(),
  cadenceSource: z.enum(["sla", "group"]),
});
export type LiftGroupView = z.infer<typeof LiftGroupView>;

export const StructureView = z.object({
  areas: z.array(z.string()),
  districts: z.array(DistrictView),
  localities: z.array(LocalityView),
  liftGroups: z.array(LiftGroupView),
  /** Commissioners change districts, areas and localities. */
  canEditDistricts: z.boolean(),
  /** The districts whose LIFT groups the caller may change. */
  editableDistricts: z.array(z.string()),
});
export type StructureView = z.infer<typeof StructureView>;

export const SplitPreview = z.object({
  district: District,
  from: z.string(),
  on: z.string(),
  settings: z.array(z.object({ id: z.string(), name: z.string() })),
  liftGroups: z.array(z.object({ id: z.string(), name: z.string() })),
  localities: z.array(z.string()),
  /** What stays with the old district: its returns, referrals and meetings so far. */
  keeps: z.string(),
});
export type SplitPreview = z.infer<typeof SplitPreview>;

export const CadenceFindingView = z.object({
  groupId: z.string(),
  groupName: z.string(),
  districtSlug: z.string(),
  academicYear: z.string(),
  term: z.number().int(),
  per: z.enum(["year", "term"]),
  meetings: z.number().int(),
  expectedMin: z.number().int(),
  expectedMax: z.number().int(),
  status: z.enum(["ok", "too_few", "too_many"]),
  message: z.string(),
});
export type CadenceFindingView = z.infer<typeof CadenceFindingView>;
export const CadenceQuery = z.object({ year: AcademicYear, term: z.coerce.number().int().min(1).max(6).optional(), district: DistrictSlugParam.optional() });

const DistrictParam = z.object({ district: DistrictSlugParam });

export const structureApi = {
  structure: route("GET /admin/structure", "Areas, districts, localities and LIFT groups: all for commissioners, their own district's for a lead", { responses: { 200: StructureView }, errors: [403] }),
  addDistrict: route("POST /admin/structure/districts", "Add a district to an area (new or existing; commissioners)", { body: DistrictInput, responses: { 201: DistrictView }, errors: [403, 409] }),
  changeDistrict: route("PUT /admin/structure/districts/:district", "Rename a district or move it to another area; its slug and history stay (commissioners)", { params: DistrictParam, body: ChangeDistrictBody, responses: { 200: DistrictView }, errors: [403, 404, 412] }),
  retireDistrict: route("POST /admin/structure/districts/:district/retire", "Retire a district from a date: no new referrals or meetings, its history kept (commissioners)", { params: DistrictParam, body: RetireBody, responses: { 200: DistrictView }, errors: [403, 404, 412] }),
  previewSplit: route("POST /admin/structure/districts/:district/split/preview", "What splitting a district would do: the new district, and the settings and groups that move from the date", { params: DistrictParam, body: SplitBody, responses: { 200: SplitPreview }, errors: [403, 404] }),
  splitDistrict: route("POST /admin/structure/districts/:district/split", "Split a district: a new district with the chosen settings and LIFT groups from a date; earlier records stay with the old one (commissioners)", { params: DistrictParam, body: SplitBody, responses: { 201: SplitPreview }, errors: [403, 404] }),
  saveLocality: route("PUT /admin/structure/localities/:locality", "Add or change a locality or cluster and the settings in it (commissioners)", { params: z.object({ locality: LocalitySlug }), body: LocalityInput, responses: { 200: LocalityView }, errors: [403, 404, 412] }),
  saveLiftGroup: route("PUT /admin/structure/lift-groups/:group", "Add or change a LIFT group: its schools or settings, locality and cadence (commissioners; a lead in their own district)", { params: z.object({ group: LiftGroupId }), body: LiftGroupInput, responses: { 200: LiftGroupView }, errors: [403, 404, 412] }),
  liftGroupCadence: route("GET /admin/structure/cadence", "Each LIFT group's planned meetings against its cadence for a year (or up to a term)", { query: CadenceQuery, responses: { 200: z.object({ items: z.array(CadenceFindingView) }) }, errors: [403, 404] }),
} as const;
