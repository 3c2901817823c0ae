/**
 * Finding everything held about one child, by case reference, across every list that can hold a
 * child's data: Referrals (with CaseReferences and MeetingPlaces), LiftMeetings (the case's meeting
 * only, without other cases), LiftOutcomes, LiftAttendance, Cases, CaseReviews, CaseVisits, Clinics
 * (only the entries about the child's cases), the reminders' outbox and the AuditLog. The lists
 * come from the composition root (this feature imports no other feature).
 */
import type { z } from "zod";
import type { Item, ListStore } from "../../../graph/list-store";
import type { CaseItem, ClinicItem, ReviewItem, VisitItem } from "../../../schemas/casework/records";
import type { AuditEntry } from "../../../schemas/core/audit-entry";
import type { HeldRecord, SubjectAccessSection } from "../../../schemas/data-protection/api";
import type { LiftMeetingItem } from "../../../schemas/lift-meetings/meeting";
import type { LiftAttendanceItem, LiftOutcomeItem } from "../../../schemas/lift-outcomes/records";
import type { CaseReferenceItem, MeetingPlaceItem, ReferralItem } from "../../../schemas/referrals/records";
import type { OutboxItem } from "../../../schemas/reminders/records";
import type { ReferralDocumentItem } from "../../../schemas/referral-documents/records";
import type { AuditLogList } from "../../core/lists";

/** The lists that can hold a child's data, handed in by the composition root. */
export interface ChildDataStores {
  referrals: ListStore<typeof ReferralItem>;
  caseReferences: ListStore<typeof CaseReferenceItem>;
  meetingPlaces: ListStore<typeof MeetingPlaceItem>;
  meetings: ListStore<typeof LiftMeetingItem>;
  outcomes: ListStore<typeof LiftOutcomeItem>;
  attendance: ListStore<typeof LiftAttendanceItem>;
  cases: ListStore<typeof CaseItem>;
  reviews: ListStore<typeof ReviewItem>;
  visits: ListStore<typeof VisitItem>;
  clinics: ListStore<typeof ClinicItem>;
  outbox: ListStore<typeof OutboxItem>;
  /** Files attached to referrals (the referral-documents feature): listed in a subject access, removed with the referral. */
  documents: ReferralDocumentHoldings;
}

/** What the referral-documents feature lets this feature do with a referral's documents. */
export interface ReferralDocumentHoldings {
  readonly listTitle: string;
  held(referralIds: readonly string[]): Promise<Item<ReferralDocumentItem>[]>;
  /** Removes file and record of each; `before` runs first for each (the tombstone: audited before it happens). */
  purge(referralIds: readonly string[], before: (item: Item<ReferralDocumentItem>) => Promise<void>): Promise<number>;
}

const ALL = { pageSize: 5000 } as const;

/** The records of one child, as stored. */
export interface ChildRecords {
  caseReference: string;
  referrals: Item<ReferralItem>[];
  documents: Item<ReferralDocumentItem>[];
  caseReferences: Item<z.infer<typeof CaseReferenceItem>>[];
  meetingPlaces: Item<MeetingPlaceItem>[];
  meetings: Item<LiftMeetingItem>[];
  outcomes: Item<LiftOutcomeItem>[];
  attendance: Item<LiftAttendanceItem>[];
  cases: Item<CaseItem>[];
  reviews: Item<ReviewItem>[];
  visits: Item<VisitItem>[];
  clinics: Item<ClinicItem>[];
  outbox: Item<OutboxItem>[];
}

export function isEmpty(r: ChildRecords): boolean {
  return r.referrals.length === 0 && r.cases.length === 0 && r.outcomes.length === 0;
}

/** Every record held about the child with this case reference. */
export async function childRecords(s: ChildDataStores, caseReference: string): Promise<ChildRecords> {
  const [referrals, caseReferences, cases] = await Promise.all([
    s.referrals.all({ where: { caseReference }, ...ALL }),
    s.caseReferences.all({ where: { reference: caseReference }, ...ALL }),
    s.cases.all({ where: { childRef: caseReference }, ...ALL }),
  ]);
  const referralIds = new Set([...referrals.map((r) => r.id), ...caseReferences.map((c) => c.value.referralId)]);
  for (const c of cases) if (c.value.origin.kind === "lift-outcome") referralIds.add(c.value.origin.referralId);
  // A referral found only through its case reference item or case (e.g. a reference reissued).
  for (const id of referralIds) {
    if (!referrals.some((r) => r.id === id)) {
      const found = await s.referrals.find(id);
      if (found) referrals.push(found);
    }
  }
  const meetingIds = new Set(referrals.map((r) => r.value.meetingId).filter((m): m is string => m !== undefined));
  const caseIds = new Set(cases.map((c) => c.id));
  const perReferral = await Promise.all([...referralIds].map((referralId) => Promise.all([s.outcomes.all({ where: { referralId }, ...ALL }), s.meetingPlaces.all({ where: { referralId }, ...ALL })])));
  const outcomes = perReferral.flatMap(([o]) => o);
  const meetingPlaces = perReferral.flatMap(([, p]) => p);
  for (const o of outcomes) meetingIds.add(o.value.meetingId);
  const perCase = await Promise.all([...caseIds].map((caseId) => Promise.all([s.reviews.all({ where: { caseId }, ...ALL }), s.visits.all({ where: { caseId }, ...ALL })])));
  const districts = new Set([...referrals.map((r) => r.value.districtSlug), ...cases.map((c) => c.value.districtSlug)]);
  const [meetings, attendance, clinics, outbox] = await Promise.all([
    Promise.all([...meetingIds].map((id) => s.meetings.find(id))).then((m) => m.filter((x): x is Item<LiftMeetingItem> => x !== undefined)),
    Promise.all([...meetingIds].map((meetingId) => s.attendance.all({ where: { meetingId }, ...ALL }))).then((a) => a.flat()),
    Promise.all([...districts].map((districtSlug) => s.clinics.all({ where: { districtSlug }, ...ALL }))).then((c) => c.flat().filter((k) => k.value.entries.some((e) => e.caseId !== undefined && caseIds.has(e.caseId)))),
    caseIds.size === 0
      ? []
      : Promise.all([...districts].map((districtSlug) => s.outbox.all({ where: { districtSlug }, ...ALL })))
          .then((rows) => rows.flat().filter((o) => o.value.kind === "review" && (o.value.payload.childRef === caseReference || caseIds.has(String(o.value.payload.caseId))))),
  ]);
  return {
    caseReference,
    referrals,
    documents: await s.documents.held(referrals.map((r) => r.id)),
    caseReferences,
    meetingPlaces,
    meetings,
    outcomes,
    attendance,
    cases,
    reviews: perCase.flatMap(([r]) => r),
    visits: perCase.flatMap(([, v]) => v),
    clinics,
    outbox,
  };
}

/** The audit entries about these records: by item id in their list, or naming the case, referral or case id in their detail. */
export async function auditOf(store: ListStore<typeof AuditLogList.schema>, r: ChildRecords, ownTitles: readonly string[]): Promise<Item<AuditEntry>[]> {
  const byList = new Map<string, Set<string>>([
    ["Referrals", new Set(r.referrals.map((x) => x.id))],
    ["ReferralDocuments", new Set(r.documents.map((x) => x.id))],
    ["LiftOutcomes", new Set(r.outcomes.map((x) => x.id))],
    ["Cases", new Set(r.cases.map((x) => x.id))],
    ["CaseReviews", new Set(r.reviews.map((x) => x.id))],
    ["CaseVisits", new Set(r.visits.map((x) => x.id))],
  ]);
  const referralIds = byList.get("Referrals") as Set<string>;
  const caseIds = byList.get("Cases") as Set<string>;
  const titles = [...byList.keys(), ...ownTitles];
  const entries = (await Promise.all(titles.map((listTitle) => store.all({ where: { listTitle }, ...ALL })))).flat();
  const mentions = (e: AuditEntry): boolean => {
    const ids = byList.get(e.listTitle);
    if (e.itemId !== undefined && ids?.has(e.itemId)) return true;
    const d = e.detail ?? {};
    if (d.caseReference === r.caseReference || d.childRef === r.caseReference) return true;
    if (typeof d.referralId === "string" && referralIds.has(d.referralId)) return true;
    if (typeof d.caseId === "string" && caseIds.has(d.caseId)) return true;
    for (const key of ["itemIds", "referralIds"] as const) {
      const list = d[key];
      if (typeof list === "string" && list.split(",").some((id) => (key === "referralIds" ? referralIds : ids)?.has(id))) return true;
    }
    return false;
  };
  return entries.filter((e) => mentions(e.value)).sort((a, b) => a.value.at.localeCompare(b.value.at));
}

const held = <T extends object>(item: Item<T>, value: Record<string, unknown> = item.value as Record<string, unknown>): HeldRecord => ({ id: item.id, createdAt: item.createdAt, modifiedAt: item.modifiedAt, value });

/**
 * The sections of a subject access. Meetings show only what concerns this child (when, where, its
 * status, this case's agenda entry), never the other cases on the agenda or the meeting's history.
 */
export function sectionsOf(r: ChildRecords, audit: Item<AuditEntry>[]): Record<SubjectAccessSection, HeldRecord[]> {
  const referralIds = new Set(r.referrals.map((x) => x.id));
  const caseIds = new Set(r.cases.map((x) => x.id));
  const notices: HeldRecord[] = [
    ...r.referrals.filter((x) => x.value.notice).map((x) => held(x, { source: "referral", referralId: x.id, notice: x.value.notice })),
    ...r.outbox.map((o) => held(o)),
  ];
  return {
    referrals: r.referrals.map((x) => held(x)),
    documents: r.documents.map((x) => held(x)),
    caseReferences: r.caseReferences.map((x) => held(x)),
    meetingPlaces: r.meetingPlaces.map((x) => held(x)),
    meetings: r.meetings.map((m) => {
      const { districtSlug, kind, title, startsAt, endsAt, place, status } = m.value;
      const entries = (m.value.agenda?.entries ?? []).filter((e) => e.kind === "case" && referralIds.has(e.referralId));
      return held(m, { districtSlug, kind, title, startsAt, endsAt, ...(place ? { place } : {}), status, agendaEntries: entries });
    }),
    outcomes: r.outcomes.map((x) => held(x)),
    attendance: r.attendance.map((x) => held(x)),
    cases: r.cases.map((x) => held(x)),
    reviews: r.reviews.map((x) => held(x)),
    visits: r.visits.map((x) => held(x)),
    clinicEntries: r.clinics.map((c) => {
      const { districtSlug, kind, phase, date, status, teacherName } = c.value;
      return held(c, { districtSlug, kind, phase, date, status, teacherName, entries: c.value.entries.filter((e) => e.caseId !== undefined && caseIds.has(e.caseId)) });
    }),
    notices,
    audit: audit.map((a) => held(a)),
  };
}
