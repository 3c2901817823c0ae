import { Field, Text } from "@fluentui/react-components";
import { Calculator16Regular } from "@fluentui/react-icons";
import type { Measure } from "../../api";
import type { Computed } from "../form-state";
import { formatPercent, responseRateText } from "../../format";
import { RagBadge } from "../../components/RagBadge";
import { measureFieldId, useFieldRowStyles } from "./field-layout";

/** A percentage: worked out from its two counts and shown read-only with its rating, never typed. */
export function PercentField({ measure, computed, numeratorLabel, denominatorLabel }: {
  measure: Measure;
  computed: Computed;
  numeratorLabel: string;
  denominatorLabel: string;
}) {
  const styles = useFieldRowStyles();
  const shown = formatPercent(computed.percent);
  return (
    <Field
      className={styles.row}
      label={{ children: measure.label, htmlFor: measureFieldId(measure.id) }}
      hint={
        <span className={styles.hint}>
          <span>{measure.definition}</span>
          <span className={styles.prefill}>
            <Calculator16Regular className={styles.prefillIcon} aria-hidden="true" />
            <span>
              Worked out: {numeratorLabel} ÷ {denominatorLabel}.
            </span>
          </span>
        </span>
      }
    >
      {(control) => (
      <output {...control} id={measureFieldId(measure.id)} className={styles.control} data-testid={`percent-${measure.id}`}>
        {shown ? (
          <>
            <span className={styles.computed}>{shown}</span>
            {measure.rag ? <RagBadge rag={computed.rag} /> : <Text size={200}>Reported without a rating</Text>}
            {computed.numerator !== null && computed.denominator !== null ? (
              <Text size={200}>
                ({computed.numerator} of {computed.denominator})
              </Text>
            ) : null}
            {measure.askedId && computed.denominator !== null ? (
              <Text size={200} data-testid="response-rate">
                Response rate: {responseRateText(computed.denominator, computed.asked)}
                {computed.rag === "too_few" ? `. Fewer than ${measure.minAnswers} answers: not rated` : ""}
              </Text>
            ) : null}
          </>
        ) : (
          <Text size={200}>Not worked out yet: enter both figures{computed.denominator === 0 ? " (the total is 0)" : ""}.</Text>
        )}
      </output>
      )}
    </Field>
  );
}
