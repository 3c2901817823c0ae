import { useMemo } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { LoadView, districtName, useLoad, useReferenceData } from "../../../shell";
import type { KpiApi, Measure } from "../../api";
import { yearsUpTo } from "../../periods";
import { TrendChart } from "./TrendChart";

const useStyles = makeStyles({
  grid: { display: "grid", gap: tokens.spacingHorizontalL, gridTemplateColumns: "repeat(auto-fill, minmax(340px, 1fr))" },
});

/** Trend charts: each headline KPI over every term of this and the two previous academic years. */
export function TrendCharts({ kpi, kpis, year, area, district }: { kpi: KpiApi; kpis: Measure[]; year: string; area: string; district: string }) {
  const styles = useStyles();
  const years = useMemo(() => yearsUpTo(year, 3), [year]);
  const { state } = useLoad(`${years.join(",")}|${area}|${district}`, async () => {
    const answers = await Promise.all(
      years.map((y) => kpi.summary({ year: y, terms: [1, 2, 3, 4, 5, 6], area: area || undefined, district: district || undefined })),
    );
    return new Map(years.map((y, i) => [y, answers[i]!.rows]));
  });
  const reference = useReferenceData();

  const scope = district
    ? { level: "district" as const, name: districtName(reference, district) }
    : area
      ? { level: "area" as const, name: area }
      : undefined;

  if (state.kind !== "ready") return <LoadView state={state} what="the trends" size="small" />;
  const rowsByYear = state.value;
  // The county row's name comes from the server (countyName); take it from the rows.
  const countyName = [...rowsByYear.values()].flat().find((r) => r.level === "county")?.name ?? "Kent";
  const { level, name } = scope ?? { level: "county" as const, name: countyName };
  return (
    <div className={styles.grid}>
      {kpis.map((m) => (
        <TrendChart key={m.id} measure={m} years={years} rowsByYear={rowsByYear} scopeLevel={level} scopeName={name} />
      ))}
    </div>
  );
}
