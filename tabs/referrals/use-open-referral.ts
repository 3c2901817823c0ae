import { useState } from "react";
import { errorMessage } from "../shell";
import type { ReferralRecord, ReferralSummary, referralsApi } from "./api";

/**
 * Opening a referral from a list: fetch the full record, say which one is on its way, and keep
 * why it failed for the list's "Could not open the referral" message.
 */
export function useOpenReferral(rapi: ReturnType<typeof referralsApi>, onOpened: (record: ReferralRecord) => void) {
  const [opening, setOpening] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const open = async (item: ReferralSummary) => {
    setOpening(item.id);
    setError(undefined);
    try {
      onOpened(await rapi.get(item.id));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setOpening(undefined);
    }
  };
  return { open, opening, error };
}
