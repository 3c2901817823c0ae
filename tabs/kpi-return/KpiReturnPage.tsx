import { ClipboardTaskListLtr24Regular } from "@fluentui/react-icons";
import { ComingSoon, Shell, useSession } from "../shell";

function KpiReturnBody() {
  const { me } = useSession();
  return (
    <ComingSoon
      heading={me.district ? `${me.district.name} termly return` : "Termly KPI return"}
      summary="District STLS leads will complete and submit the termly KPI return and Local Activity Report here, largely prefilled from the LIFT lists."
      plans={[
        "See the figures for the term, prefilled from referrals, meetings and outcomes",
        "Check, correct and add the figures that need a lead's judgement",
        "Submit the return before the deadline, with reminders from the LIFT Hub bot",
      ]}
    />
  );
}

export function KpiReturnPage() {
  return (
    <Shell title="KPI return" tagline="The district's termly KPI return and Local Activity Report" icon={<ClipboardTaskListLtr24Regular />}>
      <KpiReturnBody />
    </Shell>
  );
}
