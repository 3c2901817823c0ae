/** What one row of a source becomes: a register entry (a setting without its id), a skip, or errors by column. */
import type { Setting } from "../../schemas/reference/setting";

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
