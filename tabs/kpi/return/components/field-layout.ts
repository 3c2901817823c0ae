import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * One measure per row: label, control and message on the left, the definition (the Field's hint, so
 * it stays the control's description for screen readers) beside it on wide screens, under it on
 * narrow ones.
 */
export const useFieldRowStyles = makeStyles({
  row: {
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    columnGap: tokens.spacingHorizontalXXL,
    "@media (min-width: 760px)": {
      gridTemplateColumns: "minmax(220px, 2fr) minmax(0, 3fr)",
      "& > .fui-Field__hint": { gridColumn: "2", gridRow: "1 / span 4", alignSelf: "start", marginTop: 0 },
      "& > .fui-Field__label": { gridColumn: "1" },
      "& > .fui-Field__validationMessage": { gridColumn: "1" },
    },
  },
  control: { gridColumn: "1", display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  input: { width: "9em" },
  hint: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
  prefill: {
    display: "inline-flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground2,
    fontStyle: "normal",
  },
  prefillIcon: { flexShrink: 0, marginTop: "2px", color: tokens.colorBrandForeground1 },
  computed: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
});

/** The DOM id of a measure's control (error summary links point at it). */
export function measureFieldId(measureId: string): string {
  return `kpi-field-${measureId}`;
}
