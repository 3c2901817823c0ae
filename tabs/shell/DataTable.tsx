import type { ReactNode } from "react";
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens, type TableProps } from "@fluentui/react-components";

const useStyles = makeStyles({
  group: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
});

/** A row of cells, or a group heading spanning every column (the KPI sections). */
export type DataTableRow =
  | { key: string; cells: ReactNode[]; "data-testid"?: string }
  | { key: string; group: ReactNode };

export interface DataTableProps {
  "aria-label": string;
  headers: ReactNode[];
  rows: DataTableRow[];
  size?: TableProps["size"];
  "data-testid"?: string;
}

/** A read-only table of figures or facts: a header row, then rows of cells and group headings. */
export function DataTable({ headers, rows, ...rest }: DataTableProps) {
  const styles = useStyles();
  return (
    <Table {...rest}>
      <TableHeader>
        <TableRow>
          {headers.map((header, i) => (
            <TableHeaderCell key={i}>{header}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) =>
          "group" in row ? (
            <TableRow key={row.key} className={styles.group}>
              <TableCell colSpan={headers.length}>{row.group}</TableCell>
            </TableRow>
          ) : (
            <TableRow key={row.key} data-testid={row["data-testid"]}>
              {row.cells.map((cell, i) => (
                <TableCell key={i}>{cell}</TableCell>
              ))}
            </TableRow>
          ),
        )}
      </TableBody>
    </Table>
  );
}
