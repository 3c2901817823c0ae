import { Badge, type BadgeProps } from "@fluentui/react-components";
import { REFERRAL_STATUS_LABELS, type ReferralStatus } from "../../../src/domain/referrals/status";

const COLOURS: Record<ReferralStatus, BadgeProps["color"]> = {
  draft: "subtle",
  submitted: "brand",
  scheduled: "brand",
  discussed: "informative",
  outcome_recorded: "success",
  closed: "subtle",
};

export function StatusBadge({ status }: { status: ReferralStatus }) {
  return (
    <Badge appearance={status === "draft" || status === "closed" ? "outline" : "tint"} color={COLOURS[status] ?? "subtle"} data-testid="referral-status">
      {REFERRAL_STATUS_LABELS[status] ?? status}
    </Badge>
  );
}
