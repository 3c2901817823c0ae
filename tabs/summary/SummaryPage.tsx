import { DataBarVertical24Regular } from "@fluentui/react-icons";
import { Shell, currentView, useSession } from "../shell";
import { CommissionersOnly } from "./components/CommissionersOnly";
import { SummaryDashboard } from "./components/SummaryDashboard";

function SummaryBody() {
  const { me } = useSession();
  // The server answers 403 to anyone else; say so plainly instead of showing an error.
  if (me.role !== "commissioner") return <CommissionersOnly districtName={me.role === "district_lead" ? me.district?.name : undefined} />;
  return <SummaryDashboard initialDistrict={currentView().district?.slug} />;
}

export function SummaryPage() {
  return (
    <Shell title="KPI summary" tagline="Countywide and district KPIs by term and year" icon={<DataBarVertical24Regular />}>
      <SummaryBody />
    </Shell>
  );
}
