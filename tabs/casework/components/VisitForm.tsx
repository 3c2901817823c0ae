import { useCallback } from "react";
import { Checkbox, Field, Input, Select, Textarea } from "@fluentui/react-components";
import { GRADUATED_APPROACH_STAGES, STANDARDS_FRAMEWORKS, VISIT_SEEN, type VisitInput } from "../../../src/schemas/casework/records";
import { standardsFrameworkFor } from "../../../src/domain/casework/phase";
import { newKey, ukToday } from "../../shell";
import { useCaseworkApi, type FullCase } from "../api";
import { VISIT_ORDER, blankVisit, visitMessages, visitToSend, type VisitForm as Visit } from "../case-forms";
import { labelIn } from "../labels";
import { useCheckedForm } from "./CheckedForm";

/** A record of visit: short, one column, quick on a phone; the setting and framework come from the case. */
export function VisitForm({ record, onRecorded }: { record: FullCase; onRecorded(): void }) {
  const casework = useCaseworkApi();
  const check = useCallback((f: Visit) => {
    const sent = visitToSend(f, record);
    return { sent, messages: visitMessages(sent) };
  }, [record]);
  const v = useCheckedForm<Visit>({
    name: "visit",
    blank: blankVisit(ukToday()),
    check,
    order: () => VISIT_ORDER,
    wrapper: "visit",
    failed: "The visit was not recorded",
    submit: async (sent) => {
      await casework.recordVisit(record.id, newKey("visit"), sent as VisitInput);
      onRecorded();
      return { intent: "success", title: "Visit recorded", text: "The setting's SENCo can see it." };
    },
  });
  const { form, change } = v;
  const framework = labelIn(STANDARDS_FRAMEWORKS, standardsFrameworkFor(record.phase));
  return v.frame({
    label: "Record a visit",
    submitLabel: "Record the visit",
    testId: "visit-form",
    children: (
      <>
        <Field {...v.field("date", "Date of visit")}>
          <Input id={v.idOf("date")} type="date" value={form.date} onChange={(_, d) => change("date", d.value)} />
        </Field>
        {v.group(
          "seen",
          "Who was seen",
          VISIT_SEEN.map((o) => (
            <Checkbox key={o.value} label={o.label} checked={form.seen.includes(o.value)} onChange={(_, d) => change("seen", d.checked === true ? [...form.seen, o.value] : form.seen.filter((s) => s !== o.value))} />
          )),
        )}
        <Field {...v.field("graduatedApproachStage", "Graduated approach stage")}>
          <Select id={v.idOf("graduatedApproachStage")} value={form.graduatedApproachStage} onChange={(_, d) => change("graduatedApproachStage", d.value)}>
            <option value="">Choose…</option>
            {GRADUATED_APPROACH_STAGES.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field {...v.field("section", `${framework}: section`, "The section your advice refers to.")}>
          <Input id={v.idOf("section")} value={form.section} maxLength={200} onChange={(_, d) => change("section", d.value)} />
        </Field>
        <Field {...v.field("adviceGiven", "Advice given")}>
          <Textarea id={v.idOf("adviceGiven")} value={form.adviceGiven} rows={3} maxLength={4000} onChange={(_, d) => change("adviceGiven", d.value)} />
        </Field>
        <Field {...v.field("nextSteps", "Next steps")}>
          <Textarea id={v.idOf("nextSteps")} value={form.nextSteps} rows={2} maxLength={2000} onChange={(_, d) => change("nextSteps", d.value)} />
        </Field>
      </>
    ),
  });
}
