/**
 * The summary as a long-format CSV (RFC 4180 via csv-stringify: comma separated, CRLF line ends, fields
 * quoted when they hold a comma, a quote or a line break) for Excel and Power BI. Exactly these columns:
 * level,name,academic_year,period,measure,value,numerator,denominator,percent,rag,districts_reporting
 *
 * Missing values are blank (never 0). A scope's rows for a period in which it expected no district (a
 * district made by a later split, or one retired before the period) are left out: no figure was
 * owed, so a blank would read as missing. Percentages are rounded to at most 2 decimal places for
 * display only; the `rag` column was worked out on the unrounded value, so 74.996% shows as 75 and
 * stays amber.
 */
import { stringify } from "csv-stringify/sync";
import type { SummaryRow } from "./aggregate";

export const CSV_COLUMNS = [
  "level",
  "name",
  "academic_year",
  "period",
  "measure",
  "value",
  "numerator",
  "denominator",
  "percent",
  "rag",
  "districts_reporting",
] as const;

/**
 * Text a spreadsheet would run as a formula (starting = + - @, or a tab or carriage return before
 * one) gets a leading apostrophe, as OWASP advises for CSV injection; a plain number, negative or
 * not, is left a number.
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

/**
 * Rows of text as CSV (RFC 4180 through csv-stringify: CRLF record ends, a field quoted when it
 * holds a comma, a quote or any line break), every cell neutralised first.
 */
export function toCsv(rows: ReadonlyArray<readonly string[]>): string {
  return stringify(
    rows.map((r) => r.map(neutraliseCell)),
    { record_delimiter: "\r\n", quoted_match: /[\r\n]/ },
  );
}

/** One neutralised CSV field, quoted when it needs to be. */
export function csvField(text: string): string {
  return toCsv([[text]]).slice(0, -2);
}

/** A number with at most 2 decimal places and no trailing zeros ("69.99", "75", "2.5"); blank for null. */
export function formatCsvNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "";
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** The summary's cells, header first, neutralised (what both the CSV and the XLSX export hold). */
export function summaryTable(rows: readonly SummaryRow[], extraRows: ReadonlyArray<readonly string[]> = []): string[][] {
  const table: string[][] = [[...CSV_COLUMNS]];
  for (const r of rows) {
    if (r.districtsExpected === 0) continue;
    table.push([
      r.level,
      r.name,
      r.academicYear,
      r.period,
      r.measure,
      formatCsvNumber(r.value),
      formatCsvNumber(r.numerator),
      formatCsvNumber(r.denominator),
      formatCsvNumber(r.percent),
      r.rag,
      String(r.districtsReporting),
    ]);
  }
  return [...table, ...extraRows.map((r) => [...r])].map((r) => r.map(neutraliseCell));
}

/** `extraRows`: further rows in the same columns (time to support), after the summary rows. */
export function summaryToCsv(rows: readonly SummaryRow[], extraRows: ReadonlyArray<readonly string[]> = []): string {
  return toCsv(summaryTable(rows, extraRows));
}
