import { describe, expect, it } from "vitest";
import { checkCadence, describeCadence, groupOfMeeting, SLA_CADENCE, type CadenceMeeting } from "../../../src/domain/structure/cadence";
import { TERMS } from "../../../src/domain/reference/terms";
import type { LiftGroup } from "../../../src/schemas/reference/lift-group";

const terms = TERMS.filter((t) => t.academicYear === "2026-27");
const school: LiftGroup = { id: "dover-a", name: "Dover A", districtSlug: "dover", phase: "school", settingIds: [] };
const ey: LiftGroup = { id: "dover-ey", name: "Dover EY", districtSlug: "dover", phase: "early-years", settingIds: [] };

/** `n` meetings of a group on the first days of a term (10:00 UK). */
function meetings(group: LiftGroup, term: number, n: number, status: CadenceMeeting["status"] = "scheduled"): CadenceMeeting[] {
  const t = terms.find((x) => x.term === term)!;
  return Array.from({ length: n }, (_, i) => {
    const day = new Date(`${t.start}T10:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 7 * i);
    return { districtSlug: group.districtSlug, kind: group.phase, liftGroupId: group.id, startsAt: day.toISOString(), status };
  });
}

describe("the SLA cadence", () => {
  it("reads as the SLA words it", () => {
    expect(describeCadence(SLA_CADENCE.school)).toBe("six times a year");
    expect(describeCadence(SLA_CADENCE["early-years"])).toBe("two or three times a term");
  });

  it("early years: two or three a term; fewer or more is a warning, cancelled meetings do not count", () => {
    const check = (n: number, cancelled = 0) => checkCadence({ groups: [ey], meetings: [...meetings(ey, 1, n), ...meetings(ey, 1, cancelled, "cancelled")], terms, periods: [{ academicYear: "2026-27", term: 1 }] })[0]!;
    expect(check(1).status).toBe("too_few");
    expect(check(2).status).toBe("ok");
    expect(check(3).status).toBe("ok");
    expect(check(4).status).toBe("too_many");
    expect(check(1, 3).status).toBe("too_few");
    expect(check(4).message).toContain("too many");
  });

  it("school: six a year, checked pro rata so an unplanned summer is no warning in the autumn", () => {
    const at = (term: number, ms: CadenceMeeting[]) => checkCadence({ groups: [school], meetings: ms, terms, periods: [{ academicYear: "2026-27", term }] })[0]!;
    expect(at(1, meetings(school, 1, 1)).status).toBe("ok");
    expect(at(1, []).status).toBe("too_few");
    expect(at(2, meetings(school, 1, 1)).status).toBe("too_few");
    expect(at(3, [...meetings(school, 1, 2), ...meetings(school, 2, 1)]).status).toBe("ok");
    const seven = [1, 2, 3, 4, 5, 6].flatMap((t) => meetings(school, t, t === 6 ? 2 : 1));
    const over = at(1, seven);
    expect(over.status).toBe("too_many");
    expect(over.meetings).toBe(7);
  });

  it("a group's own cadence replaces the SLA's; a retired group is not checked", () => {
    const weekly: LiftGroup = { ...school, cadence: { per: "term", min: 5, max: 7 } };
    expect(checkCadence({ groups: [weekly], meetings: meetings(weekly, 1, 3), terms, periods: [{ academicYear: "2026-27", term: 1 }] })[0]!.status).toBe("too_few");
    expect(checkCadence({ groups: [{ ...ey, retiredOn: "2026-01-01" }], meetings: [], terms, periods: [{ academicYear: "2026-27", term: 1 }] })).toEqual([]);
  });

  it("a meeting without a group counts for the district's only group of its phase, never for a choice of two", () => {
    const m = { districtSlug: "dover", kind: "school" as const, startsAt: "2026-09-10T09:00:00Z" };
    expect(groupOfMeeting(m, [school, ey])?.id).toBe("dover-a");
    expect(groupOfMeeting(m, [school, { ...school, id: "dover-b", name: "Dover B" }])).toBeUndefined();
  });
});
