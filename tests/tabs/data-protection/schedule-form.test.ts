import { describe, expect, it } from "vitest";
import { rowsFrom, rulesFrom, tidyCaseReference } from "../../../tabs/data-protection/schedule-form";

const rules = [
  { kind: "referral" as const, label: "Referrals", anchor: "date-of-birth" as const, years: 25, note: "IRMS" },
  { kind: "case" as const, label: "Casework", anchor: "case-closed" as const, years: 6 },
];

describe("the schedule form", () => {
  it("round-trips the rules it was given", () => {
    expect(rulesFrom(rowsFrom(rules))).toEqual({ ok: true, rules: [{ kind: "referral", anchor: "date-of-birth", years: 25, note: "IRMS" }, { kind: "case", anchor: "case-closed", years: 6 }] });
  });
  it("gives a message at the field's path for years that are not a whole number from 1 to 100", () => {
    for (const years of ["", "two", "2.5", "0", "101"]) {
      const rows = rowsFrom(rules);
      rows[1] = { ...rows[1]!, years };
      const checked = rulesFrom(rows);
      expect(checked.ok, years).toBe(false);
      if (!checked.ok) expect(Object.keys(checked.messages)).toEqual(["rules.1.years"]);
    }
  });
  it("tidies a case reference and refuses anything else", () => {
    expect(tidyCaseReference(" dov-2526-0042 ")).toBe("DOV-2526-0042");
    expect(tidyCaseReference("Alfie")).toBeUndefined();
  });
});
