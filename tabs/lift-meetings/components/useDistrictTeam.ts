import { useEffect } from "react";
import { useLoad } from "../../shell";
import type { DistrictPerson } from "../api";
import { useLiftApi } from "../hooks";

const TEAM_ROLES = ["district_lead", "specialist_teacher", "lift_member"];
const NOBODY: DistrictPerson[] = [];

/**
 * The district's LIFT team (GET /api/people): chairs and allocated specialist teachers are chosen
 * from it. Until it comes (or if it does not) the selects offer nobody but whoever is already
 * chosen, so this only logs a failure rather than showing one.
 */
export function useDistrictTeam(districtSlug: string, enabled = true, roles: string[] = TEAM_ROLES): DistrictPerson[] {
  const lift = useLiftApi();
  const roleKey = roles.join(",");
  const { state } = useLoad(enabled ? `${districtSlug}|${roleKey}` : undefined, () => lift.people(districtSlug, roleKey.split(",")));
  useEffect(() => {
    if (state.kind === "error") console.warn("LIFT Hub: could not load the district's LIFT team:", state.message);
  }, [state]);
  return state.kind === "ready" ? state.value : NOBODY;
}
