import { z } from "zod";
import { AreaName } from "./district";

/**
 * Roles in LIFT Hub. A person's role, district and setting come from the People list or,
 * before that, the reference data — never from the request.
 */
export const ROLES = ["commissioner", "district_lead", "specialist_teacher", "lift_member", "senco", "lift_executive", "area_lift_forum", "sla_headteacher"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  commissioner: "Commissioner",
  district_lead: "District STLS lead",
  specialist_teacher: "Specialist teacher (LIFT member)",
  lift_member: "LIFT member",
  senco: "SENCo",
  lift_executive: "LIFT Executive",
  area_lift_forum: "Area LIFT Forum",
  sla_headteacher: "SLA-holding headteacher",
};

/**
 * The two countywide STLS teams. They take referrals directly (not through district LIFT) and work
 * across every district; a member keeps a home district for everything else.
 */
export const COUNTY_TEAMS = [
  { value: "sensory", label: "County sensory team" },
  { value: "physical-disability", label: "County physical disability team" },
] as const;
export const CountyTeamName = z.enum(["sensory", "physical-disability"], { message: "Choose the sensory or the physical disability team" });
export type CountyTeamName = z.infer<typeof CountyTeamName>;

/**
 * Roles the service level agreement gives a read-only, anonymised view: a district's LIFT Executive
 * (its district's figures and anonymised agendas; the county's when given no district), an Area LIFT
 * Forum (its area's), an SLA-holding headteacher (their district's). Every write is refused to them:
 * access checks name the roles that may write.
 */
export const READ_ONLY_ROLES = ["lift_executive", "area_lift_forum", "sla_headteacher"] as const satisfies readonly Role[];

/** Roles that need no district (a whole county or an area instead; a LIFT Executive member may name one). */
const NO_DISTRICT_ROLES: ReadonlySet<Role> = new Set(["commissioner", "lift_executive", "area_lift_forum"]);

export const Person = z
  .object({
    /** Entra object id (a GUID); for demo users a stable GUID derived from the sign-in name. */
    oid: z.guid(),
    /** User principal name / sign-in name, lower case. */
    upn: z.string().trim().toLowerCase().email().max(256),
    displayName: z.string().trim().min(1).max(120),
    role: Role,
    /** District slug; required for leads, LIFT members and SENCos. */
    districtSlug: z.string().regex(/^[a-z]+(-[a-z]+)*$/).optional(),
    /** Setting id (e.g. DOV-P1); required for SENCos. */
    settingId: z.string().regex(/^[A-Z]{3}-[A-Z]\d+$/).optional(),
    /** Member of a countywide team (specialist teachers and leads only); absent for the district STLS. */
    countyTeam: CountyTeamName.optional(),
    /** The area of an Area LIFT Forum member. */
    areaName: AreaName.optional(),
    /** The LIFT groups (meeting series) this person chairs, by name. */
    chairOf: z.array(z.string().trim().min(1).max(80)).max(20).optional(),
    /** When set, the person has left: they sign in to nothing and get no reminders. */
    deactivatedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((p, ctx) => {
    if (!NO_DISTRICT_ROLES.has(p.role) && !p.districtSlug) {
      ctx.addIssue({ code: "custom", path: ["districtSlug"], message: `A ${p.role} must belong to a district` });
    }
    if (p.role === "senco" && !p.settingId) {
      ctx.addIssue({ code: "custom", path: ["settingId"], message: "A SENCo must belong to a school or setting" });
    }
    if (p.countyTeam && p.role !== "specialist_teacher" && p.role !== "district_lead") {
      ctx.addIssue({ code: "custom", path: ["countyTeam"], message: "Only specialist teachers and leads belong to a county team" });
    }
    if (p.role === "area_lift_forum" && !p.areaName) {
      ctx.addIssue({ code: "custom", path: ["areaName"], message: "An Area LIFT Forum member must belong to an area" });
    }
  });
export type Person = z.infer<typeof Person>;
