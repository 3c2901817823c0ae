/**
 * An import's plan against the register as it stands: which settings to create, which to update,
 * which are unchanged, and every row error. Keyed by URN (a school's DfE URN, a provider's Ofsted
 * number), so importing the same file again changes nothing and an updated file updates in place:
 * a setting keeps its id (referrals, people and cases point at it) even when its district changes.
 * Settings absent from the file are left as they are; GIAS lists closed schools as Closed.
 */
import type { District } from "../../schemas/reference/district";
import type { Setting } from "../../schemas/reference/setting";
import type { ColumnError, RegisterEntry, RowOutcome } from "./entry";

export interface RowError extends ColumnError {
  /** The spreadsheet row: the header is row 1. */
  row: number;
}

export interface RegisterPlan {
  create: Setting[];
  update: { id: string; before: Setting; after: Setting }[];
  unchanged: number;
  skipped: { reason: string; rows: number }[];
  errors: RowError[];
}

/** The id of a new setting: district code, U and the URN for a school, Y and the digits for an early years provider. */
export function registerId(entry: Pick<RegisterEntry, "urn" | "registerSource">, district: Pick<District, "code">): string {
  return entry.registerSource === "gias" ? `${district.code}-U${entry.urn}` : `${district.code}-Y${entry.urn.replace(/^EY/, "")}`;
}

const FIELDS = ["name", "districtSlug", "phase", "urn", "registerPhase", "status", "mainstream", "establishmentType", "postcode", "openedOn", "closedOn", "registerSource"] as const;

function same(a: Setting, b: Setting): boolean {
  return FIELDS.every((f) => a[f] === b[f]);
}

export function planRegisterImport(input: {
  existing: readonly Setting[];
  /** Each source row's outcome with its spreadsheet row number. */
  rows: readonly { row: number; outcome: RowOutcome }[];
  districts: readonly District[];
}): RegisterPlan {
  const plan: RegisterPlan = { create: [], update: [], unchanged: 0, skipped: [], errors: [] };
  const byUrn = new Map(input.existing.map((s) => [s.urn, s]));
  const ids = new Set(input.existing.map((s) => s.id));
  const code = new Map(input.districts.map((d) => [d.slug, d]));
  const seen = new Map<string, number>();
  const skipped = new Map<string, number>();
  for (const { row, outcome } of input.rows) {
    if (outcome.kind === "skipped") {
      skipped.set(outcome.reason, (skipped.get(outcome.reason) ?? 0) + 1);
      continue;
    }
    if (outcome.kind === "invalid") {
      plan.errors.push(...outcome.errors.map((e) => ({ row, ...e })));
      continue;
    }
    const entry = outcome.entry;
    const urnColumn = entry.registerSource === "gias" ? "URN" : "urn";
    const first = seen.get(entry.urn);
    if (first !== undefined) {
      plan.errors.push({ row, column: urnColumn, message: `${entry.urn} is also on row ${first}: each setting once` });
      continue;
    }
    seen.set(entry.urn, row);
    const current = byUrn.get(entry.urn);
    if (current?.registerSource && current.registerSource !== entry.registerSource) {
      plan.errors.push({ row, column: urnColumn, message: `${entry.urn} is already ${current.name} (${current.id}) from the ${current.registerSource === "gias" ? "GIAS" : "early years"} list` });
      continue;
    }
    if (current) {
      // Fields this source does not give (a postcode, a date) are cleared: the file is the record.
      const after: Setting = { id: current.id, ...entry };
      if (same(current, after)) plan.unchanged++;
      else plan.update.push({ id: current.id, before: current, after });
      continue;
    }
    const district = code.get(entry.districtSlug)!;
    const id = registerId(entry, district);
    if (ids.has(id)) {
      plan.errors.push({ row, column: urnColumn, message: `the id ${id} is taken by another setting` });
      continue;
    }
    ids.add(id);
    plan.create.push({ id, ...entry });
  }
  plan.skipped = [...skipped.entries()].map(([reason, rows]) => ({ reason, rows })).sort((a, b) => b.rows - a.rows);
  return plan;
}
