/**
 * Add or change a locality or cluster (commissioners): its name and kind, its district, the schools
 * and settings in it (picked from the district's register) and, when it ends, the date it retires.
 * A new locality's id comes from its name unless one is typed; it never changes once saved.
 */
import { useState } from "react";
import { Button, Field, Input, Select, makeStyles } from "@fluentui/react-components";
import { ActionBar, ErrorSummary, Form, Notice, errorMessage, fieldId, formatDate, useLoad } from "../../shell";
import { PickList } from "../../shell/PickList";
import { sharedStyles } from "../../shell/styles";
import { useAdminClient, type StructureView } from "../api";
import { localityFrom, localityIdOf, localityProblems, type LocalityDraft } from "../locality-form";
import { useDistrictSettings } from "../district-settings";
import { useFieldErrors } from "./use-field-errors";
import type { Message } from "./message";

const useStyles = makeStyles({ box: sharedStyles.box, form: sharedStyles.form });

export interface LocalityFormProps {
  structure: StructureView;
  initial: LocalityDraft;
  onDone(m: Message): Promise<void>;
  onCancel(): void;
}

export function LocalityForm({ structure, initial, onDone, onCancel }: LocalityFormProps) {
  const styles = useStyles();
  const admin = useAdminClient();
  const districtSettings = useDistrictSettings();
  const [draft, setDraft] = useState<LocalityDraft>(initial);
  const set = (patch: Partial<LocalityDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const fe = useFieldErrors();
  const [failure, setFailure] = useState<string>();
  const isNew = !initial.slug;
  // The register says which settings are in the locality now; until it answers the save leaves them be.
  const settings = useLoad(draft.districtSlug ? `settings:${draft.districtSlug}` : undefined, async () => {
    const found = await districtSettings(draft.districtSlug);
    setDraft((d) => (d.settingIds !== undefined ? d : { ...d, settingIds: initial.slug ? found.filter((s) => s.localitySlug === initial.slug).map((s) => s.id) : [] }));
    return found;
  });
  const districts = structure.districts.filter((d) => d.open || d.slug === initial.districtSlug);
  const save = async () => {
    const own = localityProblems(draft, structure.localities);
    if (Object.keys(own).length > 0) return fe.show(own);
    const { slug, body } = localityFrom(draft);
    try {
      const saved = await admin.saveLocality(slug, body);
      const what = saved.retiredOn ? `retires on ${formatDate(saved.retiredOn)}` : `has ${saved.settings} school${saved.settings === 1 ? "" : "s"} and settings`;
      await onDone({ intent: "success", text: `${saved.name} is saved: it ${what}.` });
    } catch (error) {
      if (!fe.take(error)) setFailure(errorMessage(error));
    }
  };
  const label = (s: { name: string; phase: string; localitySlug?: string }) => {
    const elsewhere = s.localitySlug && s.localitySlug !== initial.slug ? structure.localities.find((l) => l.slug === s.localitySlug)?.name : undefined;
    return `${s.name} (${s.phase.replace("-", " ")}${elsewhere ? `, now in ${elsewhere}` : ""})`;
  };
  return (
    <section className={styles.box} aria-labelledby="locality-form-heading" data-testid="locality-form">
      <h3 id="locality-form-heading" style={{ margin: 0 }}>
        {isNew ? "Add a locality or cluster" : `Change ${initial.name}`}
      </h3>
      {failure ? <Notice intent="error">{failure}</Notice> : null}
      {fe.entries.length > 0 ? <ErrorSummary ref={fe.summary} entries={fe.entries} intro="The locality cannot be saved yet:" id="locality-errors" /> : null}
      <Form className={styles.form} aria-label="The locality" onSubmit={() => void save()}>
        <Field label="Name" validationMessage={fe.err("name")}>
          <Input id={fieldId("name")} value={draft.name} onChange={(_, d) => set({ name: d.value })} />
        </Field>
        {isNew ? (
          <Field label="Id" hint={`Lower-case words or numbers joined by -; it never changes. Leave empty for ${localityIdOf({ ...draft, id: "" }) || "one made from the name"}.`} validationMessage={fe.err("id") ?? fe.err("slug") ?? fe.err("locality")}>
            <Input id={fieldId("id")} value={draft.id} onChange={(_, d) => set({ id: d.value })} />
          </Field>
        ) : null}
        <Field label="Kind" validationMessage={fe.err("kind")}>
          <Select id={fieldId("kind")} value={draft.kind} onChange={(_, d) => set({ kind: d.value as LocalityDraft["kind"] })}>
            <option value="locality">Locality (a part of the district)</option>
            <option value="cluster">Cluster (a group of schools)</option>
          </Select>
        </Field>
        <Field label="District" validationMessage={fe.err("districtSlug")}>
          <Select id={fieldId("districtSlug")} value={draft.districtSlug} onChange={(_, d) => set({ districtSlug: d.value, settingIds: undefined })}>
            <option value="">Choose a district</option>
            {districts.map((d) => (
              <option key={d.slug} value={d.slug}>
                {d.name}
              </option>
            ))}
          </Select>
        </Field>
        {settings.state.kind === "ready" && draft.settingIds ? (
          <PickList
            id={fieldId("settingIds")}
            legend="Schools and settings in it"
            searchLabel="Find a school or setting"
            searchHint="Type part of a name. A setting chosen here leaves any other locality it was in."
            items={settings.state.value.map((s) => ({ id: s.id, label: label(s) }))}
            value={draft.settingIds}
            onChange={(ids) => set({ settingIds: ids })}
            errors={fe.err("settingIds") ? [fe.err("settingIds") as string] : []}
          />
        ) : settings.state.kind === "error" ? (
          <Notice intent="warning">The district&apos;s schools and settings did not load ({settings.state.message}); saving leaves them as they are.</Notice>
        ) : settings.state.kind === "loading" ? (
          <p style={{ margin: 0 }}>Loading the district&apos;s schools and settings…</p>
        ) : null}
        {!isNew ? (
          <Field label="Retire from" hint="Leave empty while it is in use. A retired locality keeps its history." validationMessage={fe.err("retiredOn")}>
            <Input id={fieldId("retiredOn")} type="date" value={draft.retiredOn} onChange={(_, d) => set({ retiredOn: d.value })} />
          </Field>
        ) : null}
        <ActionBar label="Locality" sticky={false} status="">
          <Button onClick={onCancel}>Cancel</Button>
          <Button appearance="primary" type="submit">
            Save locality
          </Button>
        </ActionBar>
      </Form>
    </section>
  );
}
