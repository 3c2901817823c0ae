/**
 * The service's structure, kept by commissioners in the admin tab: areas and districts, localities
 * or clusters beneath a district, and LIFT groups with their cadence. The records stay in the core
 * reference lists (Districts, Localities, LiftGroups, Settings), so every feature reads them through
 * the reference-data port; each write is checked whole by src/domain/structure, audited before it is
 * made (fail closed), and invalidates the reference cache.
 *
 * Who may do what: commissioners change everything; a district lead sees their own district's part
 * and adds, changes and retires their own district's LIFT groups (as they keep their district's
 * calendar days); anyone else is refused.
 */
import { checkCadence, cadenceOf, describeCadence, type CadenceFinding, type CadenceMeeting } from "../../../domain/structure/cadence";
import { areasOf, checkStructure, isOpenOn, planSplit, renameDistrict, type FieldProblems, type Structure } from "../../../domain/structure/structure";
import { ukToday } from "../../../domain/time/uk-clock";
import { AppError } from "../../../errors";
import type { Item } from "../../../graph/list-store";
import type { DistrictInput, DistrictView, LiftGroupInput, LiftGroupView, LocalityInput, LocalityView, SplitBody, SplitPreview, StructureView } from "../../../schemas/admin/structure-api";
import { AREAS, type District } from "../../../schemas/reference/district";
import type { LiftGroup } from "../../../schemas/reference/lift-group";
import type { Locality } from "../../../schemas/reference/locality";
import type { Person } from "../../../schemas/reference/person";
import type { FeatureContext } from "../../core/feature-context";

/** The LIFT meetings of some districts, as the cadence check counts them (from the lift-meetings feature). */
export interface StructureDependents {
  meetings(districtSlugs: readonly string[]): Promise<CadenceMeeting[]>;
}

type Ctx = Pick<FeatureContext, "stores" | "reference" | "audit" | "now">;

const LIST = { districts: "Districts", localities: "Localities", liftGroups: "LiftGroups" } as const;

function invalid(problems: FieldProblems, message = "Check the structure."): AppError {
  return new AppError("validation_failed", message, { fieldErrors: problems });
}

export class StructureAdminService {
  constructor(
    private readonly ctx: Ctx,
    private readonly dependents: StructureDependents,
  ) {}

  private requireViewer(caller: Person): void {
    if (caller.role !== "commissioner" && caller.role !== "district_lead") throw new AppError("forbidden", "The service's structure is kept by commissioners and district leads.");
  }

  private requireCommissioner(caller: Person, what: string): void {
    if (caller.role !== "commissioner") throw new AppError("forbidden", `${what} is for commissioners.`);
  }

  /** The districts whose LIFT groups the caller keeps. */
  private groupDistricts(caller: Person, all: readonly string[]): string[] {
    if (caller.role === "commissioner") return [...all];
    if (caller.role === "district_lead" && caller.districtSlug && all.includes(caller.districtSlug)) return [caller.districtSlug];
    return [];
  }

  private today(): string {
    return ukToday(this.ctx.now());
  }

  private refreshed(): void {
    this.ctx.reference.invalidate?.();
  }

  private async current(): Promise<{ districts: Item<District>[]; localities: Item<Locality>[]; groups: Item<LiftGroup>[]; structure: Structure }> {
    const [districts, localities, groups] = await Promise.all([this.ctx.stores.districts.all(), this.ctx.stores.localities.all(), this.ctx.stores.liftGroups.all()]);
    return { districts, localities, groups, structure: { districts: districts.map((i) => i.value), localities: localities.map((i) => i.value), liftGroups: groups.map((i) => i.value) } };
  }

  /** Checks the structure after a change; only problems the change brings are reported (old ones are not the caller's). */
  private async check(before: Structure, after: Structure): Promise<void> {
    const settings = await this.ctx.reference.settings();
    const had = checkStructure(before, settings);
    const has = checkStructure(after, settings);
    const fresh = Object.fromEntries(Object.entries(has).filter(([k, v]) => JSON.stringify(had[k]) !== JSON.stringify(v)));
    if (Object.keys(fresh).length > 0) throw invalid(fresh);
  }

  private async districtView(item: Item<District>): Promise<DistrictView> {
    const [settings, people] = await Promise.all([this.ctx.reference.settings(), this.ctx.stores.people.all({ where: { districtSlug: item.value.slug } })]);
    return {
      ...item.value,
      eTag: item.eTag,
      open: isOpenOn(item.value, this.today()),
      settings: settings.filter((s) => s.districtSlug === item.value.slug).length,
      people: people.filter((p) => !p.value.deactivatedAt).length,
    };
  }

  private static groupView(g: LiftGroup, eTag: string): LiftGroupView {
    return { ...g, eTag, cadenceText: describeCadence(cadenceOf(g)), cadenceSource: g.cadence ? "group" : "sla" };
  }

  async view(caller: Person): Promise<StructureView> {
    this.requireViewer(caller);
    const { districts, localities, groups } = await this.current();
    const settings = await this.ctx.reference.settings();
    const mine = this.groupDistricts(caller, districts.map((d) => d.value.slug));
    const visible = (slug: string) => caller.role === "commissioner" || mine.includes(slug);
    const shown = districts.filter((d) => visible(d.value.slug)).sort((a, b) => a.value.name.localeCompare(b.value.name));
    return {
      areas: areasOf(shown.map((d) => d.value), AREAS),
      districts: await Promise.all(shown.map((d) => this.districtView(d))),
      localities: localities
        .filter((i) => visible(i.value.districtSlug))
        .sort((a, b) => a.value.name.localeCompare(b.value.name))
        .map((i) => ({ ...i.value, settings: settings.filter((s) => s.localitySlug === i.value.slug).length, eTag: i.eTag })),
      liftGroups: groups
        .filter((i) => visible(i.value.districtSlug))
        .sort((a, b) => a.value.districtSlug.localeCompare(b.value.districtSlug) || a.value.name.localeCompare(b.value.name))
        .map((i) => StructureAdminService.groupView(i.value, i.eTag)),
      canEditDistricts: caller.role === "commissioner",
      editableDistricts: mine,
    };
  }

  // ---- districts ----

  async addDistrict(caller: Person, input: DistrictInput): Promise<DistrictView> {
    this.requireCommissioner(caller, "Adding a district");
    const { structure } = await this.current();
    const value: District = { code: input.code, slug: input.slug, name: input.name, area: input.area, aliases: input.aliases ?? [], ...(input.startsOn ? { startsOn: input.startsOn } : {}) };
    if (structure.districts.some((d) => d.slug === value.slug)) throw new AppError("conflict", `There is already a district '${value.slug}'.`, { fieldErrors: { slug: ["This slug is taken"] } });
    await this.check(structure, { ...structure, districts: [...structure.districts, value] });
    const item = await this.ctx.audit.change(
      caller,
      { action: "admin.structure.add_district", listTitle: LIST.districts, detail: { district: value.slug, area: value.area } },
      () => this.ctx.stores.districts.create(value, { idempotencyKey: `district:${value.code}` }),
      (made) => ({ itemId: made.id }),
    );
    this.refreshed();
    return this.districtView(item);
  }

  private async district(slug: string): Promise<{ item: Item<District>; structure: Structure }> {
    const { districts, structure } = await this.current();
    const item = districts.find((d) => d.value.slug === slug);
    if (!item) throw new AppError("not_found", `There is no district '${slug}'.`);
    return { item, structure };
  }

  /** A rename keeps the slug and code (every record keeps pointing at the district) and keeps the old name as an alias. */
  async changeDistrict(caller: Person, slug: string, body: { name: string; area: string; eTag?: string }): Promise<DistrictView> {
    this.requireCommissioner(caller, "Renaming a district");
    const { item, structure } = await this.district(slug);
    const value = { ...renameDistrict(item.value, body.name), area: body.area.trim() };
    await this.check(structure, { ...structure, districts: structure.districts.map((d) => (d.slug === slug ? value : d)) });
    const updated = await this.ctx.audit.change(
      caller,
      { action: "admin.structure.change_district", listTitle: LIST.districts, itemId: item.id, detail: { district: slug, renamed: value.name !== item.value.name, areaBefore: item.value.area, area: value.area } },
      () => this.ctx.stores.districts.update(item.id, { name: value.name, area: value.area, aliases: value.aliases }, { eTag: body.eTag ?? item.eTag }),
    );
    this.refreshed();
    return this.districtView(updated);
  }

  async retireDistrict(caller: Person, slug: string, body: { on: string; eTag?: string }): Promise<DistrictView> {
    this.requireCommissioner(caller, "Retiring a district");
    const { item } = await this.district(slug);
    const updated = await this.ctx.audit.change(
      caller,
      { action: "admin.structure.retire_district", listTitle: LIST.districts, itemId: item.id, detail: { district: slug, on: body.on } },
      () => this.ctx.stores.districts.update(item.id, { retiredOn: body.on }, { eTag: body.eTag ?? item.eTag }),
    );
    this.refreshed();
    return this.districtView(updated);
  }

  /**
   * The split's plan and preview. `made` is the new district when an earlier attempt already added
   * it: the plan then leaves it out of the checks and moves only what is still in the old district.
   */
  private async splitPlan(caller: Person, slug: string, body: SplitBody, made?: District) {
    this.requireCommissioner(caller, "Splitting a district");
    const { item, structure: all } = await this.district(slug);
    const structure = made ? { ...all, districts: all.districts.filter((d) => d.slug !== made.slug) } : all;
    const settings = await this.ctx.reference.settings();
    const left = made
      ? { settingIds: body.settingIds.filter((id) => settings.find((s) => s.id === id)?.districtSlug === slug), liftGroupIds: body.liftGroupIds.filter((id) => all.liftGroups.find((g) => g.id === id)?.districtSlug === slug) }
      : {};
    const request = { from: slug, ...body, ...left };
    const { plan, problems } = planSplit(structure, settings, request);
    const nothingLeft = made && request.settingIds.length + request.liftGroupIds.length === 0;
    if (!plan && !nothingLeft) throw invalid(problems, "Check the split.");
    const done = plan ?? { district: made as District, settings: [], liftGroups: [], localities: [] };
    if (!made) await this.check(structure, { ...structure, districts: [...structure.districts, done.district] });
    const preview: SplitPreview = {
      district: done.district,
      from: slug,
      on: body.on,
      settings: done.settings.map((s) => ({ id: s.id, name: settings.find((x) => x.id === s.id)?.name ?? s.id })),
      liftGroups: done.liftGroups.map((g) => ({ id: g.id, name: all.liftGroups.find((x) => x.id === g.id)?.name ?? g.id })),
      localities: done.localities.map((l) => l.slug),
      keeps: `${item.value.name} keeps its returns, referrals and meetings made so far; ${done.district.name} starts on ${body.on}.`,
    };
    return { plan: done, preview };
  }

  async previewSplit(caller: Person, slug: string, body: SplitBody): Promise<SplitPreview> {
    return (await this.splitPlan(caller, slug, body)).preview;
  }

  /**
   * Adds the new district, then moves the chosen settings, groups and localities. Sent again after a
   * stop half way, it skips the district already added and moves what is still to move.
   */
  async split(caller: Person, slug: string, body: SplitBody): Promise<SplitPreview> {
    const made = (await this.ctx.stores.districts.all()).find((d) => d.value.slug === body.district.slug && d.value.splitFrom === slug)?.value;
    const { plan, preview } = await this.splitPlan(caller, slug, body, made);
    await this.ctx.audit.change(caller, { action: "admin.structure.split_district", listTitle: LIST.districts, detail: { district: slug, into: plan.district.slug, on: body.on, settings: plan.settings.length, groups: plan.liftGroups.length } }, async () => {
      if (!made) await this.ctx.stores.districts.create(plan.district, { idempotencyKey: `district:${plan.district.code}` });
      const settingItems = await this.ctx.stores.settings.all({ where: { districtSlug: slug } });
      for (const move of plan.settings) {
        const s = settingItems.find((i) => i.value.id === move.id);
        if (s) await this.ctx.stores.settings.update(s.id, { districtSlug: move.districtSlug, ...("localitySlug" in move ? { localitySlug: undefined } : {}) });
      }
      const groups = await this.ctx.stores.liftGroups.all({ where: { districtSlug: slug } });
      for (const move of plan.liftGroups) {
        const g = groups.find((i) => i.value.id === move.id);
        if (g) await this.ctx.stores.liftGroups.update(g.id, { districtSlug: move.districtSlug, ...("localitySlug" in move ? { localitySlug: undefined } : {}) });
      }
      const localities = await this.ctx.stores.localities.all({ where: { districtSlug: slug } });
      for (const move of plan.localities) {
        const l = localities.find((i) => i.value.slug === move.slug);
        if (l) await this.ctx.stores.localities.update(l.id, { districtSlug: move.districtSlug });
      }
    });
    this.refreshed();
    return preview;
  }

  // ---- localities ----

  async saveLocality(caller: Person, slug: string, input: LocalityInput): Promise<LocalityView> {
    this.requireCommissioner(caller, "Changing localities");
    const { localities, structure } = await this.current();
    const item = localities.find((l) => l.value.slug === slug);
    if (input.adding && item) throw invalid({ id: [`${item.value.name} already has the id ${slug}: choose another id.`] });
    if (input.eTag && !item) throw new AppError("not_found", `There is no locality '${slug}' to change.`);
    const value: Locality = { slug, name: input.name, kind: input.kind, districtSlug: input.districtSlug, ...(input.retiredOn ? { retiredOn: input.retiredOn } : {}) };
    await this.check(structure, { ...structure, localities: [...structure.localities.filter((l) => l.slug !== slug), value] });
    const settingItems = input.settingIds ? await this.ctx.stores.settings.all({ where: { districtSlug: input.districtSlug } }) : [];
    if (input.settingIds) {
      const unknown = input.settingIds.filter((id) => !settingItems.some((s) => s.value.id === id));
      if (unknown.length > 0) throw invalid({ settingIds: unknown.map((id) => `${id} is not a setting of this district.`) });
    }
    const saved = await this.ctx.audit.change(
      caller,
      { action: item ? "admin.structure.change_locality" : "admin.structure.add_locality", listTitle: LIST.localities, ...(item ? { itemId: item.id } : {}), detail: { locality: slug, district: value.districtSlug, settings: input.settingIds?.length ?? null } },
      async () => {
        const s = item ? await this.ctx.stores.localities.update(item.id, { ...value, retiredOn: input.retiredOn }, { eTag: input.eTag ?? item.eTag }) : await this.ctx.stores.localities.create(value, { idempotencyKey: `locality:${slug}` });
        if (input.settingIds) {
          const chosen = new Set(input.settingIds);
          for (const setting of settingItems) {
            const want = chosen.has(setting.value.id) ? slug : setting.value.localitySlug === slug ? undefined : setting.value.localitySlug;
            if (want !== setting.value.localitySlug) await this.ctx.stores.settings.update(setting.id, { localitySlug: want });
          }
        }
        return s;
      },
      (s) => ({ itemId: s.id }),
    );
    this.refreshed();
    const settings = await this.ctx.reference.settings();
    return { ...saved.value, settings: settings.filter((s) => s.localitySlug === slug).length, eTag: saved.eTag };
  }

  // ---- LIFT groups ----

  async saveLiftGroup(caller: Person, id: string, input: LiftGroupInput): Promise<LiftGroupView> {
    this.requireViewer(caller);
    const { groups, structure } = await this.current();
    const item = groups.find((g) => g.value.id === id);
    const mine = this.groupDistricts(caller, structure.districts.map((d) => d.slug));
    // A lead sees no other district's groups: another district's group is not found, a move out of theirs is refused.
    // Adding under its id is refused on `id` without naming that group, which the lead may not see.
    if (item && !mine.includes(item.value.districtSlug)) {
      if (input.adding) throw invalid({ id: [`Another district's LIFT group has the id ${id}: choose another id.`] });
      throw new AppError("not_found", "There is no such LIFT group among those you keep.");
    }
    if (input.adding && item) throw invalid({ id: [`${item.value.name} already has the id ${id}: choose another id.`] });
    if (input.eTag && !item) throw new AppError("not_found", `There is no LIFT group '${id}' to change.`);
    if (!mine.includes(input.districtSlug)) {
      if (!structure.districts.some((d) => d.slug === input.districtSlug)) throw invalid({ districtSlug: [`There is no district '${input.districtSlug}'.`] });
      throw new AppError("forbidden", "You keep your own district's LIFT groups only.");
    }
    const district = structure.districts.find((d) => d.slug === input.districtSlug);
    if (!item && district && !isOpenOn(district, this.today())) throw invalid({ districtSlug: [`${district.name} is retired: it takes no new LIFT groups.`] });
    const value: LiftGroup = {
      id,
      name: input.name,
      districtSlug: input.districtSlug,
      ...(input.localitySlug ? { localitySlug: input.localitySlug } : {}),
      phase: input.phase,
      settingIds: [...new Set(input.settingIds)],
      ...(input.cadence ? { cadence: input.cadence } : {}),
      ...(input.retiredOn ? { retiredOn: input.retiredOn } : {}),
    };
    await this.check(structure, { ...structure, liftGroups: [...structure.liftGroups.filter((g) => g.id !== id), value] });
    const saved = await this.ctx.audit.change(
      caller,
      { action: item ? "admin.structure.change_lift_group" : "admin.structure.add_lift_group", listTitle: LIST.liftGroups, ...(item ? { itemId: item.id } : {}), detail: { group: id, district: value.districtSlug, phase: value.phase, settings: value.settingIds.length, retiredOn: value.retiredOn ?? null } },
      () =>
        item
          ? this.ctx.stores.liftGroups.update(item.id, { ...value, localitySlug: input.localitySlug, cadence: input.cadence, retiredOn: input.retiredOn }, { eTag: input.eTag ?? item.eTag })
          : this.ctx.stores.liftGroups.create(value, { idempotencyKey: `lift-group:${id}` }),
      (s) => ({ itemId: s.id }),
    );
    this.refreshed();
    return StructureAdminService.groupView(saved.value, saved.eTag);
  }

  /** Each live group's meetings against its cadence, for every term of a year (or just `term`). */
  async cadence(caller: Person, query: { year: string; term?: number; district?: string }): Promise<CadenceFinding[]> {
    this.requireViewer(caller);
    const [districts, groups, calendar] = await Promise.all([this.ctx.reference.districts(), this.ctx.reference.liftGroups(), this.ctx.reference.calendar()]);
    const mine = this.groupDistricts(caller, districts.map((d) => d.slug));
    if (query.district && !mine.includes(query.district)) throw new AppError("not_found", "There is no such district among those you keep.");
    const scope = query.district ? [query.district] : mine;
    const inScope = groups.filter((g) => scope.includes(g.districtSlug));
    const terms = calendar.terms.filter((t) => t.academicYear === query.year);
    const periods = terms.filter((t) => !query.term || t.term === query.term).map((t) => ({ academicYear: t.academicYear, term: t.term }));
    const meetings = await this.dependents.meetings([...new Set(inScope.map((g) => g.districtSlug))]);
    return checkCadence({ groups: inScope, meetings, terms: calendar.terms, periods });
  }
}
