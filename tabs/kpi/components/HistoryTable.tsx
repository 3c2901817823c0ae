import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import type { ReturnHistoryEntry } from "../api";
import { formatDateTime } from "../format";
import { StatusBadge } from "./StatusBadge";

/** Every version of the return, newest first: submissions, amendments and returns with their comments. */
export function HistoryTable({ history, caption = "Versions of this return" }: { history: ReturnHistoryEntry[]; caption?: string }) {
  if (history.length === 0) return <Text>No versions yet: the return has not been saved.</Text>;
  const rows = [...history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Table aria-label={caption} size="small" data-testid="return-history">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Version</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>When</TableHeaderCell>
          <TableHeaderCell>By</TableHeaderCell>
          <TableHeaderCell>Comment</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((entry, i) => (
          <TableRow key={`${entry.version}-${entry.status}-${entry.at}-${i}`} data-testid="history-row">
            <TableCell>Version {entry.version}</TableCell>
            <TableCell>
              <StatusBadge status={entry.status} testId="history-status" />
            </TableCell>
            <TableCell>{formatDateTime(entry.at)}</TableCell>
            <TableCell>{entry.byName}</TableCell>
            <TableCell>{entry.comment ?? ""}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
