import { useState } from "react";
import { Button, makeStyles } from "@fluentui/react-components";
import { Add16Regular, Edit16Regular } from "@fluentui/react-icons";
import { BannerNotice, DataTable, LoadView, formatDate, lazyPart, useLoad, type Banner, type TermRef } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { useTrainingApi, type AttendanceSetting, type TrainingSessionRecord } from "../api";
import { aetLabel, audienceLabel, evaluationText, phasesText, outsideTermNote } from "../forms";

// The list is the first paint; the form to record or change a session (and the schema it checks
// with) loads when opened.
const SessionEditor = lazyPart(() => import("./SessionEditor").then((m) => m.SessionEditor), "the form");

const useStyles = makeStyles({ column: sharedStyles.column, h2: sharedStyles.h2, h3: sharedStyles.h3, empty: sharedStyles.empty });

export interface PanelProps {
  districtSlug: string;
  term: TermRef;
  termLabel: string;
  canWrite: boolean;
  settings: readonly AttendanceSetting[];
  districtName(slug: string): string;
}

/** The district's training sessions in a term, and the form to record or change one. */
export function SessionsPanel({ districtSlug, term, termLabel, canWrite, settings, districtName }: PanelProps) {
  const styles = useStyles();
  const training = useTrainingApi();
  const list = useLoad(`sessions:${districtSlug}:${term.start}`, () => training.sessions({ district: districtSlug, from: term.start, to: term.end }));
  const [editing, setEditing] = useState<TrainingSessionRecord | "new">();
  const [banner, setBanner] = useState<Banner>();
  const done = (b: Banner, saved?: { date: string }) => {
    setEditing(undefined);
    setBanner(saved ? { ...b, text: outsideTermNote(saved.date, term) } : b);
    void list.reload();
  };

  return (
    <section className={styles.column} aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" className={styles.h2}>
        Training sessions, {termLabel}
      </h2>
      <BannerNotice banner={banner} />
      {canWrite && editing === undefined ? (
        <div>
          <Button appearance="primary" icon={<Add16Regular />} onClick={() => (setBanner(undefined), setEditing("new"))}>
            Record a training session
          </Button>
        </div>
      ) : null}
      {editing !== undefined ? (
        <>
          <h3 className={styles.h3}>{editing === "new" ? "Record a training session" : `Change “${editing.title}”`}</h3>
          <SessionEditor editing={editing} districtSlug={districtSlug} settings={settings} districtName={districtName} onDone={done} onCancel={() => setEditing(undefined)} />
        </>
      ) : null}
      <LoadView state={list.state} what="the training sessions" onRetry={() => void list.reload()} empty={<p className={styles.empty}>No training sessions recorded in this term.</p>}>
        {(items) => (
          <DataTable
            aria-label={`Training sessions, ${termLabel}`}
            data-testid="sessions-table"
            headers={["Date", "Course", "Audience", "Autism education", "Settings attended", "Attendees", "Evaluation", ...(canWrite ? [<span key="a">Change</span>] : [])]}
            rows={items.map((s) => ({
              key: s.id,
              "data-testid": `session-${s.id}`,
              cells: [
                formatDate(s.date),
                s.title,
                audienceLabel(s.audience),
                aetLabel(s.aet),
                `${s.settingIds.length}: ${phasesText(s.phases)}`,
                String(s.attendees),
                evaluationText(s.evaluation, s.attendees),
                ...(canWrite
                  ? [
                      <Button key="edit" size="small" icon={<Edit16Regular />} aria-label={`Change “${s.title}” on ${formatDate(s.date)}`} onClick={() => (setBanner(undefined), setEditing(s))}>
                        Change
                      </Button>,
                    ]
                  : []),
              ],
            }))}
          />
        )}
      </LoadView>
    </section>
  );
}
