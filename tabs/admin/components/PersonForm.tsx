import { useRef, useState } from "react";
import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { ActionBar, ApiError, DistrictSelect, ErrorSummary, Form, Notice, errorMessage, fieldId, useReferenceData, useSession, type SummaryEntry } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { ROLE_LABELS, ROLES } from "../../../src/schemas/reference/person";
import { useAdminClient, type PersonView } from "../api";
import { EMPTY_DRAFT, draftFrom, personFrom, type PersonDraft } from "../people-form";

const useStyles = makeStyles({
  box: sharedStyles.box,
  form: sharedStyles.form,
  row: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "flex-end", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The roles a district lead may give (the server checks the same). */
const LEAD_ROLES = ["specialist_teacher", "lift_member", "senco"] as const;

/** Add a person (found in the directory, so their object id is right) or change one. */
export function PersonForm({ person, onSaved, onCancel }: { person?: PersonView; onSaved: (p: PersonView) => void | Promise<void>; onCancel: () => void }) {
  const styles = useStyles();
  const admin = useAdminClient();
  const { me } = useSession();
  // Areas are data: those holding a district, as /api/reference lists them.
  const reference = useReferenceData();
  const [draft, setDraft] = useState<PersonDraft>(() => (person ? draftFrom(person) : me.role === "district_lead" ? { ...EMPTY_DRAFT, districtSlug: me.district?.slug ?? "" } : EMPTY_DRAFT));
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Array<{ oid: string; displayName: string; upn: string }>>();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLElement>(null);
  const set = (patch: Partial<PersonDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (path: string) => errors[path]?.join(" ");
  const roles = me.role === "commissioner" ? ROLES : LEAD_ROLES;

  const search = async () => {
    try {
      setFound(await admin.directory(query));
      setFailure(undefined);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  const save = async () => {
    if (busy) return;
    setBusy(true);
    setErrors({});
    try {
      const body = personFrom(draft);
      const saved = person ? await admin.updatePerson(person.oid, { ...body, eTag: person.eTag }) : await admin.addPerson(body);
      await onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors) {
        setErrors(error.fieldErrors);
        setTimeout(() => summary.current?.focus(), 0);
      } else setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const entries: SummaryEntry[] = Object.entries(errors).flatMap(([path, messages]) => messages.map((message) => ({ path, message })));

  return (
    <section className={styles.box} aria-labelledby="person-form-heading" data-testid="person-form">
      <h3 id="person-form-heading" style={{ margin: 0 }}>
        {person ? `Change ${person.displayName}` : "Add a person"}
      </h3>
      {!person ? (
        <Form className={styles.row} aria-label="Find in the directory" onSubmit={() => void search()}>
          <Field label="Find them in the directory" hint="Name or sign-in name">
            <Input id="directory-query" value={query} onChange={(_, d) => setQuery(d.value)} />
          </Field>
          <Button type="submit" disabled={query.trim().length < 2}>
            Search
          </Button>
        </Form>
      ) : null}
      {found ? (
        found.length === 0 ? (
          <p>Nobody found.</p>
        ) : (
          <ul className={styles.list} aria-label="Directory results">
            {found.map((u) => (
              <li key={u.oid}>
                {u.displayName} ({u.upn}){" "}
                <Button size="small" onClick={() => (set({ oid: u.oid, upn: u.upn, displayName: u.displayName }), setFound(undefined))} aria-label={`Choose ${u.displayName}`}>
                  Choose
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {failure ? <Notice intent="error">{failure}</Notice> : null}
      {entries.length > 0 ? <ErrorSummary ref={summary} entries={entries} intro="The person cannot be saved yet. Correct these and save again:" id="person-errors" /> : null}
      <Form className={styles.form} aria-label={person ? "Change the person" : "The new person"} onSubmit={() => void save()}>
        <Field label="Name" validationMessage={err("displayName")}>
          <Input id={fieldId("displayName")} value={draft.displayName} onChange={(_, d) => set({ displayName: d.value })} />
        </Field>
        <Field label="Sign-in name" validationMessage={err("upn") ?? err("oid")} hint={draft.oid ? `Object id ${draft.oid}` : "Choose them in the directory above"}>
          <Input id={fieldId("upn")} value={draft.upn} readOnly={!person && Boolean(draft.oid)} onChange={(_, d) => set({ upn: d.value })} />
        </Field>
        <Field label="Role" validationMessage={err("role")}>
          <Select id={fieldId("role")} value={draft.role} onChange={(_, d) => set({ role: d.value as PersonDraft["role"] })}>
            <option value="">Choose a role</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="District" validationMessage={err("districtSlug")}>
          <DistrictSelect value={draft.districtSlug} onChange={(slug) => set({ districtSlug: slug })} noneLabel="No district" />
        </Field>
        <Field label="School or setting id" hint="For a SENCo, e.g. DOV-P1" validationMessage={err("settingId")}>
          <Input id={fieldId("settingId")} value={draft.settingId} onChange={(_, d) => set({ settingId: d.value })} />
        </Field>
        {draft.role === "area_lift_forum" ? (
          <Field label="Area" validationMessage={err("areaName")}>
            <Select id={fieldId("areaName")} value={draft.areaName} onChange={(_, d) => set({ areaName: d.value })}>
              <option value="">Choose an area</option>
              {reference.areas.map((a) => (
                <option key={a} value={a}>
                  {a} Kent
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field label="Chair of these LIFT groups" hint="One per line" validationMessage={err("chairOf")}>
          <Textarea id={fieldId("chairOf")} value={draft.chairOf} onChange={(_, d) => set({ chairOf: d.value })} />
        </Field>
        <ActionBar label="Person" sticky={false} status={busy ? "Saving…" : ""}>
          <Button onClick={onCancel}>Cancel</Button>
          <Button appearance="primary" type="submit" disabled={busy}>
            {person ? "Save changes" : "Add person"}
          </Button>
        </ActionBar>
      </Form>
    </section>
  );
}
