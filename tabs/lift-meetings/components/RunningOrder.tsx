import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { formatTime } from "../../shell";
import type { AgendaEntry } from "../api";
import { OUTCOME_STATUS_LABELS } from "../labels";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  item: {
    display: "grid",
    gridTemplateColumns: "3.2rem minmax(0, 1fr) auto",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `${tokens.strokeWidthThickest} solid transparent`,
  },
  current: {
    backgroundColor: tokens.colorBrandBackground2,
    borderLeftColor: tokens.colorBrandStroke1,
    fontWeight: tokens.fontWeightSemibold,
  },
  time: { fontVariantNumeric: "tabular-nums" },
  status: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** The agenda in order, the current entry marked (aria-current) and highlighted. */
export function RunningOrder({ entries, currentId }: { entries: AgendaEntry[]; currentId?: string }) {
  const styles = useStyles();
  if (entries.length === 0) return <p>Nothing is on the agenda yet.</p>;
  return (
    <ol className={styles.list} aria-label="Running order" data-testid="running-order">
      {entries.map((e) => {
        const current = e.id === currentId;
        return (
          <li key={e.id} className={mergeClasses(styles.item, current && styles.current)} aria-current={current ? "step" : undefined} data-entry-id={e.id}>
            <span className={styles.time}>{formatTime(e.startsAt)}</span>
            <span>
              {e.kind === "case" ? e.caseReference : e.title}
              {current ? " (now)" : ""}
            </span>
            <span className={styles.status}>{e.kind === "case" ? OUTCOME_STATUS_LABELS[e.outcomeStatus] : `${e.minutes} min`}</span>
          </li>
        );
      })}
    </ol>
  );
}
