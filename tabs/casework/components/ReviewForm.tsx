import { useCallback } from "react";
import { Checkbox, Field, Input, Radio, RadioGroup, Textarea } from "@fluentui/react-components";
import { TARGET_RESULTS, type ReviewInput } from "../../../src/schemas/casework/records";
import { targetsInForceOn } from "../../../src/domain/casework/targets";
import { newKey, ukToday } from "../../shell";
import { useCaseworkApi, type FullCase } from "../api";
import { blankReview, reviewMessages, reviewOrder, reviewToSend, type ReviewForm as Review } from "../case-forms";
import { useCheckedForm } from "./CheckedForm";

/** Record a review: per target in force, achieved / at least 50% / less; amended?; final, or the next date. */
export function ReviewForm({ record, onRecorded }: { record: FullCase; onRecorded(): void }) {
  const casework = useCaseworkApi();
  const check = useCallback((f: Review) => {
    const sent = reviewToSend(f, record.targets);
    return { sent, messages: reviewMessages(sent) };
  }, [record.targets]);
  const r = useCheckedForm<Review>({
    name: "review",
    blank: blankReview(ukToday()),
    check,
    order: (f) => reviewOrder(record.targets, f.date),
    wrapper: "review",
    failed: "The review was not recorded",
    submit: async (sent) => {
      await casework.recordReview(record.id, newKey("review"), sent as ReviewInput);
      onRecorded();
      return { intent: "success", title: "Review recorded" };
    },
  });
  const { form, change } = r;
  const inForce = targetsInForceOn(record.targets, form.date);
  return r.frame({
    label: "Record a review",
    submitLabel: "Record the review",
    testId: "review-form",
    children: (
      <>
        <Field {...r.field("date", "Date of review")}>
          <Input id={r.idOf("date")} type="date" value={form.date} onChange={(_, d) => change("date", d.value)} />
        </Field>
        {inForce.length === 0 ? <p>No targets were in force on this date: set the targets first.</p> : null}
        {inForce.map((t, i) => (
          <Field key={t.id} {...r.field(`results.${t.id}`, `Target ${i + 1}: ${t.text}`)}>
            <RadioGroup id={r.idOf(`results.${t.id}`)} tabIndex={-1} value={form.results[t.id] ?? ""} onChange={(_, d) => change("results", { ...form.results, [t.id]: d.value })}>
              {TARGET_RESULTS.map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </RadioGroup>
          </Field>
        ))}
        <Field {...r.field("targetsAmended", "Were the targets amended?")}>
          <RadioGroup id={r.idOf("targetsAmended")} tabIndex={-1} layout="horizontal" value={form.targetsAmended} onChange={(_, d) => change("targetsAmended", d.value)}>
            <Radio value="yes" label="Yes" />
            <Radio value="no" label="No" />
          </RadioGroup>
        </Field>
        <Checkbox id={r.idOf("final")} label="This is the final review (the case will close)" checked={form.final} onChange={(_, d) => change("final", d.checked === true)} />
        {form.final ? null : (
          <Field {...r.field("nextReviewDate", "Next review date")}>
            <Input id={r.idOf("nextReviewDate")} type="date" value={form.nextReviewDate} onChange={(_, d) => change("nextReviewDate", d.value)} />
          </Field>
        )}
        <Field {...r.field("notes", "Notes")}>
          <Textarea id={r.idOf("notes")} value={form.notes} rows={3} maxLength={4000} onChange={(_, d) => change("notes", d.value)} />
        </Field>
      </>
    ),
  });
}
