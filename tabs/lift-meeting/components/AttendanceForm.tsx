import { useEffect, useState } from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Add16Regular, Delete16Regular, Save16Regular } from "@fluentui/react-icons";
import { AttendanceInput } from "../../../src/schemas/lift-meetings/api";
import { SETTINGS } from "../../../src/domain/reference/settings";
import { ApiError, errorMessage, fieldId, useLoad, useSession } from "../../shell";
import { currentFromDetail, type Attendance } from "../api";
import { useLiftApi } from "../hooks";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: { border: "none", margin: 0, padding: 0, minWidth: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  person: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr) auto", gap: tokens.spacingHorizontalS, alignItems: "end" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

type Person = Attendance["professionals"][number];

/** Who attended: professionals by name and role, and which of the district's settings were represented. */
export function AttendanceForm({ meetingId, districtSlug, canEdit }: { meetingId: string; districtSlug: string; canEdit: boolean }) {
  const styles = useStyles();
  const { me } = useSession();
  const lift = useLiftApi();
  const { state } = useLoad(`attendance-${meetingId}`, () => lift.attendance(meetingId));
  const [people, setPeople] = useState<Person[]>([]);
  const [settingIds, setSettingIds] = useState<string[]>([]);
  const [eTag, setETag] = useState<string>();
  const [loaded, setLoaded] = useState(false);
  const [messages, setMessages] = useState<Record<string, string>>({});
  const [stale, setStale] = useState<Attendance>();
  const [result, setResult] = useState<{ intent: "success" | "error"; text: string }>();
  const [pending, setPending] = useState(false);
  const settings = SETTINGS.filter((s) => s.districtSlug === districtSlug);

  const load = (a: Attendance) => {
    setPeople(a.professionals);
    setSettingIds(a.settingIds);
    setETag(a.eTag);
  };
  useEffect(() => {
    if (loaded || state.kind !== "ready") return;
    load(state.value);
    setLoaded(true);
  }, [loaded, state]);

  if (state.kind === "loading" || (state.kind === "ready" && !loaded)) return <Spinner size="small" label="Loading attendance…" />;
  if (state.kind === "error") {
    return (
      <MessageBar intent="error">
        <MessageBarBody>Could not load the attendance: {state.message}</MessageBarBody>
      </MessageBar>
    );
  }

  const editPerson = (i: number, patch: Partial<Person>) => {
    setPeople((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));
    setResult(undefined);
  };

  const save = async (overETag = eTag) => {
    const body = { ...(overETag ? { eTag: overETag } : {}), professionals: people, settingIds };
    const parsed = AttendanceInput.safeParse(body);
    if (!parsed.success) {
      setMessages(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])));
      const first = parsed.error.issues[0];
      if (first) document.getElementById(fieldId(`attendance.${first.path.join(".")}`))?.focus();
      return;
    }
    setMessages({});
    setPending(true);
    try {
      const saved = await lift.saveAttendance(meetingId, parsed.data);
      load(saved);
      setResult({ intent: "success", text: "Attendance saved." });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) setStale(currentFromDetail<Attendance & { eTag: string }>(error.detail) ?? (await lift.attendance(meetingId)));
      else if (error instanceof ApiError && error.fieldErrors) setMessages(Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, v.join(" ")])));
      else setResult({ intent: "error", text: `Attendance was not saved: ${errorMessage(error)}` });
    } finally {
      setPending(false);
    }
  };

  const present = people.some((p) => p.oid === me.oid);

  return (
    <form
      className={styles.form}
      noValidate
      aria-label="Attendance"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
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
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Someone else saved the attendance</MessageBarTitle>
            Theirs has {stale.professionals.length} {stale.professionals.length === 1 ? "person" : "people"} and {stale.settingIds.length}{" "}
            {stale.settingIds.length === 1 ? "setting" : "settings"}. Yours is still shown and has not been saved.
          </MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={() => {
                load(stale);
                setStale(undefined);
              }}
            >
              Load theirs
            </Button>
            <Button
              onClick={() => {
                const theirs = stale.eTag;
                setStale(undefined);
                void save(theirs);
              }}
            >
              Save mine over it
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {result ? (
        <MessageBar intent={result.intent}>
          <MessageBarBody>{result.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {canEdit ? (
        <div>
          <Button type="submit" icon={<Save16Regular />} disabledFocusable={pending}>
            Save attendance
          </Button>
        </div>
      ) : null}
    </form>
  );
}
