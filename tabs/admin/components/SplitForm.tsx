/**
 * Split a district (commissioners): the new district's name, id, code and area, the date it takes
 * over, and which schools and settings, LIFT groups and localities move to it. "Preview" asks the
 * server what the split would do; "Split" does it. Nothing recorded so far moves: the old district
 * keeps its returns, referrals and meetings.
 */
import { useState } from "react";
import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { ActionBar, ErrorSummary, Form, Notice, errorMessage, fieldId, formatDate, useLoad } from "../../shell";
import { PickList } from "../../shell/PickList";
import { sharedStyles } from "../../shell/styles";
import { useAdminClient, type SplitPreview, type StructureView } from "../api";
import { EMPTY_SPLIT, chooseLocality, districtSlugFrom, previewLines, splitBodyOf, splitFieldErrors, type SplitDraft } from "../split-form";
import { useDistrictSettings } from "../district-settings";
import { useFieldErrors } from "./use-field-errors";
import type { Message } from "./message";

const useStyles = makeStyles({
  box: sharedStyles.box,
  form: sharedStyles.form,
  group: sharedStyles.box,
  legend: sharedStyles.legend,
  list: { margin: 0, padding: 0, listStyleType: "none" },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  error: sharedStyles.fieldError,
});

export interface SplitFormProps {
  structure: StructureView;
  onDone(m: Message): Promise<void>;
  onCancel(): void;
}

/** A fieldset of checkboxes for a short list (a district's groups or localities). */
function Checklist(p: { id: string; legend: string; empty: string; items: { id: string; label: string }[]; value: readonly string[]; onToggle(id: string, on: boolean): void; error?: string }) {
  const styles = useStyles();
  return (
    <fieldset className={styles.group} aria-describedby={p.error ? `${p.id}-error` : undefined}>
      <legend className={styles.legend}>{p.legend}</legend>
      {p.items.length === 0 ? (
        <p className={styles.note}>{p.empty}</p>
      ) : (
        <ul className={styles.list}>
          {p.items.map((item, i) => (
            <li key={item.id}>
              <Checkbox id={i === 0 ? p.id : undefined} label={item.label} checked={p.value.includes(item.id)} onChange={(_, d) => p.onToggle(item.id, d.checked === true)} />
            </li>
          ))}
        </ul>
      )}
      {p.error ? (
        <div id={`${p.id}-error`} className={styles.error}>
          {p.error}
        </div>
      ) : null}
    </fieldset>
  );
}

export function SplitForm({ structure, onDone, onCancel }: SplitFormProps) {
  const styles = useStyles();
  const admin = useAdminClient();
  const districtSettings = useDistrictSettings();
  const [draft, setDraft] = useState<SplitDraft>(EMPTY_SPLIT);
  const [preview, setPreview] = useState<SplitPreview>();
  const fe = useFieldErrors(splitFieldErrors);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  // Any change makes the preview stale: it must be shown again before the split is done.
  const set = (patch: Partial<SplitDraft> | ((d: SplitDraft) => SplitDraft)) => {
    setDraft((d) => (typeof patch === "function" ? patch(d) : { ...d, ...patch }));
    setPreview(undefined);
  };
  const settings = useLoad(draft.from ? `settings:${draft.from}` : undefined, () => districtSettings(draft.from));
  const from = structure.districts.find((d) => d.slug === draft.from);
  const groups = structure.liftGroups.filter((g) => g.districtSlug === draft.from && !g.retiredOn);
  const localities = structure.localities.filter((l) => l.districtSlug === draft.from && !l.retiredOn);
  const known = settings.state.kind === "ready" ? settings.state.value : [];
  const localityName = (slug?: string) => (slug ? structure.localities.find((l) => l.slug === slug)?.name : undefined);

  const run = async (action: "preview" | "split") => {
    setFailure(undefined);
    setBusy(true);
    try {
      const body = splitBodyOf(draft);
      if (action === "preview") {
        setPreview(await admin.previewSplit(draft.from, body));
        fe.setErrors({});
      } else {
        const done = await admin.splitDistrict(draft.from, body);
        await onDone({ intent: "success", text: `${done.district.name} is made from ${from?.name ?? done.from}; ${done.settings.length} school${done.settings.length === 1 ? "" : "s"} and settings and ${done.liftGroups.length} LIFT group${done.liftGroups.length === 1 ? "" : "s"} move to it on ${formatDate(done.on)}.` });
      }
    } catch (error) {
      setPreview(undefined);
      if (!fe.take(error)) setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.box} aria-labelledby="split-form-heading" data-testid="split-form">
      <h3 id="split-form-heading" style={{ margin: 0 }}>
        Split a district
      </h3>
      <p style={{ margin: 0 }}>A new district takes some of a district&apos;s schools, settings, LIFT groups and localities from a date. Everything recorded before then stays with the old district.</p>
      {failure ? <Notice intent="error">{failure}</Notice> : null}
      {fe.entries.length > 0 ? <ErrorSummary ref={fe.summary} entries={fe.entries} intro="The district cannot be split yet:" id="split-errors" /> : null}
      <Form className={styles.form} aria-label="The split" onSubmit={() => void run(preview ? "split" : "preview")}>
        <Field label="District to split" validationMessage={fe.err("from")}>
          <Select id={fieldId("from")} value={draft.from} onChange={(_, d) => set({ ...EMPTY_SPLIT, from: d.value, on: draft.on, name: draft.name, slug: draft.slug, code: draft.code, area: structure.districts.find((x) => x.slug === d.value)?.area ?? draft.area })}>
            <option value="">Choose a district</option>
            {structure.districts
              .filter((d) => !d.retiredOn)
              .map((d) => (
                <option key={d.slug} value={d.slug}>
                  {d.name}
                </option>
              ))}
          </Select>
        </Field>
        <Field label="Takes effect on" hint="The new district's first day; its schools' new referrals and meetings are its own from then" validationMessage={fe.err("on")}>
          <Input id={fieldId("on")} type="date" value={draft.on} onChange={(_, d) => set({ on: d.value })} />
        </Field>
        <Field label="New district's name" validationMessage={fe.err("district.name")}>
          <Input id={fieldId("district.name")} value={draft.name} onChange={(_, d) => set({ name: d.value })} />
        </Field>
        <Field label="New district's id" hint={`Lower-case words joined by -; it never changes. Leave empty for ${districtSlugFrom(draft.name) || "one made from the name"}.`} validationMessage={fe.err("district.slug")}>
          <Input id={fieldId("district.slug")} value={draft.slug} onChange={(_, d) => set({ slug: d.value })} />
        </Field>
        <Field label="New district's code" hint="Three capital letters, used in case references" validationMessage={fe.err("district.code")}>
          <Input id={fieldId("district.code")} value={draft.code} maxLength={3} onChange={(_, d) => set({ code: d.value })} />
        </Field>
        <Field label="New district's area" hint="An existing area, or a new name" validationMessage={fe.err("district.area")}>
          <Input id={fieldId("district.area")} value={draft.area} list="split-area-names" onChange={(_, d) => set({ area: d.value })} />
        </Field>
        <datalist id="split-area-names">
          {structure.areas.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        {draft.from ? (
          <>
            <Checklist
              id={fieldId("localitySlugs")}
              legend="Localities that move"
              empty={`${from?.name ?? "The district"} has no localities.`}
              items={localities.map((l) => ({ id: l.slug, label: `${l.name} (${l.kind}, ${l.settings} school${l.settings === 1 ? "" : "s"} and settings)` }))}
              value={draft.localitySlugs}
              onToggle={(slug, on) => set((d) => chooseLocality(d, slug, on, known, groups))}
              error={fe.err("localitySlugs")}
            />
            <Checklist
              id={fieldId("liftGroupIds")}
              legend="LIFT groups that move"
              empty={`${from?.name ?? "The district"} has no LIFT groups.`}
              items={groups.map((g) => ({ id: g.id, label: `${g.name}${localityName(g.localitySlug) ? ` (${localityName(g.localitySlug)})` : ""}` }))}
              value={draft.liftGroupIds}
              onToggle={(id, on) => set((d) => ({ ...d, liftGroupIds: on ? [...d.liftGroupIds, id] : d.liftGroupIds.filter((x) => x !== id) }))}
              error={fe.err("liftGroupIds")}
            />
            {settings.state.kind === "ready" ? (
              <PickList
                id={fieldId("settingIds")}
                legend="Schools and settings that move"
                searchLabel="Find a school or setting"
                searchHint="Type part of a name; choosing a locality above takes its schools and settings along"
                items={known.map((s) => ({ id: s.id, label: `${s.name} (${s.phase.replace("-", " ")}${localityName(s.localitySlug) ? `, ${localityName(s.localitySlug)}` : ""})` }))}
                value={draft.settingIds}
                onChange={(ids) => set({ settingIds: ids })}
                errors={fe.err("settingIds") ? [fe.err("settingIds") as string] : []}
              />
            ) : settings.state.kind === "error" ? (
              <Notice intent="error">The district&apos;s schools and settings did not load: {settings.state.message}</Notice>
            ) : (
              <p className={styles.note}>Loading the district&apos;s schools and settings…</p>
            )}
          </>
        ) : null}
        {preview ? (
          <Notice intent="info" data-testid="split-preview">
            <p style={{ margin: 0 }}>
              {preview.district.name} ({preview.district.code}, {preview.district.area} area) is made from {from?.name ?? preview.from} on {formatDate(preview.on)}.
            </p>
            <ul>
              {previewLines(preview, structure.localities).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <p style={{ margin: 0 }}>Stays: {preview.keeps}</p>
          </Notice>
        ) : null}
        <ActionBar label="Split" sticky={false} status={busy ? "Working…" : ""}>
          <Button onClick={onCancel}>Cancel</Button>
          <Button appearance={preview ? "secondary" : "primary"} type={preview ? "button" : "submit"} disabled={busy || !draft.from} onClick={preview ? () => void run("preview") : undefined}>
            Preview
          </Button>
          {preview ? (
            <Button appearance="primary" type="submit" disabled={busy}>
              Split {from?.name ?? "the district"}
            </Button>
          ) : null}
        </ActionBar>
      </Form>
    </section>
  );
}
