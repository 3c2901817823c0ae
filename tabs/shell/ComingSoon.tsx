import type { ReactNode } from "react";
import { Badge, Card, Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalXL, gap: tokens.spacingVerticalM, maxWidth: "80ch" },
  headingRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  h2: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  paragraph: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface ComingSoonProps {
  heading: string;
  /** Who does what here, in one or two sentences. */
  summary: ReactNode;
  /** What the page will let people do. */
  plans: string[];
  note?: ReactNode;
}

/** Placeholder body for a page whose features are not built yet. */
export function ComingSoon({ heading, summary, plans, note }: ComingSoonProps) {
  const styles = useStyles();
  return (
    <Card className={styles.card} aria-labelledby="coming-soon-heading">
      <div className={styles.headingRow}>
        <h2 id="coming-soon-heading" className={styles.h2}>
          {heading}
        </h2>
        <Badge appearance="tint" color="informative">
          Coming next
        </Badge>
      </div>
      <Text as="p" block className={styles.paragraph}>
        {summary}
      </Text>
      <ul className={styles.list}>
        {plans.map((plan) => (
          <li key={plan}>
            <Text>{plan}</Text>
          </li>
        ))}
      </ul>
      {note ? (
        <Text as="p" block size={200} className={styles.note}>
          {note}
        </Text>
      ) : null}
    </Card>
  );
}
