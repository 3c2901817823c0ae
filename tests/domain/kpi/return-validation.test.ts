import { describe, expect, it } from "vitest";
import { validateReturnValues } from "../../../src/domain/kpi/return-validation";

describe("validateReturnValues", () => {
  it("accepts a valid return, with blanks meaning not reported", () => {
    const result = validateReturnValues(
      {
        referrals_primary: 12,
        referrals_secondary: 0,
        referrals_ey: null,
        kpi_2_1_num: 9,
        kpi_2_1_den: 12,
        settings_supported_primary: 40,
        settings_in_district_primary: 40,
        settings_supported_out_of_district: 7,
        fte_ci: 1.25,
        kpi_1_3_num: 0,
        kpi_1_3_den: 0,
      },
      "2025-26",
    );
    expect(result).toEqual({ ok: true, errors: {} });
  });

  it("counts must be whole numbers and not negative", () => {
    const { ok, errors } = validateReturnValues({ referrals_primary: 2.5, clinics_ey: -1, clinics_school: Number.NaN }, "2025-26");
    expect(ok).toBe(false);
    expect(errors).toEqual({
      referrals_primary: "LIFT referrals received (primary) must be a whole number.",
      clinics_ey: "Clinics and surgeries held (early years) cannot be negative.",
      clinics_school: "Clinics and surgeries held (schools) must be a number.",
    });
  });

  it("FTE may have up to 2 decimal places", () => {
    expect(validateReturnValues({ fte_ci: 0.6, fte_vacancies: 2.25 }, "2025-26").ok).toBe(true);
    expect(validateReturnValues({ fte_ci: 1.255 }, "2025-26").errors.fte_ci).toBe(
      "Specialist teachers FTE: Communication and Interaction must have no more than 2 decimal places.",
    );
  });

  it("a numerator never exceeds its denominator", () => {
    const { errors } = validateReturnValues({ kpi_2_1_num: 18, kpi_2_1_den: 12 }, "2025-26");
    expect(errors).toEqual({ kpi_2_1_num: "Pupils reviewed who achieved or made significant progress (18) cannot be more than pupils reviewed (12)." });
  });

  it("a numerator needs its denominator to be submitted, not to be saved as a draft", () => {
    const { errors } = validateReturnValues({ kpi_1_3_num: 4 }, "2025-26");
    expect(errors.kpi_1_3_num).toBe('Enter "LIFT satisfaction: responses to Q2" as well, so that "Satisfaction after LIFT (% scoring 4 or above)" can be worked out.');
    expect(validateReturnValues({ kpi_1_3_num: 4 }, "2025-26", { mode: "draft" })).toEqual({ ok: true, errors: {} });
    // A draft still may not have a numerator over its denominator.
    expect(validateReturnValues({ kpi_1_3_num: 4, kpi_1_3_den: 3 }, "2025-26", { mode: "draft" }).ok).toBe(false);
  });

  it("in-district settings supported cannot exceed the district's total: out-of-district schools are recorded separately", () => {
    const { errors } = validateReturnValues({ settings_supported_primary: 45, settings_in_district_primary: 40, settings_supported_out_of_district: 9 }, "2025-26");
    expect(Object.keys(errors)).toEqual(["settings_supported_primary"]);
    expect(errors.settings_supported_primary).toBe(
      'Settings supported in the district (primary) (45) cannot be more than settings in the district (primary) (40). Record schools and settings from outside the district under "Schools and settings supported from outside the district".',
    );
  });

  it("children actively supported cannot exceed the caseload", () => {
    expect(validateReturnValues({ children_active_ey: 30, caseload_ey: 25 }, "2025-26").errors.children_active_ey).toMatch(/cannot be more than children on caseload \(early years\) \(25\)/);
  });

  it("percentages are worked out, never typed", () => {
    const { errors } = validateReturnValues({ kpi_2_1: 75, kpi_2_1_num: 3, kpi_2_1_den: 4 }, "2025-26");
    expect(errors).toEqual({
      kpi_2_1: 'Pupils achieving or making significant progress towards targets (%) is worked out from the numbers, not typed: enter "Pupils reviewed who achieved or made significant progress" and "Pupils reviewed" instead.',
    });
  });

  it("rejects unknown measures and measures not collected that year", () => {
    const { errors } = validateReturnValues({ foo: 1, kpi_2_2_num: 3, kpi_2_2_den: 4, training_core: 2 }, "2023-24");
    expect(errors).toEqual({
      foo: '"foo" is not a measure in the return.',
      kpi_2_2_num: "Staff confidence: scoring 4 or above (Q5) is not collected in 2023-24.",
      kpi_2_2_den: "Staff confidence: responses to Q5 is not collected in 2023-24.",
      training_core: "Core training courses delivered is not collected in 2023-24.",
    });
    expect(validateReturnValues({ kpi_2_2_num: 3, kpi_2_2_den: 4, training_core: 2 }, "2022-23").ok).toBe(true);
    expect(validateReturnValues({ settings_supported_pct_primary: null }, "2022-23").ok).toBe(true);
  });

  it("rejects an academic year that is not one", () => {
    expect(validateReturnValues({}, "2025").errors).toEqual({ "": '"2025" is not an academic year (expected the form 2025-26).' });
  });
});
