/** The administration API (contract: src/schemas/admin/api.ts). */
import { adminApi } from "../../../schemas/admin/api";
import { defineRoutes, reply, type RouteTable } from "../../app/define-routes";
import type { CalendarAdminService } from "./calendar-service";
import type { DirectoryLookup } from "./directory";
import type { PeopleAdminService } from "./people-service";
import { AppError } from "../../../errors";

export function adminRoutes(calendar: CalendarAdminService, people: PeopleAdminService, directory: DirectoryLookup): RouteTable {
  return defineRoutes(adminApi, {
    calendarYear: ({ user, params }) => calendar.year(user, params.year),
    previewYear: ({ user, params, body }) => calendar.preview(user, params.year, body.terms),
    saveYear: ({ user, params, body }) => calendar.save(user, params.year, body.terms),
    importBankHolidays: ({ user, body }) => calendar.importBankHolidays(user, body),
    setDistrictDay: ({ user, params, body }) => calendar.setDistrictDay(user, params.district, params.date, body),
    removeDistrictDay: async ({ user, params }) => {
      await calendar.removeDistrictDay(user, params.district, params.date);
      return reply(204, undefined);
    },
    setMonitoring: ({ user, params, body }) => calendar.setMonitoring(user, params.district, params.year, params.covers, body),
    coverage: () => calendar.coverage(),
    listPeople: async ({ user, query }) => ({ items: await people.list(user, query) }),
    addPerson: async ({ user, body }) => reply(201, await people.add(user, body)),
    updatePerson: ({ user, params, body }) => people.update(user, params.oid, body),
    deactivatePerson: ({ user, params }) => people.setActive(user, params.oid, false),
    reactivatePerson: ({ user, params }) => people.setActive(user, params.oid, true),
    importPeople: ({ user, body }) => people.importCsv(user, body.csv),
    directory: async ({ user, query }) => {
      if (user.role !== "commissioner" && user.role !== "district_lead") throw new AppError("forbidden", "Only commissioners and district leads look people up.");
      return { items: await directory.search(query.q) };
    },
  });
}
