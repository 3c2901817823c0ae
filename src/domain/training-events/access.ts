/**
 * Who sees and records training sessions and transition events: the district's lead and specialist
 * teachers read and write their own district's; commissioners read every district's and write
 * none; anyone else (SENCos, LIFT members, read-only roles) has no access. A record of another
 * district is "not found" to a district member, never "forbidden", so ids reveal nothing.
 */
export interface TrainingCaller {
  role: string;
  districtSlug?: string;
}

export type DistrictAccess = "none" | "read" | "write";

export function districtAccess(caller: TrainingCaller, districtSlug: string): DistrictAccess {
  if (caller.role === "commissioner") return "read";
  if ((caller.role === "district_lead" || caller.role === "specialist_teacher") && caller.districtSlug === districtSlug) return "write";
  return "none";
}

/** Any access at all: the roles that use the feature. */
export function usesTraining(caller: TrainingCaller): boolean {
  return caller.role === "commissioner" || caller.role === "district_lead" || caller.role === "specialist_teacher";
}
