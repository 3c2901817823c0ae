/**
 * Loading what a view shows from the API: one state (idle, loading, error, ready) for every page, so
 * each view says what it loads and how it looks, not how to track a request.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage } from "./api";

export type Loaded<T> =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "error"; message: string; status?: number }
  | { kind: "ready"; value: T };

export interface LoadHandle<T> {
  state: Loaded<T>;
  /** Load again now (a refresh button, after a write elsewhere); the last answer stays on screen meanwhile. */
  reload: () => Promise<void>;
  /** Show a value the page already has (a write's answer), newer than any load in flight. */
  set: (value: T) => void;
}

function statusOf(error: unknown): number | undefined {
  return typeof error === "object" && error !== null && "status" in error ? Number((error as { status: unknown }).status) : undefined;
}

/**
 * Load once per `key` (none: idle, nothing is asked), and again every `pollMs` when given (the side
 * panel follows the running order, the stage the current case). A change of key starts afresh; a
 * poll or reload that fails keeps the last good answer, because a blip must not blank a meeting in
 * progress.
 */
export function useLoad<T>(key: string | undefined, load: (signal: AbortSignal) => Promise<T>, pollMs?: number): LoadHandle<T> {
  const [state, setState] = useState<Loaded<T>>(key === undefined ? { kind: "idle" } : { kind: "loading" });
  const loadRef = useRef(load);
  loadRef.current = load;
  const hasValue = useRef(false);
  const generation = useRef(0);

  const run = useCallback(async (signal: AbortSignal) => {
    const mine = ++generation.current;
    try {
      const value = await loadRef.current(signal);
      if (signal.aborted || mine !== generation.current) return;
      hasValue.current = true;
      setState({ kind: "ready", value });
    } catch (error) {
      if (signal.aborted || mine !== generation.current) return;
      if (hasValue.current) {
        console.info("LIFT Hub: refresh failed; keeping the last answer", error);
        return;
      }
      setState({ kind: "error", message: errorMessage(error), status: statusOf(error) });
    }
  }, []);

  useEffect(() => {
    hasValue.current = false;
    if (key === undefined) {
      generation.current++;
      setState({ kind: "idle" });
      return undefined;
    }
    const controller = new AbortController();
    setState({ kind: "loading" });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      await run(controller.signal);
      if (pollMs && !controller.signal.aborted) timer = setTimeout(() => void tick(), pollMs);
    };
    void tick();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [key, pollMs, run]);

  const reload = useCallback(async () => {
    // After an error there is nothing to keep on screen: show that it is loading again.
    if (!hasValue.current) setState((s) => (s.kind === "error" ? { kind: "loading" } : s));
    await run(new AbortController().signal);
  }, [run]);
  const set = useCallback((value: T) => {
    generation.current++;
    hasValue.current = true;
    setState({ kind: "ready", value });
  }, []);
  return { state, reload, set };
}
