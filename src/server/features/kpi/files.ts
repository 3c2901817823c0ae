/**
 * Spreadsheet files in and out: CSV through csv-parse and csv-stringify, XLSX through exceljs, the import template
 * and the summary export (same long-format columns as the CSV).
 */
import ExcelJS from "exceljs";
import { AppError } from "../../../errors";
import { MEASURES } from "../../../domain/kpi/catalogue";
import { CsvError, parse } from "csv-parse/sync";
import { CSV_COLUMNS, summaryTable, summaryToCsv, toCsv } from "../../../domain/kpi/csv";
import type { SummaryRow } from "../../../domain/kpi/aggregate";

export type { FileFormat } from "../../../schemas/kpi/api";
import type { FileFormat } from "../../../schemas/kpi/api";
export const CONTENT_TYPES: Record<FileFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * What an import may hold. A spreadsheet declares its size (a single cell at XFD1048576 makes a
 * 6 KB file "1048576 rows by 16384 columns"), and walking that would take hours, so the declared
 * size is checked before any cell is read. A return is one row per district and term with under a
 * hundred columns; these limits leave room for years of returns.
 */
export const IMPORT_LIMITS = { rows: 5000, columns: 200, cellLength: 1000 } as const;

function tooBig(message: string): AppError {
  return new AppError("validation_failed", message, { detail: { errors: [{ row: 0, column: "", message }] } });
}

function checkSize(rows: number, columns: number): void {
  if (rows > IMPORT_LIMITS.rows + 1 || columns > IMPORT_LIMITS.columns) {
    throw tooBig(
      `The file is ${rows} rows by ${columns} columns; an import may have at most ${IMPORT_LIMITS.rows} rows of returns under its header and ${IMPORT_LIMITS.columns} columns. Delete unused rows and columns (or use the template) and try again.`,
    );
  }
}

function columnLetters(n: number): string {
  let out = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  return out;
}

function checkCell(text: string, row: number, column: number): string {
  if (text.length > IMPORT_LIMITS.cellLength) {
    throw new AppError("validation_failed", `The cell at row ${row}, column ${columnLetters(column)} (${columnLetters(column)}${row}) holds ${text.length} characters; a cell may hold at most ${IMPORT_LIMITS.cellLength}.`, {
      detail: { errors: [{ row, column: columnLetters(column), message: `At most ${IMPORT_LIMITS.cellLength} characters` }] },
    });
  }
  return text;
}

/** Every row, column and cell of a parsed CSV within IMPORT_LIMITS. */
function checkTable(rows: string[][]): string[][] {
  checkSize(rows.length, Math.max(0, ...rows.map((r) => r.length)));
  rows.forEach((r, i) => r.forEach((cell, c) => checkCell(cell, i + 1, c + 1)));
  return rows;
}

/** An uploaded CSV within IMPORT_LIMITS. */
function parseImportCsv(text: string): string[][] {
  // Counting line breaks first is cheap and stops a huge file before its fields are built.
  const lines = text.length === 0 ? 0 : text.split(/\r\n|\r|\n/, IMPORT_LIMITS.rows + 3).length;
  if (lines > IMPORT_LIMITS.rows + 2) checkSize(lines, 0);
  return checkTable(parseCsv(text));
}

/**
 * The rows of a CSV (RFC 4180 through csv-parse: fields optionally quoted, "" inside quotes, CRLF, LF
 * or CR line ends, a byte-order mark from Excel skipped, a stray quote inside an unquoted field kept
 * as text), blank lines dropped. No size limits here: imports go through `parseTable`.
 */
export function parseCsv(text: string): string[][] {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: ["\r\n", "\n", "\r"] }) as string[][];
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const row = typeof err.lines === "number" ? err.lines : 0;
    const message = err.code === "CSV_QUOTE_NOT_CLOSED" ? "A quoted field is not closed." : "The line cannot be read as CSV.";
    const summary = err.code === "CSV_QUOTE_NOT_CLOSED" ? "The CSV file ends inside a quoted field." : `The CSV file cannot be read at line ${row}.`;
    throw new AppError("validation_failed", summary, { cause: err, detail: { errors: [{ row, column: "", message }] } });
  }
  // Lines of empty cells (",,," from a spreadsheet) carry no data.
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    if ("result" in value && value.result !== undefined) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return String(value.error);
  }
  return String(value);
}

/** The first worksheet as rows of text (blank rows dropped). */
export async function parseXlsx(data: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (err) {
    throw new AppError("validation_failed", "The file is not a readable XLSX workbook.", { cause: err, detail: { errors: [{ row: 0, column: "", message: "The file is not a readable XLSX workbook." }] } });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  // The declared size, before any cell is walked.
  checkSize(sheet.rowCount, sheet.columnCount);
  const width = sheet.columnCount;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(checkCell(cellText(row.getCell(c).value).trim(), r, c));
    rows.push(cells);
  });
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c === "")) rows.pop();
  return rows;
}

export async function parseTable(format: FileFormat, body: Buffer): Promise<string[][]> {
  return format === "csv" ? parseImportCsv(body.toString("utf8")) : parseXlsx(body);
}

/** Template columns: district, academic_year, term, then every count measure (percentages are worked out, never typed). */
export function templateColumns(): string[] {
  return ["district", "academic_year", "term", ...MEASURES.filter((m) => m.kind === "count").map((m) => m.id)];
}

export async function templateFile(format: FileFormat): Promise<Buffer> {
  const columns = templateColumns();
  if (format === "csv") return Buffer.from(toCsv([columns]), "utf8");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Returns");
  sheet.addRow(columns);
  sheet.getRow(1).font = { bold: true };
  const defs = workbook.addWorksheet("Definitions");
  defs.addRow(["measure", "label", "definition", "collected from", "collected to"]);
  defs.getRow(1).font = { bold: true };
  for (const m of MEASURES.filter((x) => x.kind === "count")) defs.addRow([m.id, m.label, m.definition, m.appliesFrom ?? "", m.appliesTo ?? ""]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `extraRows`: further rows in the same columns (time to support), after the summary rows. */
export async function summaryFile(rows: readonly SummaryRow[], format: FileFormat, extraRows: ReadonlyArray<readonly string[]> = []): Promise<Buffer> {
  if (format === "csv") return Buffer.from(summaryToCsv(rows, extraRows), "utf8");
  // The same cells as the CSV (blank for missing, rounded numbers), numbers as numbers.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Summary");
  const numeric = new Set(["value", "numerator", "denominator", "percent", "districts_reporting"]);
  summaryTable(rows, extraRows).forEach((line, index) => {
    if (index === 0) {
      sheet.addRow(line);
      return;
    }
    sheet.addRow(line.map((cell, c) => (numeric.has(CSV_COLUMNS[c] as string) && cell !== "" ? Number(cell) : cell === "" ? null : cell)));
  });
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
