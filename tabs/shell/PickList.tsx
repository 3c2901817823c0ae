/**
 * Choosing some of a long list by keyboard: a search box over the items, its matches as checkboxes,
 * and the chosen ones listed with a button to remove each. Type, Tab to a match, Space to choose it.
 * With nothing typed it offers the first items; a message for the list is shown under it and tied to
 * the group, so a screen reader hears it with the legend.
 */
import { useMemo, useState } from "react";
import { Button, Checkbox, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { Dismiss16Regular, Search16Regular } from "@fluentui/react-icons";
import { sharedStyles } from "./styles";

const useStyles = makeStyles({
  group: { ...sharedStyles.box },
  legend: sharedStyles.legend,
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  chosen: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  error: sharedStyles.fieldError,
});

export interface PickItem {
  id: string;
  /** What the item is called in the lists (and what the search matches). */
  label: string;
}

export interface PickListProps {
  /** The search box's id (an error summary links to it). */
  id: string;
  legend: string;
  items: readonly PickItem[];
  value: readonly string[];
  onChange(ids: string[]): void;
  /** The search box's label and hint. */
  searchLabel: string;
  searchHint?: string;
  /** The list's messages, shown under it. */
  errors?: readonly string[];
  /** At most this many matches at once (a district's register can hold hundreds). */
  shown?: number;
}

/** The items whose label holds every word typed (any order, any case); with nothing typed, all. */
export function pickMatches<T extends PickItem>(items: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => words.every((w) => item.label.toLowerCase().includes(w)));
}

export function PickList({ id, legend, items, value, onChange, searchLabel, searchHint, errors = [], shown = 12 }: PickListProps) {
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  const matches = useMemo(() => pickMatches(items, query), [items, query]);
  const chosen = new Set(value);
  const toggle = (itemId: string, on: boolean) => onChange(on ? [...value.filter((x) => x !== itemId), itemId] : value.filter((x) => x !== itemId));
  const errorId = `${id}-error`;
  return (
    <fieldset className={styles.group} aria-describedby={errors.length > 0 ? errorId : undefined}>
      <legend className={styles.legend}>{legend}</legend>
      {value.length === 0 ? (
        <p className={styles.note}>None chosen yet.</p>
      ) : (
        <ul className={styles.list} aria-label={`Chosen: ${value.length}`}>
          {value.map((itemId) => {
            const label = byId.get(itemId)?.label ?? itemId;
            return (
              <li key={itemId} className={styles.chosen}>
                <span>{label}</span>
                <Button size="small" appearance="subtle" icon={<Dismiss16Regular />} aria-label={`Remove ${label}`} onClick={() => toggle(itemId, false)} />
              </li>
            );
          })}
        </ul>
      )}
      <Field label={{ children: searchLabel, htmlFor: id }} hint={searchHint}>
        <Input id={id} type="search" contentBefore={<Search16Regular />} value={query} onChange={(_, d) => setQuery(d.value)} autoComplete="off" />
      </Field>
      {matches.length === 0 ? (
        <p className={styles.note}>{query ? "Nothing here has that name." : "There is nothing to choose."}</p>
      ) : (
        <ul className={styles.list} aria-label={query ? `${legend}: found` : legend}>
          {matches.slice(0, shown).map((item) => (
            <li key={item.id}>
              <Checkbox label={item.label} checked={chosen.has(item.id)} onChange={(_, d) => toggle(item.id, d.checked === true)} />
            </li>
          ))}
          {matches.length > shown ? <li className={styles.note}>{matches.length - shown} more: type more of the name.</li> : null}
        </ul>
      )}
      {errors.length > 0 ? (
        <div id={errorId} className={styles.error}>
          {errors.join(" ")}
        </div>
      ) : null}
    </fieldset>
  );
}
