import { describe, expect, it } from "vitest";
import {
  PSEUDONYMISED_CASE_KEYS,
  canOpenCase,
  canRecordClinic,
  caseAccess,
  caseForView,
  caseRecordAccess,
  caseworkCallerOf,
  clinicAccess,
  figuresAccess,
  withinRemit,
} from "../../../src/domain/casework/access";
import { Person } from "../../../src/schemas/reference/person";
import { callers, closedCase, makeCase, OTHER_TEACHER, TEACHER } from "./fixtures";

const dover = makeCase({ child: undefined });
const sensoryInThanet = makeCase({
  team: "county-sensory",
  districtSlug: "thanet",
  settingId: "THA-P1",
  allocatedTeacherOid: callers.sensoryTeacher.oid,
  origin: { kind: "direct", requestedBy: "county-sensory-team", requestedAt: "2025-09-01" },
  child: { legalName: "A Child", dateOfBirth: "2018-05-01" },
});
const sensoryInDover = { ...sensoryInThanet, districtSlug: "dover", settingId: "DOV-P1", allocatedTeacherOid: OTHER_TEACHER };

describe("who sees a case", () => {
  it("a SENCo sees their own setting's cases in full, and no other setting's", () => {
    expect(caseAccess(callers.senco, dover)).toEqual({ view: "full", work: false, manage: false });
    expect(caseAccess(callers.senco, sensoryInDover).view).toBe("full");
    expect(caseAccess(callers.otherSenco, dover).view).toBe("none");
  });

  it("a teacher works their own caseload and sees the rest of the district pseudonymised", () => {
    expect(caseAccess(callers.teacher, dover)).toEqual({ view: "full", work: true, manage: false });
    expect(caseAccess(callers.otherTeacher, dover)).toEqual({ view: "pseudonymised", work: false, manage: false });
    expect(caseAccess(callers.thanetTeacher, dover).view).toBe("none");
    // A county team's case in the district is not the district teacher's.
    expect(caseAccess(callers.otherTeacher, { ...sensoryInDover, allocatedTeacherOid: callers.sensoryTeacher.oid }).view).toBe("none");
  });

  it("a district lead manages the district team's cases; a county team's are pseudonymised", () => {
    expect(caseAccess(callers.lead, dover)).toEqual({ view: "full", work: true, manage: true });
    expect(caseAccess(callers.lead, sensoryInDover).view).toBe("pseudonymised");
    expect(caseAccess(callers.thanetLead, dover).view).toBe("none");
  });

  it("county team members see their team's cases in every district", () => {
    expect(caseAccess(callers.sensoryTeacher, sensoryInThanet)).toEqual({ view: "full", work: true, manage: false });
    expect(caseAccess(callers.sensoryTeacher, sensoryInDover).view).toBe("pseudonymised");
    expect(caseAccess(callers.sensoryLead, sensoryInDover)).toEqual({ view: "full", work: true, manage: true });
    expect(caseAccess(callers.sensoryTeacher, dover).view).toBe("none");
    expect(caseAccess(callers.sensoryLead, makeCase({ districtSlug: "thanet" })).view).toBe("none");
  });

  it("LIFT members and commissioners see no case (commissioners: figures only)", () => {
    expect(caseAccess(callers.liftMember, dover).view).toBe("none");
    expect(caseAccess(callers.commissioner, dover).view).toBe("none");
    expect(figuresAccess(callers.commissioner, { districtSlug: "dover", team: "district" })).toBe(true);
    expect(figuresAccess(callers.lead, { districtSlug: "dover", team: "district" })).toBe(true);
    expect(figuresAccess(callers.thanetLead, { districtSlug: "dover", team: "district" })).toBe(false);
    expect(figuresAccess(callers.senco, { districtSlug: "dover", team: "district" })).toBe(false);
    expect(figuresAccess(callers.sensoryTeacher, { districtSlug: "dover", team: "county-sensory" })).toBe(true);
  });

  it("visits and reviews follow the case: the full view reads them, work writes them", () => {
    expect(caseRecordAccess(callers.senco, dover)).toEqual({ read: true, write: false });
    expect(caseRecordAccess(callers.otherTeacher, dover)).toEqual({ read: false, write: false });
    expect(caseRecordAccess(callers.teacher, dover)).toEqual({ read: true, write: true });
  });
});

describe("the pseudonymised view", () => {
  it("keeps the allow-list only: no child, plan, targets, history or requester", () => {
    const c = closedCase("2025-12-01", "ehcp", { ...sensoryInThanet, history: [{ at: "2025-09-01T10:00:00Z", action: "Opened for A Child", byName: "x" }] });
    const view = caseForView(c, "pseudonymised") as Record<string, unknown>;
    expect(Object.keys(view).sort()).toEqual([...PSEUDONYMISED_CASE_KEYS.filter((k) => k !== "nextReviewDue" && k !== "secondaryArea"), "originKind", "closedAt", "closureReason"].sort());
    expect(JSON.stringify(view)).not.toContain("A Child");
    expect(view.originKind).toBe("direct");
    expect(caseForView(c, "none")).toBeUndefined();
    expect(caseForView(c, "full")).toBe(c);
  });
});

describe("opening cases and clinics", () => {
  it("a lead opens for any teacher in their patch; a teacher only for themselves", () => {
    expect(canOpenCase(callers.lead, { team: "district", districtSlug: "dover", allocatedTeacherOid: OTHER_TEACHER })).toBe(true);
    expect(canOpenCase(callers.teacher, { team: "district", districtSlug: "dover", allocatedTeacherOid: TEACHER })).toBe(true);
    expect(canOpenCase(callers.teacher, { team: "district", districtSlug: "dover", allocatedTeacherOid: OTHER_TEACHER })).toBe(false);
    expect(canOpenCase(callers.lead, { team: "county-sensory", districtSlug: "dover", allocatedTeacherOid: OTHER_TEACHER })).toBe(false);
    expect(canOpenCase(callers.senco, { team: "district", districtSlug: "dover", allocatedTeacherOid: TEACHER })).toBe(false);
  });

  it("clinics are the district STLS's: its teachers read, the clinic's teacher and the lead write", () => {
    const clinic = { districtSlug: "dover", teacherOid: TEACHER };
    expect(clinicAccess(callers.teacher, clinic)).toEqual({ read: true, write: true });
    expect(clinicAccess(callers.otherTeacher, clinic)).toEqual({ read: true, write: false });
    expect(clinicAccess(callers.lead, clinic)).toEqual({ read: true, write: true });
    for (const c of [callers.senco, callers.commissioner, callers.thanetLead, callers.liftMember, callers.sensoryTeacher]) {
      expect(clinicAccess(c, clinic)).toEqual({ read: false, write: false });
    }
    expect(canRecordClinic(callers.otherTeacher, "dover")).toBe(true);
    expect(canRecordClinic(callers.otherTeacher, "thanet")).toBe(false);
  });
});

describe("county team membership from the People list", () => {
  const teacher = { oid: "00000000-0000-4000-8000-00000000000a", upn: "t@x.local", displayName: "T", role: "specialist_teacher" as const, districtSlug: "maidstone" };

  it("a People entry's county team becomes the caller's team; without one the caller is the district STLS's", () => {
    const county = caseworkCallerOf({ ...teacher, countyTeam: "sensory" });
    expect(county.countyTeam).toBe("county-sensory");
    expect(caseworkCallerOf(teacher).countyTeam).toBeUndefined();
    // A county teacher based in Maidstone opens their own case in Thanet; a Maidstone district teacher cannot.
    expect(canOpenCase(county, { team: "county-sensory", districtSlug: "thanet", allocatedTeacherOid: teacher.oid })).toBe(true);
    expect(canOpenCase(caseworkCallerOf(teacher), { team: "district", districtSlug: "thanet", allocatedTeacherOid: teacher.oid })).toBe(false);
  });

  it("county teams take sensory and/or physical needs only; the district STLS every area", () => {
    expect(withinRemit("county-sensory", "SP")).toBe(true);
    expect(withinRemit("county-physical-disability", "SP")).toBe(true);
    expect(withinRemit("county-sensory", "CL")).toBe(false);
    expect(withinRemit("district", "SEMH")).toBe(true);
  });

  it("the People schema accepts a county team for teachers and leads only", () => {
    expect(Person.safeParse({ ...teacher, countyTeam: "physical-disability" }).success).toBe(true);
    const senco = Person.safeParse({ ...teacher, role: "senco", settingId: "DOV-P1", countyTeam: "sensory" });
    expect(senco.success).toBe(false);
    expect(senco.error?.issues.map((i) => i.path.join("."))).toContain("countyTeam");
    expect(Person.safeParse({ ...teacher, countyTeam: "hearing" }).success).toBe(false);
  });
});
