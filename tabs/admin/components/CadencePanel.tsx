import { useState } from "react";
import { Badge, Field, Select, makeStyles } from "@fluentui/react-components";
import { DataTable, LoadView, ukToday, useLoad, useReferenceData } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { useAdminClient } from "../api";

const useStyles = makeStyles({ column: sharedStyles.column });

/** The academic year a date falls in ("2026-27"): September starts a year. */
function academicYearOf(date: string): string {
  const y = Number(date.slice(0, 4));
  const first = Number(date.slice(5, 7)) >= 9 ? y : y - 1;
  return `${first}-${String((first + 1) % 100).padStart(2, "0")}`;
}

/** Each LIFT group's planned meetings against its cadence, term by term: too few or too many is a warning. */
export function CadencePanel({ nameOf }: { nameOf: (districtSlug: string) => string }) {
  const styles = useStyles();
  const admin = useAdminClient();
  const reference = useReferenceData();
  const years = [...new Set(reference.terms.map((t) => t.academicYear))].sort();
  const [year, setYear] = useState(() => academicYearOf(ukToday()));
  const findings = useLoad(`cadence:${year}`, () => admin.cadence(year));
  return (
    <section className={styles.column} aria-labelledby="cadence-heading">
      <h3 id="cadence-heading" style={{ margin: 0 }}>
        Meetings against each group&apos;s cadence
      </h3>
      <Field label="Academic year">
        <Select value={year} onChange={(_, d) => setYear(d.value)}>
          {[...new Set([...years, year])].sort().map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      <LoadView state={findings.state} what="the cadence check" onRetry={() => void findings.reload()} empty={<p>No terms or groups to check in {year}.</p>}>
        {(items) => (
          <DataTable
            aria-label="Cadence by group and term"
            data-testid="cadence-table"
            headers={["Group", "District", "Term", "Meetings", "Check"]}
            rows={items.map((f) => ({
              key: `${f.groupId}:${f.term}`,
              cells: [
                f.groupName,
                nameOf(f.districtSlug),
                `Term ${f.term}`,
                String(f.meetings),
                f.status === "ok" ? (
                  <Badge key="s" appearance="outline" color="success">
                    As the cadence asks
                  </Badge>
                ) : (
                  <span key="s">
                    <Badge appearance="outline" color="warning">
                      {f.status === "too_few" ? "Too few" : "Too many"}
                    </Badge>{" "}
                    {f.message}
                  </span>
                ),
              ],
            }))}
          />
        )}
      </LoadView>
    </section>
  );
}
