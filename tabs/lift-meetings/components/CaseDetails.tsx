import { makeStyles, tokens } from "@fluentui/react-components";
import { formatTime } from "../../shell";
import type { AgendaCase } from "../api";
import { areaLabel, yearGroupLabel } from "../labels";

const useStyles = makeStyles({
  list: { display: "grid", gridTemplateColumns: "max-content minmax(0, 1fr)", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: "anywhere" },
});

/** The current case as the LIFT team sees it in the side panel (child's name included: members only). */
export function CaseDetails({ entry }: { entry: AgendaCase }) {
  const styles = useStyles();
  const rows: [string, string | undefined][] = [
    ["Case", entry.caseReference],
    ["Child", entry.childName],
    ["Setting", entry.settingName],
    [entry.yearGroup ? "Year group" : "Age", yearGroupLabel(entry)],
    ["Area of need", areaLabel(entry.primaryArea)],
    ["Question", entry.question],
    ["Slot", `${formatTime(entry.startsAt)}, ${entry.minutes} minutes`],
  ];
  return (
    <dl className={styles.list} aria-label="Case details" data-testid="case-details">
      {rows
        .filter(([, value]) => value)
        .map(([term, value]) => (
          <div key={term} style={{ display: "contents" }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
