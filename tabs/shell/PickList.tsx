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
  /** Its short name, for the button that removes it (default: the label). */
  name?: string;
}

export interface PickListProps<T extends PickItem = PickItem> {
  /** The search box's id (an error summary links to it). */
  id: string;
  legend: string;
  items: readonly T[];
  value: readonly string[];
  onChange(ids: string[]): void;
  /** The search box's label and hint. */
  searchLabel: string;
  searchHint?: string;
  /** The list's messages, shown under it. */
  errors?: readonly string[];
  /** At most this many matches at once (a district's register can hold hundreds). */
  shown?: number;
  /** Which items a search offers (default: those whose label holds every word typed; all with nothing typed). */
  match?(items: readonly T[], query: string): T[];
  /** What is said when a search finds nothing, and when nothing typed offers nothing. */
  notes?: { noMatch: string; nothingTyped: string };
  /** How a chosen id that is not among the items is shown. */
  unknownLabel?(id: string): string;
}

/** The items whose label holds every word typed (any order, any case); with nothing typed, all. */
export function pickMatches<T extends PickItem>(items: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => words.every((w) => item.label.toLowerCase().includes(w)));
}

const DEFAULT_NOTES = { noMatch: "Nothing here has that name.", nothingTyped: "There is nothing to choose." };

export function PickList<T extends PickItem>({ id, legend, items, value, onChange, searchLabel, searchHint, errors = [], shown = 12, match = pickMatches, notes = DEFAULT_NOTES, unknownLabel = (itemId) => itemId }: PickListProps<T>) {
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  const matches = useMemo(() => match(items, query), [match, items, query]);
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
            const item = byId.get(itemId);
            return (
              <li key={itemId} className={styles.chosen}>
                <span>{item?.label ?? unknownLabel(itemId)}</span>
                <Button size="small" appearance="subtle" icon={<Dismiss16Regular />} aria-label={`Remove ${item?.name ?? item?.label ?? itemId}`} onClick={() => toggle(itemId, false)} />
              </li>
            );
          })}
        </ul>
      )}
      <Field label={{ children: searchLabel, htmlFor: id }} hint={searchHint}>
        <Input id={id} type="search" contentBefore={<Search16Regular />} value={query} onChange={(_, d) => setQuery(d.value)} autoComplete="off" />
      </Field>
      {matches.length === 0 ? (
        <p className={styles.note}>{query ? notes.noMatch : notes.nothingTyped}</p>
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
