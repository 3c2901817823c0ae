import { useState } from "react";
import { Button, makeStyles } from "@fluentui/react-components";
import { FolderAdd16Regular } from "@fluentui/react-icons";
import { DataTable, LoadView, Notice, errorMessage, formatDate, newKey, useLoad, useSession } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { useCaseworkApi } from "../api";
import { outcomesWithoutCase } from "../labels";

const useStyles = makeStyles({ column: sharedStyles.column, h2: sharedStyles.h2, intro: sharedStyles.intro });

/**
 * The approved LIFT outcomes that allocated me and have no case yet, each with "Open a case": the
 * outcome's support plan becomes the case's plan (the server copies it). Shows nothing when there are none.
 */
export function OutcomesWithoutCase({ onOpened }: { onOpened(id: string): void }) {
  const styles = useStyles();
  const { me } = useSession();
  const casework = useCaseworkApi();
  const waiting = useLoad("outcomes", async () => {
    const [referrals, cases] = await Promise.all([casework.districtReferrals(), casework.cases({})]);
    return outcomesWithoutCase(referrals, cases, me.displayName);
  });
  const [opening, setOpening] = useState<string>();
  const [failed, setFailed] = useState<string>();

  const open = async (referralId: string) => {
    if (opening) return;
    setOpening(referralId);
    setFailed(undefined);
    try {
      const c = await casework.openFromOutcome({ idempotencyKey: newKey("open"), referralId });
      onOpened(c.id);
    } catch (error) {
      setFailed(errorMessage(error));
      void waiting.reload();
    } finally {
      setOpening(undefined);
    }
  };

  if (waiting.state.kind === "ready" && waiting.state.value.length === 0) return null;
  return (
    <section className={styles.column} aria-labelledby="outcomes-heading" data-testid="outcomes-without-case">
      <h2 id="outcomes-heading" className={styles.h2}>
        Outcomes allocated to me without a case
      </h2>
      <p className={styles.intro}>LIFT approved these with you as the specialist teacher. Opening a case copies the outcome&apos;s support plan.</p>
      {failed ? (
        <Notice intent="error" title="The case was not opened">
          {failed}
        </Notice>
      ) : null}
      <LoadView state={waiting.state} what="the outcomes allocated to you" onRetry={() => void waiting.reload()}>
        {(items) => (
          <DataTable
            aria-label="Outcomes allocated to me without a case"
            headers={["Case", "Setting", "Approved", ""]}
            rows={items.map((r) => ({
              key: r.id,
              cells: [
                r.caseReference,
                r.settingName,
                formatDate(r.outcome?.approvedAt ?? ""),
                <Button key="open" icon={<FolderAdd16Regular />} disabledFocusable={opening !== undefined} onClick={() => void open(r.id)}>
                  {opening === r.id ? "Opening…" : `Open a case for ${r.caseReference}`}
                </Button>,
              ],
            }))}
          />
        )}
      </LoadView>
    </section>
  );
}
