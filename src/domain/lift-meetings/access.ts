/**
 * Who may do what with a LIFT meeting (contract in [the lift-meetings README](../../server/features/lift-meetings/README.md)).
 * Pure: the server calls it on every request with the caller from the People list. A meeting the
 * caller may not see answers 404, never 403, so a meeting elsewhere is not disclosed.
 */
import type { Person } from "../../schemas/reference/person";

export interface MeetingScope {
  districtSlug: string;
  chairOid?: string;
  /** The area of the meeting's district: only an Area LIFT Forum's access needs it. */
  area?: string;
}

export interface MeetingAccess {
  /** Meeting detail, agenda and stage. */
  read: boolean;
  /** Child names and question text on the agenda (district members only). */
  names: boolean;
  /** Current case, agenda order, outcomes as drafts, attendance, moving a case. */
  run: boolean;
  /** Plan, move and cancel meetings. */
  plan: boolean;
  /** Approve an outcome. */
  approve: boolean;
}

const NONE: MeetingAccess = { read: false, names: false, run: false, plan: false, approve: false };
const READ_ANONYMISED: MeetingAccess = { read: true, names: false, run: false, plan: false, approve: false };

const MEMBER_ROLES: ReadonlySet<Person["role"]> = new Set(["district_lead", "specialist_teacher", "lift_member"]);

export function isDistrictMember(person: Person, districtSlug: string): boolean {
  return MEMBER_ROLES.has(person.role) && person.districtSlug === districtSlug;
}

/** The district's lead, or a commissioner: the people who plan a district's meetings. */
export function canPlanDistrict(person: Person, districtSlug: string): boolean {
  return person.role === "commissioner" || (person.role === "district_lead" && person.districtSlug === districtSlug);
}

export function meetingAccess(person: Person, meeting: MeetingScope): MeetingAccess {
  if (person.role === "commissioner") return { read: true, names: false, run: false, plan: true, approve: false };
  // The SLA's read-only roles see anonymised agendas, never a write: a district's LIFT Executive and an
  // SLA-holding headteacher their district's, an Area LIFT Forum its area's, a LIFT Executive member
  // given no district the county's ([Oversight](../../../docs/reference/service.md#oversight-lift-executives-area-forums-sla-holding-heads)).
  if (readsAnonymised(person, meeting)) return READ_ANONYMISED;
  if (!isDistrictMember(person, meeting.districtSlug)) return NONE;
  const lead = person.role === "district_lead";
  return { read: true, names: true, run: true, plan: lead, approve: lead || (meeting.chairOid !== undefined && meeting.chairOid === person.oid) };
}

/**
 * What a refused request answers: "not_found" when the caller may not even see the meeting (or the
 * district), "forbidden" when they see it but may not do this.
 */
export function refusalFor(access: MeetingAccess): "not_found" | "forbidden" {
  return access.read ? "forbidden" : "not_found";
}

/** Whether one of the SLA's read-only roles may read this meeting's anonymised agenda. */
function readsAnonymised(person: Person, meeting: MeetingScope): boolean {
  switch (person.role) {
    case "lift_executive":
      return !person.districtSlug || person.districtSlug === meeting.districtSlug;
    case "sla_headteacher":
      return person.districtSlug === meeting.districtSlug;
    case "area_lift_forum":
      return person.areaName !== undefined && person.areaName === meeting.area;
    default:
      return false;
  }
}
