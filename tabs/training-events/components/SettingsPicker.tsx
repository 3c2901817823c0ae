/**
 * The settings that attended, picked from the register: a search box over every school and setting
 * (the district's own first; Post-16, special schools and schools outside the district as well), its
 * matches as checkboxes, and the chosen ones listed with a button to remove each. Keyboard only:
 * type, Tab to a match, Space to choose it. Only names, districts and phases are shown.
 */
import { useMemo, useState } from "react";
import { Button, Checkbox, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { Dismiss16Regular, Search16Regular } from "@fluentui/react-icons";
import { sharedStyles } from "../../shell/styles";
import type { AttendanceSetting } from "../api";
import { phaseLabel } from "../forms";

const useStyles = makeStyles({
  group: { ...sharedStyles.box },
  legend: sharedStyles.legend,
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  chosen: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  error: sharedStyles.fieldError,
});

/** At most this many matches at once: a district's register can hold hundreds. */
const SHOWN = 12;

export interface SettingsPickerProps {
  /** The search box's id (the error summary links to it). */
  id: string;
  legend: string;
  districtSlug: string;
  settings: readonly AttendanceSetting[];
  districtName(slug: string): string;
  value: readonly string[];
  onChange(ids: string[]): void;
  /** The list's messages (any entry's included), shown under it. */
  errors: readonly string[];
}

/** "Name (primary)" or, outside the district, "Name (secondary, Thanet)"; a closed one says so. */
export function settingLabel(s: AttendanceSetting, districtSlug: string, districtName: (slug: string) => string): string {
  const facts = [phaseLabel(s.phase), ...(s.districtSlug !== districtSlug ? [districtName(s.districtSlug)] : []), ...(s.open ? [] : ["closed"])];
  return `${s.name} (${facts.join(", ")})`;
}

/** The settings a search finds: names containing every word typed; with nothing typed, the district's own open ones. */
export function settingMatches(settings: readonly AttendanceSetting[], query: string, districtSlug: string): AttendanceSetting[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return settings.filter((s) => s.districtSlug === districtSlug && s.open);
  return settings.filter((s) => words.every((w) => s.name.toLowerCase().includes(w)));
}

export function SettingsPicker(p: SettingsPickerProps) {
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const byId = useMemo(() => new Map(p.settings.map((s) => [s.id, s])), [p.settings]);
  const matches = useMemo(() => settingMatches(p.settings, query, p.districtSlug), [p.settings, query, p.districtSlug]);
  const chosen = new Set(p.value);
  const label = (s: AttendanceSetting) => settingLabel(s, p.districtSlug, p.districtName);
  const toggle = (id: string, on: boolean) => p.onChange(on ? [...p.value.filter((x) => x !== id), id] : p.value.filter((x) => x !== id));
  const errorId = `${p.id}-error`;

  return (
    <fieldset className={styles.group} aria-describedby={p.errors.length > 0 ? errorId : undefined}>
      <legend className={styles.legend}>{p.legend}</legend>
      {p.value.length === 0 ? (
        <p className={styles.note}>None chosen yet.</p>
      ) : (
        <ul className={styles.list} aria-label={`Chosen: ${p.value.length}`}>
          {p.value.map((id) => {
            const s = byId.get(id);
            const name = s ? label(s) : `${id} (not on the register)`;
            return (
              <li key={id} className={styles.chosen}>
                <span>{name}</span>
                <Button size="small" appearance="subtle" icon={<Dismiss16Regular />} aria-label={`Remove ${s?.name ?? id}`} onClick={() => toggle(id, false)} />
              </li>
            );
          })}
        </ul>
      )}
      <Field label={{ children: "Find a school or setting", htmlFor: p.id }} hint="Type part of a name; schools outside the district and Post-16 settings are on the register too.">
        <Input id={p.id} type="search" contentBefore={<Search16Regular />} value={query} onChange={(_, d) => setQuery(d.value)} autoComplete="off" />
      </Field>
      {matches.length === 0 ? (
        <p className={styles.note}>{query ? "No school or setting on the register has that name." : "Type part of a name to find a setting."}</p>
      ) : (
        <ul className={styles.list} aria-label={query ? "Schools and settings found" : "The district's schools and settings"}>
          {matches.slice(0, SHOWN).map((s) => (
            <li key={s.id}>
              <Checkbox label={label(s)} checked={chosen.has(s.id)} onChange={(_, d) => toggle(s.id, d.checked === true)} />
            </li>
          ))}
          {matches.length > SHOWN ? <li className={styles.note}>{matches.length - SHOWN} more: type more of the name.</li> : null}
        </ul>
      )}
      {p.errors.length > 0 ? (
        <div id={errorId} className={styles.error}>
          {p.errors.join(" ")}
        </div>
      ) : null}
    </fieldset>
  );
}
