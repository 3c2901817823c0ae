import { useEffect, useState } from "react";
import type { DistrictPerson } from "../api";
import { useLiftApi } from "../hooks";

const TEAM_ROLES = ["district_lead", "specialist_teacher", "lift_member"];

/** The district's LIFT team (GET /api/people): chairs and allocated specialist teachers are chosen from it. */
export function useDistrictTeam(districtSlug: string, enabled = true, roles: string[] = TEAM_ROLES): DistrictPerson[] {
  const lift = useLiftApi();
  const [people, setPeople] = useState<DistrictPerson[]>([]);
  const roleKey = roles.join(",");
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    lift
      .people(districtSlug, roleKey.split(","))
      .then((items) => !cancelled && setPeople(items))
      .catch((error: unknown) => console.warn("LIFT Hub: could not load the district's LIFT team", error));
    return () => {
      cancelled = true;
    };
  }, [lift, districtSlug, enabled, roleKey]);
  return people;
}
