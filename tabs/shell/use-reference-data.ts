import { createContext, useContext } from "react";
import type { ReferenceData } from "./reference-data";

export const ReferenceDataContext = createContext<ReferenceData | undefined>(undefined);

/** The districts, areas and terms, loaded once per page by the shell; only inside <Shell>. */
export function useReferenceData(): ReferenceData {
  const reference = useContext(ReferenceDataContext);
  if (!reference) throw new Error("useReferenceData() must be used inside <Shell> once the user is signed in.");
  return reference;
}
