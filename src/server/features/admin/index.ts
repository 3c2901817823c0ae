/**
 * The administration feature: the calendar (terms, bank holidays, district days, monitoring
 * meetings) and the people who may use the app, kept by commissioners (and leads, for their own
 * district) in the admin tab. README.md in this folder has the design.
 */
import type { RouteTable } from "../../app/define-routes";
import type { FeatureContext } from "../../core/feature-context";
import { CalendarAdminService, type CalendarDependents } from "./calendar-service";
import type { DirectoryLookup } from "./directory";
import { PeopleAdminService } from "./people-service";
import { adminRoutes } from "./routes";
import { structureRoutes } from "./structure-routes";
import { StructureAdminService, type StructureDependents } from "./structure-service";

export { graphDirectory, localDirectory, localObjectId, type DirectoryLookup, type DirectoryUser } from "./directory";
export type { CalendarDependents } from "./calendar-service";
export type { StructureDependents } from "./structure-service";

export interface AdminFeature {
  calendar: CalendarAdminService;
  people: PeopleAdminService;
  structure: StructureAdminService;
  routes: RouteTable;
}

/**
 * `dependents` are the reminders already planned and the LIFT meetings (for the preview);
 * `directory` finds people's object ids; `meetings` are the LIFT meetings the cadence check counts.
 */
export function createAdminFeature(ctx: FeatureContext, deps: { dependents: CalendarDependents; directory: DirectoryLookup; meetings: StructureDependents }): AdminFeature {
  const calendar = new CalendarAdminService(ctx, deps.dependents);
  const people = new PeopleAdminService(ctx);
  const structure = new StructureAdminService(ctx, deps.meetings);
  return { calendar, people, structure, routes: [...adminRoutes(calendar, people, deps.directory), ...structureRoutes(structure)] };
}
