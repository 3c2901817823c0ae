import { Router } from "express";
import type { PeopleDirectory } from "../../../auth/people-directory";
import { AppError } from "../../../errors";
import { ROLES, type Person, type Role } from "../../../schemas/reference/person";
import { currentUser } from "../authenticate";

/** The roles of a district's LIFT team: the only people this endpoint lists. */
const TEAM_ROLES: readonly Role[] = ["district_lead", "specialist_teacher", "lift_member"];

/** Who may list a district's team: its own members, and commissioners (they plan meetings too). */
function canList(caller: Person, districtSlug: string): boolean {
  if (caller.role === "commissioner") return true;
  return TEAM_ROLES.includes(caller.role) && caller.districtSlug === districtSlug;
}

/**
 * GET /api/people?district=<slug>[&role=specialist_teacher[,lift_member…]]: a district's LIFT team
 * (lead, specialist teachers, LIFT members) for the chair and "allocated specialist teacher" selects.
 * Object id, name and role only — no sign-in names, no SENCos. Anyone else, or another district: 404.
 */
export function peopleRoutes(people: PeopleDirectory) {
  const router = Router();
  router.get("/people", async (req, res) => {
    const caller = currentUser(req);
    const district = typeof req.query.district === "string" ? req.query.district : "";
    if (!/^[a-z]+(-[a-z]+)*$/.test(district)) {
      throw new AppError("validation_failed", "Name the district.", { fieldErrors: { district: ["Send the district's slug, e.g. dover"] } });
    }
    const asked = typeof req.query.role === "string" && req.query.role !== "" ? req.query.role.split(",") : [...TEAM_ROLES];
    const unknown = asked.filter((r) => !(ROLES as readonly string[]).includes(r) || !TEAM_ROLES.includes(r as Role));
    if (unknown.length > 0) {
      throw new AppError("validation_failed", "Ask for LIFT team roles only.", {
        fieldErrors: { role: [`Not a LIFT team role: ${unknown.join(", ")} (use ${TEAM_ROLES.join(", ")})`] },
      });
    }
    if (!canList(caller, district)) throw new AppError("not_found", "There is no such district team.");
    const items = (await people.list())
      .filter((p) => p.districtSlug === district && asked.includes(p.role))
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .map((p) => ({ oid: p.oid, displayName: p.displayName, role: p.role }));
    res.json({ items });
  });
  return router;
}
