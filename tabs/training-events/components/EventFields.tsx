import { Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import { TRANSITION_KINDS } from "../../../src/schemas/training-events/records";
import type { AttendanceSetting } from "../api";
import { attendanceMessages, type EventForm } from "../forms";
import { EvaluationFields } from "./EvaluationFields";
import type { EditorFields } from "./RecordEditor";
import { SettingsPicker } from "./SettingsPicker";

export interface EventFieldsProps {
  f: EditorFields<EventForm>;
  districtSlug: string;
  settings: readonly AttendanceSetting[];
  districtName(slug: string): string;
}

/** A transition event's fields: title, kind (school or early years), date, its attendance register (KPI 4.1) and feedback (KPI 4.2). */
export function EventFields({ f, districtSlug, settings, districtName }: EventFieldsProps) {
  const { form, change, idOf } = f;
  return (
    <>
      <Field {...f.field("title", "Event title")}>
        <Input id={idOf("title")} value={form.title} maxLength={200} onChange={(_, d) => change("title", d.value)} />
      </Field>
      <Field {...f.field("kind", "Kind of transition")} label="Kind of transition">
        <RadioGroup id={idOf("kind")} tabIndex={-1} value={form.kind} onChange={(_, d) => change("kind", d.value)}>
          {TRANSITION_KINDS.map((k) => (
            <Radio key={k.value} value={k.value} label={k.label} />
          ))}
        </RadioGroup>
      </Field>
      <Field {...f.field("date", "Date")}>
        <Input id={idOf("date")} type="date" value={form.date} onChange={(_, d) => change("date", d.value)} />
      </Field>
      <SettingsPicker
        id={idOf("settingIds")}
        legend="Attendance register: schools and settings"
        districtSlug={districtSlug}
        settings={settings}
        districtName={districtName}
        value={form.settingIds}
        onChange={(ids) => change("settingIds", ids)}
        errors={attendanceMessages(f.messages)}
      />
      <EvaluationFields f={f} question="the transition feedback question (Q1, one form per setting)" />
    </>
  );
}
