import { useMemo } from "react";
import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Link,
  Text,
  Tooltip,
  createTableColumn,
  makeStyles,
  tokens,
  type TableColumnDefinition,
} from "@fluentui/react-components";
import { useReferenceData } from "../../../shell";
import type { Measure, SummaryRow } from "../../api";
import { indexRows, rowKey, scopesIn } from "../summary-data";
import { ValueCell } from "./ValueCell";

const useStyles = makeStyles({
  scroll: { overflowX: "auto", maxWidth: "100%" },
  grid: { minWidth: "980px" },
  total: { backgroundColor: tokens.colorNeutralBackground2, fontWeight: tokens.fontWeightSemibold },
  header: { whiteSpace: "normal", lineHeight: tokens.lineHeightBase200, fontSize: tokens.fontSizeBase200 },
  scopeName: { fontWeight: tokens.fontWeightSemibold },
});

interface Scope {
  level: SummaryRow["level"];
  name: string;
}

/** Districts × headline KPIs for one period, with area and county totals; a district's name opens its drill-down. */
export function KpiTable({ rows, kpis, period, onDistrict }: { rows: SummaryRow[]; kpis: Measure[]; period: string; onDistrict?: (slug: string) => void }) {
  const styles = useStyles();
  const { districts } = useReferenceData();
  const index = useMemo(() => indexRows(rows), [rows]);
  const scopes = useMemo(() => scopesIn(rows), [rows]);

  const columns = useMemo<TableColumnDefinition<Scope>[]>(
    () => [
      createTableColumn<Scope>({
        columnId: "scope",
        compare: (a, b) => a.name.localeCompare(b.name),
        renderHeaderCell: () => "District",
        renderCell: (scope) => {
          if (scope.level !== "district") {
            return <Text className={styles.scopeName}>{scope.level === "area" ? `${scope.name} area` : scope.name}</Text>;
          }
          const slug = districts.find((d) => d.name === scope.name)?.slug;
          return slug && onDistrict ? (
            <Link as="button" onClick={() => onDistrict(slug)} data-testid="district-link">
              {scope.name}
            </Link>
          ) : (
            scope.name
          );
        },
      }),
      ...kpis.map((m) =>
        createTableColumn<Scope>({
          columnId: m.id,
          renderHeaderCell: () => (
            <Tooltip content={m.definition} relationship="description" withArrow>
              <span className={styles.header}>
                {m.kpi ? `KPI ${m.kpi}: ` : ""}
                {m.label}
              </span>
            </Tooltip>
          ),
          renderCell: (scope) => (
            <ValueCell row={index.get(rowKey(scope.level, scope.name, period, m.id))} kind={m.kind} showReporting responseRate={m.askedId !== undefined} />
          ),
        }),
      ),
    ],
    [kpis, index, period, onDistrict, styles],
  );

  return (
    <div className={styles.scroll}>
      <DataGrid items={scopes} columns={columns} getRowId={(s: Scope) => `${s.level}|${s.name}`} className={styles.grid} aria-label="KPIs by district" data-testid="kpi-table">
        <DataGridHeader>
          <DataGridRow>{({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
        </DataGridHeader>
        <DataGridBody<Scope>>
          {({ item, rowId }) => (
            <DataGridRow<Scope> key={rowId} className={item.level === "district" ? undefined : styles.total} data-testid={`row-${item.level}`}>
              {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
            </DataGridRow>
          )}
        </DataGridBody>
      </DataGrid>
    </div>
  );
}
