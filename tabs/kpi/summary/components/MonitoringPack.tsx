import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowLeft20Regular, Print20Regular } from "@fluentui/react-icons";
import { LoadView, districtName, useLoad, useReferenceData } from "../../../shell";
import { measuresFor } from "../../../../src/domain/kpi/catalogue";
import { MIN_ANSWERS_TO_RATE } from "../../../../src/domain/questionnaires/kpi-questions";
import { FiguresTable } from "../../components/FiguresTable";
import type { Anomaly, KpiApi, MonitoringPack as Pack } from "../../api";
import { termLabel } from "../../periods";
import { ValueCell } from "./ValueCell";

/**
 * Print: only the pack. The shell's header, footer and the on-screen controls are hidden, colours
 * are kept (the ratings' badges) and sections are not split across pages where avoidable.
 */
// A plain style element (CSP allows inline styles; Griffel's static styles dropped the @media block).
const PRINT_CSS = `
  @media print {
    header, footer, [data-no-print] { display: none !important; }
    html, body, .fui-FluentProvider, .fui-FluentProvider > div { background: #fff !important; }
    main { padding: 0 !important; }
    [data-pack-section] { break-inside: avoid-page; }
    [data-pack-section] tr { break-inside: avoid; }
    * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  }
`;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "1000px" },
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  sheet: {
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalXXL,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    "@media print": { boxShadow: "none", padding: 0 },
  },
  h2: { margin: 0, fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  narrative: { whiteSpace: "pre-wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

const ANOMALY_LABELS: Record<Anomaly["kind"], string> = {
  numerator_over_denominator: "Numerator above its total",
  percent_over_100: "Percentage over 100%",
  jump: "Large change from the previous term",
};

/** Narratives by term, whatever shape the pack gives them in (per return, a map or one text). */
function narratives(pack: Pack): { term: number | undefined; text: string }[] {
  const fromReturns = pack.returns.filter((r) => r.narrative?.trim()).map((r) => ({ term: r.term, text: r.narrative }));
  if (fromReturns.length > 0) return fromReturns;
  if (typeof pack.narrative === "string") return pack.narrative.trim() ? [{ term: undefined, text: pack.narrative }] : [];
  if (Array.isArray(pack.narrative)) return pack.narrative.map((n) => ({ term: n.term, text: n.narrative }));
  return Object.entries(pack.narrative ?? {}).map(([term, text]) => ({ term: Number(term.replace(/\D/g, "")) || undefined, text }));
}

/** The printable monitoring-meeting pack: a district's figures for a pair of terms, with RAG, anomalies and narrative. */
export function MonitoringPack({ kpi, slug, year, terms, onBack }: { kpi: KpiApi; slug: string; year: string; terms: [number, number]; onBack(): void }) {
  const styles = useStyles();
  const name = districtName(useReferenceData(), slug);
  const { state } = useLoad(`${slug}|${year}|${terms.join(",")}`, () => kpi.monitoringPack(slug, year, terms));

  // The numerator, denominator and questionnaires sent are shown inside their percentage's cell.
  const measures = measuresFor(year).filter((m) => !/_(num|den|asked)$/.test(m.id));
  const periods = terms.map((t) => `T${t}`);
  return (
    <div className={styles.root} data-testid="monitoring-pack">
      <style>{PRINT_CSS}</style>
      <div className={styles.bar} data-no-print>
        <Button icon={<ArrowLeft20Regular />} onClick={onBack}>
          Back to {name}
        </Button>
        <Button appearance="primary" icon={<Print20Regular />} onClick={() => window.print()} disabled={state.kind !== "ready"}>
          Print the pack
        </Button>
      </div>
      <LoadView state={state} what="the pack" loadingLabel="Preparing the pack…" />
      {state.kind === "ready" ? (
        <article className={styles.sheet} aria-labelledby="pack-heading">
          <div>
            <h2 id="pack-heading" className={styles.h2}>
              {name} monitoring meeting: {termLabel(terms[0])} and {termLabel(terms[1])}, {year}
            </h2>
            <Text>STLS district figures with red, amber and green ratings, anomalies and the lead&apos;s narrative. A questionnaire figure shows how many answered out of those asked; from fewer than {MIN_ANSWERS_TO_RATE} answers it is not rated (too few answers to rate).</Text>
          </div>
          <section data-pack-section aria-labelledby="pack-figures">
            <h3 id="pack-figures" className={styles.h3}>
              Figures
            </h3>
            <FiguresTable
              aria-label={`${name} figures for ${termLabel(terms[0])} and ${termLabel(terms[1])}`}
              measures={measures}
              columns={terms.map((t) => termLabel(t))}
              figure={(m, column) => (
                <ValueCell row={state.value.rows.find((r) => r.level === "district" && r.period === periods[column] && r.measure === m.id)} kind={m.kind} responseRate={m.askedId !== undefined} />
              )}
            />
          </section>
          <section data-pack-section aria-labelledby="pack-anomalies">
            <h3 id="pack-anomalies" className={styles.h3}>
              Anomalies to discuss
            </h3>
            {state.value.anomalies.length === 0 ? (
              <Text>None found.</Text>
            ) : (
              <ul className={styles.list} data-testid="pack-anomalies">
                {state.value.anomalies.map((a, i) => (
                  <li key={`${a.measure}-${a.period}-${i}`}>
                    <strong>{ANOMALY_LABELS[a.kind] ?? a.kind}</strong> ({a.period === "year" ? "year" : termLabel(Number(a.period.slice(1)))}):{" "}
                    {a.detail}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section data-pack-section aria-labelledby="pack-narrative">
            <h3 id="pack-narrative" className={styles.h3}>
              Narrative
            </h3>
            {narratives(state.value).length === 0 ? (
              <Text>No narrative was given.</Text>
            ) : (
              narratives(state.value).map((n, i) => (
                <div key={i}>
                  {n.term ? <Text weight="semibold">{termLabel(n.term)}</Text> : null}
                  <p className={styles.narrative}>{n.text}</p>
                </div>
              ))
            )}
          </section>
        </article>
      ) : null}
    </div>
  );
}
