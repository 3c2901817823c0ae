import { Badge, type BadgeProps } from "@fluentui/react-components";
import { CheckmarkCircle12Filled, DismissCircle12Filled, Info12Filled, Warning12Filled } from "@fluentui/react-icons";
import type { Rag } from "../../../src/domain/kpi/rag";
import { RAG_LABELS } from "../format";

const COLOURS: Record<Rag, BadgeProps["color"]> = { green: "success", amber: "warning", red: "danger", na: "informative", too_few: "informative" };
const ICONS: Record<Rag, BadgeProps["icon"]> = {
  green: <CheckmarkCircle12Filled />,
  amber: <Warning12Filled />,
  red: <DismissCircle12Filled />,
  na: undefined,
  too_few: <Info12Filled />,
};

/** A rating says its name in words and a shape as well as its colour (never colour alone). */
export function RagBadge({ rag, size = "medium" }: { rag: Rag; size?: BadgeProps["size"] }) {
  return (
    <Badge
      appearance={rag === "na" || rag === "too_few" ? "outline" : "tint"}
      color={COLOURS[rag]}
      icon={ICONS[rag]}
      size={size}
      data-testid="rag"
      data-rag={rag}
    >
      {RAG_LABELS[rag]}
    </Badge>
  );
}
