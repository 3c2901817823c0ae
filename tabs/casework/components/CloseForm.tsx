import { useCallback } from "react";
import { Field, Input, Select, Textarea } from "@fluentui/react-components";
import { CLOSURE_REASONS, type CaseCloseInput } from "../../../src/schemas/casework/records";
import { formatDate, ukToday } from "../../shell";
import { useCaseworkApi, type CaseDetail, type FullCase } from "../api";
import { CLOSE_ORDER, closeMessages, closeToSend, type CloseForm as Close } from "../case-forms";
import { useCheckedForm } from "./CheckedForm";

type Review = Extract<CaseDetail, { view: "full" }>["reviews"][number];

/** Close the case: a reason and the final review it rests on. */
export function CloseForm({ record, reviews, onClosed }: { record: FullCase; reviews: Review[]; onClosed(): void }) {
  const casework = useCaseworkApi();
  const finals = reviews.filter((r) => r.final);
  const check = useCallback((f: Close) => {
    // A final review recorded since the form opened is the one to close on unless another is chosen.
    const sent = closeToSend({ ...f, finalReviewId: f.finalReviewId || (finals[0]?.id ?? "") });
    return { sent, messages: closeMessages(sent) };
  }, [finals]);
  const c = useCheckedForm<Close>({
    name: "close",
    blank: { reason: "", reasonText: "", closedAt: ukToday(), finalReviewId: finals[0]?.id ?? "" },
    check,
    order: () => CLOSE_ORDER,
    wrapper: "closure",
    failed: "The case was not closed",
    submit: async (sent) => {
      await casework.close(record.id, record.eTag, sent as CaseCloseInput);
      onClosed();
      return { intent: "success", title: "Case closed" };
    },
  });
  const { form, change } = c;
  return c.frame({
    label: "Close the case",
    submitLabel: "Close the case",
    children: (
      <>
        <Field {...c.field("reason", "Why is the case closing?")}>
          <Select id={c.idOf("reason")} value={form.reason} onChange={(_, d) => change("reason", d.value)}>
            <option value="">Choose…</option>
            {CLOSURE_REASONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field {...c.field("reasonText", "More about the reason", "Needed for Other.")}>
          <Textarea id={c.idOf("reasonText")} value={form.reasonText} rows={2} maxLength={500} onChange={(_, d) => change("reasonText", d.value)} />
        </Field>
        <Field {...c.field("closedAt", "Date closed")}>
          <Input id={c.idOf("closedAt")} type="date" value={form.closedAt} onChange={(_, d) => change("closedAt", d.value)} />
        </Field>
        <Field {...c.field("finalReviewId", "Final review", finals.length === 0 ? "Record a review marked final first." : undefined)}>
          <Select id={c.idOf("finalReviewId")} value={form.finalReviewId || (finals[0]?.id ?? "")} onChange={(_, d) => change("finalReviewId", d.value)}>
            <option value="">Choose…</option>
            {finals.map((r) => (
              <option key={r.id} value={r.id}>
                Review of {formatDate(r.date)}
              </option>
            ))}
          </Select>
        </Field>
      </>
    ),
  });
}
