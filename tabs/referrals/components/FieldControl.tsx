import type { ReactNode } from "react";
import { Checkbox, Field, Input, Radio, RadioGroup, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { ReferralField } from "../../../src/schemas/referrals/referral";
import { fieldId } from "../draft";

const useStyles = makeStyles({
  // minmax(0, 1fr): a select with long options must not push the field wider than the page.
  field: { maxWidth: "44rem", gridTemplateColumns: "minmax(0, 1fr)" },
  short: { maxWidth: "20rem", gridTemplateColumns: "minmax(0, 1fr)" },
  group: {
    border: "none",
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  groupLegend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  help: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

export interface FieldControlProps {
  field: ReferralField;
  /** Full dotted path in the draft ("child.legalName", "apdrCycles.0.assess"). */
  path: string;
  value: unknown;
  onChange: (path: string, value: unknown) => void;
  messages?: string[];
  warnings?: string[];
  /** Shown read-only with this text (the setting, which comes from the SENCo's record). */
  readOnlyText?: string;
  /** For derived fields (Age in months). */
  derivedText?: string;
  /** Replaces the default control (the LIFT meeting picker). */
  renderControl?: (props: { id: string; describedBy?: string }) => ReactNode;
}

/** Yes/No radios for answers that must be given either way; a checkbox where "not ticked" is a fair answer. */
function usesRadios(field: ReferralField, path: string): boolean {
  return field.kind === "boolean" && field.required && path !== "agreementToEngage.given";
}

function textValue(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/** One field of the referral form, labelled from the catalogue, with its help and messages. */
export function FieldControl({ field, path, value, onChange, messages, warnings, readOnlyText, derivedText, renderControl }: FieldControlProps) {
  const styles = useStyles();
  const id = fieldId(path);
  const error = messages && messages.length > 0 ? messages.join(" ") : undefined;
  const warning = !error && warnings && warnings.length > 0 ? warnings.join(" ") : undefined;
  const fieldProps = {
    className: styles.field,
    label: { children: field.label, htmlFor: id },
    hint: field.help,
    required: field.required && readOnlyText === undefined && field.kind !== "derived",
    validationState: error ? ("error" as const) : warning ? ("warning" as const) : ("none" as const),
    // The error summary at the top announces problems; per-field alerts would all speak at once.
    validationMessage: error || warning ? { children: error ?? warning, role: undefined } : undefined,
  };

  if (readOnlyText !== undefined || field.kind === "derived") {
    return (
      <Field {...fieldProps}>
        <Input id={id} readOnly value={readOnlyText ?? derivedText ?? ""} appearance="filled-darker" />
      </Field>
    );
  }

  if (renderControl) {
    return <Field {...fieldProps}>{renderControl({ id })}</Field>;
  }

  switch (field.kind) {
    case "textarea":
      return (
        <Field {...fieldProps}>
          <Textarea
            id={id}
            resize="vertical"
            rows={field.maxLength && field.maxLength > 1000 ? 5 : 3}
            maxLength={field.maxLength}
            value={textValue(value)}
            onChange={(_, d) => onChange(path, d.value)}
          />
        </Field>
      );
    case "date":
      return (
        <Field {...fieldProps} className={styles.short}>
          <Input id={id} type="date" value={textValue(value)} onChange={(_, d) => onChange(path, d.value)} />
        </Field>
      );
    case "number":
      return (
        <Field {...fieldProps} className={styles.short}>
          <Input
            id={id}
            inputMode="decimal"
            value={textValue(value)}
            onChange={(_, d) => {
              const text = d.value.trim();
              // Keep what was typed when it is not a number, so the shared rules can say so.
              onChange(path, text === "" ? undefined : Number.isFinite(Number(text)) ? Number(text) : d.value);
            }}
          />
        </Field>
      );
    case "choice":
      return (
        <Field {...fieldProps}>
          <Select id={id} value={textValue(value)} onChange={(_, d) => onChange(path, d.value === "" ? undefined : d.value)}>
            <option value="">Choose…</option>
            {(field.options ?? []).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      );
    case "boolean":
      if (usesRadios(field, path)) {
        return (
          <Field {...fieldProps} label={{ children: field.label, id: `${id}-label` }}>
            <RadioGroup
              layout="horizontal"
              aria-labelledby={`${id}-label`}
              value={value === true ? "yes" : value === false ? "no" : ""}
              onChange={(_, d) => onChange(path, d.value === "yes")}
            >
              <Radio id={id} value="yes" label="Yes" />
              <Radio value="no" label="No" />
            </RadioGroup>
          </Field>
        );
      }
      if (field.required) {
        // The agreement: the Field's label names it (with its help); the box says what ticking means.
        return (
          <Field {...fieldProps}>
            <Checkbox
              id={id}
              label="Yes, given"
              // The Field's label carries the asterisk; a second one on the box would be noise.
              required={false}
              aria-required
              checked={value === true}
              // Unticking means "not answered", so the rule "is required" applies again.
              onChange={(_, d) => onChange(path, d.checked === true ? true : undefined)}
            />
          </Field>
        );
      }
      return (
        <Field {...fieldProps} label={undefined}>
          <Checkbox id={id} label={field.label} checked={value === true} onChange={(_, d) => onChange(path, d.checked === true)} />
        </Field>
      );
    case "multichoice": {
      const selected = Array.isArray(value) ? (value as string[]) : [];
      const helpId = `${id}-help`;
      const errorId = `${id}-error`;
      return (
        <fieldset className={styles.group} id={id} tabIndex={-1} aria-describedby={[error ? errorId : "", field.help ? helpId : ""].join(" ").trim() || undefined}>
          <legend className={styles.groupLegend}>{field.label}</legend>
          {field.help ? <div id={helpId} className={styles.help}>{field.help}</div> : null}
          {(field.options ?? []).map((o) => (
            <Checkbox
              key={o.value}
              label={o.label}
              checked={selected.includes(o.value)}
              onChange={(_, d) =>
                onChange(path, d.checked === true ? [...selected, o.value] : selected.filter((v) => v !== o.value))
              }
            />
          ))}
          {error ? <div id={errorId} className={styles.error}>{error}</div> : null}
        </fieldset>
      );
    }
    default:
      return (
        <Field {...fieldProps}>
          <Input
            id={id}
            type={field.kind === "email" ? "email" : field.kind === "phone" ? "tel" : "text"}
            maxLength={field.maxLength}
            value={textValue(value)}
            onChange={(_, d) => onChange(path, d.value)}
          />
        </Field>
      );
  }
}
