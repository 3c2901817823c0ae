/**
 * Style pieces the pages share, spread into each component's makeStyles so a heading, a card or a
 * form column looks the same on every page.
 */
import { tokens, type GriffelStyle } from "@fluentui/react-components";

export const sharedStyles = {
  /** A page section: blocks one under the other, well spaced. */
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  /** A form: fields one under the other. */
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  card: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}` },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: "70ch" },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  fieldError: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  empty: { margin: 0 },
  /** A boxed group of fields inside a form (a support plan, an action, a target). */
  box: {
    margin: 0,
    minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
  },
} satisfies Record<string, GriffelStyle>;
