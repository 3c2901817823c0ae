import { useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  MessageBar,
  MessageBarBody,
  Textarea,
} from "@fluentui/react-components";
import { ArrowReply20Regular } from "@fluentui/react-icons";
import { errorMessage } from "../../shell";

/** A commissioner sends a submitted return back to the lead with a comment saying what to change. */
export function ReturnWithCommentDialog({ districtName, onReturn }: { districtName: string; onReturn(comment: string): Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!comment.trim()) {
      setError("Write a comment so the lead knows what to change.");
      return;
    }
    setBusy(true);
    try {
      await onReturn(comment.trim());
      setOpen(false);
      setComment("");
      setError(undefined);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<ArrowReply20Regular />}>Return with comment</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Return {districtName}&apos;s submission</DialogTitle>
          <DialogContent>
            <Field
              label="Comment for the district lead"
              required
              validationMessage={error}
              hint="The lead sees this at the top of the return and can amend and submit again."
            >
              <Textarea value={comment} onChange={(_, data) => setComment(data.value)} rows={5} resize="vertical" />
            </Field>
            {busy ? (
              <MessageBar intent="info">
                <MessageBarBody>Returning…</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Cancel</Button>
            </DialogTrigger>
            <Button appearance="primary" onClick={() => void submit()} disabled={busy}>
              Return to lead
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
