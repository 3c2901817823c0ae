import { describe, expect, it } from "vitest";
import { ANONYMISED_FIELDS, canCreateReferral, canEdit, canEditReferral, canRead, pickFields, referralView, visibleFields } from "../../../src/domain/referrals/access";
import { DEMO_PEOPLE } from "../../../src/domain/reference/people";
import { IDENTIFYING_PATHS } from "../../../src/schemas/referrals/referral";
import type { Person } from "../../../src/schemas/reference/person";

const who = (upn: string) => DEMO_PEOPLE.find((p) => p.upn === upn) as Person;
const doverDraft = { settingId: "DOV-P1", districtSlug: "dover", status: "draft" as const };
const doverSubmitted = { ...doverDraft, status: "scheduled" as const };
const thanetSubmitted = { settingId: "THA-P1", districtSlug: "thanet", status: "outcome_recorded" as const };
const liftMember: Person = { oid: "5f1c9e38-2d0b-4a51-9b8e-0c7d3c1e2a44", upn: "ep.dover@lift.local", displayName: "EP", role: "lift_member", districtSlug: "dover" };

describe("referral access policy", () => {
  it.each([
    ["senco.dover@lift.local", doverDraft, "full", true],
    ["senco.dover@lift.local", doverSubmitted, "full", true],
    ["senco.dover@lift.local", thanetSubmitted, "none", false],
    ["senco.thanet@lift.local", doverSubmitted, "none", false],
    ["senco.thanet@lift.local", doverDraft, "none", false],
    ["senco.thanet@lift.local", thanetSubmitted, "full", true],
    ["teacher.dover@lift.local", doverDraft, "none", false],
    ["teacher.dover@lift.local", doverSubmitted, "full", false],
    ["teacher.dover@lift.local", thanetSubmitted, "none", false],
    ["lead.dover@lift.local", doverDraft, "none", false],
    ["lead.dover@lift.local", doverSubmitted, "full", false],
    ["lead.thanet@lift.local", doverSubmitted, "none", false],
    ["lead.thanet@lift.local", thanetSubmitted, "full", false],
    ["commissioner@lift.local", doverSubmitted, "anonymised", false],
    ["commissioner@lift.local", thanetSubmitted, "anonymised", false],
    ["commissioner@lift.local", doverDraft, "none", false],
  ] as const)("%s on %o → view %s, edit %s", (upn, referral, view, edit) => {
    expect(referralView(who(upn), referral)).toBe(view);
    expect(canRead(who(upn), referral)).toBe(view !== "none");
    expect(canEditReferral(who(upn), referral)).toBe(edit);
    expect(canEdit(who(upn), referral)).toBe(edit);
    expect(visibleFields(who(upn), referral)).toEqual(view === "full" ? "all" : view === "anonymised" ? ANONYMISED_FIELDS : []);
  });

  it("LIFT members read their district's submitted referrals like the lead", () => {
    expect([referralView(liftMember, doverDraft), referralView(liftMember, doverSubmitted), referralView(liftMember, thanetSubmitted)]).toEqual(["none", "full", "none"]);
  });

  it("only SENCos create referrals", () => {
    expect(DEMO_PEOPLE.filter(canCreateReferral).map((p) => p.upn).sort()).toEqual(["senco.dover@lift.local", "senco.thanet@lift.local"]);
  });

  it("the anonymised view holds no identifying field and no free text", () => {
    for (const path of IDENTIFYING_PATHS) expect(ANONYMISED_FIELDS).not.toContain(path);
    for (const path of ["question.question", "profile.presentingNeeds", "apdrCycles", "views.parentCarer"]) expect(ANONYMISED_FIELDS).not.toContain(path);
  });

  it("pickFields keeps only the listed paths", () => {
    const body = {
      setting: { settingId: "DOV-P1", phase: "primary", urn: "900101" },
      child: { legalName: "Named Child", dateOfBirth: "2018-03-03", yearGroup: "Y4" },
      needs: { primaryArea: "CL" },
      question: { question: "Named Child finds reading hard" },
      apdrCycles: [{ assess: "x" }],
      child2: "junk",
    };
    expect(pickFields(body, ANONYMISED_FIELDS)).toEqual({ setting: { settingId: "DOV-P1", phase: "primary" }, child: { yearGroup: "Y4" }, needs: { primaryArea: "CL" } });
    expect(pickFields(body, "all")).toBe(body);
    expect(pickFields(body, [])).toEqual({});
    expect(pickFields({ child: "not an object", needs: null }, ANONYMISED_FIELDS)).toEqual({});
    expect(pickFields(body, ["apdrCycles"])).toEqual({ apdrCycles: [{ assess: "x" }] });
  });
});
