import { useId, useState } from "react";
import { makeStyles } from "@fluentui/react-components";
import { DataTable, Notice, errorMessage, formatDate } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { useAdminClient, type YearView } from "../api";

const useStyles = makeStyles({ column: sharedStyles.column, h3: sharedStyles.h3 });

/** The year's bank holidays, and the import of the GOV.UK file (commissioners). */
export function BankHolidays({ view, onChanged }: { view: YearView; onChanged: () => void }) {
  const styles = useStyles();
  const admin = useAdminClient();
  const inputId = useId();
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string }>();

  const upload = async (file: File) => {
    try {
      const parsed: unknown = JSON.parse(await file.text());
      const result = await admin.importBankHolidays(parsed);
      setMessage({ intent: "success", text: result.added.length > 0 ? `Added ${result.added.length} bank holiday(s): ${result.added.map(formatDate).join(", ")}.` : "No new bank holidays: every date in the file is already here." });
      onChanged();
    } catch (error) {
      setMessage({ intent: "error", text: error instanceof SyntaxError ? "That file is not JSON. Download https://www.gov.uk/bank-holidays.json and choose it." : errorMessage(error) });
    }
  };

  return (
    <section className={styles.column} aria-labelledby="bank-holidays-heading">
      <h3 id="bank-holidays-heading" className={styles.h3}>
        Bank holidays in {view.academicYear}
      </h3>
      {view.bankHolidays.length === 0 ? (
        <p>None for this year yet.</p>
      ) : (
        <DataTable aria-label="Bank holidays" data-testid="bank-holidays" headers={["Date", "Holiday"]} rows={view.bankHolidays.map((h) => ({ key: h.date, cells: [formatDate(h.date), h.name] }))} />
      )}
      {view.canEditTerms ? (
        <div>
          <label htmlFor={inputId}>Import the GOV.UK bank-holidays file (bank-holidays.json)</label>
          <br />
          <input
            id={inputId}
            type="file"
            accept=".json,application/json"
            data-testid="bank-holidays-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) void upload(file);
            }}
          />
        </div>
      ) : null}
      {message ? <Notice intent={message.intent}>{message.text}</Notice> : null}
    </section>
  );
}
