import { DataBarVertical24Regular } from "@fluentui/react-icons";
import { ComingSoon, Shell } from "../shell";

export function SummaryPage() {
  return (
    <Shell title="KPI summary" tagline="Countywide and district KPIs by term and year" icon={<DataBarVertical24Regular />}>
      <ComingSoon
        heading="Countywide KPI summary"
        summary="Commissioners will read the countywide and per-district KPI summary here, for each term and year."
        plans={[
          "Compare districts on each KPI with red, amber and green ratings",
          "Follow trends across terms and years",
          "See which districts' returns are complete",
          "Export the figures and the monitoring-meeting pack",
        ]}
      />
    </Shell>
  );
}
