import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SummaryRow } from "../../api";
import { formatNumber, formatPercent, notExpectedText, responseRateText } from "../../format";
import { RagBadge } from "../../components/RagBadge";

const useStyles = makeStyles({
  cell: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  value: { fontVariantNumeric: "tabular-nums" },
  sub: { color: tokens.colorNeutralForeground2 },
});

/**
 * One figure: a percentage with its rating, a count, "Missing" (never 0) when no district reported
 * it, or "Not a district in this term" when none was expected to (`notExpectedText`). `responseRate`: a questionnaire figure, shown with "answered X of Y asked (Z%)".
 */
export function ValueCell({ row, kind, showReporting = false, responseRate = false }: { row: SummaryRow | undefined; kind: "count" | "percent"; showReporting?: boolean; responseRate?: boolean }) {
  const styles = useStyles();
  const notExpected = notExpectedText(row);
  if (notExpected) {
    return (
      <Text size={200} className={styles.sub} data-testid="not-expected">
        {notExpected}
      </Text>
    );
  }
  const missing = !row || row.value === null || (kind === "percent" && row.percent === null && row.numerator === null);
  if (missing) {
    return (
      <Badge appearance="outline" color="informative" data-testid="missing-value">
        Missing
      </Badge>
    );
  }
  return (
    <span className={styles.cell}>
      {kind === "percent" ? (
        row.percent === null ? (
          <Text className={styles.sub}>No percentage (total 0)</Text>
        ) : (
          <>
            <Text className={styles.value} weight="semibold">
              {formatPercent(row.percent)}
            </Text>
            <RagBadge rag={row.rag} size="small" />
          </>
        )
      ) : (
        <Text className={styles.value} weight="semibold">
          {formatNumber(row.value)}
        </Text>
      )}
      {responseRate && kind === "percent" && row.denominator !== null ? (
        <Text size={100} className={styles.sub} data-testid="response-rate">
          {responseRateText(row.denominator, row.asked)}
        </Text>
      ) : null}
      {showReporting && row.level !== "district" ? (
        <Text size={100} className={styles.sub}>
          {row.districtsReporting} of {row.districtsExpected} districts
        </Text>
      ) : null}
    </span>
  );
}
