/**
 * Where a list store reports the rows it could not read. A row that does not match its list's schema
 * (edited by hand in SharePoint, or left by an older version of the app) is skipped on reads by
 * query and delta rather than failing the whole read; the store tells this sink which list and item,
 * and which fields, so the row can be found and fixed. Never the values: they may name a child.
 */
export interface InvalidRow {
  list: string;
  itemId: string;
  /** The dotted paths of the fields that failed ("" for the whole row). */
  fields: string[];
}

export interface RowReports {
  invalid(row: InvalidRow): void;
  /** The row was read and matched its schema (a fixed row's warning can be dropped). */
  valid?(list: string, itemId: string): void;
}

/** Keeps the rows currently known to be unreadable, for the health answer's warnings. */
export class InvalidRowLog implements RowReports {
  private readonly rows = new Map<string, InvalidRow>();

  constructor(private readonly onFirstReport: (row: InvalidRow) => void = () => undefined) {}

  invalid(row: InvalidRow): void {
    const key = `${row.list}\u0000${row.itemId}`;
    if (!this.rows.has(key)) this.onFirstReport(row);
    this.rows.set(key, row);
  }

  valid(list: string, itemId: string): void {
    if (this.rows.size > 0) this.rows.delete(`${list}\u0000${itemId}`);
  }

  /** One line per unreadable row, e.g. "People item 12 does not match its schema (districtSlug); it is skipped". */
  warnings(): string[] {
    return [...this.rows.values()].map((r) => `${r.list} item ${r.itemId} does not match its schema (${r.fields.join(", ") || "whole row"}); it is skipped`);
  }
}
