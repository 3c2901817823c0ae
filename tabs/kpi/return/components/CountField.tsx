import { memo } from "react";
import { Field, Input, Link, Text } from "@fluentui/react-components";
import { Database16Regular } from "@fluentui/react-icons";
import type { Measure } from "../../api";
import { measureFieldId, useFieldRowStyles } from "./field-layout";

export interface CountFieldProps {
  measure: Measure;
  text: string;
  error?: string;
  prefill?: { value: number; source: string };
  readOnly: boolean;
  onChange(measureId: string, text: string): void;
  onBlur(measureId: string): void;
}

/** A count the lead types (whole, not negative; FTE up to 2 decimals), prefilled where the app can. */
export const CountField = memo(function CountField({ measure, text, error, prefill, readOnly, onChange, onBlur }: CountFieldProps) {
  const styles = useFieldRowStyles();
  const differsFromPrefill = prefill !== undefined && text.trim() !== String(prefill.value);
  return (
    <Field
      className={styles.row}
      label={{ children: measure.optional ? `${measure.label} (optional)` : measure.label, htmlFor: measureFieldId(measure.id) }}
      validationMessage={error}
      validationState={error ? "error" : "none"}
      hint={
        <span className={styles.hint}>
          <span>{measure.definition}</span>
          {prefill ? (
            <span className={styles.prefill} data-testid={`prefill-${measure.id}`}>
              <Database16Regular className={styles.prefillIcon} aria-hidden="true" />
              <span>
                Prefilled {prefill.value} from LIFT Hub: {prefill.source}
              </span>
            </span>
          ) : null}
        </span>
      }
    >
      <div className={styles.control}>
        <Input
          id={measureFieldId(measure.id)}
          className={styles.input}
          value={text}
          inputMode={measure.unit === "fte" ? "decimal" : "numeric"}
          autoComplete="off"
          readOnly={readOnly}
          onChange={(_, data) => onChange(measure.id, data.value)}
          onBlur={() => onBlur(measure.id)}
          contentAfter={measure.unit === "fte" ? <Text size={200}>FTE</Text> : undefined}
        />
        {prefill && differsFromPrefill && !readOnly ? (
          <Link as="button" onClick={() => onChange(measure.id, String(prefill.value))}>
            Use the prefilled {prefill.value}
          </Link>
        ) : null}
      </div>
    </Field>
  );
});
