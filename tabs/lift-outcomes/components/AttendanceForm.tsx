import { useState } from "react";
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { Add16Regular, Delete16Regular, Save16Regular } from "@fluentui/react-icons";
import { AttendanceInput } from "../../../src/schemas/lift-outcomes/api";
import { SETTINGS } from "../../../src/domain/reference/settings";
import { Form, LoadView, Notice, currentFromDetail, fieldId, useEditableRecord, useLoad, useSession } from "../../shell";
import { useOutcomesApi, type Attendance } from "../api";
import { sharedStyles } from "../../shell/styles";

const useStyles = makeStyles({
  form: sharedStyles.form,
  group: { border: "none", margin: 0, padding: 0, minWidth: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  legend: sharedStyles.legend,
  person: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr) auto", gap: tokens.spacingHorizontalS, alignItems: "end" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  error: sharedStyles.fieldError,
});

type Person = Attendance["professionals"][number];

type Value = Pick<Attendance, "professionals" | "settingIds">;
const valueOf = (a: Attendance): Value => ({ professionals: a.professionals, settingIds: a.settingIds });

/** Who attended: professionals by name and role, and which of the district's settings were represented. */
export function AttendanceForm(props: { meetingId: string; districtSlug: string; canEdit: boolean }) {
  const lift = useOutcomesApi();
  const { state } = useLoad(`attendance-${props.meetingId}`, () => lift.attendance(props.meetingId));
  if (state.kind !== "ready") return <LoadView state={state} what="the attendance" size="small" />;
  return <AttendanceRecordForm key={props.meetingId} {...props} saved={state.value} />;
}

function AttendanceRecordForm({ meetingId, districtSlug, canEdit, saved }: { meetingId: string; districtSlug: string; canEdit: boolean; saved: Attendance }) {
  const styles = useStyles();
  const { me } = useSession();
  const lift = useOutcomesApi();
  const [messages, setMessages] = useState<Record<string, string>>({});
  const settings = SETTINGS.filter((s) => s.districtSlug === districtSlug);
  const form = useEditableRecord<Attendance, Value, "save">({
    initial: saved,
    blank: { professionals: [], settingIds: [] },
    valueOf,
    current: async (error) => currentFromDetail<Attendance & { eTag: string }>(error.detail) ?? (await lift.attendance(meetingId)),
    onFieldErrors: (fieldErrors) => setMessages(Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, v.join(" ")]))),
    failed: () => "Attendance was not saved",
  });
  const { working, stale, banner: result, pending } = form;
  const people = working.professionals;
  const settingIds = working.settingIds;
  const setPeople = (professionals: Person[]) => form.edit((w) => ({ ...w, professionals }));
  const setSettingIds = (ids: string[]) => form.edit((w) => ({ ...w, settingIds: ids }));
  const editPerson = (i: number, patch: Partial<Person>) =>
    form.edit((w) => ({ ...w, professionals: w.professionals.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));

  const save = (over?: { eTag?: string; value: Value }) => {
    const value = over?.value ?? working;
    const eTag = over ? over.eTag : form.record?.eTag;
    const parsed = AttendanceInput.safeParse({ ...(eTag ? { eTag } : {}), ...value });
    if (!parsed.success) {
      setMessages(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])));
      const first = parsed.error.issues[0];
      if (first) document.getElementById(fieldId(`attendance.${first.path.join(".")}`))?.focus();
      return;
    }
    setMessages({});
    void form.run("save", async () => {
      const answer = await lift.saveAttendance(meetingId, parsed.data);
      form.setBanner({ intent: "success", title: "Attendance saved." });
      return answer;
    });
  };

  const present = people.some((p) => p.oid === me.oid);

  return (
    <Form className={styles.form} aria-label="Attendance" onSubmit={() => save()}>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Professionals</legend>
        {people.length === 0 ? <p>No one recorded yet.</p> : null}
        {people.map((p, i) => (
          <div key={i} className={styles.person}>
            <Field label={`Name ${i + 1}`} validationState={messages[`professionals.${i}.name`] ? "error" : "none"} validationMessage={messages[`professionals.${i}.name`]}>
              <Input id={fieldId(`attendance.professionals.${i}.name`)} value={p.name} maxLength={120} disabled={!canEdit} onChange={(_, d) => editPerson(i, { name: d.value })} />
            </Field>
            <Field label={`Role ${i + 1}`} validationState={messages[`professionals.${i}.role`] ? "error" : "none"} validationMessage={messages[`professionals.${i}.role`]}>
              <Input id={fieldId(`attendance.professionals.${i}.role`)} value={p.role} maxLength={80} disabled={!canEdit} onChange={(_, d) => editPerson(i, { role: d.value })} />
            </Field>
            {canEdit ? (
              <Button appearance="subtle" icon={<Delete16Regular />} aria-label={`Remove ${p.name || `person ${i + 1}`}`} onClick={() => setPeople(people.filter((_, j) => j !== i))} />
            ) : null}
          </div>
        ))}
        {canEdit ? (
          <div className={styles.row}>
            <Button
              icon={<Add16Regular />}
              onClick={() => {
                setPeople([...people, { name: "", role: "" }]);
                requestAnimationFrame(() => document.getElementById(fieldId(`attendance.professionals.${people.length}.name`))?.focus());
              }}
            >
              Add a person
            </Button>
            {present ? null : (
              <Button onClick={() => setPeople([...people, { name: me.displayName, role: me.roleLabel, oid: me.oid }])}>Add me</Button>
            )}
          </div>
        ) : null}
      </fieldset>
      <fieldset className={styles.group} id={fieldId("attendance.settingIds")} tabIndex={-1}>
        <legend className={styles.legend}>Settings represented</legend>
        {settings.map((s) => (
          <Checkbox
            key={s.id}
            label={s.name}
            disabled={!canEdit}
            checked={settingIds.includes(s.id)}
            onChange={(_, d) => setSettingIds(d.checked === true ? [...settingIds, s.id] : settingIds.filter((id) => id !== s.id))}
          />
        ))}
        {messages.settingIds ? <div className={styles.error}>{messages.settingIds}</div> : null}
      </fieldset>
      {stale ? (
        <Notice
          intent="warning"
          layout="multiline"
          title="Someone else saved the attendance"
          actions={
            <>
              <Button onClick={form.takeTheirs}>Load theirs</Button>
              <Button
                onClick={() => {
                  const mine = form.keepMine();
                  if (mine) save({ eTag: mine.record.eTag, value: mine.value });
                }}
              >
                Re-apply mine to theirs and save
              </Button>
            </>
          }
        >
          Theirs has {stale.professionals.length} {stale.professionals.length === 1 ? "person" : "people"} and {stale.settingIds.length}{" "}
          {stale.settingIds.length === 1 ? "setting" : "settings"}. Yours is still shown and has not been saved.
        </Notice>
      ) : null}
      {result ? (
        <MessageBar intent={result.intent}>
          <MessageBarBody>{result.text ? `${result.title}: ${result.text}` : result.title}</MessageBarBody>
        </MessageBar>
      ) : null}
      {canEdit ? (
        <div>
          <Button type="submit" icon={<Save16Regular />} disabledFocusable={pending !== undefined}>
            Save attendance
          </Button>
        </div>
      ) : null}
    </Form>
  );
}
