import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { formatTime } from "../../shell";
import type { AgendaEntry } from "../api";
import { OUTCOME_STATUS_LABELS, areaLabel, yearGroupLabel } from "../labels";

const useStyles = makeStyles({
  wrap: { overflowX: "auto", maxWidth: "100%" },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase300,
    "& th, & td": {
      textAlign: "left",
      verticalAlign: "top",
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    "& th": { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
  },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, padding: `0 0 ${tokens.spacingVerticalS}` },
  time: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  current: { backgroundColor: tokens.colorBrandBackground2 },
  question: { maxWidth: "40ch" },
});

const STATUS_COLOURS = { none: "subtle", draft: "warning", approved: "success" } as const;

export interface AgendaTableProps {
  entries: AgendaEntry[];
  caption: string;
  currentId?: string;
  testId?: string;
}

/** The agenda as a table: time slot, case (reference, setting, year group, area, question) and outcome status. */
export function AgendaTable({ entries, caption, currentId, testId }: AgendaTableProps) {
  const styles = useStyles();
  if (entries.length === 0) return <p>No cases or items are on this meeting&apos;s agenda yet.</p>;
  return (
    <div className={styles.wrap}>
      <table className={styles.table} data-testid={testId}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Case</th>
            <th scope="col">Setting</th>
            <th scope="col">Year group</th>
            <th scope="col">Area of need</th>
            <th scope="col">Question</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr
              key={e.id}
              className={e.id === currentId ? styles.current : undefined}
              aria-current={e.id === currentId ? "step" : undefined}
              data-entry-id={e.id}
            >
              <td className={styles.time}>
                {formatTime(e.startsAt)} · {e.minutes} min
              </td>
              {e.kind === "case" ? (
                <>
                  <th scope="row">{e.caseReference}</th>
                  <td>{e.settingName}</td>
                  <td>{yearGroupLabel(e)}</td>
                  <td>{areaLabel(e.primaryArea)}</td>
                  <td className={styles.question}>{e.question ?? ""}</td>
                  <td>
                    <Badge appearance="tint" color={STATUS_COLOURS[e.outcomeStatus]}>
                      {OUTCOME_STATUS_LABELS[e.outcomeStatus]}
                    </Badge>
                  </td>
                </>
              ) : (
                <>
                  <th scope="row" colSpan={5}>
                    Whole-school item: {e.title}
                  </th>
                  <td />
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
