import { useState } from "react";
import { Badge, Button, Field, Link, Select, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwise16Regular } from "@fluentui/react-icons";
import { DataTable, LoadView, useLoad, useSession } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { useCaseworkApi, type CaseSummary } from "../api";
import { areaLabel, caseListQuery, initialFilter, phaseLabel, reviewText, statusLabel, type CaseloadFilter } from "../labels";

const useStyles = makeStyles({
  column: sharedStyles.column,
  h2: sharedStyles.h2,
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "end" },
  empty: sharedStyles.empty,
});

export interface CaseloadProps {
  /** Opens a case's page (the `?case=` address). */
  onOpen(id: string): void;
  /** Shown above the filters: e.g. the reviews-due view fixes `reviews`. */
  fixed?: Partial<CaseloadFilter>;
  title: string;
}

/** The caseload as a table with filters: whose (mine / the district's), status, reviews due. */
export function Caseload({ onOpen, fixed, title }: CaseloadProps) {
  const styles = useStyles();
  const { me } = useSession();
  const casework = useCaseworkApi();
  const [filter, setFilter] = useState<CaseloadFilter>(() => ({ ...initialFilter(me.role), ...fixed }));
  const query = caseListQuery(filter);
  const cases = useLoad(JSON.stringify(query), () => casework.cases(query));
  const id = fixed?.reviews ? "reviews" : "caseload";
  const set = <K extends keyof CaseloadFilter>(key: K, value: CaseloadFilter[K]) => setFilter((f) => ({ ...f, [key]: value }));

  return (
    <section className={styles.column} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={styles.h2}>
        {title}
      </h2>
      <div className={styles.filters} role="group" aria-label="Filters">
        {me.role === "specialist_teacher" ? (
          <Field label={{ children: "Whose cases", htmlFor: `${id}-who` }}>
            <Select id={`${id}-who`} value={filter.who} onChange={(_, d) => set("who", d.value as CaseloadFilter["who"])}>
              <option value="mine">My caseload</option>
              <option value="all">The district&apos;s</option>
            </Select>
          </Field>
        ) : null}
        <Field label={{ children: "Status", htmlFor: `${id}-status` }}>
          <Select id={`${id}-status`} value={filter.status} onChange={(_, d) => set("status", d.value as CaseloadFilter["status"])}>
            <option value="open">Open</option>
            <option value="open-active">Open: actively supported</option>
            <option value="open-inactive">Open: not actively supported</option>
            <option value="closed">Closed</option>
            <option value="">Any</option>
          </Select>
        </Field>
        {fixed?.reviews ? null : (
          <Field label={{ children: "Reviews", htmlFor: `${id}-reviews` }}>
            <Select id={`${id}-reviews`} value={filter.reviews} onChange={(_, d) => set("reviews", d.value as CaseloadFilter["reviews"])}>
              <option value="">Any</option>
              <option value="due">Due in 14 days or overdue</option>
              <option value="overdue">Overdue</option>
            </Select>
          </Field>
        )}
        <Button icon={<ArrowClockwise16Regular />} onClick={() => void cases.reload()}>
          Refresh
        </Button>
      </div>
      <LoadView state={cases.state} what="the cases" onRetry={() => void cases.reload()} empty={<p className={styles.empty}>No cases match these filters.</p>}>
        {(items: CaseSummary[]) => (
          <DataTable
            aria-label={title}
            data-testid={`${id}-table`}
            headers={["Case", "Setting", "Phase and need", "Teacher", "Status", "Next review"]}
            rows={items.map((c) => ({
              key: c.id,
              "data-testid": `case-row-${c.childRef}`,
              cells: [
                c.view === "full" ? (
                  <Link
                    href={`?case=${encodeURIComponent(c.id)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      onOpen(c.id);
                    }}
                  >
                    {c.childRef}
                  </Link>
                ) : (
                  c.childRef
                ),
                c.settingName,
                `${phaseLabel(c.phase)}, ${areaLabel(c.primaryArea)}`,
                c.allocatedTeacherName,
                statusLabel(c.status),
                c.reviewOverdue ? (
                  <Badge appearance="tint" color="danger">
                    {reviewText(c)}
                  </Badge>
                ) : (
                  reviewText(c)
                ),
              ],
            }))}
          />
        )}
      </LoadView>
    </section>
  );
}
