import { Field, Input, Radio, RadioGroup, Select, Textarea } from "@fluentui/react-components";
import { AREAS_OF_NEED } from "../../../src/schemas/referrals/referral";
import { TRAINING_AUDIENCES } from "../../../src/schemas/training-events/records";
import type { AttendanceSetting } from "../api";
import { AET_OPTIONS, attendanceMessages, type SessionForm } from "../forms";
import { EvaluationFields } from "./EvaluationFields";
import type { EditorFields } from "./RecordEditor";
import { SettingsPicker } from "./SettingsPicker";

export interface SessionFieldsProps {
  f: EditorFields<SessionForm>;
  districtSlug: string;
  settings: readonly AttendanceSetting[];
  districtName(slug: string): string;
}

/** A training session's fields: the course, its need and audience (KPIs 3.2, 3.3), AET, the date, who attended, the evaluation (KPI 3.1). */
export function SessionFields({ f, districtSlug, settings, districtName }: SessionFieldsProps) {
  const { form, change, idOf } = f;
  return (
    <>
      <Field {...f.field("title", "Course title", "Sessions of one course share its title: courses are counted by title.")}>
        <Input id={idOf("title")} value={form.title} maxLength={200} onChange={(_, d) => change("title", d.value)} />
      </Field>
      <Field {...f.field("needType", "Area of need")}>
        <Select id={idOf("needType")} value={form.needType} onChange={(_, d) => change("needType", d.value)}>
          <option value="">General (no one area)</option>
          {AREAS_OF_NEED.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field {...f.field("districtNeed", "The district need it was developed for (KPI 3.3)", "Leave blank for a course from the core offer.")}>
        <Textarea id={idOf("districtNeed")} value={form.districtNeed} rows={2} maxLength={500} onChange={(_, d) => change("districtNeed", d.value)} />
      </Field>
      <Field {...f.field("audience", "Audience")} label="Audience">
        <RadioGroup id={idOf("audience")} tabIndex={-1} value={form.audience} onChange={(_, d) => change("audience", d.value)}>
          {TRAINING_AUDIENCES.map((a) => (
            <Radio key={a.value} value={a.value} label={a.value === "parents" ? `${a.label} (KPI 3.2)` : a.label} />
          ))}
        </RadioGroup>
      </Field>
      <Field {...f.field("aet", "Autism Education Trust training")}>
        <Select id={idOf("aet")} value={form.aet} onChange={(_, d) => change("aet", d.value)}>
          <option value="">Not autism education training</option>
          {AET_OPTIONS.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field {...f.field("date", "Date")}>
        <Input id={idOf("date")} type="date" value={form.date} onChange={(_, d) => change("date", d.value)} />
      </Field>
      <Field {...f.field("trainerName", "Trainer")}>
        <Input id={idOf("trainerName")} value={form.trainerName} maxLength={120} onChange={(_, d) => change("trainerName", d.value)} />
      </Field>
      <SettingsPicker
        id={idOf("settingIds")}
        legend="Schools and settings that attended"
        districtSlug={districtSlug}
        settings={settings}
        districtName={districtName}
        value={form.settingIds}
        onChange={(ids) => change("settingIds", ids)}
        errors={attendanceMessages(f.messages)}
      />
      <Field {...f.field("attendees", "Number of attendees")}>
        <Input id={idOf("attendees")} type="number" min={0} inputMode="numeric" value={form.attendees} onChange={(_, d) => change("attendees", d.value)} />
      </Field>
      <EvaluationFields f={f} question={form.audience === "parents" ? "the confidence question (Q1)" : "the confidence question (Q4)"} />
    </>
  );
}
