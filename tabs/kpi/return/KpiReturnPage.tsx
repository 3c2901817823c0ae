import {  } from "@fluentui/react-components";
import { ClipboardTaskListLtr24Regular } from "@fluentui/react-icons";
import { Notice, Shell, useCurrentView, useSession } from "../../shell";
import { ReturnWorkspace } from "./components/ReturnWorkspace";

/** District leads write their own district's return; commissioners any district's (and can return one). */
function KpiReturnBody() {
  const { me } = useSession();
  const { district } = useCurrentView();
  if (me.role === "commissioner") return <ReturnWorkspace initialDistrict={district?.slug} />;
  if (me.role === "district_lead" && me.district) return <ReturnWorkspace districtSlug={me.district.slug} />;
  return (
    <Notice intent="info" layout="multiline" title="For district STLS leads">
      The termly KPI return is written by each district&apos;s STLS lead and read by the commissioners. Ask your
      district lead if a figure needs changing.
    </Notice>
  );
}

export function KpiReturnPage() {
  return (
    <Shell title="KPI return" tagline="The district's termly KPI return and Local Activity Report" icon={<ClipboardTaskListLtr24Regular />}>
      <KpiReturnBody />
    </Shell>
  );
}
