import { Fragment, type ReactNode } from "react";
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import type { ReferralField } from "../../../src/schemas/referrals/referral";

const useStyles = makeStyles({
  section: {
    margin: 0,
    minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalXL}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    "@media (max-width: 480px)": { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  },
  // The legend floats into the box's flow (the default legend sits on the border).
  legend: { float: "left", width: "100%", padding: 0, margin: 0 },
  heading: {
    margin: 0,
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  number: { flexShrink: 0 },
  body: { clear: "both", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

export interface FormSectionProps {
  id: string;
  index: number;
  title: string;
  fields: readonly ReferralField[];
  /** How many of this section's messages are showing (a badge next to the heading). */
  problems: number;
  renderField: (field: ReferralField) => ReactNode;
}

/** One section of the referral form: a fieldset headed by an h2 legend. */
export function FormSection({ id, index, title, fields, problems, renderField }: FormSectionProps) {
  const styles = useStyles();
  return (
    <fieldset className={styles.section} id={`section-${id}`}>
      <legend className={styles.legend}>
        <h2 className={styles.heading}>
          <Badge className={styles.number} appearance="tint" shape="circular" aria-hidden="true">
            {index + 1}
          </Badge>
          {title}
          {problems > 0 ? (
            <Badge appearance="filled" color="danger">
              {problems === 1 ? "1 problem" : `${problems} problems`}
            </Badge>
          ) : null}
        </h2>
      </legend>
      <div className={styles.body}>{fields.map((field) => (
          <Fragment key={field.path}>{renderField(field)}</Fragment>
        ))}</div>
    </fieldset>
  );
}
