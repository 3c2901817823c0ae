import { forwardRef } from "react";
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { measureFieldId } from "./field-layout";

const useStyles = makeStyles({
  root: {
    border: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  heading: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  link: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Focused when a save or submit is refused: each problem links to its field. */
export const ErrorSummary = forwardRef<HTMLElement, { errors: [string, string][]; action: string }>(function ErrorSummary({ errors, action }, ref) {
  const styles = useStyles();
  return (
    <section ref={ref} tabIndex={-1} className={styles.root} aria-labelledby="kpi-error-summary" data-testid="error-summary">
      <h2 id="kpi-error-summary" className={styles.heading}>
        There is a problem
      </h2>
      <p>The return cannot be {action} yet. Correct these and try again:</p>
      <ul className={styles.list}>
        {errors.map(([id, message]) => (
          <li key={id || "form"}>
            {id && document.getElementById(measureFieldId(id)) ? (
              <Link
                className={styles.link}
                href={`#${measureFieldId(id)}`}
                onClick={(event) => {
                  event.preventDefault();
                  const element = document.getElementById(measureFieldId(id));
                  element?.scrollIntoView({ block: "center" });
                  element?.focus({ preventScroll: true });
                }}
              >
                {message}
              </Link>
            ) : (
              message
            )}
          </li>
        ))}
      </ul>
    </section>
  );
});
