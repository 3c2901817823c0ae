import { useId, useRef, useState } from "react";
import { Button, Card, CardHeader, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular, ArrowUpload20Regular } from "@fluentui/react-icons";
import { ApiError, DataTable, Notice, errorMessage, saveFile } from "../../../shell";
import type { FileFormat, ImportRowError, KpiApi } from "../../api";
import { sharedStyles } from "../../../shell/styles";

const useStyles = makeStyles({
  card: sharedStyles.card,
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  // The native file input stays in the accessibility tree (labelled), the Button opens it.
  fileInput: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

function formatOf(name: string): FileFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".xlsx")) return "xlsx";
  return undefined;
}

function rowErrors(error: unknown): ImportRowError[] {
  if (!(error instanceof ApiError) || typeof error.detail !== "object" || error.detail === null) return [];
  const errors = (error.detail as { errors?: unknown }).errors;
  return Array.isArray(errors) ? (errors as ImportRowError[]) : [];
}

type Outcome =
  | { kind: "idle" }
  | { kind: "busy"; name: string }
  | { kind: "done"; name: string; imported: number; unchanged: number }
  | { kind: "failed"; name: string; message: string; errors: ImportRowError[] };

/** Import past returns from the CSV or XLSX template; errors by row and column, nothing imported on any error. */
export function ImportPanel({ kpi, onImported }: { kpi: KpiApi; onImported(): void }) {
  const styles = useStyles();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const [templateError, setTemplateError] = useState<string>();

  const upload = async (file: File) => {
    const format = formatOf(file.name);
    if (!format) {
      setOutcome({ kind: "failed", name: file.name, message: "Choose a .csv or .xlsx file made from the template.", errors: [] });
      return;
    }
    setOutcome({ kind: "busy", name: file.name });
    try {
      const result = await kpi.importFile(file, format);
      setOutcome({ kind: "done", name: file.name, ...result });
      onImported();
    } catch (error) {
      setOutcome({ kind: "failed", name: file.name, message: errorMessage(error), errors: rowErrors(error) });
    }
  };

  const template = async (format: FileFormat) => {
    setTemplateError(undefined);
    try {
      const file = await kpi.template(format);
      saveFile(file.blob, file.filename ?? `kpi-return-template.${format}`);
    } catch (error) {
      setTemplateError(errorMessage(error));
    }
  };

  return (
    <Card className={styles.card} role="region" aria-labelledby="import-heading">
      <CardHeader
        header={
          <h3 id="import-heading" className={styles.heading}>
            Import past returns
          </h3>
        }
        description={
          <Text size={200}>
            Fill in the template (one row per district and term, one column per measure) and upload it as CSV or Excel. If
            any row has a problem, nothing is imported.
          </Text>
        }
      />
      <div className={styles.actions}>
        <Button icon={<ArrowDownload20Regular />} onClick={() => void template("csv")}>
          Download CSV template
        </Button>
        <Button icon={<ArrowDownload20Regular />} onClick={() => void template("xlsx")}>
          Download Excel template
        </Button>
        <label htmlFor={inputId} className={styles.fileInput}>
          Choose a CSV or Excel file to import
        </label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={styles.fileInput}
          tabIndex={-1}
          data-testid="import-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void upload(file);
          }}
        />
        <Button appearance="primary" icon={<ArrowUpload20Regular />} onClick={() => input.current?.click()} disabled={outcome.kind === "busy"}>
          Upload a file to import
        </Button>
      </div>
      {templateError ? (
        <MessageBar intent="error">
          <MessageBarBody>{templateError}</MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome.kind === "busy" ? <Spinner size="small" label={`Importing ${outcome.name}…`} /> : null}
      {outcome.kind === "done" ? (
        <Notice intent="success" data-testid="import-result" title={`Imported ${outcome.name}`}>
          {outcome.imported} {outcome.imported === 1 ? "return" : "returns"} imported, {outcome.unchanged} unchanged.
        </Notice>
      ) : null}
      {outcome.kind === "failed" ? (
        <>
          <Notice intent="error" layout="multiline" data-testid="import-result" title={`${outcome.name} was not imported`}>
            {outcome.message}
          </Notice>
          {outcome.errors.length > 0 ? (
            <DataTable
              aria-label="Import problems by row and column"
              size="small"
              data-testid="import-errors"
              headers={["Row", "Column", "Problem"]}
              rows={outcome.errors.map((e, i) => ({ key: `${e.row}-${e.column}-${i}`, cells: [e.row, e.column, e.message] }))}
            />
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
