import { useRef, useState } from "react";
import { ApiError, type SummaryEntry } from "../../shell";

/**
 * Field errors from a refused save (or the form's own checks), and a focus on the summary so a screen
 * reader hears them. `rekey` re-keys the server's messages to the form's fields where they differ.
 */
export function useFieldErrors(rekey: (errors: Record<string, string[]>) => Record<string, string[]> = (e) => e) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const summary = useRef<HTMLElement>(null);
  const entries: SummaryEntry[] = Object.entries(errors).flatMap(([path, messages]) => messages.map((message) => ({ path, message })));
  const show = (found: Record<string, string[]>) => {
    setErrors(found);
    setTimeout(() => summary.current?.focus(), 0);
  };
  /** The error's field messages, or false when it has none (the caller shows the message). */
  const take = (error: unknown): boolean => {
    if (error instanceof ApiError && error.fieldErrors) {
      show(rekey(error.fieldErrors));
      return true;
    }
    return false;
  };
  // A message keyed `districts.<slug>.name` belongs to the form's `name` box.
  const err = (field: string) =>
    Object.entries(errors)
      .filter(([k]) => k === field || k.endsWith(`.${field}`))
      .flatMap(([, v]) => v)
      .join(" ") || undefined;
  return { errors, setErrors, show, summary, entries, take, err };
}
