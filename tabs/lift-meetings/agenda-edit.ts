/**
 * The agenda editor's working copy: entries in order (cases with their own minutes or the slot's,
 * whole-school items), what is sent, and re-applying my order onto someone else's newer agenda.
 */
import type { Agenda, AgendaCase, AgendaEntryInput } from "./api";
import { reapplyEdits } from "../shell/reapply";

export type EditEntry =
  | { kind: "case"; key: string; id: string; minutes?: number; info: AgendaCase }
  | { kind: "item"; key: string; id?: string; title: string; minutes: number };

export function fromAgenda(agenda: Agenda): EditEntry[] {
  return agenda.entries.map((e) =>
    e.kind === "case"
      ? { kind: "case", key: e.id, id: e.id, minutes: e.minutes === agenda.slotMinutes ? undefined : e.minutes, info: e }
      : { kind: "item", key: e.id, id: e.id, title: e.title, minutes: e.minutes },
  );
}

export function toInput(entries: EditEntry[]): AgendaEntryInput[] {
  return entries.map((e) =>
    e.kind === "case"
      ? { kind: "case", referralId: e.id, ...(e.minutes === undefined ? {} : { minutes: e.minutes }) }
      : { kind: "item", ...(e.id ? { id: e.id } : {}), title: e.title, minutes: e.minutes },
  );
}

/** My order applied to their agenda: their cases in my order, theirs I did not have at the end, my new items kept. */
export function rebase(mine: EditEntry[], theirEntries: EditEntry[]): EditEntry[] {
  const byKey = new Map(theirEntries.map((e) => [e.key, e]));
  const out: EditEntry[] = [];
  for (const e of mine) {
    if (e.kind === "item" && !e.id) out.push(e);
    else if (byKey.has(e.key)) {
      const their = byKey.get(e.key) as EditEntry;
      // My minutes and titles win: re-applying means keeping my edits.
      out.push(e.kind === "case" && their.kind === "case" ? { ...e, info: their.info } : e);
      byKey.delete(e.key);
    }
  }
  return [...out, ...byKey.values()];
}


/** What the editor edits: the entries and the minutes a case takes (as typed). */
export interface AgendaValue {
  entries: EditEntry[];
  slot: string;
}

export function agendaValue(agenda: Agenda): AgendaValue {
  return { entries: fromAgenda(agenda), slot: String(agenda.slotMinutes) };
}

/** My order and minutes onto their agenda; the slot length mine if I changed it. */
export function reapplyAgenda(base: AgendaValue, mine: AgendaValue, theirs: AgendaValue): AgendaValue {
  return { entries: rebase(mine.entries, theirs.entries), slot: reapplyEdits(base.slot, mine.slot, theirs.slot) };
}
