import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

/** What a page shows when what it loads from the API does not come: what failed, and why. */
export function LoadFailed({ title, message }: { title: string; message: string }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
