/**
 * The settings register: imports into the core Settings list (keyed by URN, all rows or none) and
 * the commissioners' view of it. The rules are pure (src/domain/settings-register); this reads the
 * file and the list, and writes the plan.
 */
import { AppError } from "../../../errors";
import { districtMatcher } from "../../../domain/settings-register/districts";
import { EARLY_YEARS_REQUIRED, earlyYearsColumn, earlyYearsRow } from "../../../domain/settings-register/early-years";
import { missingColumns, type RowOutcome, type SourceRow } from "../../../domain/settings-register/entry";
import { GIAS_REQUIRED, giasRow } from "../../../domain/settings-register/gias";
import { planRegisterImport, type RegisterPlan } from "../../../domain/settings-register/plan";
import { isOpenOn, settingsInDistrict } from "../../../domain/settings-register/totals";
import { ukToday } from "../../../domain/time/uk-clock";
import { REGISTER_PHASES, type Setting } from "../../../schemas/reference/setting";
import type { Person } from "../../../schemas/reference/person";
import type { ImportReport, RegisterView } from "../../../schemas/settings-register/api";
import type { FeatureContext } from "../../core/feature-context";
import { SettingsList } from "../../core/lists";
import { readRegisterCsv } from "./csv";

export type RegisterSource = "gias" | "early-years";

/** The local authority whose establishments a GIAS file is filtered to (`LA (name)`). */
export const DEFAULT_COUNCIL = "Kent";
/** At most this many row errors travel back; the message gives the full count. */
const MAX_ERRORS = 200;

function commissionerOnly(person: Person): void {
  if (person.role !== "commissioner") throw new AppError("forbidden", "Only commissioners manage the settings register.");
}

export class SettingsRegisterService {
  constructor(
    private readonly ctx: FeatureContext,
    private readonly council: string = DEFAULT_COUNCIL,
  ) {}

  /** Rows of a source file against the register as it stands: nothing is written. */
  async plan(source: RegisterSource, data: Buffer, extra: ReadonlyArray<{ row: number; outcome: RowOutcome }> = []): Promise<{ plan: RegisterPlan; rows: number }> {
    const table = readRegisterCsv(data, source === "gias" ? undefined : earlyYearsColumn);
    const missing = missingColumns(table.header, source === "gias" ? GIAS_REQUIRED : EARLY_YEARS_REQUIRED);
    if (missing.length > 0) {
      const message = `The file lacks the column${missing.length === 1 ? "" : "s"} ${missing.join(", ")}${source === "gias" ? " (download establishment fields from Get Information about Schools)" : " (layout: urn, name, type, postcode, district, status)"}.`;
      throw new AppError("validation_failed", message, { detail: { errors: missing.map((column) => ({ row: 1, column, message: "Missing column" })) } });
    }
    const districts = await this.ctx.reference.districts();
    const districtOf = districtMatcher(districts);
    const row = (cells: SourceRow) => (source === "gias" ? giasRow(cells, { council: this.council, districtOf }) : earlyYearsRow(cells, { districtOf }));
    const existing = (await this.ctx.stores.settings.all()).map((i) => i.value);
    const plan = planRegisterImport({ existing, districts, rows: [...extra, ...table.rows.map((r) => ({ row: r.row, outcome: row(r.cells) }))] });
    return { plan, rows: table.rows.length };
  }

  /** Import a source file: every row checked first; any error refuses the whole file with errors by row and column. */
  async importFile(person: Person, source: RegisterSource, data: Buffer, options: { dryRun?: boolean } = {}): Promise<ImportReport> {
    commissionerOnly(person);
    const { plan, rows } = await this.plan(source, data);
    if (plan.errors.length > 0) {
      const errors = [...plan.errors].sort((a, b) => a.row - b.row);
      throw new AppError("validation_failed", `${errors.length} error${errors.length === 1 ? "" : "s"} in the file; nothing was imported. Correct the rows and import it again.`, {
        detail: { errors: errors.slice(0, MAX_ERRORS) },
      });
    }
    const report: ImportReport = {
      source,
      dryRun: options.dryRun === true,
      rows,
      created: plan.create.length,
      updated: plan.update.length,
      unchanged: plan.unchanged,
      skipped: plan.skipped,
      moved: plan.update.filter((u) => u.before.districtSlug !== u.after.districtSlug).map((u) => `${u.after.name} (${u.id}): ${u.before.districtSlug} → ${u.after.districtSlug}`),
    };
    if (options.dryRun) return report;
    await this.ctx.audit.change(
      person,
      { action: "settings.register_imported", listTitle: SettingsList.title, detail: { source, rows, created: report.created, updated: report.updated, unchanged: report.unchanged } },
      () => this.write(plan),
    );
    return report;
  }

  /** Writes a plan: new settings under their natural key (a rerun after a kill creates nothing twice), changed ones in place. */
  async write(plan: RegisterPlan): Promise<void> {
    const store = this.ctx.stores.settings;
    if (plan.create.length > 0) await store.createMany(plan.create.map((s) => ({ value: s, idempotencyKey: SettingsList.naturalKey!(s) })));
    if (plan.update.length > 0) {
      const itemIds = new Map((await store.all()).map((i) => [i.value.id, i.id]));
      await store.updateMany(plan.update.map((u) => ({ id: itemIds.get(u.id)!, value: u.after })));
    }
    this.ctx.reference.invalidate?.();
  }

  /**
   * The register by district (commissioners); with `district`, that district's settings too. A
   * district lead reads their own district's part (it keeps that district's LIFT groups, chosen from
   * these settings); schools and settings are public establishments, no child is in the register.
   */
  async register(person: Person, query: { district?: string }): Promise<RegisterView> {
    const lead = person.role === "district_lead" ? person.districtSlug : undefined;
    if (!lead) commissionerOnly(person);
    // A lead's view is their district's, named or not; another district is as if it did not exist.
    const wanted = lead && query.district === undefined ? lead : query.district;
    const asOf = ukToday(this.ctx.now());
    const [allDistricts, settings] = await Promise.all([this.ctx.reference.districts(), this.ctx.reference.settings()]);
    const districts = lead ? allDistricts.filter((d) => d.slug === lead) : allDistricts;
    if (wanted && !districts.some((d) => d.slug === wanted)) throw new AppError("not_found", "There is no such district.");
    const view: RegisterView = {
      asOf,
      districts: districts.map((d) => {
        const mine = settings.filter((s) => s.districtSlug === d.slug);
        const open = Object.fromEntries(REGISTER_PHASES.map((p) => [p, 0])) as RegisterView["districts"][number]["open"];
        let closed = 0;
        for (const s of mine) {
          if (!isOpenOn(s, asOf)) closed++;
          else open[s.registerPhase ?? s.phase]++;
        }
        return { districtSlug: d.slug, districtName: d.name, open, totals: settingsInDistrict(settings, d.slug, asOf), closed };
      }),
    };
    if (wanted) view.settings = settings.filter((s: Setting) => s.districtSlug === wanted);
    return view;
  }
}
