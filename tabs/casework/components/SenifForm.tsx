import { useCallback } from "react";
import { Field, Input, Select } from "@fluentui/react-components";
import { SENIF_STATUSES, SenifInput } from "../../../src/schemas/casework/records";
import { ukToday } from "../../shell";
import { useCaseworkApi, type FullCase } from "../api";
import { messagesOf } from "../case-forms";
import { useCheckedForm } from "./CheckedForm";

interface Senif {
  status: string;
  requestedAt: string;
  practitionerName: string;
  practitionerRole: string;
  allocatedAt: string;
}

/**
 * Request or allocate the SENIF practitioner of an early years case. The server refuses an allocation
 * dated before the specialist teacher's (the case's opening): the council allocates one only then.
 */
export function SenifForm({ record, onSaved }: { record: FullCase; onSaved(): void }) {
  const casework = useCaseworkApi();
  const now = record.senif;
  const check = useCallback(
    (f: Senif) => {
      const sent = {
        ...(f.status ? { status: f.status } : {}),
        requestedAt: f.requestedAt,
        requestedVia: now?.requestedVia ?? "specialist-teacher",
        ...(f.practitionerName.trim() ? { practitionerName: f.practitionerName } : {}),
        ...(f.practitionerRole.trim() ? { practitionerRole: f.practitionerRole } : {}),
        ...(f.allocatedAt ? { allocatedAt: f.allocatedAt } : {}),
      };
      return { sent, messages: messagesOf(SenifInput, sent) };
    },
    [now],
  );
  const s = useCheckedForm<Senif>({
    name: "senif",
    blank: { status: now?.status ?? "requested", requestedAt: now?.requestedAt ?? ukToday(), practitionerName: now?.practitionerName ?? "", practitionerRole: now?.practitionerRole ?? "", allocatedAt: now?.allocatedAt ?? "" },
    check,
    order: () => ["status", "requestedAt", "practitionerName", "practitionerRole", "allocatedAt"],
    wrapper: "senif",
    failed: "The SENIF allocation was not saved",
    submit: async (sent) => {
      await casework.setSenif(record.id, record.eTag, sent as SenifInput);
      onSaved();
      return { intent: "success", title: "SENIF allocation saved" };
    },
  });
  const { form, change } = s;
  return s.frame({
    label: "SENIF practitioner",
    submitLabel: "Save the SENIF allocation",
    children: (
      <>
        <Field {...s.field("status", "SENIF status")}>
          <Select id={s.idOf("status")} value={form.status} onChange={(_, d) => change("status", d.value)}>
            {SENIF_STATUSES.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field {...s.field("requestedAt", "Date requested")}>
          <Input id={s.idOf("requestedAt")} type="date" value={form.requestedAt} onChange={(_, d) => change("requestedAt", d.value)} />
        </Field>
        <Field {...s.field("practitionerName", "SENIF practitioner")}>
          <Input id={s.idOf("practitionerName")} value={form.practitionerName} maxLength={120} onChange={(_, d) => change("practitionerName", d.value)} />
        </Field>
        <Field {...s.field("practitionerRole", "Their role")}>
          <Input id={s.idOf("practitionerRole")} value={form.practitionerRole} maxLength={120} onChange={(_, d) => change("practitionerRole", d.value)} />
        </Field>
        <Field {...s.field("allocatedAt", "Date allocated")}>
          <Input id={s.idOf("allocatedAt")} type="date" value={form.allocatedAt} onChange={(_, d) => change("allocatedAt", d.value)} />
        </Field>
      </>
    ),
  });
}
