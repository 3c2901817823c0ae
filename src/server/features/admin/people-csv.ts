/**
 * Reading a people CSV (one person a row) with csv-parse's sync API. Columns, by header name (case and
 * spaces ignored): oid, upn, displayName, role, district, setting, area, chairOf. A role may be given
 * as its code (`specialist_teacher`) or its label ("Specialist teacher (LIFT member)"); chairOf lists
 * LIFT groups separated by `;`. Rows are numbered as a spreadsheet shows them (the header is row 1). An optional countyTeam column names a countywide team.
 */
import { parse } from "csv-parse/sync";
import { AppError } from "../../../errors";
import { ROLE_LABELS, ROLES, type Role } from "../../../schemas/reference/person";

export interface CsvPersonRow {
  row: number;
  values: Record<string, string | string[] | undefined>;
}

/** A Map, not an object literal: a column headed "constructor" or "__proto__" is unknown like any other. */
const COLUMNS: ReadonlyMap<string, string> = new Map([
  ["oid", "oid"],
  ["objectid", "oid"],
  ["upn", "upn"],
  ["email", "upn"],
  ["signinname", "upn"],
  ["displayname", "displayName"],
  ["name", "displayName"],
  ["role", "role"],
  ["district", "districtSlug"],
  ["districtslug", "districtSlug"],
  ["setting", "settingId"],
  ["settingid", "settingId"],
  ["area", "areaName"],
  ["areaname", "areaName"],
  ["chairof", "chairOf"],
  ["liftgroups", "chairOf"],
  ["countyteam", "countyTeam"],
]);

const ROLE_BY_TEXT = new Map<string, Role>([...ROLES.map((r) => [r, r] as const), ...ROLES.map((r) => [ROLE_LABELS[r].toLowerCase(), r] as const)]);

export function roleFromText(text: string): Role | undefined {
  return ROLE_BY_TEXT.get(text.trim().toLowerCase()) ?? ROLE_BY_TEXT.get(text.trim().toLowerCase().replace(/[\s-]+/g, "_"));
}

export function parsePeopleCsv(text: string): CsvPersonRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (error) {
    throw new AppError("validation_failed", `The file is not a readable CSV: ${(error as Error).message}`, { fieldErrors: { csv: ["Not a readable CSV file"] } });
  }
  const [header, ...rows] = records;
  if (!header) throw new AppError("validation_failed", "The file has no header row.", { fieldErrors: { csv: ["The first row must name the columns"] } });
  const fields = header.map((h) => COLUMNS.get(h.toLowerCase().replace(/[\s_-]+/g, "")));
  const unknown = header.filter((_, i) => !fields[i]);
  if (unknown.length > 0) {
    throw new AppError("validation_failed", `Unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`, {
      fieldErrors: { csv: [`Use the columns oid, upn, displayName, role, district, setting, area, chairOf (not ${unknown.join(", ")})`] },
    });
  }
  return rows.map((cells, i) => {
    const values: CsvPersonRow["values"] = {};
    fields.forEach((field, j) => {
      const cell = cells[j]?.trim();
      if (!field || !cell) return;
      if (field === "chairOf") values.chairOf = cell.split(";").map((s) => s.trim()).filter(Boolean);
      else if (field === "role") values.role = roleFromText(cell) ?? cell;
      else values[field] = cell;
    });
    return { row: i + 2, values };
  });
}
