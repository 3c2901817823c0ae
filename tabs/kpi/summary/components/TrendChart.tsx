import { useState } from "react";
import { LineChart, type LineChartPoints } from "@fluentui/react-charts";
import { Button, Card, CardHeader, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DataTable } from "../../../shell";
import type { Measure, SummaryRow } from "../../api";
import { ValueCell } from "./ValueCell";
import { RAG_LABELS } from "../../format";

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  chart: { minHeight: "220px" },
  empty: { color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalL} 0` },
});

const TERMS = [1, 2, 3, 4, 5, 6];

/**
 * One KPI across terms (x) and academic years (one line per year), for the scope in the filters.
 * A missing term is a gap, never a 0. The same figures are one click away as a table.
 */
export function TrendChart({ measure, years, rowsByYear, scopeLevel, scopeName }: {
  measure: Measure;
  years: string[];
  rowsByYear: Map<string, SummaryRow[]>;
  scopeLevel: SummaryRow["level"];
  scopeName: string;
}) {
  const styles = useStyles();
  const [asTable, setAsTable] = useState(false);
  const pick = (year: string, term: number) =>
    rowsByYear.get(year)?.find((r) => r.level === scopeLevel && r.name === scopeName && r.period === `T${term}` && r.measure === measure.id);
  const valueOf = (row: SummaryRow | undefined) => (row ? (measure.kind === "percent" ? row.percent : row.value) : null);

  const series: LineChartPoints[] = years
    // No colours of our own: the chart's data-visualisation palette adapts to the theme.
    .map((year) => ({
      legend: year,
      data: TERMS.flatMap((t) => {
        const row = pick(year, t);
        const y = valueOf(row);
        // A point from too few answers stays on the line (it is a real figure) but its callout says it is not rated.
        const tooFew = row?.rag === "too_few" ? ` (${RAG_LABELS.too_few.toLowerCase()})` : "";
        return y === null || y === undefined
          ? []
          : [{ x: t, y: Math.round(y * 10) / 10, xAxisCalloutData: `Term ${t} ${year}`, yAxisCalloutData: measure.kind === "percent" ? `${Math.round(y * 10) / 10}%${tooFew}` : String(y) }];
      }),
    }))
    .filter((s) => s.data.length > 0);

  const title = `${measure.kpi ? `KPI ${measure.kpi}: ` : ""}${measure.label}`;
  const headingId = `trend-${measure.id}`;
  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId}>
      <CardHeader
        header={
          <h3 id={headingId} className={styles.heading}>
            {title}
          </h3>
        }
        description={<Text size={200}>{scopeName}, by term</Text>}
        action={
          <Button size="small" appearance="subtle" onClick={() => setAsTable(!asTable)} aria-pressed={asTable}>
            {asTable ? "Show chart" : "Show table"}
          </Button>
        }
      />
      {asTable ? (
        <DataTable
          size="extra-small"
          aria-label={`${title}: ${scopeName} by term and year`}
          headers={["Year", ...TERMS.map((t) => `T${t}`)]}
          rows={years.map((year) => ({
            key: year,
            cells: [year, ...TERMS.map((t) => <ValueCell key={t} row={pick(year, t)} kind={measure.kind} responseRate={measure.askedId !== undefined} />)],
          }))}
        />
      ) : series.length === 0 ? (
        <Text className={styles.empty}>No figures yet for these years: every term is missing.</Text>
      ) : (
        <div className={styles.chart}>
          <LineChart
            data={{ chartTitle: `${title}, ${scopeName}, by term`, lineChartData: series }}
            height={220}
            xAxisTitle="Term"
            yAxisTitle={measure.kind === "percent" ? "%" : "Count"}
            tickValues={TERMS}
            xMinValue={1}
            xMaxValue={6}
            yMinValue={0}
            yMaxValue={measure.kind === "percent" ? 100 : undefined}
            culture="en-GB"
          />
        </div>
      )}
    </Card>
  );
}
