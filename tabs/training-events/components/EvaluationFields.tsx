import { Checkbox, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { sharedStyles } from "../../shell/styles";
import { SCORES, type EvaluationForm } from "../forms";
import type { EditorFields } from "./RecordEditor";

const useStyles = makeStyles({
  box: sharedStyles.box,
  legend: sharedStyles.legend,
  scores: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(7rem, 1fr))", gap: tokens.spacingHorizontalM },
  count: { maxWidth: "8rem" },
});

/**
 * The evaluation returns typed in from paper or Forms (until the app sends the questionnaire): how
 * many came back, and how many answered the KPI question with each score. Anonymous counts only.
 */
export function EvaluationFields<F extends { evaluation: EvaluationForm }>({ f, question }: { f: EditorFields<F>; question: string }) {
  const styles = useStyles();
  const e = f.form.evaluation;
  return (
    <fieldset className={styles.box}>
      <legend className={styles.legend}>Evaluation returns</legend>
      <Checkbox label="Evaluation forms have come back: enter the answers" checked={e.given} onChange={(_, d) => f.change("evaluation.given", d.checked === true)} />
      {e.given ? (
        <>
          <Field {...f.field("evaluation.returned", "Forms returned")}>
            <Input className={styles.count} id={f.idOf("evaluation.returned")} type="number" min={0} inputMode="numeric" value={e.returned} onChange={(_, d) => f.change("evaluation.returned", d.value)} />
          </Field>
          <div role="group" aria-label={`How many answered ${question} with each score`}>
            <p>How many answered {question} with each score (5 = highest):</p>
            <div className={styles.scores}>
              {SCORES.map((score, i) => (
                <Field key={score} {...f.field(`evaluation.scores.${i}`, `Score ${score}`)}>
                  <Input id={f.idOf(`evaluation.scores.${i}`)} type="number" min={0} inputMode="numeric" value={e.scores[i] ?? ""} onChange={(_, d) => f.change(`evaluation.scores.${i}`, d.value)} />
                </Field>
              ))}
            </div>
          </div>
        </>
      ) : null}
    </fieldset>
  );
}
