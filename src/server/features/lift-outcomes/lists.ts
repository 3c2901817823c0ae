/**
 * The lists behind LIFT outcome records and meeting attendance: the records
 * (src/schemas/lift-outcomes/records.ts) with the columns reads filter on indexed.
 */
import { defineList } from "../../../graph/list-definition";
import { LiftAttendanceItem, LiftOutcomeItem } from "../../../schemas/lift-outcomes/records";

export { LiftAttendanceItem, LiftOutcomeItem } from "../../../schemas/lift-outcomes/records";

export const LiftOutcomesList = defineList({
  title: "LiftOutcomes",
  description: "LIFT outcome records, one per case (draft or approved). Holds children's data: access only through LIFT Hub.",
  schema: LiftOutcomeItem,
  // Never the child's name: list titles show in SharePoint views and search.
  itemTitle: (o) => `Outcome for referral ${o.referralId}`,
  indexed: ["meetingId", "districtSlug", "status"],
  unique: ["referralId"],
});

export const LiftAttendanceList = defineList({
  title: "LiftAttendance",
  description: "Who attended each LIFT meeting: professionals and the schools/settings present.",
  schema: LiftAttendanceItem,
  itemTitle: (a) => `Attendance for meeting ${a.meetingId}`,
  indexed: ["districtSlug"],
  unique: ["meetingId"],
});
