import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ArrowClockwise16Regular } from "@fluentui/react-icons";

/** What a page shows when what it loads from the API does not come: what failed, and why; and a retry when there is one. */
export function LoadFailed({ title, message, onRetry }: { title: string; message: string; onRetry?: () => void }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button icon={<ArrowClockwise16Regular />} onClick={onRetry}>
            Try again
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
