/**
 * Reading a register source file: csv-parse (sync API) within size limits, in UTF-8 or, as GIAS
 * downloads come, Windows-1252. Rows are keyed by their header; row numbers are the spreadsheet's
 * (the header is row 1).
 */
import { parse } from "csv-parse/sync";
import { AppError } from "../../../errors";
import type { SourceRow } from "../../../domain/settings-register/entry";

/**
 * A county's establishments with every GIAS field are about 2,000 rows of 130 columns; an early
 * years list is one row per provider. These limits leave room for that and stop anything far larger
 * before its fields are built. (The API's upload limit, 5 MB, is lower: the command takes more.)
 */
export const REGISTER_LIMITS = { bytes: 20 * 1024 * 1024, rows: 10_000, columns: 400, cellLength: 1000 } as const;

function tooBig(message: string, row = 0, column = ""): AppError {
  return new AppError("validation_failed", message, { detail: { errors: [{ row, column, message }] } });
}

function decode(data: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    // GIAS exports are Windows-1252 (é in "Église", ’ in names): decoded as such when not UTF-8.
    return new TextDecoder("windows-1252").decode(data);
  }
}

export interface SourceTable {
  header: string[];
  rows: { row: number; cells: SourceRow }[];
}

/** The file's header and rows, each row keyed by `column(header cell)`. */
export function readRegisterCsv(data: Buffer, column: (header: string) => string = (h) => h.trim()): SourceTable {
  if (data.length > REGISTER_LIMITS.bytes) throw tooBig(`The file is ${(data.length / 1048576).toFixed(1)} MB; a register import may be at most ${REGISTER_LIMITS.bytes / 1048576} MB.`);
  const text = decode(data);
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, to: REGISTER_LIMITS.rows + 2, max_record_size: REGISTER_LIMITS.columns * REGISTER_LIMITS.cellLength });
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    throw new AppError("validation_failed", `The file is not a readable CSV: ${e.message ?? String(err)}`, { detail: { errors: [{ row: e.lines ?? 0, column: "", message: e.message ?? "not CSV" }] } });
  }
  if (records.length === 0) throw tooBig("The file is empty: expected a header row and a row per setting.", 1);
  if (records.length > REGISTER_LIMITS.rows + 1) throw tooBig(`The file has more than ${REGISTER_LIMITS.rows} rows under its header; import the council's own establishments (a GIAS search by local authority) rather than the whole country.`);
  const header = records[0]!.map(column);
  if (header.length > REGISTER_LIMITS.columns) throw tooBig(`The file has ${header.length} columns; at most ${REGISTER_LIMITS.columns}.`, 1);
  const rows = records.slice(1).map((cells, i) => {
    const row = i + 2;
    // No prototype: a header cell named "__proto__" is a column like any other.
    const out: Record<string, string> = Object.create(null) as Record<string, string>;
    cells.forEach((value, c) => {
      if (value.length > REGISTER_LIMITS.cellLength) throw tooBig(`Row ${row}, column ${header[c] ?? c + 1} holds ${value.length} characters; a cell may hold at most ${REGISTER_LIMITS.cellLength}.`, row, header[c] ?? "");
      const key = header[c];
      if (key !== undefined && key !== "") out[key] = value;
    });
    return { row, cells: out };
  });
  return { header, rows };
}
