import { useMemo, useState } from "react";
import {
  Card,
  CardHeader,
  Field,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { LoadView, ukToday, useLoad, useReferenceData, useSession } from "../../../shell";
import { kpiApi } from "../../api";
import { formatDateTime } from "../../format";
import { academicYearOptions, defaultPeriod, periodLabel } from "../../periods";
import { headlineKpis, periodsIn } from "../summary-data";
import { CommissionersOnly } from "./CommissionersOnly";
import { CompletenessPanel } from "./CompletenessPanel";
import { ExportButtons } from "./ExportButtons";
import { KpiTable } from "./KpiTable";
import { DistrictDrilldown, LocalityReport, MonitoringPack, TrendCharts } from "./lazy";
import { SummaryFilters, type Filters, type SummaryScope } from "./SummaryFilters";
import { TimeToSupportTable } from "./TimeToSupportTable";
import { sharedStyles } from "../../../shell/styles";

const useStyles = makeStyles({
  root: sharedStyles.column,
  card: sharedStyles.card,
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", justifyContent: "space-between", gap: tokens.spacingHorizontalL },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
});

type View = { kind: "summary" } | { kind: "district"; slug: string } | { kind: "pack"; slug: string; terms: [number, number] };

/** The commissioners' summary: filters, districts × KPIs, completeness, trends, export; drill-down and packs. */
export function SummaryDashboard({ initialDistrict, scope }: { initialDistrict?: string; scope?: SummaryScope }) {
  const styles = useStyles();
  const { api } = useSession();
  const kpi = useMemo(() => kpiApi(api), [api]);
  const today = useMemo(() => ukToday(), []);
  const { districts, terms } = useReferenceData();
  const years = useMemo(() => academicYearOptions(today), [today]);
  const [filters, setFilters] = useState<Filters>(() => ({ year: defaultPeriod(today, terms).year, terms: [1, 2, 3, 4, 5, 6], area: scope?.area ?? "", district: scope?.district ?? initialDistrict ?? "" }));
  const [period, setPeriod] = useState("year");
  const [view, setView] = useState<View>({ kind: "summary" });
  const { state: load } = useLoad(JSON.stringify(filters), () =>
    kpi.summary({ year: filters.year, terms: filters.terms, area: filters.area || undefined, district: filters.district || undefined }),
  );

  const kpis = useMemo(() => headlineKpis(filters.year), [filters.year]);
  const periods = load.kind === "ready" ? periodsIn(load.value.rows) : [];
  const shownPeriod = periods.includes(period) ? period : (periods[periods.length - 1] ?? "year");
  const inScope = useMemo(
    () => new Set(districts.filter((d) => (!filters.area || d.area === filters.area) && (!filters.district || d.slug === filters.district)).map((d) => d.slug)),
    [districts, filters.area, filters.district],
  );

  // The server answers 403 to anyone but a commissioner: say so plainly instead of showing an error.
  if (load.kind === "error" && load.status === 403) return <CommissionersOnly />;
  if (view.kind === "district") {
    return (
      <DistrictDrilldown
        kpi={kpi}
        slug={view.slug}
        year={filters.year}
        initialTerm={/^T\d$/.test(shownPeriod) ? Number(shownPeriod.slice(1)) : (filters.terms[0] ?? 1)}
        onBack={() => setView({ kind: "summary" })}
        onPack={(terms) => setView({ kind: "pack", slug: view.slug, terms })}
      />
    );
  }
  if (view.kind === "pack") {
    return <MonitoringPack kpi={kpi} slug={view.slug} year={filters.year} terms={view.terms} onBack={() => setView({ kind: "district", slug: view.slug })} />;
  }

  return (
    <div className={styles.root}>
      <Card className={styles.card}>
        <SummaryFilters years={years} value={filters} onChange={setFilters} scope={scope} />
      </Card>
      <LoadView state={load} what="the summary" />
      {load.kind === "ready" ? (
        <>
          <Card className={styles.card} role="region" aria-labelledby="table-heading">
            <CardHeader
              header={
                <h2 id="table-heading" className={styles.h2}>
                  KPIs by district, {filters.year}
                </h2>
              }
              description={
                <Text size={200} className={styles.muted}>
                  Ratings: Green at 75% or more, Amber 70% to under 75%, Red under 70%. Figures as of {formatDateTime(load.value.generatedAt)}. A district
                  that has not reported is shown as Missing, never as 0.
                </Text>
              }
            />
            <div className={styles.toolbar}>
              <Field label="Period shown">
                <Select value={shownPeriod} onChange={(_, d) => setPeriod(d.value)}>
                  {periods.map((p) => (
                    <option key={p} value={p}>
                      {p === "year" ? `Whole year (terms ${filters.terms.join(", ")})` : periodLabel(p)}
                    </option>
                  ))}
                </Select>
              </Field>
              {scope ? null : <ExportButtons kpi={kpi} year={filters.year} />}
            </div>
            <KpiTable rows={load.value.rows} kpis={kpis} period={shownPeriod} onDistrict={scope ? undefined : (slug) => setView({ kind: "district", slug })} />
          </Card>
          <CompletenessPanel completeness={load.value.completeness} reachability={load.value.reachability} districtsInScope={inScope} />
          <TimeToSupportTable waits={load.value.timeToSupport} />
          {filters.district ? <LocalityReport district={filters.district} year={filters.year} /> : null}
          <section aria-labelledby="trends-heading" className={styles.root}>
            <h2 id="trends-heading" className={styles.h2}>
              Trends across terms and years
            </h2>
            <TrendCharts kpi={kpi} kpis={kpis} year={filters.year} area={filters.area} district={filters.district} />
          </section>
        </>
      ) : null}
    </div>
  );
}
