import { coreApi, type ReferenceAnswer } from "../../../schemas/core/api";
import { AREAS } from "../../../schemas/reference/district";
import { areasOf } from "../../../domain/structure/structure";
import { academicYearOf, nextAcademicYear } from "../../../domain/time/academic-year";
import { ukToday } from "../../../domain/time/uk-clock";
import type { ReferenceData } from "../../core/reference-data";
import { defineRoutes, type RouteTable } from "../define-routes";

export type { ReferenceAnswer };

/**
 * GET /api/reference: the districts (slug, name, area) and areas from the Districts list, and the
 * terms of the current and next academic year from the reporting calendar (the Terms list), so the tabs follow the lists
 * (the source of truth) instead of a copy built into the page. Any signed-in user: none of it is
 * personal.
 */
export function referenceRoutes(reference: Pick<ReferenceData, "districts" | "calendar">, now: () => Date = () => new Date()): RouteTable {
  return defineRoutes({ reference: coreApi.reference }, {
    reference: async () => {
      const current = academicYearOf(ukToday(now()));
      const years = new Set([current, nextAcademicYear(current)]);
      const [districts, { terms }] = await Promise.all([reference.districts(), reference.calendar()]);
      return {
        districts: districts.map((d) => ({ slug: d.slug, name: d.name, area: d.area })),
        // The areas in their usual order (East, West, North, South), then any added, only those with a district.
        areas: areasOf(districts, AREAS),
        terms: terms.filter((t) => years.has(t.academicYear)).map((t) => ({ academicYear: t.academicYear, term: t.term, start: t.start, end: t.end })),
      };
    },
  });
}
