import type { ReactNode } from "react";
import { Card, CardHeader, Text, makeStyles, tokens } from "@fluentui/react-components";
import { sharedStyles } from "../../../shell/styles";

const useStyles = makeStyles({
  card: sharedStyles.card,
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  body: { display: "flex", flexDirection: "column" },
});

/** One section of the return (a catalogue group) as a card with its heading. */
export function GroupCard({ id, title, description, children }: { id: string; title: string; description?: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <Card className={styles.card} role="group" aria-labelledby={`group-${id}`}>
      <CardHeader
        header={
          <h3 id={`group-${id}`} className={styles.heading}>
            {title}
          </h3>
        }
        description={description ? <Text size={200}>{description}</Text> : undefined}
      />
      <div className={styles.body}>{children}</div>
    </Card>
  );
}
