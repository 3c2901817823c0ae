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

export { graphDirectory, localDirectory, localObjectId, type DirectoryLookup, type DirectoryUser } from "./directory";
export type { CalendarDependents } from "./calendar-service";

export interface AdminFeature {
  calendar: CalendarAdminService;
  people: PeopleAdminService;
  routes: RouteTable;
}

/** `dependents` are the reminders already planned and the LIFT meetings (for the preview); `directory` finds people's object ids. */
export function createAdminFeature(ctx: FeatureContext, deps: { dependents: CalendarDependents; directory: DirectoryLookup }): AdminFeature {
  const calendar = new CalendarAdminService(ctx, deps.dependents);
  const people = new PeopleAdminService(ctx);
  return { calendar, people, routes: adminRoutes(calendar, people, deps.directory) };
}
