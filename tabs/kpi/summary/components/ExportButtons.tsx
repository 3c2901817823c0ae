import { useState } from "react";
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular } from "@fluentui/react-icons";
import { errorMessage, saveFile } from "../../../shell";
import type { FileFormat, KpiApi } from "../../api";

const useStyles = makeStyles({ root: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" } });

/** Download the year's summary (long format, as the CLI writes it) as CSV or Excel. */
export function ExportButtons({ kpi, year }: { kpi: KpiApi; year: string }) {
  const styles = useStyles();
  const [busy, setBusy] = useState<FileFormat>();
  const [error, setError] = useState<string>();
  const run = async (format: FileFormat) => {
    setBusy(format);
    setError(undefined);
    try {
      const file = await kpi.exportSummary(year, format);
      saveFile(file.blob, file.filename ?? `kpi-summary-${year}.${format}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div className={styles.root}>
      <Button icon={<ArrowDownload20Regular />} onClick={() => void run("csv")} disabled={busy !== undefined}>
        {busy === "csv" ? "Exporting…" : "Export CSV"}
      </Button>
      <Button icon={<ArrowDownload20Regular />} onClick={() => void run("xlsx")} disabled={busy !== undefined}>
        {busy === "xlsx" ? "Exporting…" : "Export Excel"}
      </Button>
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
