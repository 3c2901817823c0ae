import { useState } from "react";
import { Button, Card, Link, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowLeft20Regular, Print20Regular } from "@fluentui/react-icons";
import { LoadView, Notice, districtName, useLoad, useReferenceData } from "../../../shell";
import type { KpiApi } from "../../api";
import { HistoryTable } from "../../components/HistoryTable";
import { ReturnWithCommentDialog } from "../../components/ReturnWithCommentDialog";
import { StatusBadge } from "../../components/StatusBadge";
import { TERM_NUMBERS, termLabel } from "../../periods";
import { ReturnFigures } from "./ReturnFigures";
import { sharedStyles } from "../../../shell/styles";

const useStyles = makeStyles({
  root: sharedStyles.column,
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  card: sharedStyles.card,
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  columns: { display: "grid", gap: tokens.spacingHorizontalL, alignItems: "start", "@media (min-width: 1100px)": { gridTemplateColumns: "minmax(0, 3fr) minmax(0, 2fr)" } },
  side: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  packs: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  narrative: { whiteSpace: "pre-wrap" },
});

const PAIRS: [number, number][] = [
  [1, 2],
  [3, 4],
  [5, 6],
];

/** One district: its return for a term with figures, status and every version; return with comment; the monitoring packs. */
export function DistrictDrilldown({ kpi, slug, year, initialTerm, onBack, onPack }: {
  kpi: KpiApi;
  slug: string;
  year: string;
  initialTerm: number;
  onBack(): void;
  onPack(terms: [number, number]): void;
}) {
  const styles = useStyles();
  const name = districtName(useReferenceData(), slug);
  const [term, setTerm] = useState(initialTerm);
  const { state, set } = useLoad(`${slug}|${year}|${term}`, () => kpi.get(slug, year, term));

  return (
    <section className={styles.root} aria-labelledby="drilldown-heading" data-testid="drilldown">
      <div className={styles.bar}>
        <Button icon={<ArrowLeft20Regular />} onClick={onBack}>
          Back to the summary
        </Button>
        <h2 id="drilldown-heading" className={styles.h2}>
          {name} · {year}
        </h2>
      </div>
      <TabList aria-label="Term" selectedValue={String(term)} onTabSelect={(_, d) => setTerm(Number(d.value))}>
        {TERM_NUMBERS.map((t) => (
          <Tab key={t} value={String(t)}>
            {termLabel(t)}
          </Tab>
        ))}
      </TabList>
      <LoadView state={state} what="the return" size="small" />
      {state.kind === "ready" ? (
        <div className={styles.columns}>
          <Card className={styles.card}>
            <div className={styles.bar}>
              <h3 className={styles.h3}>
                {termLabel(term)} return
              </h3>
              <StatusBadge status={state.value.status} />
              {state.value.version > 0 ? <Text>Version {state.value.version}</Text> : null}
              {state.value.status === "submitted" ? (
                <ReturnWithCommentDialog
                  districtName={name}
                  onReturn={async (comment) => {
                    const next = await kpi.sendBack(slug, year, term, comment);
                    set(next);
                  }}
                />
              ) : null}
            </div>
            {state.value.status === "returned" && state.value.returnedComment ? (
              <Notice intent="warning" layout="multiline" title="Returned to the lead">
                {state.value.returnedComment}
              </Notice>
            ) : null}
            {state.value.status === "not_started" ? (
              <Text>{name} has not started this return: every figure is missing.</Text>
            ) : (
              <ReturnFigures value={state.value} />
            )}
          </Card>
          <div className={styles.side}>
            <Card className={styles.card}>
              <h3 className={styles.h3}>Monitoring-meeting packs</h3>
              <Text size={200}>A printable pack of {name}&apos;s figures for a pair of terms, with ratings, anomalies and the narrative.</Text>
              <div className={styles.packs}>
                {PAIRS.map((pair) => (
                  <Button key={pair.join("-")} icon={<Print20Regular />} onClick={() => onPack(pair)}>
                    Terms {pair[0]} and {pair[1]}
                  </Button>
                ))}
              </div>
            </Card>
            <Card className={styles.card}>
              <h3 className={styles.h3}>Narrative</h3>
              <Text className={styles.narrative}>{state.value.narrative || "No narrative yet."}</Text>
            </Card>
            <Card className={styles.card} role="region" aria-labelledby="drill-history">
              <h3 id="drill-history" className={styles.h3}>
                History
              </h3>
              <HistoryTable history={state.value.history} />
            </Card>
            <Link href={`/tabs/kpi-return?district=${encodeURIComponent(slug)}`}>Open {name}&apos;s return in the KPI return tab</Link>
          </div>
        </div>
      ) : null}
    </section>
  );
}
