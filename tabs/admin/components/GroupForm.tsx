/**
 * Add or change a LIFT group: its name, district, phase, locality, cadence and the schools or
 * settings in it, picked from the district's register (early years settings for an early years
 * group, schools otherwise). Where the register cannot be read (it is commissioners'), the ids are
 * typed as before. A new group's id comes from its name; it never changes once saved.
 */
import { useState } from "react";
import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { ActionBar, ErrorSummary, Form, Notice, errorMessage, fieldId, useLoad } from "../../shell";
import { PickList } from "../../shell/PickList";
import { sharedStyles } from "../../shell/styles";
import { useAdminClient, type StructureView } from "../api";
import { useDistrictSettings } from "../district-settings";
import { groupFrom, groupIdOf, groupProblems, offeredSettings, settingIdsFrom, withDistrict, withPhase } from "../group-form";
import type { GroupDraft } from "../structure-form";
import { useFieldErrors } from "./use-field-errors";
import type { Message } from "./message";

const useStyles = makeStyles({
  box: sharedStyles.box,
  form: sharedStyles.form,
  row: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "flex-end", flexWrap: "wrap" },
});

// The form has no id box (the id comes from the name), so the server's word on the id is shown at the name.
const idAtName = (errors: Record<string, string[]>) => {
  const { id, ...rest } = errors;
  return id ? { ...rest, name: [...(rest.name ?? []), ...id] } : rest;
};

export interface GroupFormProps {
  structure: StructureView;
  initial: GroupDraft;
  onDone(m: Message): Promise<void>;
  onCancel(): void;
}

export function GroupForm({ structure, initial, onDone, onCancel }: GroupFormProps) {
  const styles = useStyles();
  const admin = useAdminClient();
  const districtSettings = useDistrictSettings();
  const [draft, setDraft] = useState<GroupDraft>(initial);
  const set = (patch: Partial<GroupDraft>) => setDraft((d) => ({ ...d, ...patch }));
  // Only used when the register cannot be read: the ids as typed.
  const [typed, setTyped] = useState(initial.settingIds.join("\n"));
  const fe = useFieldErrors(idAtName);
  const [failure, setFailure] = useState<string>();
  const isNew = !initial.id;
  const settings = useLoad(draft.districtSlug ? `settings:${draft.districtSlug}` : undefined, () => districtSettings(draft.districtSlug));
  const register = settings.state.kind === "ready" ? settings.state.value : undefined;
  // A retired locality takes no new groups; a group already in one keeps it on offer.
  const localities = structure.localities.filter((l) => l.districtSlug === draft.districtSlug && (!l.retiredOn || l.slug === initial.localitySlug));
  const offered = register ? offeredSettings(register, draft.phase, draft.settingIds) : [];
  const save = async () => {
    const own = groupProblems(draft, structure.liftGroups);
    if (Object.keys(own).length > 0) return fe.show(own);
    const { id, body } = groupFrom(draft);
    try {
      const saved = await admin.saveLiftGroup(id, body);
      await onDone({ intent: "success", text: `${saved.name} is saved: it meets ${saved.cadenceText}.` });
    } catch (error) {
      if (!fe.take(error)) setFailure(errorMessage(error));
    }
  };
  const label = (s: { name: string; phase: string; status?: string }) => `${s.name} (${s.phase.replace("-", " ")}${s.status === "closed" ? ", closed" : ""})`;
  return (
    <section className={styles.box} aria-labelledby="group-form-heading" data-testid="group-form">
      <h3 id="group-form-heading" style={{ margin: 0 }}>
        {isNew ? "Add a LIFT group" : `Change ${initial.name}`}
      </h3>
      {failure ? <Notice intent="error">{failure}</Notice> : null}
      {fe.entries.length > 0 ? <ErrorSummary ref={fe.summary} entries={fe.entries} intro="The LIFT group cannot be saved yet:" id="group-errors" /> : null}
      <Form className={styles.form} aria-label="The LIFT group" onSubmit={() => void save()}>
        <Field label="Name" hint={isNew ? `Its id, which never changes: ${groupIdOf(draft) || "made from the name"}.` : undefined} validationMessage={fe.err("name")}>
          <Input id={fieldId("name")} value={draft.name} onChange={(_, d) => set({ name: d.value })} />
        </Field>
        <Field label="District" hint="Changing it clears the schools and settings chosen." validationMessage={fe.err("districtSlug")}>
          <Select
            id={fieldId("districtSlug")}
            value={draft.districtSlug}
            onChange={(_, d) => {
              setDraft((g) => withDistrict(g, d.value));
              setTyped("");
            }}
          >
            <option value="">Choose a district</option>
            {structure.editableDistricts.map((slug) => (
              <option key={slug} value={slug}>
                {structure.districts.find((d) => d.slug === slug)?.name ?? slug}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Phase" hint="Changing it clears the settings of the other phase." validationMessage={fe.err("phase")}>
          <Select id={fieldId("phase")} value={draft.phase} onChange={(_, d) => setDraft((g) => withPhase(g, d.value as GroupDraft["phase"], register))}>
            <option value="">Choose school or early years</option>
            <option value="school">School LIFT (six times a year)</option>
            <option value="early-years">Early years LIFT (two or three times a term)</option>
          </Select>
        </Field>
        {localities.length > 0 ? (
          <Field label="Locality or cluster" validationMessage={fe.err("localitySlug")}>
            <Select id={fieldId("localitySlug")} value={draft.localitySlug} onChange={(_, d) => set({ localitySlug: d.value })}>
              <option value="">None</option>
              {localities.map((l) => (
                <option key={l.slug} value={l.slug}>
                  {l.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        {register ? (
          <PickList
            id={fieldId("settingIds")}
            legend={draft.phase === "early-years" ? "Early years settings in it" : "Schools in it"}
            searchLabel={draft.phase === "early-years" ? "Find an early years setting" : "Find a school"}
            searchHint="Type part of a name."
            items={offered.map((s) => ({ id: s.id, label: label(s), name: s.name }))}
            value={draft.settingIds}
            onChange={(ids) => set({ settingIds: ids })}
            notes={{ noMatch: "No school or setting of the group's phase in the district has that name.", nothingTyped: draft.phase ? "The district has no school or setting of the group's phase." : "Choose the phase first: the list offers its schools or settings." }}
            errors={fe.err("settingIds") ? [fe.err("settingIds") as string] : []}
          />
        ) : settings.state.kind === "error" ? (
          <>
            <Notice intent="warning">
              {settings.state.status === 403 ? "The settings register is kept by commissioners" : `The district's schools and settings did not load (${settings.state.message})`}: type the ids of the schools or settings in the group.
            </Notice>
            <Field label="Schools or settings" hint="Their ids, e.g. DOV-P1, one per line" validationMessage={fe.err("settingIds")}>
              <Textarea
                id={fieldId("settingIds")}
                value={typed}
                onChange={(_, d) => {
                  setTyped(d.value);
                  set({ settingIds: settingIdsFrom(d.value) });
                }}
              />
            </Field>
          </>
        ) : settings.state.kind === "loading" ? (
          <p style={{ margin: 0 }}>Loading the district&apos;s schools and settings…</p>
        ) : null}
        <Field label="Cadence" hint="Leave as the SLA's unless commissioners agreed another" validationMessage={fe.err("cadence") ?? fe.err("max")}>
          <Select id={fieldId("cadence")} value={draft.cadencePer} onChange={(_, d) => set({ cadencePer: d.value as GroupDraft["cadencePer"] })}>
            <option value="">The SLA&apos;s cadence</option>
            <option value="term">A number of meetings a term</option>
            <option value="year">A number of meetings a year</option>
          </Select>
        </Field>
        {draft.cadencePer ? (
          <div className={styles.row}>
            <Field label="At least">
              <Input id={fieldId("cadence.min")} type="number" value={draft.cadenceMin} onChange={(_, d) => set({ cadenceMin: d.value })} />
            </Field>
            <Field label="At most">
              <Input id={fieldId("cadence.max")} type="number" value={draft.cadenceMax} onChange={(_, d) => set({ cadenceMax: d.value })} />
            </Field>
          </div>
        ) : null}
        <ActionBar label="LIFT group" sticky={false} status="">
          <Button onClick={onCancel}>Cancel</Button>
          <Button appearance="primary" type="submit">
            Save LIFT group
          </Button>
        </ActionBar>
      </Form>
    </section>
  );
}
