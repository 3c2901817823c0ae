import type { ReactNode } from "react";
import { DataTable, type DataTableRow } from "../../shell";
import { GROUPS, type Measure } from "../../../src/domain/kpi/catalogue";

export interface FiguresTableProps {
  "aria-label": string;
  measures: readonly Measure[];
  /** The figure columns after "Measure" (one figure, or a term each). */
  columns: ReactNode[];
  /** What stands in a measure's row under column `column`. */
  figure(measure: Measure, column: number): ReactNode;
  "data-testid"?: string;
}

/** Measures section by section (the catalogue's groups, empty ones left out), one figure a column. */
export function FiguresTable({ measures, columns, figure, ...rest }: FiguresTableProps) {
  const rows: DataTableRow[] = GROUPS.flatMap((g) => {
    const inGroup = measures.filter((m) => m.group === g.id);
    if (inGroup.length === 0) return [];
    return [{ key: g.id, group: g.title }, ...inGroup.map((m) => ({ key: m.id, cells: [m.label, ...columns.map((_, i) => figure(m, i))] }))];
  });
  return <DataTable size="small" headers={["Measure", ...columns]} rows={rows} {...rest} />;
}
