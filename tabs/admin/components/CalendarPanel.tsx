import { useState } from "react";
import { Button, Field, Input, makeStyles } from "@fluentui/react-components";
import { LoadView, Notice, ukToday, useLoad } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { useAdminClient } from "../api";
import { nextAcademicYearOf } from "../calendar-form";
import { BankHolidays } from "./BankHolidays";
import { DistrictCalendar } from "./DistrictCalendar";
import { TermsEditor } from "./TermsEditor";

const useStyles = makeStyles({ column: sharedStyles.column, row: { display: "flex", gap: "8px", alignItems: "flex-end", flexWrap: "wrap" } });

const YEAR = /^\d{4}-\d{2}$/;

/** One academic year's calendar: its terms, bank holidays, and the districts' own days and monitoring meetings. */
export function CalendarPanel() {
  const styles = useStyles();
  const admin = useAdminClient();
  const [typed, setTyped] = useState(() => nextAcademicYearOf(ukToday()));
  const [year, setYear] = useState(typed);
  const view = useLoad(`year:${year}`, () => admin.year(year));
  return (
    <section className={styles.column} aria-labelledby="calendar-heading">
      <h2 id="calendar-heading" style={{ margin: 0 }}>
        Calendar
      </h2>
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          if (YEAR.test(typed.trim())) setYear(typed.trim());
        }}
      >
        <Field label="Academic year" hint="For example 2027-28" validationMessage={YEAR.test(typed.trim()) ? undefined : "Enter a year such as 2027-28"}>
          <Input id="calendar-year" value={typed} onChange={(_, d) => setTyped(d.value)} />
        </Field>
        <Button type="submit">Show year</Button>
      </form>
      <LoadView state={view.state} what={`the ${year} calendar`} onRetry={() => void view.reload()}>
        {(value) => (
          <>
            {!value.coverage.ok ? (
              <Notice intent="warning" title="The calendar is running out" data-testid="coverage-warning">
                {value.coverage.message}
              </Notice>
            ) : null}
            <TermsEditor view={value} onSaved={view.set} />
            <BankHolidays view={value} onChanged={() => void view.reload()} />
            <DistrictCalendar view={value} onChanged={() => void view.reload()} />
          </>
        )}
      </LoadView>
    </section>
  );
}
