import { useState } from "react";
import { Field, Link, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { PeopleTeam24Regular } from "@fluentui/react-icons";
import { DistrictSelect, Notice, Shell, lazyPart, useCurrentView, useSession } from "../shell";
import { ContentView } from "./components/ContentView";
import { MeetingChooser } from "./components/MeetingChooser";
import { meetingFrame, meetingParam, type MeetingFrame } from "./frame";

// The page opens as a tab's content; the meeting side panel and the stage are other frames, each
// loaded only where it is shown.
const SidePanelView = lazyPart(() => import("./components/SidePanelView").then((m) => m.SidePanelView), "the side panel");
const StageScreen = lazyPart(() => import("./components/StageScreen").then((m) => m.StageScreen), "the stage");

const DISTRICT_ROLES = new Set(["specialist_teacher", "lift_member", "district_lead"]);

function Views({ frame, districtSlug }: { frame: MeetingFrame; districtSlug: string }) {
  return (
    <MeetingChooser districtSlug={districtSlug} initialId={meetingParam(window.location.search)} showPicker={frame !== "meetingStage"}>
      {(meetingId, meetings) =>
        frame === "meetingStage" ? (
          <StageScreen key={meetingId} meetingId={meetingId} />
        ) : frame === "sidePanel" ? (
          <SidePanelView key={meetingId} meetingId={meetingId} districtSlug={districtSlug} />
        ) : (
          <ContentView key={meetingId} meetingId={meetingId} districtSlug={districtSlug} meetings={meetings} />
        )
      }
    </MeetingChooser>
  );
}

/** Commissioners have no district of their own: they choose one (the agenda comes without child names). */
function DistrictChoice({ frame }: { frame: MeetingFrame }) {
  const [slug, setSlug] = useState("");
  return (
    <>
      <Field label="District" style={{ maxWidth: "320px" }}>
        <DistrictSelect value={slug} onChange={setSlug} />
      </Field>
      {slug ? <Views key={slug} frame={frame} districtSlug={slug} /> : null}
    </>
  );
}

/** Who sees what: the district's LIFT team runs its meetings; commissioners read them without names. */
function LiftMeetingBody() {
  const { me, host } = useSession();
  const { district } = useCurrentView();
  const frame = meetingFrame(host, window.location.search);

  if (me.role === "senco") {
    return (
      <Notice intent="info" layout="multiline" title="LIFT meetings are run by the district's LIFT team">
        You can follow your referrals, their meeting and their outcomes in{" "}
        <Link href="/tabs/referral" inline>
          My referrals
        </Link>
        .
      </Notice>
    );
  }
  if (me.role === "commissioner") {
    return district ? <Views frame={frame} districtSlug={district.slug} /> : <DistrictChoice frame={frame} />;
  }
  if (DISTRICT_ROLES.has(me.role) && me.district) {
    if (district && district.slug !== me.district.slug) {
      return (
        <Notice intent="warning" layout="multiline" title={`This tab is for ${district.name}`}>
          You are a member of {me.district.name}&apos;s LIFT team, so you can see only {me.district.name}&apos;s LIFT meetings.
        </Notice>
      );
    }
    return <Views frame={frame} districtSlug={me.district.slug} />;
  }
  return (
    <MessageBar intent="info">
      <MessageBarBody>LIFT meetings are run by each district&apos;s LIFT team.</MessageBarBody>
    </MessageBar>
  );
}

export function LiftMeetingPage() {
  return (
    <Shell title="LIFT meeting" tagline="Agenda, cases and outcomes" icon={<PeopleTeam24Regular />}>
      <LiftMeetingBody />
    </Shell>
  );
}
