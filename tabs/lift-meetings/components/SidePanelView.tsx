import { useRef, useState } from "react";
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowLeft16Regular, ArrowRight16Regular } from "@fluentui/react-icons";
import { LoadView, errorMessage, useLoad } from "../../shell";
import type { Agenda } from "../api";
import type { LiftOutcomeInput } from "../../lift-outcomes/api";
import { useLiftApi } from "../hooks";
import { AttendanceForm } from "../../lift-outcomes/components/AttendanceForm";
import { CaseDetails } from "./CaseDetails";
import { OutcomeForm } from "../../lift-outcomes/components/OutcomeForm";
import { PromptSteps } from "./PromptSteps";
import { RunningOrder } from "./RunningOrder";
import { Section } from "./Section";
import { ShareToStage } from "./ShareToStage";
import { useDistrictTeam } from "./useDistrictTeam";

const useStyles = makeStyles({
  nav: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, justifyContent: "space-between" },
});

/** How often the side panel follows what others do (someone else presses Next). */
const FOLLOW_MS = 5000;

/** The meeting side panel: running order, the current case with its prompts and timer, its outcome, attendance. */
export function SidePanelView({ meetingId, districtSlug }: { meetingId: string; districtSlug: string }) {
  const styles = useStyles();
  const lift = useLiftApi();
  const { state, set } = useLoad(meetingId, (signal) => lift.agenda(meetingId, signal), FOLLOW_MS);
  const teachers = useDistrictTeam(districtSlug, true, ["specialist_teacher", "lift_member", "district_lead"]);
  const [moving, setMoving] = useState(false);
  const [problem, setProblem] = useState<string>();
  // Unsaved outcome edits per case, so moving to the next case and back loses nothing.
  const drafts = useRef(new Map<string, LiftOutcomeInput>());

  if (state.kind !== "ready") return <LoadView state={state} what="the meeting" />;
  const agenda: Agenda = state.value;
  const { meeting, entries, current } = agenda;
  const index = current ? entries.findIndex((e) => e.id === current.entryId) : -1;
  const entry = index >= 0 ? entries[index] : undefined;
  const previous = index > 0 ? entries[index - 1] : undefined;
  const next = index < 0 ? entries[0] : entries[index + 1];
  const name = (e: (typeof entries)[number]) => (e.kind === "case" ? e.caseReference : e.title);

  const go = async (entryId: string | null, step = 0) => {
    if (moving) return;
    setMoving(true);
    setProblem(undefined);
    try {
      set(await lift.setCurrent(meetingId, entryId, step));
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setMoving(false);
    }
  };

  return (
    <>
      <Section id="running-order" title={meeting.title} compact>
        <RunningOrder entries={entries} currentId={current?.entryId} />
        {meeting.can.run ? (
          <div className={styles.nav} role="group" aria-label="Move through the agenda">
            <Button
              icon={<ArrowLeft16Regular />}
              disabledFocusable={!previous || moving}
              onClick={() => previous && void go(previous.id)}
              aria-describedby={previous ? "previous-target" : undefined}
            >
              Previous case
            </Button>
            <Button
              appearance="primary"
              icon={<ArrowRight16Regular />}
              iconPosition="after"
              disabledFocusable={!next || moving}
              onClick={() => next && void go(next.id)}
              aria-describedby={next ? "next-target" : undefined}
              data-testid="next-case"
            >
              {index < 0 ? "Start with the first case" : "Next case"}
            </Button>
            {/* What the buttons go to, read with them (and hidden from sight: the list above shows it). */}
            <span id="previous-target" hidden>
              {previous ? `Goes to ${name(previous)}` : ""}
            </span>
            <span id="next-target" hidden>
              {next ? `Goes to ${name(next)}` : ""}
            </span>
          </div>
        ) : null}
        {problem ? (
          <MessageBar intent="error">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        ) : null}
        <ShareToStage meetingId={meetingId} districtSlug={districtSlug} />
      </Section>

      {entry ? (
        <Section id="current-case" title={entry.kind === "case" ? `Now: ${entry.caseReference}` : `Now: ${entry.title}`} compact testId="current-case">
          {entry.kind === "case" ? <CaseDetails entry={entry} /> : null}
          {entry.kind === "case" && current ? (
            <PromptSteps
              key={entry.id}
              entry={entry}
              run={current}
              canRun={meeting.can.run}
              onStep={(step) => void go(entry.id, step)}
            />
          ) : null}
        </Section>
      ) : (
        <MessageBar intent="info">
          <MessageBarBody>The meeting has not started: press {entries.length > 0 ? "“Start with the first case”" : "Next case"} when it does.</MessageBarBody>
        </MessageBar>
      )}

      {entry?.kind === "case" ? (
        <Section id="outcome" title={`Outcome for ${entry.caseReference}`} compact testId="outcome-section">
          <OutcomeForm key={entry.id} meeting={meeting} referralId={entry.id} caseReference={entry.caseReference} earlyYears={entry.earlyYears === true} teachers={teachers} drafts={drafts.current} />
        </Section>
      ) : null}

      <Section id="attendance" title="Attendance" compact>
        <AttendanceForm meetingId={meetingId} districtSlug={districtSlug} canEdit={meeting.can.run} />
      </Section>
    </>
  );
}
