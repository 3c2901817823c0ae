import { useMemo, useState } from "react";
import { Badge, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { LoadView, formatDateTime, formatTime, lazyPart, useLoad, useSession } from "../../shell";
import type { LiftMeetingSummary, MeetingDetail } from "../api";
import { useLiftApi } from "../hooks";
import { AgendaTable } from "./AgendaTable";
import { OverdueActions } from "../../lift-outcomes/components/OverdueActions";
import { Section } from "./Section";
import { useDistrictTeam } from "./useDistrictTeam";

// What a planner edits shows only once the agenda has loaded and says they may plan: the editors
// (their checks, and the UK wall-clock arithmetic of meeting times) load then.
const AgendaEditor = lazyPart(() => import("./AgendaEditor").then((m) => m.AgendaEditor), "the agenda editor");
const MeetingAdmin = lazyPart(() => import("./MeetingAdmin").then((m) => m.MeetingAdmin), "the meeting's changes");
const PlanMeetings = lazyPart(() => import("./PlanMeetings").then((m) => m.PlanMeetings), "meeting planning");

const useStyles = makeStyles({
  facts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "center", color: tokens.colorNeutralForeground2 },
});

const STATUS: Record<MeetingDetail["status"], { label: string; color: "brand" | "warning" | "danger" | "success" }> = {
  scheduled: { label: "Scheduled", color: "brand" },
  moved: { label: "Moved", color: "warning" },
  cancelled: { label: "Cancelled", color: "danger" },
  held: { label: "Held", color: "success" },
};

export function MeetingFacts({ meeting }: { meeting: MeetingDetail }) {
  const styles = useStyles();
  const status = STATUS[meeting.status];
  return (
    <div className={styles.facts}>
      <Badge appearance="tint" color={status.color}>
        {status.label}
      </Badge>
      <Text>
        {formatDateTime(meeting.startsAt)}–{formatTime(meeting.endsAt)}
      </Text>
      {meeting.place ? <Text>{meeting.place}</Text> : null}
      {meeting.chairName ? <Text>Chair: {meeting.chairName}</Text> : null}
      <Text>{meeting.caseCount === 1 ? "1 case" : `${meeting.caseCount} cases`}</Text>
      {meeting.onlineMeetingUrl ? (
        <Link href={meeting.onlineMeetingUrl} target="_blank" rel="noreferrer">
          Join the Teams meeting
        </Link>
      ) : null}
    </div>
  );
}

export interface ContentViewProps {
  meetingId: string;
  districtSlug: string;
  meetings: LiftMeetingSummary[];
}

/** The tab in a channel, chat or browser: the full agenda, and for the district lead planning and changes. */
export function ContentView({ meetingId, districtSlug, meetings }: ContentViewProps) {
  const { me } = useSession();
  const lift = useLiftApi();
  const { state, reload: load, set } = useLoad(meetingId, () => lift.agenda(meetingId));
  // The editor keeps its own copy while it saves; it starts again from the server only after a reload.
  const [loads, setLoads] = useState(0);
  const reload = async () => {
    await load();
    setLoads((n) => n + 1);
  };
  const canPlan = state.kind === "ready" && state.value.meeting.can.plan;
  const team = useDistrictTeam(districtSlug, canPlan);
  const chairs = useMemo(() => team.filter((p) => p.role !== "senco"), [team]);

  return (
    <>
      <LoadView state={state} what="the agenda" />
      {state.kind === "ready" ? (
        <>
          <Section id="agenda" title={`Agenda: ${state.value.meeting.title}`} testId="agenda-section">
            <MeetingFacts meeting={state.value.meeting} />
            {canPlan ? (
              <AgendaEditor
                key={loads}
                agenda={state.value}
                meetings={meetings}
                onSaved={set}
                onCaseMoved={() => void reload()}
              />
            ) : (
              <AgendaTable entries={state.value.entries} caption="Running order" currentId={state.value.current?.entryId} testId="agenda-table" />
            )}
          </Section>
          {canPlan ? (
            <Section id="meeting-changes" title="Move or cancel this meeting">
              <MeetingAdmin key={state.value.meeting.eTag} meeting={state.value.meeting} onChanged={() => void reload()} />
            </Section>
          ) : null}
        </>
      ) : null}
      {canPlan ? (
        <Section id="plan" title="Plan a term's meetings">
          <PlanMeetings districtSlug={districtSlug} people={chairs} onPlanned={() => void reload()} />
        </Section>
      ) : null}
      {me.role !== "senco" ? (
        <Section id="overdue" title="Overdue actions">
          <OverdueActions districtSlug={districtSlug} canMarkDone={me.role !== "commissioner"} />
        </Section>
      ) : null}
    </>
  );
}
