import { Text } from "@fluentui/react-components";
import { DataTable } from "../../shell";
import type { ReturnHistoryEntry } from "../api";
import { formatDateTime } from "../format";
import { StatusBadge } from "./StatusBadge";

/** Every version of the return, newest first: submissions, amendments and returns with their comments. */
export function HistoryTable({ history, caption = "Versions of this return" }: { history: ReturnHistoryEntry[]; caption?: string }) {
  if (history.length === 0) return <Text>No versions yet: the return has not been saved.</Text>;
  const rows = [...history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <DataTable
      aria-label={caption}
      size="small"
      data-testid="return-history"
      headers={["Version", "Status", "When", "By", "Comment"]}
      rows={rows.map((entry, i) => ({
        key: `${entry.version}-${entry.status}-${entry.at}-${i}`,
        "data-testid": "history-row",
        cells: [
          `Version ${entry.version}`,
          <StatusBadge key="status" status={entry.status} testId="history-status" />,
          formatDateTime(entry.at),
          entry.byName,
          entry.comment ?? "",
        ],
      }))}
    />
  );
}
