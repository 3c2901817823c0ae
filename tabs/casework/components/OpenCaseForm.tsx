import { useCallback, useMemo } from "react";
import { Field, Input, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { SETTINGS } from "../../../src/domain/reference/settings";
import { YEAR_GROUPS } from "../../../src/domain/time/year-groups";
import { DIRECT_REQUESTERS, type CaseOpenInput, type CaseTeam } from "../../../src/schemas/casework/records";
import { AREAS_OF_NEED } from "../../../src/schemas/referrals/referral";
import { formatDate, newKey, ukToday, useLoad, useReferenceData, useSession } from "../../shell";
import { useCaseworkApi } from "../api";
import { OPEN_CASE_ORDER, blankOpenCase, clinicWithOpenedCase, openCaseMessages, openCaseToSend, type OpenCaseForm as Form } from "../case-forms";
import { clinicKindLabel } from "../labels";
import { useCheckedForm } from "./CheckedForm";

const options = (list: readonly { value: string; label: string }[]) =>
  list.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));

/**
 * Open a case on a direct request (the local authority's, or a county team's own) or from a held
 * clinic; a case from a LIFT outcome opens from the outcome. A clinic's case is then recorded on the
 * clinic as an entry "case opened". A specialist teacher opens cases for themselves; the lead for any
 * teacher of the district. The child's details are asked for here: without a referral the case holds them.
 */
export function OpenCaseForm({ onOpened }: { onOpened(id: string): void }) {
  const { me } = useSession();
  const reference = useReferenceData();
  const casework = useCaseworkApi();
  const team: CaseTeam = me.countyTeam ? (`county-${me.countyTeam}` as CaseTeam) : "district";
  const district = me.district?.slug ?? "";
  const lead = me.role === "district_lead";
  // County teams keep no clinic log; the district's clinics held so far can have opened a case.
  const clinics = useLoad(`open-case-clinics-${team}`, () => (team === "district" ? casework.clinics() : Promise.resolve([])));
  const teachers = useLoad(`open-case-teachers-${district}`, () => (lead && team === "district" ? casework.teachers(district) : Promise.resolve([])));
  const held = clinics.state.kind === "ready" ? clinics.state.value.filter((c) => c.status === "held") : [];
  const settings = useMemo(() => SETTINGS.filter((s) => team !== "district" || s.districtSlug === district), [team, district]);
  const districtName = (slug: string) => reference.districts.find((d) => d.slug === slug)?.name ?? slug;

  const check = useCallback((f: Form) => {
    const sent = openCaseToSend(f, team);
    return { sent, messages: openCaseMessages(sent) };
  }, [team]);
  const o = useCheckedForm<Form>({
    name: "open-case",
    blank: blankOpenCase(ukToday(), me, team),
    check,
    order: () => OPEN_CASE_ORDER,
    wrapper: "case",
    failed: "The case was not opened",
    submit: async (sent) => {
      const opened = await casework.openCase(newKey("case"), sent as CaseOpenInput);
      if (opened.origin.kind === "clinic") {
        // The clinic records the case it opened (the entry's outcome "case opened").
        const clinic = await casework.clinic(opened.origin.clinicId);
        await casework.updateClinic(clinic.id, clinic.eTag, clinicWithOpenedCase(clinic, opened));
      }
      onOpened(opened.id);
      return { intent: "success", title: `Case ${opened.childRef} opened` };
    },
  });
  const { form, change } = o;
  const select = (path: keyof Form, label: string, list: readonly { value: string; label: string }[], blank: string, hint?: string) => (
    <Field {...o.field(path, label, hint)}>
      <Select id={o.idOf(path)} value={form[path]} onChange={(_, d) => change(path, d.value)}>
        <option value="">{blank}</option>
        {options(list)}
      </Select>
    </Field>
  );

  return o.frame({
    label: "Open a case",
    submitLabel: "Open the case",
    testId: "open-case-form",
    children: (
      <>
        {team === "district" ? (
          <Field label="How the case came about">
            <RadioGroup value={form.origin} onChange={(_, d) => change("origin", d.value)}>
              <Radio value="direct" label="A direct request" />
              <Radio value="clinic" label="A clinic, surgery or in-school review" />
            </RadioGroup>
          </Field>
        ) : null}
        {form.origin === "direct" ? (
          <>
            {team === "district" ? select("requestedBy", "Requested by", DIRECT_REQUESTERS.filter((r) => r.value === "local-authority"), "Choose…") : null}
            <Field {...o.field("requestedAt", "Date requested")}>
              <Input id={o.idOf("requestedAt")} type="date" value={form.requestedAt} onChange={(_, d) => change("requestedAt", d.value)} />
            </Field>
            <Field {...o.field("requesterName", "Requester (optional)", "A professional, never the child or family.")}>
              <Input id={o.idOf("requesterName")} value={form.requesterName} maxLength={120} onChange={(_, d) => change("requesterName", d.value)} />
            </Field>
          </>
        ) : (
          select(
            "clinicId",
            "Clinic",
            held.map((c) => ({ value: c.id, label: `${formatDate(c.date)}: ${clinicKindLabel(c.kind)} (${c.teacherName})` })),
            held.length === 0 ? "No clinic held yet" : "Choose the clinic…",
            "The clinic records the case as an entry whose outcome is “case opened”.",
          )
        )}
        <Field {...o.field("legalName", "Child's legal name", "Only in this case: there is no referral to hold it.")}>
          <Input id={o.idOf("legalName")} value={form.legalName} maxLength={100} autoComplete="off" onChange={(_, d) => change("legalName", d.value)} />
        </Field>
        <Field {...o.field("dateOfBirth", "Date of birth")}>
          <Input id={o.idOf("dateOfBirth")} type="date" value={form.dateOfBirth} onChange={(_, d) => change("dateOfBirth", d.value)} />
        </Field>
        <Field {...o.field("settingId", "School or setting")}>
          <Select id={o.idOf("settingId")} value={form.settingId} onChange={(_, d) => change("settingId", d.value)}>
            <option value="">Choose…</option>
            {settings.map((s) => (
              <option key={s.id} value={s.id}>
                {team === "district" ? s.name : `${s.name} (${districtName(s.districtSlug)})`}
              </option>
            ))}
          </Select>
        </Field>
        {select("yearGroup", "Year group", YEAR_GROUPS.map((y) => ({ value: y, label: y })), "Not at school / not needed")}
        {select("primaryArea", "Primary area of need", team === "district" ? AREAS_OF_NEED : AREAS_OF_NEED.filter((a) => a.value === "SP"), "Choose…")}
        {lead && team === "district"
          ? select(
              "allocatedTeacherOid",
              "Allocated specialist teacher",
              (teachers.state.kind === "ready" ? teachers.state.value : []).map((t) => ({ value: t.oid, label: t.displayName })),
              "Choose…",
            )
          : null}
        <Field {...o.field("openedAt", "Date the case opened")}>
          <Input id={o.idOf("openedAt")} type="date" value={form.openedAt} onChange={(_, d) => change("openedAt", d.value)} />
        </Field>
        <Field {...o.field("supportToBeProvided", "Support to be provided (optional)", "The rest of the support plan can be written on the case page.")}>
          <Input id={o.idOf("supportToBeProvided")} value={form.supportToBeProvided} maxLength={2000} onChange={(_, d) => change("supportToBeProvided", d.value)} />
        </Field>
        <Field {...o.field("reviewDate", "Review date (optional)")}>
          <Input id={o.idOf("reviewDate")} type="date" value={form.reviewDate} onChange={(_, d) => change("reviewDate", d.value)} />
        </Field>
      </>
    ),
  });
}
