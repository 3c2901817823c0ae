import type { ReactNode } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  bar: {
    position: "sticky",
    bottom: 0,
    zIndex: 2,
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

/** The form's sticky footer: a polite status line and the Save draft / Submit buttons. */
export function ActionBar({ status, children }: { status: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.bar} role="group" aria-label="Referral actions">
      <div className={styles.status} role="status" aria-live="polite">
        {status}
      </div>
      <div className={styles.buttons}>{children}</div>
    </div>
  );
}
