import { useEffect, useMemo, useState } from "react";
import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { errorMessage } from "../../shell";
import { DISTRICTS } from "../../../src/domain/reference/districts";
import type { KpiApi, Measure, SummaryRow } from "../../kpi-return/api";
import { TrendChart } from "./TrendChart";

const useStyles = makeStyles({
  grid: { display: "grid", gap: tokens.spacingHorizontalL, gridTemplateColumns: "repeat(auto-fill, minmax(340px, 1fr))" },
});

function previousYears(year: string, count: number): string[] {
  const first = Number(year.slice(0, 4));
  return Array.from({ length: count }, (_, i) => {
    const y = first - (count - 1 - i);
    return `${y}-${String((y + 1) % 100).padStart(2, "0")}`;
  });
}

/** Trend charts: each headline KPI over every term of this and the two previous academic years. */
export function TrendCharts({ kpi, kpis, year, area, district }: { kpi: KpiApi; kpis: Measure[]; year: string; area: string; district: string }) {
  const styles = useStyles();
  const years = useMemo(() => previousYears(year, 3), [year]);
  const [state, setState] = useState<{ kind: "loading" } | { kind: "error"; message: string } | { kind: "ready"; rowsByYear: Map<string, SummaryRow[]> }>({ kind: "loading" });

  useEffect(() => {
    let cancelled = false;
    setState({ kind: "loading" });
    Promise.all(years.map((y) => kpi.summary({ year: y, terms: [1, 2, 3, 4, 5, 6], area: area || undefined, district: district || undefined })))
      .then((answers) => {
        if (!cancelled) setState({ kind: "ready", rowsByYear: new Map(years.map((y, i) => [y, answers[i]!.rows])) });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ kind: "error", message: errorMessage(error) });
      });
    return () => {
      cancelled = true;
    };
  }, [kpi, years, area, district]);

  const scope = district
    ? { level: "district" as const, name: DISTRICTS.find((d) => d.slug === district)?.name ?? district }
    : area
      ? { level: "area" as const, name: area }
      : undefined;

  if (state.kind === "loading") return <Spinner size="small" label="Loading the trends…" />;
  if (state.kind === "error") {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{state.message}</MessageBarBody>
      </MessageBar>
    );
  }
  // The county row's name comes from the server (countyName); take it from the rows.
  const countyName = [...state.rowsByYear.values()].flat().find((r) => r.level === "county")?.name ?? "Kent";
  const { level, name } = scope ?? { level: "county" as const, name: countyName };
  return (
    <div className={styles.grid}>
      {kpis.map((m) => (
        <TrendChart key={m.id} measure={m} years={years} rowsByYear={state.rowsByYear} scopeLevel={level} scopeName={name} />
      ))}
    </div>
  );
}
