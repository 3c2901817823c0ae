import type { ReactNode } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  section: {
    minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    "@media (max-width: 480px)": { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  },
  compact: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  small: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
});

export interface SectionProps {
  id: string;
  title: ReactNode;
  /** Side panel: less padding, smaller heading. */
  compact?: boolean;
  children: ReactNode;
  testId?: string;
}

/** A titled block of the page: a section landmark named by its h2. */
export function Section({ id, title, compact, children, testId }: SectionProps) {
  const styles = useStyles();
  return (
    <section className={mergeClasses(styles.section, compact && styles.compact)} aria-labelledby={`${id}-heading`} data-testid={testId}>
      <h2 id={`${id}-heading`} className={mergeClasses(styles.heading, compact && styles.small)}>
        {title}
      </h2>
      {children}
    </section>
  );
}
