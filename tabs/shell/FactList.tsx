import type { ReactNode } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: { display: "grid", gridTemplateColumns: "max-content minmax(0, 1fr)", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: "anywhere" },
});

export interface FactListProps {
  /** Term and value; a row without a value (undefined or "") is left out. */
  rows: readonly (readonly [string, ReactNode])[];
  className?: string;
  "aria-label"?: string;
  "data-testid"?: string;
}

/** Terms and their values side by side (a description list): case details, the tab's context, a preview. */
export function FactList({ rows, className, ...rest }: FactListProps) {
  const styles = useStyles();
  return (
    <dl className={mergeClasses(styles.list, className)} {...rest}>
      {rows
        .filter(([, value]) => value !== undefined && value !== null && value !== "")
        .map(([term, value]) => (
          <div key={term} style={{ display: "contents" }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
