import { useMemo } from "react";
import { useReferenceData } from "./use-reference-data";
import { currentView } from "./views";

/** This page's `?view=` and `?district=`, the district looked up in the reference data. */
export function useCurrentView(): ReturnType<typeof currentView> {
  const { districts } = useReferenceData();
  return useMemo(() => currentView(districts, window.location.search), [districts]);
}
