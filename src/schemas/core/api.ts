/**
 * The shared API routes' contract (src/server/app/routes): who am I, a district's LIFT team, the
 * reference data the tabs pick from, health and the OpenAPI document itself.
 */
import { z } from "zod";
import { DistrictSlugParam, Instant, route } from "./contract";
import { ROLES, Role } from "../reference/person";

/** The roles of a district's LIFT team: the only people GET /api/people lists. */
export const TEAM_ROLES = ["district_lead", "specialist_teacher", "lift_member"] as const satisfies readonly Role[];
export type TeamRole = (typeof TEAM_ROLES)[number];

export const Me = z.object({
  oid: z.string(),
  upn: z.string(),
  displayName: z.string(),
  role: Role,
  roleLabel: z.string(),
  district: z.object({ slug: z.string(), name: z.string(), code: z.string(), area: z.string() }).optional(),
  setting: z.object({ id: z.string(), name: z.string(), phase: z.string() }).optional(),
  /** A member of a countywide team ("sensory", "physical-disability"). */
  countyTeam: z.string().optional(),
  /** The area of an Area LIFT Forum member. */
  area: z.string().optional(),
});
export type Me = z.infer<typeof Me>;

export const PeopleQuery = z.object({
  district: DistrictSlugParam.meta({ description: "The district whose LIFT team to list" }),
  role: z
    .string()
    .optional()
    .transform((value, ctx): TeamRole[] => {
      const asked = value ? value.split(",") : [...TEAM_ROLES];
      const unknown = asked.filter((r) => !(TEAM_ROLES as readonly string[]).includes(r));
      if (unknown.length > 0) ctx.addIssue({ code: "custom", message: `Not a LIFT team role: ${unknown.join(", ")} (use ${TEAM_ROLES.join(", ")})` });
      return asked.filter((r): r is TeamRole => (TEAM_ROLES as readonly string[]).includes(r));
    })
    .meta({ description: `Comma-separated team roles (${TEAM_ROLES.join(", ")}); default all of them` }),
});

export const TeamMember = z.object({ oid: z.string(), displayName: z.string(), role: z.enum(ROLES) });
export type TeamMember = z.infer<typeof TeamMember>;

export const Health = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  startedAt: Instant,
  checks: z.record(z.string(), z.string()),
  /** Problems that do not stop the app serving, e.g. "People item 12 does not match its schema (districtSlug); it is skipped". */
  warnings: z.array(z.string()).optional(),
});

/** What the tabs' pickers need: districts grouped by area, and the terms a return or summary can be for. */
export const ReferenceAnswer = z.object({
  districts: z.array(z.object({ slug: z.string(), name: z.string(), area: z.string() })),
  areas: z.array(z.string()),
  terms: z.array(z.object({ academicYear: z.string(), term: z.number().int(), start: z.string(), end: z.string() })),
});
export type ReferenceAnswer = z.infer<typeof ReferenceAnswer>;

export const coreApi = {
  me: route("GET /me", "Who the server believes the caller is, from the people data (role, district, setting)", { responses: { 200: Me }, errors: [403] }),
  people: route("GET /people", "A district's LIFT team (object id, name, role) for the chair and allocated-teacher selects; another district is 404", { query: PeopleQuery, responses: { 200: z.object({ items: z.array(TeamMember) }) }, errors: [404] }),
  reference: route("GET /reference", "The districts (slug, name, area) and areas from the Districts list, and this and next academic year's terms (any signed-in user)", { responses: { 200: ReferenceAnswer } }),
  health: route("GET /health", "200 once the app can serve; 503 with the failing checks otherwise (no sign-in; also at /healthz)", { public: true, responses: { 200: Health, 503: Health } }),
  openApi: route("GET /openapi.json", "This document: every API route with its parameters, bodies, answers and errors", { responses: { 200: z.record(z.string(), z.unknown()) } }),
} as const;
