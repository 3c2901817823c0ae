import { useCallback } from "react";
import { Field, Input, Select, Textarea } from "@fluentui/react-components";
import { INACTIVE_REASONS, type CaseStatusInput } from "../../../src/schemas/casework/records";
import { ukToday } from "../../shell";
import { useCaseworkApi, type FullCase } from "../api";
import { STATUS_ORDER, statusMessages, statusToSend, type StatusForm as Status } from "../case-forms";
import { statusLabel } from "../labels";
import { useCheckedForm } from "./CheckedForm";

/** Switch an open case between actively supported and not (with the reason). */
export function StatusForm({ record, onSaved }: { record: FullCase; onSaved(): void }) {
  const casework = useCaseworkApi();
  const to = record.status === "open-active" ? "open-inactive" : "open-active";
  const check = useCallback((f: Status) => {
    // The change is always to the other open status, whatever the case was when the form opened.
    const sent = statusToSend({ ...f, status: to });
    return { sent, messages: statusMessages(sent) };
  }, [to]);
  const s = useCheckedForm<Status>({
    name: "status",
    blank: { status: to, at: ukToday(), inactiveReason: "", inactiveReasonText: "" },
    check,
    order: () => STATUS_ORDER,
    wrapper: "change",
    failed: "The status was not changed",
    submit: async (sent) => {
      await casework.changeStatus(record.id, record.eTag, sent as CaseStatusInput);
      onSaved();
      return { intent: "success", title: `Now ${statusLabel(to).toLowerCase()}` };
    },
  });
  const { form, change } = s;
  return s.frame({
    label: "Change the status",
    submitLabel: to === "open-inactive" ? "Mark not actively supported" : "Mark actively supported",
    children: (
      <>
        <p>Now: {statusLabel(record.status)}.</p>
        <Field {...s.field("at", "Date of the change")}>
          <Input id={s.idOf("at")} type="date" value={form.at} onChange={(_, d) => change("at", d.value)} />
        </Field>
        {to === "open-inactive" ? (
          <>
            <Field {...s.field("inactiveReason", "Why is the case not actively supported?")}>
              <Select id={s.idOf("inactiveReason")} value={form.inactiveReason} onChange={(_, d) => change("inactiveReason", d.value)}>
                <option value="">Choose…</option>
                {INACTIVE_REASONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Field {...s.field("inactiveReasonText", "More about the reason", "Needed for Other.")}>
              <Textarea id={s.idOf("inactiveReasonText")} value={form.inactiveReasonText} rows={2} maxLength={500} onChange={(_, d) => change("inactiveReasonText", d.value)} />
            </Field>
          </>
        ) : null}
      </>
    ),
  });
}
