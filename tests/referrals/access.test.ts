import { describe, expect, it } from "vitest";
import { canCreateReferral, canEditReferral, referralView } from "../../src/domain/referrals/access";
import { DEMO_PEOPLE } from "../../src/domain/reference/people";
import type { Person } from "../../src/schemas/person";

const who = (upn: string) => DEMO_PEOPLE.find((p) => p.upn === upn) as Person;
const doverDraft = { settingId: "DOV-P1", districtSlug: "dover", status: "draft" as const };
const doverSubmitted = { ...doverDraft, status: "scheduled" as const };

describe("referral access policy", () => {
  it.each([
    ["senco.dover@lift.local", doverDraft, "full", true],
    ["senco.dover@lift.local", doverSubmitted, "full", true],
    ["senco.thanet@lift.local", doverSubmitted, "none", false],
    ["teacher.dover@lift.local", doverDraft, "none", false],
    ["teacher.dover@lift.local", doverSubmitted, "full", false],
    ["lead.dover@lift.local", doverSubmitted, "full", false],
    ["lead.thanet@lift.local", doverSubmitted, "none", false],
    ["commissioner@lift.local", doverSubmitted, "anonymised", false],
    ["commissioner@lift.local", doverDraft, "none", false],
  ] as const)("%s on %o → view %s, edit %s", (upn, referral, view, edit) => {
    expect(referralView(who(upn), referral)).toBe(view);
    expect(canEditReferral(who(upn), referral)).toBe(edit);
  });

  it("only SENCos create referrals", () => {
    expect(DEMO_PEOPLE.filter(canCreateReferral).map((p) => p.upn).sort()).toEqual(["senco.dover@lift.local", "senco.thanet@lift.local"]);
  });
});
