/** What one row of a source becomes: a register entry (a setting without its id), a skip, or errors by column. */
import type { Setting } from "../../schemas/reference/setting";
import { parseSourceDate } from "./dates";

export type RegisterEntry = Omit<Setting, "id"> & Required<Pick<Setting, "registerPhase" | "status" | "mainstream" | "registerSource">>;

export interface ColumnError {
  column: string;
  message: string;
}

export type RowOutcome =
  | { kind: "entry"; entry: RegisterEntry }
  /** Not a setting the register holds (another council's, a university…): counted by reason, not an error. */
  | { kind: "skipped"; reason: string }
  | { kind: "invalid"; errors: ColumnError[] };

/** A source's rows as read: the header's cells, then each row keyed by header. */
export type SourceRow = Readonly<Record<string, string>>;

export function cell(row: SourceRow, column: string): string {
  return (row[column] ?? "").trim();
}

/** Required columns a header lacks, as one error on row 1. */
export function missingColumns(header: readonly string[], required: readonly string[]): string[] {
  const have = new Set(header.map((h) => h.trim()));
  return required.filter((c) => !have.has(c));
}

/**
 * The postcode and the opening and closing dates every source carries, checked (errors by column
 * through `err`) and as the entry's fields.
 */
export function postcodeAndDates(
  row: SourceRow,
  columns: { postcode: string; opened: string; closed: string },
  err: (column: string, message: string) => void,
): { ok: boolean; fields: Pick<RegisterEntry, "postcode" | "openedOn" | "closedOn"> } {
  const postcode = cell(row, columns.postcode);
  if (postcode.length > 10) err(columns.postcode, "At most 10 characters");
  const opened = parseSourceDate(cell(row, columns.opened));
  if (!opened.ok) err(columns.opened, opened.message);
  const closed = parseSourceDate(cell(row, columns.closed));
  if (!closed.ok) err(columns.closed, closed.message);
  return {
    ok: postcode.length <= 10 && opened.ok && closed.ok,
    fields: {
      ...(postcode ? { postcode: postcode.toUpperCase() } : {}),
      ...(opened.ok && opened.date ? { openedOn: opened.date } : {}),
      ...(closed.ok && closed.date ? { closedOn: closed.date } : {}),
    },
  };
}
