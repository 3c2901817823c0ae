import { Card, CardHeader, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DataTable, districtName, useReferenceData, type DataTableRow } from "../../../shell";
import type { SupportWait } from "../../api";
import { termLabel } from "../../periods";
import { sharedStyles } from "../../../shell/styles";

const useStyles = makeStyles({
  card: sharedStyles.card,
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  scroll: { overflowX: "auto" },
});

const STAGES: ReadonlyArray<{ stage: SupportWait["stage"]; label: string }> = [
  { stage: "referral-to-lift", label: "Referral to LIFT" },
  { stage: "lift-to-allocation", label: "LIFT to allocation" },
  { stage: "allocation-to-first-visit", label: "Allocation to first visit" },
];

/** "12 days (n = 5)"; "No children" when none waited at that step (missing, not zero). */
function waitText(wait: SupportWait | undefined): string {
  if (!wait || wait.count === 0 || wait.medianDays === null) return "No children";
  const days = Math.round(wait.medianDays * 10) / 10;
  return `${days} ${days === 1 ? "day" : "days"} (n = ${wait.count})`;
}

/** Time to support: the median days at each step, and how many children, per district and term. */
export function TimeToSupportTable({ waits }: { waits: SupportWait[] }) {
  const styles = useStyles();
  const reference = useReferenceData();
  const keys = [...new Set(waits.map((w) => `${w.districtSlug}|${w.term}`))];
  const byKey = new Map(waits.map((w) => [`${w.districtSlug}|${w.term}|${w.stage}`, w]));
  const rows: DataTableRow[] = keys
    .map((k) => {
      const [slug = "", term = "0"] = k.split("|");
      return { slug, term: Number(term), name: districtName(reference, slug) };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.term - b.term)
    .map((r) => ({
      key: `${r.slug}-${r.term}`,
      "data-testid": "time-to-support-row",
      cells: [r.name, termLabel(r.term), ...STAGES.map((s) => waitText(byKey.get(`${r.slug}|${r.term}|${s.stage}`)))],
    }));
  return (
    <Card className={styles.card} role="region" aria-labelledby="time-to-support-heading" data-testid="time-to-support">
      <CardHeader
        header={
          <h2 id="time-to-support-heading" className={styles.heading}>
            Time to support
          </h2>
        }
        description={<Text size={200}>Median days a child waits at each step, with the number of children, from the casework records.</Text>}
      />
      {rows.length === 0 ? (
        <Text>No waits are recorded for these terms.</Text>
      ) : (
        <div className={styles.scroll}>
          <DataTable aria-label="Time to support by district and term" headers={["District", "Term", ...STAGES.map((s) => s.label)]} rows={rows} size="small" />
        </div>
      )}
    </Card>
  );
}
