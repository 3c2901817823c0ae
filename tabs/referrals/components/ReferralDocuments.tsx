/**
 * The documents attached to a referral: a list with Download (everyone who may read the referral)
 * and Remove (the SENCo, on a draft), and an "Attach a document" file picker for the SENCo. The
 * server checks type, size and access; its messages are shown as they come.
 */
import { useId, useMemo, useRef, useState } from "react";
import { Button, Card, Label, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownload16Regular, Delete16Regular } from "@fluentui/react-icons";
import { ApiError, Notice, errorMessage, saveFile, useLoad, useSession } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { referralDocumentsApi, type ReferralDocument } from "../api";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL },
  h3: sharedStyles.h3,
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  name: { flexGrow: 1, overflowWrap: "anywhere" },
  attach: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

const ACCEPT = ".pdf,.docx,.jpg,.jpeg,.png,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/jpeg,image/png";

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export interface ReferralDocumentsProps {
  referralId: string;
  /** The referring SENCo while documents can still be added. */
  canAttach: boolean;
}

export function ReferralDocuments({ referralId, canAttach }: ReferralDocumentsProps) {
  const styles = useStyles();
  const { api } = useSession();
  const dapi = useMemo(() => referralDocumentsApi(api), [api]);
  const docs = useLoad(`documents:${referralId}`, () => dapi.list(referralId));
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const inputId = useId();
  const hintId = useId();

  const attach = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await dapi.attach(referralId, file);
      await docs.reload();
    } catch (error) {
      setProblem(error instanceof ApiError && error.fieldErrors?.file?.[0] ? error.fieldErrors.file[0] : errorMessage(error));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  };
  const download = async (doc: ReferralDocument) => {
    setProblem(undefined);
    try {
      const file = await dapi.download(referralId, doc.id);
      saveFile(file.blob, file.filename ?? doc.label);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  const remove = async (doc: ReferralDocument) => {
    setProblem(undefined);
    try {
      await dapi.remove(referralId, doc.id);
      await docs.reload();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const items = docs.state.kind === "ready" ? docs.state.value : [];
  return (
    <Card className={styles.card} aria-labelledby={titleId} data-testid="referral-documents">
      <h3 id={titleId} className={styles.h3}>
        Documents
      </h3>
      {docs.state.kind === "error" ? <Notice intent="error">{docs.state.message}</Notice> : null}
      {docs.state.kind === "ready" && items.length === 0 ? <Text>No documents attached.</Text> : null}
      {items.length > 0 ? (
        <ul className={styles.list}>
          {items.map((doc) => (
            <li key={doc.id} className={styles.row} data-testid="referral-document">
              <Text className={styles.name}>
                {doc.label} ({sizeText(doc.size)})
              </Text>
              <Button icon={<ArrowDownload16Regular />} onClick={() => void download(doc)} aria-label={`Download ${doc.label}`}>
                Download
              </Button>
              {doc.canDelete ? (
                <Button icon={<Delete16Regular />} onClick={() => void remove(doc)} aria-label={`Remove ${doc.label}`}>
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canAttach ? (
        <div className={styles.attach}>
          <Label htmlFor={inputId}>Attach a document</Label>
          <Text id={hintId} size={200}>
            A PDF, a Word document (.docx) or a JPEG or PNG image, at most 10 MB.
          </Text>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept={ACCEPT}
            disabled={busy}
            aria-describedby={hintId}
            data-testid="attach-document"
            onChange={(e) => void attach(e.target.files?.[0])}
          />
        </div>
      ) : null}
      {problem ? (
        <Notice intent="error" data-testid="document-problem">
          {problem}
        </Notice>
      ) : null}
    </Card>
  );
}
