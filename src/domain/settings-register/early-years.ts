/**
 * A row of the council's early years provider list as a register entry. The layout (README.md in
 * this folder), one provider a row, header names matched ignoring case, spaces and underscores:
 *
 *   urn, name, type, postcode, district, status[, opened_on, closed_on]
 *
 * - `urn`: the provider's Ofsted number, EY and 6 digits (EY123456) or 6 digits.
 * - `type`: as the list names it (Day nursery, Pre-school, Childminder, School-based nursery…).
 * - `district`: one of the council's districts (name, alias, slug or code).
 * - `status`: open (also active, registered, suspended) or closed (also resigned, cancelled, inactive).
 * - dates: DD-MM-YYYY, DD/MM/YYYY or YYYY-MM-DD, optional.
 * Every provider is an early years setting and counts in the district's early years total while open.
 */
import type { District } from "../../schemas/reference/district";
import { cell, postcodeAndDates, type ColumnError, type RowOutcome, type SourceRow } from "./entry";

export const EARLY_YEARS_COLUMNS = ["urn", "name", "type", "postcode", "district", "status", "opened_on", "closed_on"] as const;
export const EARLY_YEARS_REQUIRED: readonly string[] = ["urn", "name", "type", "district", "status"];

/** A header cell as this layout names it ("Provider URN" and "URN" both → "urn"; "Opened on" → "opened_on"). */
export function earlyYearsColumn(header: string): string {
  const h = header.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return EARLY_YEARS_ALIASES.get(h) ?? h;
}

/** A Map, not an object literal: a header cell such as "__proto__" or "constructor" is a name like any other. */
const EARLY_YEARS_ALIASES: ReadonlyMap<string, string> = new Map([
  ["provider_urn", "urn"],
  ["provider_reference", "urn"],
  ["ofsted_urn", "urn"],
  ["provider_name", "name"],
  ["provider_type", "type"],
  ["opened", "opened_on"],
  ["closed", "closed_on"],
]);

const OPEN = /^(open|active|registered|suspended)$/i;
const CLOSED = /^(closed|resigned|cancelled|inactive)$/i;

export function earlyYearsRow(row: SourceRow, options: { districtOf: (name: string) => District | undefined }): RowOutcome {
  const errors: ColumnError[] = [];
  const err = (column: string, message: string) => errors.push({ column, message });
  const urn = cell(row, "urn").toUpperCase();
  if (!/^(EY\d{6}|\d{6})$/.test(urn)) err("urn", urn ? `'${urn}' is not an Ofsted number (EY and 6 digits, or 6 digits)` : "Enter the provider's Ofsted number");
  const name = cell(row, "name");
  if (!name) err("name", "Enter the provider's name");
  else if (name.length > 200) err("name", "At most 200 characters");
  const type = cell(row, "type");
  if (!type) err("type", "Enter the type of provider");
  else if (type.length > 120) err("type", "At most 120 characters");
  const districtText = cell(row, "district");
  const district = districtText ? options.districtOf(districtText) : undefined;
  if (!district) err("district", districtText ? `'${districtText}' is not one of the council's districts` : "Enter the district");
  const statusText = cell(row, "status");
  const status = OPEN.test(statusText) ? "open" : CLOSED.test(statusText) ? "closed" : undefined;
  if (!status) err("status", statusText ? `'${statusText}' is neither open nor closed` : "Enter open or closed");
  const place = postcodeAndDates(row, { postcode: "postcode", opened: "opened_on", closed: "closed_on" }, err);
  if (errors.length > 0 || !district || !status || !place.ok) return { kind: "invalid", errors };
  return {
    kind: "entry",
    entry: {
      urn,
      name,
      districtSlug: district.slug,
      phase: "early-years",
      registerPhase: "early-years",
      status,
      mainstream: true,
      establishmentType: type,
      ...place.fields,
      registerSource: "early-years-list",
    },
  };
}
