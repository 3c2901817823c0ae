/**
 * One record being edited and saved with an eTag, the same way in every editor: what I started from
 * (base), what I have typed (working), the saved record, the action under way (pending; a second
 * click while one runs does nothing), the outcome banner, and the newer version someone else saved
 * (stale, after a 412) with the two ways out: take theirs, or re-apply my edits onto theirs.
 * What is checked before a save, and what a refused save's field messages look like, stay with each
 * editor.
 */
import { useCallback, useRef, useState } from "react";
import { ApiError, errorMessage } from "./api";
import { reapplyEdits } from "./reapply";

export type Banner = { intent: "success" | "error" | "info" | "warning"; title: string; text?: string };

export interface EditableRecordOptions<R, V, A extends string> {
  /** The saved record, when there is one yet. */
  initial: R | undefined;
  /** What I edit, absent a record (a new one). */
  blank: V;
  /** The editable part of a record. */
  valueOf(record: R): V;
  /** What I start from in place of the record's value: unsaved edits kept from before. */
  restored?: V;
  /** The newer record behind a 412 (given the record I saved against): from the answer's detail, or asked for. Undefined: none to show. */
  current(error: ApiError, mine: R | undefined): R | undefined | Promise<R | undefined>;
  /** My edits onto theirs; field by field (reapplyEdits) unless the editor knows better. */
  reapply?(base: V, mine: V, theirs: V): V;
  /** A refusal with field messages: the editor shows them against its fields. */
  onFieldErrors?(fieldErrors: Record<string, string[]>, action: A): void;
  /** The banner's title when an action fails otherwise ("The draft was not saved"). */
  failed(action: A): string;
}

export interface EditableRecord<R, V, A extends string> {
  record: R | undefined;
  base: V;
  working: V;
  dirty: boolean;
  pending: A | undefined;
  banner: Banner | undefined;
  stale: R | undefined;
  /** Change what I am editing (marks it dirty and clears a success banner). */
  edit(update: (value: V) => V): void;
  setBanner(banner: Banner | undefined): void;
  /** Run an action (save, submit, approve). A record it returns becomes the saved one, my edits with it. */
  run(action: A, task: () => Promise<R | void>): Promise<void>;
  /** Take a record the server answered with: saved, base and working follow it. */
  accept(record: R): void;
  /** Drop my edits for their version. */
  takeTheirs(): void;
  /** Keep my edits, re-applied onto their version (still to be saved); the merged value and their record. */
  keepMine(): { value: V; record: R } | undefined;
  /** Offer a newer version found another way (a "check for changes" button) as after a 412. */
  offerTheirs(record: R): void;
}

export function useEditableRecord<R, V, A extends string>(options: EditableRecordOptions<R, V, A>): EditableRecord<R, V, A> {
  const opts = useRef(options);
  opts.current = options;
  const [record, setRecord] = useState<R | undefined>(options.initial);
  const [base, setBase] = useState<V>(() => (options.initial ? options.valueOf(options.initial) : options.blank));
  const [working, setWorking] = useState<V>(() => options.restored ?? (options.initial ? options.valueOf(options.initial) : options.blank));
  const [dirty, setDirty] = useState(options.restored !== undefined);
  const [pending, setPending] = useState<A | undefined>(undefined);
  const pendingRef = useRef<A | undefined>(undefined);
  const [banner, setBanner] = useState<Banner | undefined>(undefined);
  const [stale, setStale] = useState<R | undefined>(undefined);
  // The newest working copy, for a merge made in the same event as an edit.
  const workingRef = useRef(working);
  workingRef.current = working;
  const recordRef = useRef(record);
  recordRef.current = record;

  const edit = useCallback((update: (value: V) => V) => {
    setWorking((w) => update(w));
    setDirty(true);
    setBanner((b) => (b?.intent === "success" || b?.intent === "info" ? undefined : b));
  }, []);

  const accept = useCallback((saved: R) => {
    const value = opts.current.valueOf(saved);
    recordRef.current = saved;
    setRecord(saved);
    setBase(value);
    setWorking(value);
    setDirty(false);
  }, []);

  const run = useCallback(async (action: A, task: () => Promise<R | void>) => {
    if (pendingRef.current) return;
    pendingRef.current = action;
    setPending(action);
    setBanner(undefined);
    try {
      const saved = await task();
      if (saved) accept(saved);
    } catch (error) {
      const o = opts.current;
      if (error instanceof ApiError && error.status === 412) {
        let current: R | undefined;
        try {
          current = await o.current(error, recordRef.current);
        } catch (reason) {
          console.warn("LIFT Hub: could not read the newer version", reason);
        }
        if (current) setStale(current);
        else setBanner({ intent: "error", title: "Someone else changed this", text: "Their version could not be loaded. Reload the page to see it." });
      } else if (error instanceof ApiError && error.fieldErrors && Object.keys(error.fieldErrors).length > 0 && o.onFieldErrors) {
        o.onFieldErrors(error.fieldErrors, action);
      } else {
        setBanner({ intent: "error", title: o.failed(action), text: errorMessage(error) });
      }
    } finally {
      pendingRef.current = undefined;
      setPending(undefined);
    }
  }, [accept]);

  const takeTheirs = useCallback(() => {
    if (!stale) return;
    accept(stale);
    setStale(undefined);
  }, [stale, accept]);

  const keepMine = useCallback(() => {
    if (!stale) return undefined;
    const o = opts.current;
    const theirs = o.valueOf(stale);
    const value = (o.reapply ?? reapplyEdits)(base, workingRef.current, theirs);
    setRecord(stale);
    setBase(theirs);
    setWorking(value);
    setDirty(true);
    setStale(undefined);
    return { value, record: stale };
  }, [stale, base]);

  return { record, base, working, dirty, pending, banner, stale, edit, setBanner, run, accept, takeTheirs, keepMine, offerTheirs: setStale };
}
