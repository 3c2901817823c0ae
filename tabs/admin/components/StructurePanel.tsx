import { useState } from "react";
import { Badge, Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { ActionBar, DataTable, ErrorSummary, Form, LoadView, Notice, errorMessage, fieldId, formatDate, lazyPart, ukToday, useLoad } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { useAdminClient, type DistrictView, type StructureView } from "../api";
import { EMPTY_LOCALITY, localityDraftOf, type LocalityDraft } from "../locality-form";
import { EMPTY_GROUP, groupDraftOf, renamePreview, type GroupDraft } from "../structure-form";
import { CadencePanel } from "./CadencePanel";
import { useFieldErrors } from "./use-field-errors";
import type { Message } from "./message";

// The locality, LIFT group and split forms load when first opened (tabs/README.md: what loads before the first paint).
const GroupForm = lazyPart(() => import("./GroupForm").then((m) => m.GroupForm), "the LIFT group form");
const LocalityForm = lazyPart(() => import("./LocalityForm").then((m) => m.LocalityForm), "the locality form");
const SplitForm = lazyPart(() => import("./SplitForm").then((m) => m.SplitForm), "the split form");

const useStyles = makeStyles({
  column: sharedStyles.column,
  box: sharedStyles.box,
  form: sharedStyles.form,
  row: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "flex-end", flexWrap: "wrap" },
});

/** A district's name as the structure has it now (the page's reference data is read once, before any rename here). */
function nameIn(structure: Pick<StructureView, "districts">, slug: string): string {
  return structure.districts.find((d) => d.slug === slug)?.name ?? slug;
}

/** Rename a district or move it to another area: what changes is shown first, then saved. */
function RenameForm({ district, areas, onDone, onCancel }: { district: DistrictView; areas: string[]; onDone: (m: Message) => Promise<void>; onCancel: () => void }) {
  const styles = useStyles();
  const admin = useAdminClient();
  const [name, setName] = useState(district.name);
  const [area, setArea] = useState(district.area);
  const [previewed, setPreviewed] = useState<string[]>();
  const fe = useFieldErrors();
  const [failure, setFailure] = useState<string>();
  const save = async () => {
    try {
      const saved = await admin.changeDistrict(district.slug, name, area, district.eTag);
      await onDone({ intent: "success", text: `${saved.name} is saved; its history keeps pointing at it.` });
    } catch (error) {
      if (!fe.take(error)) setFailure(errorMessage(error));
    }
  };
  return (
    <section className={styles.box} aria-labelledby="rename-heading" data-testid="rename-form">
      <h3 id="rename-heading" style={{ margin: 0 }}>
        Rename {district.name} or move it to another area
      </h3>
      {failure ? <Notice intent="error">{failure}</Notice> : null}
      {fe.entries.length > 0 ? <ErrorSummary ref={fe.summary} entries={fe.entries} intro="The district cannot be saved yet:" id="rename-errors" /> : null}
      <Form className={styles.form} aria-label={`Rename ${district.name}`} onSubmit={() => (previewed ? void save() : setPreviewed(renamePreview(district, name, area)))}>
        <Field label="Name" validationMessage={fe.err("name")}>
          <Input id={fieldId("name")} value={name} onChange={(_, d) => (setName(d.value), setPreviewed(undefined))} />
        </Field>
        <Field label="Area" hint="Type a new name to start a new area" validationMessage={fe.err("area")}>
          <Input id={fieldId("area")} value={area} list="area-names" onChange={(_, d) => (setArea(d.value), setPreviewed(undefined))} />
        </Field>
        <datalist id="area-names">
          {areas.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        {previewed ? (
          <Notice intent={previewed.length > 0 ? "info" : "warning"} data-testid="rename-preview">
            {previewed.length > 0 ? (
              <ul>
                {previewed.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            ) : (
              "Nothing would change."
            )}
          </Notice>
        ) : null}
        <ActionBar label="Rename" sticky={false} status="">
          <Button onClick={onCancel}>Cancel</Button>
          <Button appearance="primary" type="submit" disabled={previewed !== undefined && previewed.length === 0}>
            {previewed ? "Save" : "Show what changes"}
          </Button>
        </ActionBar>
      </Form>
    </section>
  );
}

function AddDistrictForm({ areas, onDone, onCancel }: { areas: string[]; onDone: (m: Message) => Promise<void>; onCancel: () => void }) {
  const styles = useStyles();
  const admin = useAdminClient();
  const [d, setD] = useState({ code: "", slug: "", name: "", area: "" });
  const fe = useFieldErrors();
  const [failure, setFailure] = useState<string>();
  const save = async () => {
    try {
      const saved = await admin.addDistrict({ code: d.code.trim().toUpperCase(), slug: d.slug.trim(), name: d.name.trim(), area: d.area.trim() });
      await onDone({ intent: "success", text: `${saved.name} is added to the ${saved.area} area.` });
    } catch (error) {
      if (!fe.take(error)) setFailure(errorMessage(error));
    }
  };
  return (
    <section className={styles.box} aria-labelledby="add-district-heading">
      <h3 id="add-district-heading" style={{ margin: 0 }}>
        Add a district
      </h3>
      {failure ? <Notice intent="error">{failure}</Notice> : null}
      {fe.entries.length > 0 ? <ErrorSummary ref={fe.summary} entries={fe.entries} intro="The district cannot be added yet:" id="add-district-errors" /> : null}
      <Form className={styles.form} aria-label="The new district" onSubmit={() => void save()}>
        <Field label="Name" validationMessage={fe.err("name")}>
          <Input id={fieldId("name")} value={d.name} onChange={(_, v) => setD({ ...d, name: v.value, slug: d.slug || "" })} />
        </Field>
        <Field label="Id" hint="Lower-case words joined by -, e.g. medway-fringe; it never changes" validationMessage={fe.err("slug")}>
          <Input id={fieldId("slug")} value={d.slug} onChange={(_, v) => setD({ ...d, slug: v.value })} />
        </Field>
        <Field label="Code" hint="Three capital letters, used in case references" validationMessage={fe.err("code")}>
          <Input id={fieldId("code")} value={d.code} maxLength={3} onChange={(_, v) => setD({ ...d, code: v.value })} />
        </Field>
        <Field label="Area" hint="An existing area, or a new name" validationMessage={fe.err("area")}>
          <Input id={fieldId("area")} value={d.area} list="area-names-new" onChange={(_, v) => setD({ ...d, area: v.value })} />
        </Field>
        <datalist id="area-names-new">
          {areas.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <ActionBar label="Add district" sticky={false} status="">
          <Button onClick={onCancel}>Cancel</Button>
          <Button appearance="primary" type="submit">
            Add district
          </Button>
        </ActionBar>
      </Form>
    </section>
  );
}

function status(d: DistrictView): JSX.Element {
  if (d.retiredOn) return <Badge appearance="outline" color={d.open ? "warning" : "danger"}>{d.open ? `Retires ${formatDate(d.retiredOn)}` : `Retired ${formatDate(d.retiredOn)}`}</Badge>;
  if (!d.open && d.startsOn) return <Badge appearance="outline" color="informative">Starts {formatDate(d.startsOn)}</Badge>;
  return <Badge appearance="outline" color="success">Open</Badge>;
}

/** Areas, districts and LIFT groups: commissioners change them all; a lead keeps their district's groups. */
export function StructurePanel() {
  const styles = useStyles();
  const admin = useAdminClient();
  const structure = useLoad("structure", () => admin.structure());
  const [editing, setEditing] = useState<{ kind: "rename"; district: DistrictView } | { kind: "add" } | { kind: "group"; draft: GroupDraft } | { kind: "locality"; draft: LocalityDraft } | { kind: "split" }>();
  const [retireOn, setRetireOn] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message>();
  const done = async (m: Message) => {
    setEditing(undefined);
    setMessage(m);
    await structure.reload();
  };
  const retire = async (d: DistrictView) => {
    try {
      const saved = await admin.retireDistrict(d.slug, retireOn[d.slug] ?? "", d.eTag);
      await done({ intent: "success", text: `${saved.name} takes no new referrals or meetings from ${formatDate(saved.retiredOn ?? "")}; its history stays.` });
    } catch (error) {
      setMessage({ intent: "error", text: errorMessage(error) });
    }
  };

  return (
    <section className={styles.column} aria-labelledby="structure-heading">
      <h2 id="structure-heading" style={{ margin: 0 }}>
        Structure
      </h2>
      <p style={{ margin: 0 }}>Areas, districts, their localities and LIFT groups. A district keeps its id when renamed, so its returns, referrals and meetings keep pointing at it.</p>
      {message ? (
        <Notice intent={message.intent} data-testid="structure-message">
          {message.text}
        </Notice>
      ) : null}
      <LoadView state={structure.state} what="the structure" onRetry={() => void structure.reload()}>
        {(s) => (
          <>
            {editing?.kind === "rename" ? <RenameForm district={editing.district} areas={s.areas} onDone={done} onCancel={() => setEditing(undefined)} /> : null}
            {editing?.kind === "add" ? <AddDistrictForm areas={s.areas} onDone={done} onCancel={() => setEditing(undefined)} /> : null}
            {editing?.kind === "group" ? <GroupForm key={editing.draft.id || "new"} structure={s} initial={editing.draft} onDone={done} onCancel={() => setEditing(undefined)} /> : null}
            {editing?.kind === "locality" ? <LocalityForm key={editing.draft.slug || "new"} structure={s} initial={editing.draft} onDone={done} onCancel={() => setEditing(undefined)} /> : null}
            {editing?.kind === "split" ? <SplitForm structure={s} onDone={done} onCancel={() => setEditing(undefined)} /> : null}
            <h3 style={{ margin: 0 }}>Districts</h3>
            {s.canEditDistricts ? (
              <div className={styles.row}>
                <Button onClick={() => setEditing({ kind: "add" })}>Add a district</Button>
                <Button onClick={() => setEditing({ kind: "split" })}>Split a district</Button>
              </div>
            ) : (
              <p style={{ margin: 0 }}>Commissioners change districts and areas; you see your district&apos;s part.</p>
            )}
            <DataTable
              aria-label="Districts"
              data-testid="districts-table"
              headers={["District", "Area", "Code", "Status", "Schools and settings", "People", ...(s.canEditDistricts ? ["Actions"] : [])]}
              rows={s.districts.map((d) => ({
                key: d.slug,
                "data-testid": `district-${d.slug}`,
                cells: [
                  d.aliases.length > 0 ? `${d.name} (also ${d.aliases.join(", ")})` : d.name,
                  d.area,
                  d.code,
                  status(d),
                  String(d.settings),
                  String(d.people),
                  ...(s.canEditDistricts
                    ? [
                        <div key="a" className={styles.row}>
                          <Button size="small" onClick={() => setEditing({ kind: "rename", district: d })} aria-label={`Rename ${d.name}`}>
                            Rename
                          </Button>
                          {!d.retiredOn ? (
                            <>
                              <Input size="small" type="date" aria-label={`Retire ${d.name} from`} value={retireOn[d.slug] ?? ""} onChange={(_, v) => setRetireOn({ ...retireOn, [d.slug]: v.value })} />
                              <Button size="small" disabled={!retireOn[d.slug]} onClick={() => void retire(d)} aria-label={`Retire ${d.name}`}>
                                Retire
                              </Button>
                            </>
                          ) : null}
                        </div>,
                      ]
                    : []),
                ],
              }))}
            />
            <h3 style={{ margin: 0 }}>Localities and clusters</h3>
            {s.canEditDistricts ? (
              <div className={styles.row}>
                <Button onClick={() => setEditing({ kind: "locality", draft: EMPTY_LOCALITY })}>Add a locality</Button>
              </div>
            ) : (
              <p style={{ margin: 0 }}>Commissioners add and change localities; your district&apos;s LIFT groups can name them.</p>
            )}
            {s.localities.length === 0 ? (
              <p style={{ margin: 0 }}>No localities or clusters yet: a district may be divided into localities or clusters of schools, which settings and LIFT groups can then name.</p>
            ) : (
              <DataTable
                aria-label="Localities and clusters"
                data-testid="localities-table"
                headers={["Locality or cluster", "District", "Kind", "Schools and settings", "Status", ...(s.canEditDistricts ? ["Actions"] : [])]}
                rows={s.localities.map((l) => ({
                  key: l.slug,
                  "data-testid": `locality-${l.slug}`,
                  cells: [
                    l.name,
                    nameIn(s, l.districtSlug),
                    l.kind === "cluster" ? "Cluster" : "Locality",
                    String(l.settings),
                    l.retiredOn ? (
                      <Badge appearance="outline" color={l.retiredOn > ukToday() ? "warning" : "danger"}>
                        {l.retiredOn > ukToday() ? "Retires" : "Retired"} {formatDate(l.retiredOn)}
                      </Badge>
                    ) : (
                      <Badge appearance="outline" color="success">
                        In use
                      </Badge>
                    ),
                    ...(s.canEditDistricts
                      ? [
                          <Button key="c" size="small" aria-label={`Change ${l.name}`} onClick={() => setEditing({ kind: "locality", draft: localityDraftOf(l) })}>
                            Change
                          </Button>,
                        ]
                      : []),
                  ],
                }))}
              />
            )}
            <h3 style={{ margin: 0 }}>LIFT groups</h3>
            {s.editableDistricts.length > 0 ? (
              <div className={styles.row}>
                <Button onClick={() => setEditing({ kind: "group", draft: { ...EMPTY_GROUP, districtSlug: s.editableDistricts.length === 1 ? (s.editableDistricts[0] ?? "") : "" } })}>Add a LIFT group</Button>
              </div>
            ) : null}
            {s.liftGroups.length === 0 ? (
              <p style={{ margin: 0 }}>No LIFT groups yet: meetings are checked against the SLA&apos;s cadence once a district&apos;s groups are set up.</p>
            ) : (
              <DataTable
                aria-label="LIFT groups"
                data-testid="groups-table"
                headers={["Group", "District", "Locality or cluster", "Phase", "Meets", "Schools and settings", "Actions"]}
                rows={s.liftGroups.map((g) => ({
                  key: g.id,
                  "data-testid": `group-${g.id}`,
                  cells: [
                    g.retiredOn ? `${g.name} (retired ${formatDate(g.retiredOn)})` : g.name,
                    nameIn(s, g.districtSlug),
                    (g.localitySlug && s.localities.find((l) => l.slug === g.localitySlug)?.name) ?? "",
                    g.phase === "school" ? "School" : "Early years",
                    `${g.cadenceText}${g.cadenceSource === "sla" ? " (SLA)" : ""}`,
                    String(g.settingIds.length),
                    s.editableDistricts.includes(g.districtSlug) ? (
                      <Button
                        key="c"
                        size="small"
                        aria-label={`Change ${g.name}`}
                        onClick={() => setEditing({ kind: "group", draft: groupDraftOf(g) })}
                      >
                        Change
                      </Button>
                    ) : (
                      ""
                    ),
                  ],
                }))}
              />
            )}
            {s.liftGroups.length > 0 ? <CadencePanel nameOf={(slug) => nameIn(s, slug)} /> : null}
          </>
        )}
      </LoadView>
    </section>
  );
}
