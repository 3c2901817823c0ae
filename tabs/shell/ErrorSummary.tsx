import { forwardRef } from "react";
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { fieldId } from "./format";

export interface SummaryEntry {
  path: string;
  message: string;
}

const useStyles = makeStyles({
  root: {
    border: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  heading: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  intro: { margin: `0 0 ${tokens.spacingVerticalS}` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  link: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Move focus to a field (or the first radio of a group) and bring it into view. */
export function focusField(path: string, fieldIdOf: (path: string) => string = fieldId): void {
  const element = document.getElementById(fieldIdOf(path));
  if (!element) return;
  element.scrollIntoView({ block: "center" });
  element.focus({ preventScroll: true });
}

export interface ErrorSummaryProps {
  entries: SummaryEntry[];
  /** What could not be done and what to do ("The draft cannot be saved yet. Correct these and save again:"). */
  intro: string;
  /** Unique on the page when a page has more than one form. */
  id?: string;
  /** The element id of an entry's field, for forms whose fields are not named by `fieldId(path)`. */
  fieldIdOf?: (path: string) => string;
}

/**
 * GOV.UK-style error summary: shown at the top of the form when a save or submit fails, focused so
 * screen readers read it, each message a link to its field.
 */
export const ErrorSummary = forwardRef<HTMLElement, ErrorSummaryProps>(function ErrorSummary({ entries, intro, id = "error-summary", fieldIdOf = fieldId }, ref) {
  const styles = useStyles();
  return (
    <section ref={ref} tabIndex={-1} className={styles.root} aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`} className={styles.heading}>
        There is a problem
      </h2>
      <p className={styles.intro}>{intro}</p>
      <ul className={styles.list}>
        {entries.map(({ path, message }, i) => (
          <li key={`${path}-${i}`}>
            {/* A message for the whole form, or for a field not on this form, has nowhere to link to. */}
            {path !== "" && document.getElementById(fieldIdOf(path)) ? (
              <Link
                className={styles.link}
                href={`#${fieldIdOf(path)}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusField(path, fieldIdOf);
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
