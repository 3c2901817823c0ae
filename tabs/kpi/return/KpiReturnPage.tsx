import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ClipboardTaskListLtr24Regular } from "@fluentui/react-icons";
import { Shell, useCurrentView, useSession } from "../../shell";
import { ReturnWorkspace } from "./components/ReturnWorkspace";

/** District leads write their own district's return; commissioners any district's (and can return one). */
function KpiReturnBody() {
  const { me } = useSession();
  const { district } = useCurrentView();
  if (me.role === "commissioner") return <ReturnWorkspace initialDistrict={district?.slug} />;
  if (me.role === "district_lead" && me.district) return <ReturnWorkspace districtSlug={me.district.slug} />;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>For district STLS leads</MessageBarTitle>
        The termly KPI return is written by each district&apos;s STLS lead and read by the commissioners. Ask your
        district lead if a figure needs changing.
      </MessageBarBody>
    </MessageBar>
  );
}

export function KpiReturnPage() {
  return (
    <Shell title="KPI return" tagline="The district's termly KPI return and Local Activity Report" icon={<ClipboardTaskListLtr24Regular />}>
      <KpiReturnBody />
    </Shell>
  );
}
