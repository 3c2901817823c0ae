import type { ReactNode } from "react";
import { Button } from "@fluentui/react-components";
import { Notice } from "./Notice";

export interface StaleNoticeProps {
  /** Who or what changed it ("Someone else changed this case"). */
  title: string;
  /** Re-apply my edits onto theirs and save (useEditableRecord's keepMine, then the editor's save). */
  onKeepMine(): void;
  /** Drop my edits for theirs (useEditableRecord's takeTheirs). */
  onTakeTheirs(): void;
  /** Their version, as the editor shows it. */
  children: ReactNode;
  "data-testid"?: string;
}

/** After a 412: someone saved a newer version; mine or theirs, the same two ways out in every editor. */
export function StaleNotice({ title, onKeepMine, onTakeTheirs, children, ...rest }: StaleNoticeProps) {
  return (
    <Notice
      intent="warning"
      layout="multiline"
      title={title}
      data-testid={rest["data-testid"]}
      actions={
        <>
          <Button onClick={onKeepMine}>Re-apply my changes to theirs and save</Button>
          <Button onClick={onTakeTheirs}>Use their version</Button>
        </>
      }
    >
      {children}
    </Notice>
  );
}
