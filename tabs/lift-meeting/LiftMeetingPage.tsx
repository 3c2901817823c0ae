import { PeopleTeam24Regular } from "@fluentui/react-icons";
import { ComingSoon, Shell, currentView, useSession } from "../shell";

function LiftMeetingBody() {
  const { me, host } = useSession();
  const { district } = currentView();
  const districtName = district?.name ?? me.district?.name;
  const inMeeting = Boolean(host.context.meetingId);
  return (
    <ComingSoon
      heading={districtName ? `${districtName} LIFT meeting` : "LIFT meetings"}
      summary="LIFT members will run the district's LIFT meeting here: the agenda built from submitted referrals, each case in turn, and the outcome, allocation, actions and attendance recorded as the meeting goes."
      plans={[
        "See the agenda of referrals for the meeting",
        "Work through the cases one at a time, shared to the meeting stage",
        "Record each outcome, the allocation and the agreed actions",
        "Record who attended",
      ]}
      note={
        inMeeting
          ? "This tab is open in a Teams meeting: the agenda will follow this meeting."
          : "Add LIFT Hub to the LIFT meeting in Teams to run it from the side panel and the meeting stage."
      }
    />
  );
}

export function LiftMeetingPage() {
  return (
    <Shell title="LIFT meeting" tagline="Agenda, cases and outcomes" icon={<PeopleTeam24Regular />}>
      <LiftMeetingBody />
    </Shell>
  );
}
