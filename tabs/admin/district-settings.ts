/**
 * A district's schools and settings with their localities, from the settings register (commissioners,
 * as localities and splits are). Apart from the admin client so that only the forms that pick
 * settings load the register's contract, not the calendar the tab opens on.
 */
import { useMemo } from "react";
import { useSession } from "../shell";
import { settingsRegisterApi } from "../../src/schemas/settings-register/api";
import type { Setting } from "../../src/schemas/reference/setting";

export type { Setting };

export function useDistrictSettings(): (district: string) => Promise<Setting[]> {
  const { api } = useSession();
  return useMemo(() => (district: string) => api.call(settingsRegisterApi.register, { query: { district } }).then((r) => r.settings ?? []), [api]);
}
