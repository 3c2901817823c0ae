/** Loading and polling for the LIFT meeting views. */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { errorMessage, useSession } from "../shell";
import { liftMeetingsApi, type LiftMeetingsApi } from "./api";

export function useLiftApi(): LiftMeetingsApi {
  const { api } = useSession();
  return useMemo(() => liftMeetingsApi(api), [api]);
}

export type Loaded<T> = { kind: "loading" } | { kind: "error"; message: string; status?: number } | { kind: "ready"; value: T };

/**
 * Load once per `key`, and again every `pollMs` when given (the side panel follows the running order,
 * the stage the current case). A poll that fails keeps the last good answer: a blip must not blank a
 * meeting in progress.
 */
export function usePolled<T>(
  key: string | undefined,
  load: (signal: AbortSignal) => Promise<T>,
  pollMs?: number,
): { state: Loaded<T>; reload: () => Promise<void>; set: (value: T) => void } {
  const [state, setState] = useState<Loaded<T>>({ kind: "loading" });
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
      const status = typeof error === "object" && error !== null && "status" in error ? Number((error as { status: unknown }).status) : undefined;
      setState({ kind: "error", message: errorMessage(error), status });
    }
  }, []);

  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    hasValue.current = false;
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

  const reload = useCallback(() => run(new AbortController().signal), [run]);
  const set = useCallback((value: T) => {
    // A write's answer is newer than any poll in flight.
    generation.current++;
    hasValue.current = true;
    setState({ kind: "ready", value });
  }, []);
  return { state, reload, set };
}

/** The time now, ticking every `ms` (timers). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
