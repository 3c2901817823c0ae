/**
 * A district's work below district level (GET /api/kpi/locality-report): by locality or cluster and
 * by LIFT group, for the academic year so far or a term. Shown under the summary when one district is
 * chosen and it has localities or LIFT groups; loaded when first shown (SummaryDashboard's lazyPart),
 * so its code is not in the page's first paint. Counts only.
 */
import { useMemo, useState } from "react";
import { Button, Card, CardHeader, Field, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular } from "@fluentui/react-icons";
import { DataTable, LoadView, errorMessage, formatDate, saveFile, useLoad, useSession, type DataTableRow } from "../../../shell";
import { routeUrl } from "../../../../src/schemas/core/contract";
import { LOCALITY_REPORT_MEASURES, localityReportApi, type LocalityReportRow } from "../../../../src/schemas/locality-report/api";
import { TERM_NUMBERS, termLabel } from "../../periods";
import { sharedStyles } from "../../../shell/styles";

const useStyles = makeStyles({
  card: sharedStyles.card,
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalL },
  scroll: { overflowX: "auto" },
});

const cells = (row: LocalityReportRow, withMeetings: boolean) => [
  row.name,
  row.settings === null ? "–" : String(row.settings),
  ...(withMeetings ? [row.meetingsHeld === null ? "–" : String(row.meetingsHeld)] : []),
  ...LOCALITY_REPORT_MEASURES.map((m) => String(row.figures[m.id])),
];

function GroupTable({ id, title, label, rows, total, withMeetings }: { id: string; title: string; label: string; rows: LocalityReportRow[]; total: LocalityReportRow; withMeetings: boolean }) {
  const styles = useStyles();
  const tableRows: DataTableRow[] = [
    ...rows.map((r) => ({ key: `${r.kind}-${r.id ?? ""}`, "data-testid": `${id}-row`, cells: cells(r, withMeetings) })),
    { key: "district", "data-testid": `${id}-total`, cells: cells({ ...total, name: `All of ${total.name}` }, withMeetings) },
  ];
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className={styles.h3}>
        {title}
      </h3>
      <div className={styles.scroll}>
        <DataTable
          aria-label={label}
          data-testid={id}
          size="small"
          headers={[withMeetings ? "LIFT group" : "Locality", "Settings", ...(withMeetings ? ["LIFT meetings held"] : []), ...LOCALITY_REPORT_MEASURES.map((m) => m.label)]}
          rows={tableRows}
        />
      </div>
    </section>
  );
}

export function LocalityReport({ district, year }: { district: string; year: string }) {
  const styles = useStyles();
  const { api } = useSession();
  const [term, setTerm] = useState("");
  const [exportError, setExportError] = useState<string>();
  const query = useMemo(() => ({ district, year, ...(term ? { term } : {}) }), [district, year, term]);
  const { state } = useLoad(JSON.stringify(query), () => api.call(localityReportApi.localityReport, { query }));

  if (state.kind === "ready" && state.value.byLocality.length === 0 && state.value.byLiftGroup.length === 0) return null;
  const r = state.kind === "ready" ? state.value : undefined;
  const when = r ? `${r.term === null ? `${r.academicYear} so far` : `${termLabel(r.term)} ${r.academicYear}`}` : "";
  const download = async () => {
    setExportError(undefined);
    try {
      const file = await api.download(routeUrl(localityReportApi.localityReportExport, { query: { ...query, format: "csv" } }));
      saveFile(file.blob, file.filename ?? `locality-report-${district}-${year}.csv`);
    } catch (e) {
      setExportError(errorMessage(e));
    }
  };
  return (
    <Card className={styles.card} role="region" aria-labelledby="locality-report-heading" data-testid="locality-report">
      <CardHeader
        header={
          <h2 id="locality-report-heading" className={styles.heading}>
            {r ? `${r.district.name} by locality and LIFT group` : "By locality and LIFT group"}
          </h2>
        }
        description={
          <Text size={200}>
            Counted from the records of each school and setting{r ? `, ${formatDate(r.from)} to ${formatDate(r.to)}` : ""}. A setting in two LIFT groups counts in each; &quot;Settings of other districts&quot;
            holds work done here for settings that are another district&apos;s now.
          </Text>
        }
      />
      <div className={styles.toolbar}>
        <Field label="Period">
          <Select value={term} onChange={(_, d) => setTerm(d.value)}>
            <option value="">Year so far</option>
            {TERM_NUMBERS.map((t) => (
              <option key={t} value={String(t)}>
                {termLabel(t)}
              </option>
            ))}
          </Select>
        </Field>
        <Button icon={<ArrowDownload20Regular />} onClick={() => void download()} disabled={!r}>
          Export by locality (CSV)
        </Button>
      </div>
      {exportError ? (
        <MessageBar intent="error">
          <MessageBarBody>{exportError}</MessageBarBody>
        </MessageBar>
      ) : null}
      <LoadView state={state} what="the figures by locality" size="small" />
      {r && r.byLocality.length > 0 ? <GroupTable id="by-locality" title="By locality" label={`${r.district.name} by locality, ${when}`} rows={r.byLocality} total={r.total} withMeetings={false} /> : null}
      {r && r.byLiftGroup.length > 0 ? <GroupTable id="by-lift-group" title="By LIFT group" label={`${r.district.name} by LIFT group, ${when}`} rows={r.byLiftGroup} total={r.total} withMeetings /> : null}
    </Card>
  );
}
