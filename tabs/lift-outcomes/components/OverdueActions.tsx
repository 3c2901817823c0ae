import { useState } from "react";
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { Checkmark16Regular } from "@fluentui/react-icons";
import { LoadView, errorMessage, formatDate, useLoad } from "../../shell";
import { useOutcomesApi } from "../api";

const useStyles = makeStyles({
  wrap: { overflowX: "auto" },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    "& th, & td": { textAlign: "left", verticalAlign: "top", padding: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
    "& thead th": { backgroundColor: tokens.colorNeutralBackground3 },
  },
});

/** Approved outcomes' actions past their due date, with "Mark done" for the district's team. */
export function OverdueActions({ districtSlug, canMarkDone }: { districtSlug: string; canMarkDone: boolean }) {
  const styles = useStyles();
  const lift = useOutcomesApi();
  const { state, reload } = useLoad(`overdue-${districtSlug}`, () => lift.overdue(districtSlug));
  const [problem, setProblem] = useState<string>();

  if (state.kind !== "ready" || state.value.length === 0) {
    return <LoadView state={state} what="the overdue actions" size="small" empty={<p>No actions are overdue.</p>} />;
  }
  return (
    <div className={styles.wrap}>
      {problem ? (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      ) : null}
      <table className={styles.table} data-testid="overdue-actions" aria-label="Overdue actions, most overdue first">
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Action</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Meeting</th>
            {canMarkDone ? <th scope="col">Done?</th> : null}
          </tr>
        </thead>
        <tbody>
          {[...state.value]
            .sort((a, b) => b.daysOverdue - a.daysOverdue)
            .map((a) => (
              <tr key={`${a.referralId}-${a.actionId}`}>
                <th scope="row">
                  {a.caseReference}
                  <br />
                  {a.settingName}
                </th>
                <td>{a.description}</td>
                <td>{a.ownerName}</td>
                <td>
                  {formatDate(a.dueDate)} ({a.daysOverdue === 1 ? "1 day" : `${a.daysOverdue} days`} overdue)
                </td>
                <td>{a.meetingTitle}</td>
                {canMarkDone ? (
                  <td>
                    <Button
                      size="small"
                      icon={<Checkmark16Regular />}
                      aria-label={`Mark done: ${a.description} (${a.caseReference})`}
                      onClick={() => {
                        setProblem(undefined);
                        lift
                          .markDone(a.referralId, a.actionId)
                          .then(() => reload())
                          .catch((error: unknown) => setProblem(`Not marked done: ${errorMessage(error)}`));
                      }}
                    >
                      Mark done
                    </Button>
                  </td>
                ) : null}
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
