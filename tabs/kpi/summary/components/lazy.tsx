/**
 * The summary's heavy parts, loaded when first shown rather than before the page's first paint: the
 * trend charts (the charts library and d3 are most of the page's JavaScript), the district drill-down
 * (with its tabs and dialog) and the monitoring pack. Each waits behind a small spinner.
 */
import { lazy, Suspense, type ComponentType, type JSX } from "react";
import { Spinner } from "@fluentui/react-components";
import { lazyPart } from "../../../shell";

const TrendChartsPart = lazy(() => import("./TrendCharts").then((m) => ({ default: m.TrendCharts })));
const DistrictDrilldownPart = lazy(() => import("./DistrictDrilldown").then((m) => ({ default: m.DistrictDrilldown })));
const MonitoringPackPart = lazy(() => import("./MonitoringPack").then((m) => ({ default: m.MonitoringPack })));

function shownWhenLoaded<P extends JSX.IntrinsicAttributes & object>(Part: ComponentType<P>, what: string) {
  return function WhenLoaded(props: P) {
    return (
      <Suspense fallback={<Spinner size="small" label={`Loading ${what}…`} />}>
        <Part {...props} />
      </Suspense>
    );
  };
}

export const TrendCharts = shownWhenLoaded(TrendChartsPart, "the trend charts");
export const DistrictDrilldown = shownWhenLoaded(DistrictDrilldownPart, "the district");
export const MonitoringPack = shownWhenLoaded(MonitoringPackPart, "the monitoring pack");

/** A district by locality and LIFT group: below the first screen, and only for one district. */
export const LocalityReport = lazyPart(() => import("./LocalityReport").then((m) => m.LocalityReport), "the figures by locality");
