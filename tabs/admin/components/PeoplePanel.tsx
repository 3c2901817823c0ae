import { useId, useRef, useState } from "react";
import { Badge, Button, Checkbox, makeStyles } from "@fluentui/react-components";
import { DataTable, LoadView, Notice, districtName, errorMessage, ApiError, useLoad, useReferenceData, useSession } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { ROLE_LABELS } from "../../../src/schemas/reference/person";
import { useAdminClient, type PersonView } from "../api";
import { PersonForm } from "./PersonForm";

const useStyles = makeStyles({ column: sharedStyles.column, h3: sharedStyles.h3, row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" } });

/** The people the caller administers: add, change, switch off and on, import from CSV. */
export function PeoplePanel() {
  const styles = useStyles();
  const admin = useAdminClient();
  const reference = useReferenceData();
  const { me } = useSession();
  const [showInactive, setShowInactive] = useState(false);
  const people = useLoad(`people:${showInactive}`, () => admin.people(showInactive ? "include" : undefined));
  const [editing, setEditing] = useState<PersonView | "new">();
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string; rows?: string[] }>();
  const fileId = useId();
  const file = useRef<HTMLInputElement>(null);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage({ intent: "success", text: done });
      await people.reload();
    } catch (error) {
      const rows = error instanceof ApiError ? ((error.detail as { errors?: Array<{ row: number; column: string; message: string }> } | undefined)?.errors ?? []).map((e) => `Row ${e.row}, ${e.column}: ${e.message}`) : [];
      setMessage({ intent: "error", text: errorMessage(error), rows });
    }
  };

  return (
    <section className={styles.column} aria-labelledby="people-heading">
      <h2 id="people-heading" style={{ margin: 0 }}>
        People
      </h2>
      <p style={{ margin: 0 }}>Changes take effect the next time the person signs in. Someone switched off signs in to nothing and gets no reminders.</p>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => setEditing("new")}>
          Add a person
        </Button>
        <label htmlFor={fileId}>Import people from a CSV file</label>
        <input
          id={fileId}
          ref={file}
          type="file"
          accept=".csv,text/csv"
          data-testid="people-csv"
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            event.target.value = "";
            if (chosen) void chosen.text().then((csv) => act(async () => {
              const r = await admin.importPeople(csv);
              setMessage({ intent: "success", text: `${r.created} added, ${r.updated} changed, ${r.unchanged} unchanged.` });
            }, "Imported."));
          }}
        />
        <Checkbox label="Show people switched off" checked={showInactive} onChange={(_, d) => setShowInactive(Boolean(d.checked))} />
      </div>
      {message ? (
        <Notice intent={message.intent} data-testid="people-message">
          {message.text}
          {message.rows && message.rows.length > 0 ? (
            <ul>
              {message.rows.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      {editing ? (
        <PersonForm
          person={editing === "new" ? undefined : editing}
          onCancel={() => setEditing(undefined)}
          onSaved={async (p) => {
            setEditing(undefined);
            setMessage({ intent: "success", text: `${p.displayName} is saved. It takes effect at their next sign-in.` });
            await people.reload();
          }}
        />
      ) : null}
      <LoadView state={people.state} what="people" onRetry={() => void people.reload()} empty={<p>Nobody yet.</p>}>
        {(items) => (
          <DataTable
            aria-label="People"
            data-testid="people-table"
            headers={["Name", "Sign-in name", "Role", "District or area", "Status", "Actions"]}
            rows={items.map((p) => ({
              key: p.oid,
              "data-testid": `person-${p.upn}`,
              cells: [
                p.displayName,
                p.upn,
                ROLE_LABELS[p.role],
                p.districtSlug ? districtName(reference, p.districtSlug) : p.areaName ? `${p.areaName} area` : "County",
                p.active ? <Badge appearance="outline" color="success">Active</Badge> : <Badge appearance="outline" color="danger">Switched off</Badge>,
                <div key="a" className={styles.row}>
                  <Button size="small" onClick={() => setEditing(p)} aria-label={`Change ${p.displayName}`}>
                    Change
                  </Button>
                  {p.oid !== me.oid ? (
                    <Button
                      size="small"
                      onClick={() => void act(() => admin.setActive(p.oid, !p.active), p.active ? `${p.displayName} is switched off.` : `${p.displayName} is switched on.`)}
                      aria-label={`${p.active ? "Switch off" : "Switch on"} ${p.displayName}`}
                    >
                      {p.active ? "Switch off" : "Switch on"}
                    </Button>
                  ) : null}
                </div>,
              ],
            }))}
          />
        )}
      </LoadView>
    </section>
  );
}
