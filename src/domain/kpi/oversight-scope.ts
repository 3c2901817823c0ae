/**
 * The part of the county a person reads the KPI summary for: commissioners the county; a LIFT
 * Executive member their district, or the county when given none; an Area LIFT Forum its area; an
 * SLA-holding headteacher their district ("Oversight" in [service.md](../../../docs/reference/service.md)).
 * Everyone else reads no summary. One rule for every report that follows the summary's reach.
 */
import type { Person } from "../../schemas/reference/person";

export interface SummaryScope {
  area?: string;
  district?: string;
}

/** The summary scope of `p`, or undefined when their role reads no summary. */
export function summaryScopeOf(p: Pick<Person, "role" | "districtSlug" | "areaName">): SummaryScope | undefined {
  switch (p.role) {
    case "commissioner":
      return {};
    case "lift_executive":
      return p.districtSlug ? { district: p.districtSlug } : {};
    case "area_lift_forum":
      return { area: p.areaName };
    case "sla_headteacher":
      return { district: p.districtSlug };
    default:
      return undefined;
  }
}

/** Whether a district lies within a scope. */
export function inSummaryScope(scope: SummaryScope, district: { slug: string; area: string }): boolean {
  return (!scope.district || scope.district === district.slug) && (!scope.area || scope.area === district.area);
}
