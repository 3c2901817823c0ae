import { useState } from "react";
import { Button, makeStyles } from "@fluentui/react-components";
import { Add16Regular, Edit16Regular } from "@fluentui/react-icons";
import { BannerNotice, DataTable, LoadView, formatDate, lazyPart, useLoad, type Banner } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { useTrainingApi, type TransitionEventRecord } from "../api";
import { evaluationText, kindLabel, phasesText, outsideTermNote } from "../forms";
import type { PanelProps } from "./SessionsPanel";

// The list is the first paint; the form to record or change an event loads when opened.
const EventEditor = lazyPart(() => import("./EventEditor").then((m) => m.EventEditor), "the form");

const useStyles = makeStyles({ column: sharedStyles.column, h2: sharedStyles.h2, h3: sharedStyles.h3, empty: sharedStyles.empty });


/** The district’s transition events in a term (KPI 4.1 and early years transition support), and the form to record or change one. */
export function EventsPanel({ districtSlug, term, termLabel, canWrite, settings, districtName }: PanelProps) {
  const styles = useStyles();
  const training = useTrainingApi();
  const list = useLoad(`events:${districtSlug}:${term.start}`, () => training.events({ district: districtSlug, from: term.start, to: term.end }));
  const [editing, setEditing] = useState<TransitionEventRecord | "new">();
  const [banner, setBanner] = useState<Banner>();
  const done = (b: Banner, saved?: { date: string }) => {
    setEditing(undefined);
    setBanner(saved ? { ...b, text: outsideTermNote(saved.date, term) } : b);
    void list.reload();
  };

  return (
    <section className={styles.column} aria-labelledby="events-heading">
      <h2 id="events-heading" className={styles.h2}>
        Transition events, {termLabel}
      </h2>
      <BannerNotice banner={banner} />
      {canWrite && editing === undefined ? (
        <div>
          <Button appearance="primary" icon={<Add16Regular />} onClick={() => (setBanner(undefined), setEditing("new"))}>
            Record a transition event
          </Button>
        </div>
      ) : null}
      {editing !== undefined ? (
        <>
          <h3 className={styles.h3}>{editing === "new" ? "Record a transition event" : `Change “${editing.title}”`}</h3>
          <EventEditor editing={editing} districtSlug={districtSlug} settings={settings} districtName={districtName} onDone={done} onCancel={() => setEditing(undefined)} />
        </>
      ) : null}
      <LoadView state={list.state} what="the transition events" onRetry={() => void list.reload()} empty={<p className={styles.empty}>No transition events recorded in this term.</p>}>
        {(items) => (
          <DataTable
            aria-label={`Transition events, ${termLabel}`}
            data-testid="events-table"
            headers={["Date", "Event", "Kind", "Settings on the register", "Feedback", ...(canWrite ? [<span key="a">Change</span>] : [])]}
            rows={items.map((s) => ({
              key: s.id,
              "data-testid": `event-${s.id}`,
              cells: [
                formatDate(s.date),
                s.title,
                kindLabel(s.kind),
                `${s.settingIds.length}: ${phasesText(s.phases)}`,
                evaluationText(s.evaluation, s.settingIds.length),
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
