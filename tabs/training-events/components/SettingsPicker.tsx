/**
 * The settings that attended, picked from the register with the shell's PickList: every school and
 * setting is searchable (Post-16, special schools and schools outside the district as well); with
 * nothing typed it offers the district's own open ones. Only names, districts and phases are shown.
 */
import { useCallback, useMemo } from "react";
import { PickList, type PickItem } from "../../shell/PickList";
import type { AttendanceSetting } from "../api";
import { phaseLabel } from "../forms";

interface SettingItem extends PickItem {
  setting: AttendanceSetting;
}

const NOTES = { noMatch: "No school or setting on the register has that name.", nothingTyped: "Type part of a name to find a setting." };

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
  const items = useMemo(
    () => p.settings.map((setting) => ({ id: setting.id, label: settingLabel(setting, p.districtSlug, p.districtName), name: setting.name, setting })),
    [p.settings, p.districtSlug, p.districtName],
  );
  const match = useCallback(
    (all: readonly SettingItem[], query: string) => {
      const found = new Set(settingMatches(all.map((item) => item.setting), query, p.districtSlug));
      return all.filter((item) => found.has(item.setting));
    },
    [p.districtSlug],
  );
  return (
    <PickList
      id={p.id}
      legend={p.legend}
      items={items}
      value={p.value}
      onChange={p.onChange}
      errors={p.errors}
      searchLabel="Find a school or setting"
      searchHint="Type part of a name; schools outside the district and Post-16 settings are on the register too."
      match={match}
      notes={NOTES}
      unknownLabel={(id) => `${id} (not on the register)`}
    />
  );
}
