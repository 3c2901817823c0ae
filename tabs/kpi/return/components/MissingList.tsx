import { useState } from "react";
import { Button, Card, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircle20Regular, TaskListLtr20Regular } from "@fluentui/react-icons";
import type { Measure } from "../../api";
import { measureFieldId } from "./field-layout";

const SHOWN = 8;

const useStyles = makeStyles({
  card: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
  heading: { margin: 0, display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  done: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, color: tokens.colorPaletteGreenForeground1 },
});

/** What is still missing: blank figures (shown as missing, never 0) and the narrative. */
export function MissingList({ missing, narrativeMissing }: { missing: Measure[]; narrativeMissing: boolean }) {
  const styles = useStyles();
  const [expanded, setExpanded] = useState(false);
  const total = missing.length + (narrativeMissing ? 1 : 0);
  const shown = expanded ? missing : missing.slice(0, SHOWN);
  return (
    <Card className={styles.card} role="region" aria-labelledby="missing-heading" data-testid="missing-list">
      <h3 id="missing-heading" className={styles.heading}>
        <TaskListLtr20Regular aria-hidden="true" /> Still missing ({total})
      </h3>
      {total === 0 ? (
        <Text className={styles.done}>
          <CheckmarkCircle20Regular aria-hidden="true" /> Every figure and the narrative are filled in.
        </Text>
      ) : (
        <>
          <ul className={styles.list}>
            {narrativeMissing ? (
              <li>
                <Link href="#kpi-narrative">Narrative</Link>
              </li>
            ) : null}
            {shown.map((m) => (
              <li key={m.id}>
                <Link href={`#${measureFieldId(m.id)}`}>{m.label}</Link>
              </li>
            ))}
          </ul>
          {missing.length > SHOWN ? (
            <Button appearance="transparent" size="small" onClick={() => setExpanded(!expanded)} aria-expanded={expanded}>
              {expanded ? "Show fewer" : `Show all ${missing.length} missing figures`}
            </Button>
          ) : null}
        </>
      )}
    </Card>
  );
}
