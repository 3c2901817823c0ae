import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { LoadView, formatDateTime, formatTime, useLoad } from "../../shell";
import type { StageView } from "../api";
import { useLiftApi } from "../hooks";
import { areaLabel } from "../labels";
import { YEAR_GROUP_LABELS, type YearGroup } from "../../../src/domain/time/year-groups";

const useStyles = makeStyles({
  root: { display: "grid", gridTemplateColumns: "minmax(0, 2fr) minmax(16rem, 1fr)", gap: tokens.spacingHorizontalXXL, "@media (max-width: 800px)": { gridTemplateColumns: "minmax(0, 1fr)" } },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  when: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase400 },
  current: {
    padding: tokens.spacingHorizontalXXL,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
  },
  reference: { margin: 0, fontSize: tokens.fontSizeHero900, lineHeight: tokens.lineHeightHero900, fontWeight: tokens.fontWeightBold },
  facts: { margin: 0, display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`, fontSize: tokens.fontSizeBase500 },
  fact: { display: "flex", flexDirection: "column" },
  factTerm: { fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2 },
  factValue: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  question: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700 },
  list: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase400 },
  item: { display: "grid", gridTemplateColumns: "4rem minmax(0, 1fr)", gap: tokens.spacingHorizontalM, padding: tokens.spacingVerticalXS, borderRadius: tokens.borderRadiusMedium },
  now: { backgroundColor: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
  h2: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase500 },
});

/** How often the stage follows the side panel. */
const STAGE_POLL_MS = 3000;

type StageEntry = StageView["entries"][number];

/**
 * The meeting stage, seen by everyone in the meeting: ONLY the fields of StageView (the server leaves
 * out child names and redacts the question). Nothing here may come from another endpoint.
 */
export function StageScreen({ meetingId }: { meetingId: string }) {
  const styles = useStyles();
  const lift = useLiftApi();
  const { state } = useLoad(meetingId, (signal) => lift.stage(meetingId, signal), STAGE_POLL_MS);

  if (state.kind !== "ready") return <LoadView state={state} what="the meeting" />;
  const stage = state.value;
  const current: StageEntry | undefined = stage.entries.find((e) => e.id === stage.current?.entryId);

  return (
    <div data-testid="stage">
      <h2 className={styles.title}>{stage.meeting.title}</h2>
      <p className={styles.when}>
        {formatDateTime(stage.meeting.startsAt)}–{formatTime(stage.meeting.endsAt)}
        {stage.meeting.status === "cancelled" ? " · cancelled" : ""}
      </p>
      <div className={styles.root}>
        <section className={styles.current} aria-labelledby="stage-now" aria-live="polite" data-testid="stage-current">
          {current ? (
            current.kind === "case" ? (
              <>
                <p id="stage-now" className={styles.reference}>
                  {current.caseReference}
                </p>
                <dl className={styles.facts}>
                  {(
                    [
                      ["Setting", current.settingName],
                      ["Year group", current.yearGroup ? (YEAR_GROUP_LABELS[current.yearGroup as YearGroup] ?? current.yearGroup) : undefined],
                      ["Area of need", areaLabel(current.primaryArea)],
                      ["Time", `${formatTime(current.startsAt)}, ${current.minutes} min`],
                    ] as const
                  )
                    .filter(([, v]) => v)
                    .map(([term, value]) => (
                      <div key={term} className={styles.fact}>
                        <dt className={styles.factTerm}>{term}</dt>
                        <dd className={styles.factValue}>{value}</dd>
                      </div>
                    ))}
                </dl>
                {current.question ? <p className={styles.question}>“{current.question}”</p> : null}
              </>
            ) : (
              <p id="stage-now" className={styles.reference}>
                {current.title}
              </p>
            )
          ) : (
            <p id="stage-now" className={styles.question}>
              The meeting will start soon.
            </p>
          )}
        </section>
        <section aria-labelledby="stage-agenda">
          <h3 id="stage-agenda" className={styles.h2}>
            Agenda
          </h3>
          <ol className={styles.list}>
            {stage.entries.map((e) => (
              <li key={e.id} className={mergeClasses(styles.item, e.id === current?.id && styles.now)} aria-current={e.id === current?.id ? "step" : undefined}>
                <span>{formatTime(e.startsAt)}</span>
                <span>{e.kind === "case" ? `${e.caseReference} · ${e.settingName}` : e.title}</span>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}
