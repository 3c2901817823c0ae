/**
 * The lists behind referrals: the records (src/schemas/referrals/records.ts) with the columns that
 * filters need promoted and indexed.
 */
import { defineList } from "../../../graph/list-definition";
import { CaseReferenceItem, MeetingPlaceItem, ReferralItem } from "../../../schemas/referrals/records";

export { CaseReferenceItem, HistoryEntry, MeetingPlaceItem, Outcome, ReferralItem } from "../../../schemas/referrals/records";

export const ReferralsList = defineList({
  title: "Referrals",
  description: "LIFT referrals from schools and early years settings. Holds children's data: access only through LIFT Hub.",
  schema: ReferralItem,
  // Never the child's name: list titles show in SharePoint views and search.
  itemTitle: (r) => r.caseReference ?? `Draft ${r.settingId}`,
  indexed: ["settingId", "districtSlug", "status", "meetingId", "createdByOid"],
  unique: ["caseReference"],
});

export const CaseReferencesList = defineList({
  title: "CaseReferences",
  description: "Case references handed out to submitted referrals (DOV-2526-0042).",
  schema: CaseReferenceItem,
  itemTitle: (c) => c.reference,
  indexed: ["districtCode", "academicYear"],
  unique: ["reference"],
});

/**
 * One item per place a SENCo's referral takes on a LIFT meeting. `place` is unique
 * (`<meetingId>:<sencoOid>:<1..limit>`), so two submissions at once cannot both take the last
 * place: the per-SENCo limit holds without a transaction. A place whose referral is no longer on
 * the meeting is stale and is freed by the next claim (see ReferralService.claimMeetingPlace).
 */
export const MeetingPlacesList = defineList({
  title: "MeetingPlaces",
  description: "Places taken by each SENCo's referrals on each LIFT meeting (enforces the per-SENCo limit).",
  schema: MeetingPlaceItem,
  itemTitle: (p) => p.place,
  indexed: ["meetingId", "referralId"],
  unique: ["place"],
});

export const meetingPlace = (meetingId: string, sencoOid: string, slot: number) => `${meetingId}:${sencoOid}:${slot}`;
