/**
 * Small builders for casework records: a valid case, review, visit or clinic with the fields a test
 * cares about overridden. Dates are in 2025-26 (term 1: 1 Sep – 17 Oct 2025; term 2: 27 Oct –
 * 19 Dec 2025; see tests/domain/time/fixtures.ts).
 */
import type { CaseRecord, ClinicRecord, ReviewRecord, VisitRecord } from "../../../src/domain/casework/model";
import type { CaseworkCaller } from "../../../src/domain/casework/access";
import { term } from "../time/fixtures";

export const TERM_1 = term("2025-26", 1);
export const TERM_2 = term("2025-26", 2);

export const TEACHER = "11111111-1111-4111-8111-111111111111";
export const OTHER_TEACHER = "22222222-2222-4222-8222-222222222222";
export const LEAD = "33333333-3333-4333-8333-333333333333";

export function makeCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  const openedAt = overrides.openedAt ?? "2025-09-10";
  return {
    id: "1",
    childRef: "DOV-2526-0001",
    origin: { kind: "lift-outcome", referralId: "r1", meetingId: "m1", categories: ["specialist_teacher_allocated"] },
    team: "district",
    districtSlug: "dover",
    settingId: "DOV-P1",
    phase: "primary",
    yearGroup: "Y3",
    primaryArea: "CI",
    allocatedTeacherOid: TEACHER,
    allocatedTeacherName: "Sam Teacher",
    status: "open-active",
    statusChanges: [{ status: "open-active", at: openedAt }],
    openedAt,
    supportPlan: { reviewDate: "2025-11-20" },
    targets: [{ id: "t1", text: "Uses a visual timetable", agreedWith: ["school", "family"], setAt: openedAt }],
    history: [],
    ...overrides,
  };
}

/** A case closed on `closedAt` for `reason`, with the status history to match. */
export function closedCase(closedAt: string, reason: NonNullable<CaseRecord["closure"]>["reason"], overrides: Partial<CaseRecord> = {}): CaseRecord {
  const c = makeCase(overrides);
  return {
    ...c,
    status: "closed",
    statusChanges: [...c.statusChanges, { status: "closed", at: closedAt }],
    closure: { reason, closedAt, finalReviewId: `final-${c.id}`, closedByOid: TEACHER, closedByName: "Sam Teacher" },
  };
}

export function makeReview(overrides: Partial<ReviewRecord> = {}): ReviewRecord {
  return {
    id: "rv1",
    caseId: "1",
    date: "2025-11-20",
    results: [{ targetId: "t1", result: "achieved" }],
    targetsAmended: false,
    nextReviewDate: "2026-02-01",
    final: false,
    reviewerOid: TEACHER,
    reviewerName: "Sam Teacher",
    recordedAt: "2025-11-20T15:00:00Z",
    ...overrides,
  };
}

export function makeVisit(overrides: Partial<VisitRecord> = {}): VisitRecord {
  return {
    id: "v1",
    caseId: "1",
    date: "2025-09-20",
    settingId: "DOV-P1",
    seen: ["child", "senco"],
    adviceGiven: "Visual timetable and now/next board",
    nextSteps: "Review in six weeks",
    graduatedApproachStage: "plan",
    standards: { framework: "mainstream-core-standards", section: "Communication and interaction" },
    teacherOid: TEACHER,
    teacherName: "Sam Teacher",
    recordedAt: "2025-09-20T12:00:00Z",
    ...overrides,
  };
}

export function makeClinic(overrides: Partial<ClinicRecord> = {}): ClinicRecord {
  return {
    id: "c1",
    districtSlug: "dover",
    kind: "clinic",
    phase: "school",
    date: "2025-11-05",
    status: "held",
    teacherOid: TEACHER,
    teacherName: "Sam Teacher",
    entries: [{ id: "e1", question: "How to support transitions between lessons?", outcome: "advice-given" }],
    updatedAt: "2025-11-05T16:00:00Z",
    updatedByName: "Sam Teacher",
    ...overrides,
  };
}

export const callers = {
  senco: { oid: "44444444-4444-4444-8444-444444444444", role: "senco", districtSlug: "dover", settingId: "DOV-P1" },
  otherSenco: { oid: "55555555-5555-4555-8555-555555555555", role: "senco", districtSlug: "dover", settingId: "DOV-P2" },
  teacher: { oid: TEACHER, role: "specialist_teacher", districtSlug: "dover" },
  otherTeacher: { oid: OTHER_TEACHER, role: "specialist_teacher", districtSlug: "dover" },
  thanetTeacher: { oid: "66666666-6666-4666-8666-666666666666", role: "specialist_teacher", districtSlug: "thanet" },
  lead: { oid: LEAD, role: "district_lead", districtSlug: "dover" },
  thanetLead: { oid: "77777777-7777-4777-8777-777777777777", role: "district_lead", districtSlug: "thanet" },
  sensoryTeacher: { oid: "88888888-8888-4888-8888-888888888888", role: "specialist_teacher", districtSlug: "thanet", countyTeam: "county-sensory" },
  sensoryLead: { oid: "99999999-9999-4999-8999-999999999999", role: "district_lead", districtSlug: "thanet", countyTeam: "county-sensory" },
  liftMember: { oid: "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", role: "lift_member", districtSlug: "dover" },
  commissioner: { oid: "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb", role: "commissioner" },
} satisfies Record<string, CaseworkCaller>;
