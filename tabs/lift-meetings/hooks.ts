/** The LIFT meetings API for the views, and a ticking clock for the timers (loading is the shell's useLoad). */
import { useEffect, useMemo, useState } from "react";
import { useSession } from "../shell";
import { liftMeetingsApi, type LiftMeetingsApi } from "./api";

export function useLiftApi(): LiftMeetingsApi {
  const { api } = useSession();
  return useMemo(() => liftMeetingsApi(api), [api]);
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
