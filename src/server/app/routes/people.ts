import type { PeopleDirectory } from "../../../auth/people-directory";
import { AppError } from "../../../errors";
import { coreApi, TEAM_ROLES } from "../../../schemas/core/api";
import type { Person } from "../../../schemas/reference/person";
import { defineRoutes, type RouteTable } from "../define-routes";

/** Who may list a district's team: its own members, and commissioners (they plan meetings too). */
function canList(caller: Person, districtSlug: string): boolean {
  if (caller.role === "commissioner") return true;
  return (TEAM_ROLES as readonly string[]).includes(caller.role) && caller.districtSlug === districtSlug;
}

/**
 * GET /api/people?district=<slug>[&role=specialist_teacher[,lift_member…]]: a district's LIFT team
 * (lead, specialist teachers, LIFT members) for the chair and "allocated specialist teacher" selects.
 * Members of the countywide teams are not on a district's LIFT team (they take referrals directly).
 * Object id, name and role only — no sign-in names, no SENCos. Anyone else, or another district: 404.
 */
export function peopleRoutes(people: PeopleDirectory): RouteTable {
  return defineRoutes({ people: coreApi.people }, {
    people: async ({ user, query }) => {
      if (!canList(user, query.district)) throw new AppError("not_found", "There is no such district team.");
      const asked: readonly string[] = query.role;
      const items = (await people.list())
        .filter((p) => p.districtSlug === query.district && !p.countyTeam && asked.includes(p.role))
        .sort((a, b) => a.displayName.localeCompare(b.displayName))
        .map((p) => ({ oid: p.oid, displayName: p.displayName, role: p.role }));
      return { items };
    },
  });
}
