import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import { measuresFor, type Measure } from "../../../../src/domain/kpi/catalogue";
import type { KpiReturn } from "../../api";
import { computePercent } from "../../return/form-state";
import { formatNumber, formatPercent, responseRateText } from "../../format";
import { FiguresTable } from "../../components/FiguresTable";
import { RagBadge } from "../../components/RagBadge";

const useStyles = makeStyles({
  figure: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, fontVariantNumeric: "tabular-nums" },
});

const MISSING = (
  <Badge appearance="outline" color="informative">
    Missing
  </Badge>
);

/** A return's figures, read-only, section by section; a blank is "Missing". */
export function ReturnFigures({ value }: { value: KpiReturn }) {
  const styles = useStyles();
  const figure = (m: Measure) => {
    if (m.kind === "percent") {
      const c = computePercent(m, value.values, {});
      if (c.percent === null) return MISSING;
      return (
        <>
          <Text weight="semibold">{formatPercent(c.percent)}</Text>
          {m.rag ? <RagBadge rag={c.rag} size="small" /> : null}
          {m.askedId ? (
            <Text size={200} data-testid="response-rate">
              {responseRateText(c.denominator, c.asked)}
            </Text>
          ) : null}
        </>
      );
    }
    const v = value.values[m.id];
    return v == null ? MISSING : <Text weight="semibold">{formatNumber(v)}</Text>;
  };
  return (
    <FiguresTable
      aria-label="Figures in this return"
      data-testid="return-figures"
      measures={measuresFor(value.academicYear)}
      columns={["Figure"]}
      figure={(m) => <span className={styles.figure}>{figure(m)}</span>}
    />
  );
}
