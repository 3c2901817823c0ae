import { Badge, type BadgeProps } from "@fluentui/react-components";
import type { ReturnStatus } from "../api";
import { STATUS_LABELS } from "../format";

const COLOURS: Record<ReturnStatus, BadgeProps["color"]> = {
  not_started: "informative",
  draft: "informative",
  submitted: "success",
  returned: "warning",
};

export function StatusBadge({ status, testId = "return-status" }: { status: ReturnStatus; testId?: string }) {
  return (
    <Badge appearance={status === "not_started" ? "outline" : "tint"} color={COLOURS[status]} size="large" data-testid={testId}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
