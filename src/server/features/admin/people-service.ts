/**
 * Adding, changing and switching off the people who may use LIFT Hub. Commissioners administer
 * everyone; a district lead administers the teachers, LIFT members and SENCos of their own district.
 * Every value is checked against the reference data (a mistyped district once stopped the app), every
 * change is audited, and the people directory is refreshed so the change applies at the next sign-in.
 */
import { AppError, type FieldErrors } from "../../../errors";
import type { Item } from "../../../graph/list-store";
import type { PersonInput, PersonView } from "../../../schemas/admin/api";
import { Person, type Role } from "../../../schemas/reference/person";
import type { FeatureContext } from "../../core/feature-context";
import { parsePeopleCsv } from "./people-csv";

/** The roles a district lead may give and take away, in their own district. */
export const LEAD_MANAGED_ROLES: ReadonlySet<Role> = new Set(["specialist_teacher", "lift_member", "senco"]);

type PersonFields = Omit<PersonInput, "oid" | "upn"> & { upn?: string };

export function toView(item: Item<Person>): PersonView {
  const p = item.value;
  return {
    oid: p.oid,
    upn: p.upn,
    displayName: p.displayName,
    role: p.role,
    ...(p.districtSlug ? { districtSlug: p.districtSlug } : {}),
    ...(p.settingId ? { settingId: p.settingId } : {}),
    ...(p.areaName ? { areaName: p.areaName } : {}),
    ...(p.chairOf?.length ? { chairOf: p.chairOf } : {}),
    ...(p.countyTeam ? { countyTeam: p.countyTeam } : {}),
    active: !p.deactivatedAt,
    ...(p.deactivatedAt ? { deactivatedAt: p.deactivatedAt } : {}),
    eTag: item.eTag,
  };
}

export class PeopleAdminService {
  constructor(private readonly ctx: Pick<FeatureContext, "stores" | "reference" | "people" | "audit" | "now">) {}

  /** Whether the caller administers anyone at all. */
  private requireAdmin(caller: Person): void {
    if (caller.role !== "commissioner" && caller.role !== "district_lead") {
      throw new AppError("forbidden", "Only commissioners and district leads administer people.");
    }
  }

  /** Whether the caller administers this person as they are (or would be). */
  private administers(caller: Person, p: Pick<Person, "role" | "districtSlug">): boolean {
    if (caller.role === "commissioner") return true;
    return caller.role === "district_lead" && !!caller.districtSlug && p.districtSlug === caller.districtSlug && LEAD_MANAGED_ROLES.has(p.role);
  }

  async list(caller: Person, query: { district?: string; inactive?: "include" | "only" }): Promise<PersonView[]> {
    this.requireAdmin(caller);
    if (caller.role === "district_lead" && query.district && query.district !== caller.districtSlug) {
      throw new AppError("not_found", "You administer the people of your own district only.");
    }
    const district = caller.role === "district_lead" ? caller.districtSlug : query.district;
    const items = await this.ctx.stores.people.all(district ? { where: { districtSlug: district } } : {});
    return items
      .filter((i) => caller.role === "commissioner" || this.administers(caller, i.value) || i.value.oid === caller.oid)
      .filter((i) => (query.inactive === "only" ? !!i.value.deactivatedAt : query.inactive === "include" ? true : !i.value.deactivatedAt))
      .sort((a, b) => a.value.displayName.localeCompare(b.value.displayName))
      .map(toView);
  }

  private async find(oid: string): Promise<Item<Person> | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(oid)) return undefined;
    const [found] = await this.ctx.stores.people.all({ where: { oid: oid.toLowerCase() } });
    return found ?? (await this.ctx.stores.people.all({ where: { oid } }))[0];
  }

  /** The person the caller may administer, or 404 (someone outside their district is not disclosed). */
  private async target(caller: Person, oid: string): Promise<Item<Person>> {
    this.requireAdmin(caller);
    const item = await this.find(oid);
    if (!item || !this.administers(caller, item.value)) throw new AppError("not_found", "There is no such person among the people you administer.");
    return item;
  }

  /** Checks a person's values against the schema's rules and the reference data; field messages by name. */
  async check(caller: Person, value: Person, prefix = ""): Promise<FieldErrors> {
    const errors: FieldErrors = {};
    const add = (field: string, message: string) => (errors[`${prefix}${field}`] ??= []).push(message);
    const parsed = Person.safeParse(value);
    if (!parsed.success) for (const issue of parsed.error.issues) add(issue.path.join(".") || "body", issue.message);
    const [districts, settings] = await Promise.all([this.ctx.reference.districts(), this.ctx.reference.settings()]);
    if (value.districtSlug && !districts.some((d) => d.slug === value.districtSlug)) add("districtSlug", `There is no district '${value.districtSlug}'.`);
    // Areas are data (any name a district carries), so the schema cannot list them: checked here.
    if (value.areaName && !districts.some((d) => d.area === value.areaName)) add("areaName", `There is no area '${value.areaName}'.`);
    if (value.settingId) {
      const setting = settings.find((s) => s.id === value.settingId);
      if (!setting) add("settingId", `There is no school or setting '${value.settingId}'.`);
      else if (value.districtSlug && setting.districtSlug !== value.districtSlug) add("settingId", `${setting.name} is not in ${value.districtSlug}.`);
    }
    if (caller.role !== "commissioner") {
      if (!LEAD_MANAGED_ROLES.has(value.role)) add("role", "A district lead can give only the specialist teacher, LIFT member and SENCo roles.");
      if (value.districtSlug !== caller.districtSlug) add("districtSlug", "You can add people to your own district only.");
    }
    return errors;
  }

  private static compose(oid: string, upn: string, f: PersonFields, deactivatedAt?: string): Person {
    return {
      oid: oid.toLowerCase(),
      upn,
      displayName: f.displayName,
      role: f.role,
      districtSlug: f.districtSlug,
      settingId: f.settingId,
      areaName: f.areaName,
      chairOf: f.chairOf,
      countyTeam: f.countyTeam,
      deactivatedAt,
    } as Person;
  }

  private refreshed(): void {
    this.ctx.people.invalidate?.();
  }

  async add(caller: Person, input: PersonInput): Promise<PersonView> {
    this.requireAdmin(caller);
    const value = PeopleAdminService.compose(input.oid, input.upn, input);
    const errors = await this.check(caller, value);
    if (Object.keys(errors).length > 0) throw new AppError("validation_failed", "Check the person's details.", { fieldErrors: errors });
    if (await this.find(value.oid)) throw new AppError("conflict", `${input.displayName} is already in LIFT Hub: change them instead.`);
    const item = await this.ctx.audit.change(
      caller,
      { action: "admin.person.add", listTitle: "People", detail: { role: value.role, district: value.districtSlug ?? null } },
      () => this.ctx.stores.people.create(value, { idempotencyKey: `person:${value.oid}` }),
      (created) => ({ itemId: created.id }),
    );
    this.refreshed();
    return toView(item);
  }

  async update(caller: Person, oid: string, body: PersonFields & { eTag?: string }): Promise<PersonView> {
    const item = await this.target(caller, oid);
    const value = PeopleAdminService.compose(item.value.oid, body.upn ?? item.value.upn, body, item.value.deactivatedAt);
    const errors = await this.check(caller, value);
    if (Object.keys(errors).length > 0) throw new AppError("validation_failed", "Check the person's details.", { fieldErrors: errors });
    const updated = await this.ctx.audit.change(
      caller,
      {
        action: "admin.person.change",
        listTitle: "People",
        itemId: item.id,
        detail: { roleBefore: item.value.role, role: value.role, districtBefore: item.value.districtSlug ?? null, district: value.districtSlug ?? null },
      },
      () => this.ctx.stores.people.update(item.id, value, body.eTag ? { eTag: body.eTag } : {}),
    );
    this.refreshed();
    return toView(updated);
  }

  async setActive(caller: Person, oid: string, active: boolean): Promise<PersonView> {
    const item = await this.target(caller, oid);
    if (!active && item.value.oid === caller.oid.toLowerCase()) throw new AppError("forbidden", "You cannot switch yourself off.");
    if (active === !item.value.deactivatedAt) return toView(item);
    const updated = await this.ctx.audit.change(caller, { action: active ? "admin.person.reactivate" : "admin.person.deactivate", listTitle: "People", itemId: item.id }, () =>
      this.ctx.stores.people.update(item.id, { deactivatedAt: active ? undefined : this.ctx.now().toISOString() }),
    );
    this.refreshed();
    return toView(updated);
  }

  /**
   * Adds or changes people from a CSV. Every row is checked first (errors by row and column); any
   * error → nothing is written. A row whose person is already there with the same values is unchanged.
   */
  async importCsv(caller: Person, csv: string): Promise<{ created: number; updated: number; unchanged: number }> {
    this.requireAdmin(caller);
    const rows = parsePeopleCsv(csv);
    if (rows.length === 0) throw new AppError("validation_failed", "The file has no people in it.", { fieldErrors: { csv: ["Add a row for each person under the header"] } });
    const existing = new Map((await this.ctx.stores.people.all()).map((i) => [i.value.oid.toLowerCase(), i]));
    const errors: Array<{ row: number; column: string; message: string }> = [];
    const plan: Array<{ value: Person; item?: Item<Person> }> = [];
    const seen = new Set<string>();
    for (const { row, values } of rows) {
      const oid = String(values.oid ?? "").toLowerCase();
      const item = existing.get(oid);
      if (item && !this.administers(caller, item.value)) {
        errors.push({ row, column: "oid", message: "This person is not one you administer." });
        continue;
      }
      if (seen.has(oid)) errors.push({ row, column: "oid", message: "This person appears on an earlier row too." });
      seen.add(oid);
      const value = { ...PeopleAdminService.compose(oid, String(values.upn ?? "").toLowerCase(), values as unknown as PersonFields), deactivatedAt: item?.value.deactivatedAt } as Person;
      const fieldErrors = await this.check(caller, value);
      for (const [column, messages] of Object.entries(fieldErrors)) for (const message of messages) errors.push({ row, column, message });
      plan.push({ value, item });
    }
    if (errors.length > 0) {
      const fieldErrors: FieldErrors = {};
      for (const e of errors) (fieldErrors[`rows.${e.row}.${e.column}`] ??= []).push(e.message);
      throw new AppError("validation_failed", `The file has ${errors.length} error${errors.length === 1 ? "" : "s"}; nothing was imported.`, { fieldErrors, detail: { errors } });
    }
    const same = (item: Item<Person>, value: Person) => JSON.stringify(Person.parse(item.value)) === JSON.stringify(Person.parse(value));
    const created = plan.filter((p) => !p.item).length;
    const unchanged = plan.filter((p) => p.item && same(p.item, p.value)).length;
    const updated = plan.length - created - unchanged;
    await this.ctx.audit.change(caller, { action: "admin.person.import", listTitle: "People", detail: { created, updated, unchanged } }, async () => {
      for (const { value, item } of plan) {
        if (!item) await this.ctx.stores.people.create(value, { idempotencyKey: `person:${value.oid}` });
        else if (!same(item, value)) await this.ctx.stores.people.update(item.id, value, { eTag: item.eTag });
      }
    });
    this.refreshed();
    return { created, updated, unchanged };
  }
}
