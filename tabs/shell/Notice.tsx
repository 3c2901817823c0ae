import type { ReactNode } from "react";
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, type MessageBarProps } from "@fluentui/react-components";
import type { Banner } from "./use-editable-record";

export interface NoticeProps {
  intent: NonNullable<MessageBarProps["intent"]>;
  /** The message's title, in bold before the text. */
  title?: ReactNode;
  children?: ReactNode;
  /** Buttons that act on the message (retry, choose another, take theirs…). */
  actions?: ReactNode;
  layout?: MessageBarProps["layout"];
  "data-testid"?: string;
  className?: string;
}

/** A Fluent MessageBar as every page writes it: intent, a title, the text and its actions. */
export function Notice({ intent, title, children, actions, ...rest }: NoticeProps) {
  return (
    <MessageBar intent={intent} {...rest}>
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {children}
      </MessageBarBody>
      {actions ? <MessageBarActions>{actions}</MessageBarActions> : null}
    </MessageBar>
  );
}

/** An editor's outcome banner (from useEditableRecord), with any actions it offers. */
export function BannerNotice({ banner, actions }: { banner: Banner | undefined; actions?: ReactNode }) {
  if (!banner) return null;
  return (
    <Notice intent={banner.intent} layout="multiline" title={banner.title} actions={actions}>
      {banner.text}
    </Notice>
  );
}
