import { useCallback } from "react";
import { Button, Field, Input, Select, Textarea, makeStyles } from "@fluentui/react-components";
import { Add16Regular, Delete16Regular } from "@fluentui/react-icons";
import { CLINIC_KINDS, CLINIC_OUTCOMES, CLINIC_PHASES, CLINIC_STATUSES, type ClinicInput } from "../../../src/schemas/casework/records";
import { AREAS_OF_NEED } from "../../../src/schemas/referrals/referral";
import { DataTable, LoadView, formatDate, newKey, ukToday, useLoad, useSession } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { useCaseworkApi } from "../api";
import { blankClinic, clinicMessages, clinicOrder, clinicToSend, newClinicEntry, type ClinicForm } from "../case-forms";
import { clinicKindLabel, clinicOutcomeLabel, clinicPhaseLabel, clinicStatusLabel } from "../labels";
import { useCheckedForm } from "./CheckedForm";

const useStyles = makeStyles({
  column: sharedStyles.column,
  h2: sharedStyles.h2,
  h3: sharedStyles.h3,
  empty: sharedStyles.empty,
  box: sharedStyles.box,
  legend: sharedStyles.legend,
});

/** Anonymised advice outside LIFT: an entry records a question (never a child's name) and what came of it. */
const ENTRY_OUTCOMES = CLINIC_OUTCOMES.filter((o) => o.value !== "case-opened");

/** The district's clinics, surgeries and in-school reviews, and a form to record one. */
export function ClinicLog() {
  const styles = useStyles();
  const { me } = useSession();
  const casework = useCaseworkApi();
  const clinics = useLoad("clinics", () => casework.clinics());
  const check = useCallback(
    (f: ClinicForm) => {
      const sent = clinicToSend(f, me.district?.slug ?? "", me);
      return { sent, messages: clinicMessages(sent) };
    },
    [me],
  );
  const c = useCheckedForm<ClinicForm>({
    name: "clinic",
    blank: blankClinic(ukToday()),
    check,
    order: clinicOrder,
    wrapper: "clinic",
    failed: "The clinic was not recorded",
    submit: async (sent) => {
      await casework.recordClinic(newKey("clinic"), sent as ClinicInput);
      void clinics.reload();
      return { intent: "success", title: "Clinic recorded" };
    },
  });
  const { form, change } = c;
  const choose = (path: string, label: string, value: string, list: readonly { value: string; label: string }[], blank?: string) => (
    <Field {...c.field(path, label)}>
      <Select id={c.idOf(path)} value={value} onChange={(_, d) => change(path, d.value)}>
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {list.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <section className={styles.column} aria-labelledby="clinics-heading">
      <h2 id="clinics-heading" className={styles.h2}>
        Clinic log
      </h2>
      <LoadView state={clinics.state} what="the clinics" onRetry={() => void clinics.reload()} empty={<p className={styles.empty}>No clinics recorded yet.</p>}>
        {(items) => (
          <DataTable
            aria-label="Clinics"
            data-testid="clinics-table"
            headers={["Date", "Kind", "Phase", "Status", "Teacher", "Questions and cases"]}
            rows={items.map((x) => ({
              key: x.id,
              cells: [
                formatDate(x.date),
                clinicKindLabel(x.kind),
                clinicPhaseLabel(x.phase),
                clinicStatusLabel(x.status),
                `${x.teacherName}${x.epName ? ` with ${x.epName}` : ""}`,
                x.entries.length === 0 ? "None" : x.entries.map((e) => `${e.question ?? "A case"}: ${clinicOutcomeLabel(e.outcome)}`).join("; "),
              ],
            }))}
          />
        )}
      </LoadView>
      <h3 className={styles.h3}>Record a clinic</h3>
      {c.frame({
        label: "Record a clinic",
        submitLabel: "Record the clinic",
        testId: "clinic-form",
        children: (
          <>
            {choose("kind", "Kind", form.kind, CLINIC_KINDS)}
            {choose("phase", "Phase", form.phase, CLINIC_PHASES)}
            <Field {...c.field("date", "Date")}>
              <Input id={c.idOf("date")} type="date" value={form.date} onChange={(_, d) => change("date", d.value)} />
            </Field>
            {choose("status", "Status", form.status, CLINIC_STATUSES)}
            <Field {...c.field("epName", "Educational psychologist (if any)")}>
              <Input id={c.idOf("epName")} value={form.epName} maxLength={120} onChange={(_, d) => change("epName", d.value)} />
            </Field>
            {form.entries.map((e, i) => (
              <fieldset key={e.id} className={styles.box}>
                <legend className={styles.legend}>Question {i + 1}</legend>
                <Field {...c.field(`entries.${i}.question`, "Anonymised question", "No child's name: describe the need and the question.")}>
                  <Textarea id={c.idOf(`entries.${i}.question`)} value={e.question} rows={2} maxLength={2000} onChange={(_, d) => change(`entries.${i}.question`, d.value)} />
                </Field>
                {choose(`entries.${i}.areaOfNeed`, "Area of need", e.areaOfNeed, AREAS_OF_NEED, "Not recorded")}
                {choose(`entries.${i}.outcome`, "Outcome", e.outcome, ENTRY_OUTCOMES, "Choose…")}
                <div>
                  <Button appearance="subtle" icon={<Delete16Regular />} onClick={() => change("entries", form.entries.filter((_, j) => j !== i))}>
                    Remove question {i + 1}
                  </Button>
                </div>
              </fieldset>
            ))}
            <div>
              <Button icon={<Add16Regular />} onClick={() => change("entries", [...form.entries, newClinicEntry()])}>
                Add a question
              </Button>
            </div>
          </>
        ),
      })}
    </section>
  );
}
