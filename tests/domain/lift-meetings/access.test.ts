import { describe, expect, it } from "vitest";
import { canPlanDistrict, meetingAccess, refusalFor } from "../../../src/domain/lift-meetings/access";
import type { Person } from "../../../src/schemas/reference/person";

const person = (role: Person["role"], extra: Partial<Person> = {}): Person => ({
  oid: "11111111-1111-4111-8111-111111111111",
  upn: `${role}@lift.local`,
  displayName: role,
  role,
  ...(role === "commissioner" ? {} : { districtSlug: "dover" }),
  ...(role === "senco" ? { settingId: "DOV-P1" } : {}),
  ...extra,
});
const dover = { districtSlug: "dover", chairOid: "22222222-2222-4222-8222-222222222222" };

describe("meetingAccess", () => {
  it("gives district members the agenda with names and the running of the meeting", () => {
    for (const role of ["district_lead", "specialist_teacher", "lift_member"] as const) {
      const a = meetingAccess(person(role), dover);
      expect(a, role).toMatchObject({ read: true, names: true, run: true });
    }
  });

  it("lets only the lead plan; the lead or the chair approve", () => {
    expect(meetingAccess(person("district_lead"), dover)).toMatchObject({ plan: true, approve: true });
    expect(meetingAccess(person("specialist_teacher"), dover)).toMatchObject({ plan: false, approve: false });
    expect(meetingAccess(person("lift_member", { oid: dover.chairOid }), dover)).toMatchObject({ plan: false, approve: true });
    expect(meetingAccess(person("specialist_teacher"), { districtSlug: "dover" }).approve).toBe(false);
  });

  it("shows commissioners meetings without names, and lets them plan but not run or approve", () => {
    expect(meetingAccess(person("commissioner"), dover)).toEqual({ read: true, names: false, run: false, plan: true, approve: false });
  });

  it("gives SENCos and other districts nothing, refused as not found", () => {
    const senco = meetingAccess(person("senco"), dover);
    const other = meetingAccess(person("district_lead", { districtSlug: "thanet" }), dover);
    for (const a of [senco, other]) {
      expect(Object.values(a).some(Boolean)).toBe(false);
      expect(refusalFor(a)).toBe("not_found");
    }
    expect(refusalFor(meetingAccess(person("specialist_teacher"), dover))).toBe("forbidden");
    // A chair from another district gains nothing by being named chair.
    expect(meetingAccess(person("lift_member", { districtSlug: "thanet", oid: dover.chairOid }), dover).read).toBe(false);
  });
});

describe("canPlanDistrict", () => {
  it("is the district's lead or a commissioner", () => {
    expect(canPlanDistrict(person("district_lead"), "dover")).toBe(true);
    expect(canPlanDistrict(person("district_lead"), "thanet")).toBe(false);
    expect(canPlanDistrict(person("commissioner"), "thanet")).toBe(true);
    expect(canPlanDistrict(person("specialist_teacher"), "dover")).toBe(false);
    expect(canPlanDistrict(person("senco"), "dover")).toBe(false);
  });
});
