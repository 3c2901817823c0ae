import { Fragment } from "react";
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { GROUPS, measuresFor } from "../../../../src/domain/kpi/catalogue";
import type { KpiReturn } from "../../api";
import { computePercent } from "../../return/form-state";
import { formatNumber, formatPercent } from "../../format";
import { RagBadge } from "../../components/RagBadge";

const useStyles = makeStyles({
  group: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  figure: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, fontVariantNumeric: "tabular-nums" },
});

/** A return's figures, read-only, section by section; a blank is "Missing". */
export function ReturnFigures({ value }: { value: KpiReturn }) {
  const styles = useStyles();
  const measures = measuresFor(value.academicYear);
  return (
    <Table size="small" aria-label="Figures in this return" data-testid="return-figures">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Measure</TableHeaderCell>
          <TableHeaderCell>Figure</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {GROUPS.map((g) => {
          const inGroup = measures.filter((m) => m.group === g.id);
          if (inGroup.length === 0) return null;
          return (
            <Fragment key={g.id}>
              <TableRow className={styles.group}>
                <TableCell colSpan={2}>{g.title}</TableCell>
              </TableRow>
              {inGroup.map((m) => {
                let figure;
                if (m.kind === "percent") {
                  const c = computePercent(m, value.values, {});
                  figure =
                    c.percent === null ? (
                      <Badge appearance="outline" color="informative">Missing</Badge>
                    ) : (
                      <>
                        <Text weight="semibold">{formatPercent(c.percent)}</Text>
                        {m.rag ? <RagBadge rag={c.rag} size="small" /> : null}
                      </>
                    );
                } else {
                  const v = value.values[m.id];
                  figure = v == null ? <Badge appearance="outline" color="informative">Missing</Badge> : <Text weight="semibold">{formatNumber(v)}</Text>;
                }
                return (
                  <TableRow key={m.id}>
                    <TableCell>{m.label}</TableCell>
                    <TableCell>
                      <span className={styles.figure}>{figure}</span>
                    </TableCell>
                  </TableRow>
                );
              })}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
