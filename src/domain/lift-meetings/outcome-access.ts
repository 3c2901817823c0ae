/**
 * Who may read and write a LIFT meeting's outcome records and attendance (issue 5; contract in
 * src/server/features/lift-meetings/README.md "Access"). Pure: the server calls it on every
 * request with the caller from the People list and the meeting it names. `read: "none"` is
 * answered 404, so a meeting of another district is not disclosed.
 */
import type { Person } from "../../schemas/person";

export interface OutcomeMeetingScope {
  districtSlug: string;
  chairOid?: string;
}

export interface OutcomeAccess {
  /** full: the whole record; categories: the outcome categories only (no free text); none: 404. */
  read: "full" | "categories" | "none";
  /** Save a draft outcome, attendance, mark an action done. */
  write: boolean;
  /** Approve an outcome (and change one already approved). */
  approve: boolean;
}

const NONE: OutcomeAccess = { read: "none", write: false, approve: false };

export function isDistrictMember(person: Person, districtSlug: string): boolean {
  return (person.role === "district_lead" || person.role === "specialist_teacher" || person.role === "lift_member") && person.districtSlug === districtSlug;
}

export function outcomeAccess(person: Person, meeting: OutcomeMeetingScope): OutcomeAccess {
  if (person.role === "commissioner") return { read: "categories", write: false, approve: false };
  if (!isDistrictMember(person, meeting.districtSlug)) return NONE;
  const approve = person.role === "district_lead" || (meeting.chairOid !== undefined && meeting.chairOid === person.oid);
  return { read: "full", write: true, approve };
}

/**
 * Overdue actions and meeting counts of a district: its members and commissioners. Commissioners'
 * overdue lists carry no free text (an action's description or owner can name a child or family).
 */
export function districtReportAccess(person: Person, districtSlug: string): "full" | "anonymised" | "none" {
  if (person.role === "commissioner") return "anonymised";
  return isDistrictMember(person, districtSlug) ? "full" : "none";
}
