/**
 * Who may read and write a LIFT meeting's outcome records and attendance (contract in
 * [the lift-meetings README](../../server/features/lift-meetings/README.md) "Access"), derived from the one meeting policy in
 * access.ts. Pure: the server calls it on every request with the caller from the People list and
 * the meeting it names. `read: "none"` is answered 404, so a meeting of another district is not
 * disclosed.
 */
import type { Person } from "../../schemas/reference/person";
import { isDistrictMember, meetingAccess, type MeetingScope } from "../lift-meetings/access";

export type OutcomeMeetingScope = MeetingScope;

export interface OutcomeAccess {
  /** full: the whole record; categories: the outcome categories only (no free text); none: 404. */
  read: "full" | "categories" | "none";
  /** Save a draft outcome, attendance, mark an action done. */
  write: boolean;
  /** Approve an outcome (and change one already approved). */
  approve: boolean;
}

export function outcomeAccess(person: Person, meeting: OutcomeMeetingScope): OutcomeAccess {
  const access = meetingAccess(person, meeting);
  // Commissioners read a meeting without names; of its outcomes they see the categories only.
  const read = !access.read ? "none" : access.names ? "full" : "categories";
  return { read, write: access.run, approve: access.approve };
}

/**
 * Overdue actions and meeting counts of a district: its members and commissioners. Commissioners'
 * overdue lists carry no free text (an action's description or owner can name a child or family).
 */
export function districtReportAccess(person: Person, districtSlug: string): "full" | "anonymised" | "none" {
  if (person.role === "commissioner") return "anonymised";
  return isDistrictMember(person, districtSlug) ? "full" : "none";
}
