/** The list behind LIFT meetings: the meeting record (src/schemas/lift-meetings/meeting.ts) with the columns filters need indexed. */
import { defineList } from "../../../graph/list-definition";
import { LiftMeetingItem } from "../../../schemas/lift-meetings/meeting";

export { LiftMeetingItem } from "../../../schemas/lift-meetings/meeting";

export const LiftMeetingsList = defineList({
  title: "LiftMeetings",
  description: "LIFT meetings of each district (school and early years).",
  schema: LiftMeetingItem,
  itemTitle: (m) => m.title,
  indexed: ["districtSlug", "startsAt", "status"],
  columns: { title: { name: "MeetingTitle" } },
});

export const LIFT_MEETING_LISTS = [LiftMeetingsList] as const;
