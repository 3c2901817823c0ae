/**
 * The summary as a long-format CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when
 * they hold a comma, a quote or a line break) for Excel and Power BI. Exactly these columns:
 * level,name,academic_year,period,measure,value,numerator,denominator,percent,rag,districts_reporting
 *
 * Missing values are blank (never 0). Percentages are rounded to at most 2 decimal places for
 * display only; the `rag` column was worked out on the unrounded value, so 74.996% shows as 75 and
 * stays amber.
 */
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
 * One CSV field. Text a spreadsheet would run as a formula (starting = + - @, or a tab or carriage
 * return before one) gets a leading apostrophe, as OWASP advises for CSV injection; a plain number,
 * negative or not, is left a number.
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number with at most 2 decimal places and no trailing zeros ("69.99", "75", "2.5"); blank for null. */
export function formatCsvNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "";
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export function summaryToCsv(rows: readonly SummaryRow[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) {
    const fields = [
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
    ];
    lines.push(fields.map(csvField).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
