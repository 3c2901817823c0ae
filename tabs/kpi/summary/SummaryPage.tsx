import { useMemo } from "react";
import { DataBarVertical24Regular } from "@fluentui/react-icons";
import { Shell, ukToday, useCurrentView, useReferenceData, useSession } from "../../shell";
import { kpiApi } from "../api";
import { CommissionersOnly } from "./components/CommissionersOnly";
import { LocalityReport, MonitoringPack } from "./components/lazy";
import { defaultPeriod } from "../periods";
import { SummaryDashboard } from "./components/SummaryDashboard";
import { packLinkFrom } from "./pack-link";
import { CalendarWarning } from "../../admin/CalendarWarning";

/** A monitoring pack opened from a link (the bot's monitoring-meeting reminder): the district's lead may read it too. */
function LinkedPack({ link }: { link: NonNullable<ReturnType<typeof packLinkFrom>> }) {
  const { api } = useSession();
  const kpi = useMemo(() => kpiApi(api), [api]);
  return <MonitoringPack kpi={kpi} slug={link.slug} year={link.year} terms={link.terms} onBack={() => window.location.assign(window.location.pathname)} />;
}

function SummaryBody() {
  const { me } = useSession();
  const { districts, terms } = useReferenceData();
  const { district } = useCurrentView();
  const link = packLinkFrom(window.location.search, districts);
  if (link && (me.role === "commissioner" || (me.role === "district_lead" && me.district?.slug === link.slug))) return <LinkedPack link={link} />;
  // The SLA's read-only roles read their own part of it: an area, or a district (a LIFT Executive
  // member given no district, the county's); the server checks the same.
  if (me.role === "area_lift_forum") return <SummaryDashboard scope={{ area: me.area }} />;
  if (me.role === "lift_executive" || me.role === "sla_headteacher") return <SummaryDashboard scope={me.district ? { district: me.district.slug } : {}} />;
  // The server answers 403 to anyone else; say so plainly instead of showing an error.
  if (me.role !== "commissioner") {
    // The district's own team reads its work by locality and LIFT group (the server checks the same).
    const team = (me.role === "district_lead" || me.role === "specialist_teacher" || me.role === "lift_member") && me.district;
    return (
      <>
        <CommissionersOnly districtName={me.role === "district_lead" ? me.district?.name : undefined} />
        {team ? <LocalityReport district={team.slug} year={defaultPeriod(ukToday(), terms).year} /> : null}
      </>
    );
  }
  return (
    <>
      <CalendarWarning />
      <SummaryDashboard initialDistrict={district?.slug} />
    </>
  );
}
export function SummaryPage() {
  return (
    <Shell title="KPI summary" tagline="Countywide and district KPIs by term and year" icon={<DataBarVertical24Regular />}>
      <SummaryBody />
    </Shell>
  );
}
