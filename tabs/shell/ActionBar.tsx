import type { ReactNode } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  sticky: { position: "sticky", bottom: 0, zIndex: 2 },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow16,
    borderRadius: `${tokens.borderRadiusLarge} ${tokens.borderRadiusLarge} 0 0`,
  },
  status: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, minWidth: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginLeft: "auto" },
});

/** A form's sticky footer: a polite status line and the form's buttons (Save draft, Submit, Approve). */
export function ActionBar({
  status,
  label,
  sticky = true,
  children,
}: {
  status: ReactNode;
  label: string;
  /** Off where a page has several forms, so their bars do not stack at the bottom of the window. */
  sticky?: boolean;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.bar, sticky && styles.sticky)} role="group" aria-label={label}>
      <div className={styles.status} role="status" aria-live="polite">
        {status}
      </div>
      <div className={styles.buttons}>{children}</div>
    </div>
  );
}
