/** The Casework tab's forms for what the API can do beyond the case page's own: open a direct or clinic case, edit the plan, a clinic's "case opened" entry. */
import { describe, expect, it } from "vitest";
import { CaseOpenInput, ClinicInput } from "../../../src/schemas/casework/records";
import { blankOpenCase, clinicWithOpenedCase, openCaseFormPath, openCaseMessages, openCaseToSend, planForm, planMessages, planToSend } from "../../../tabs/casework/case-forms";

const TODAY = "2026-11-24";
const teacher = { oid: "00000000-0000-4000-8000-000000000001", role: "specialist_teacher" };
const lead = { oid: "00000000-0000-4000-8000-000000000002", role: "district_lead" };

describe("opening a case on a direct request or from a clinic", () => {
  it("a teacher opens for themselves on the local authority's request; a lead chooses the teacher; a county team on its own request, sensory/physical need", () => {
    expect(blankOpenCase(TODAY, teacher, "district")).toMatchObject({ origin: "direct", requestedBy: "local-authority", allocatedTeacherOid: teacher.oid, primaryArea: "" });
    expect(blankOpenCase(TODAY, lead, "district").allocatedTeacherOid).toBe("");
    expect(blankOpenCase(TODAY, teacher, "county-sensory")).toMatchObject({ requestedBy: "county-sensory-team", primaryArea: "SP" });
    expect(blankOpenCase(TODAY, teacher, "district", "17")).toMatchObject({ origin: "clinic", clinicId: "17" });
  });

  it("a complete form sends what the server parses", () => {
    const form = { ...blankOpenCase(TODAY, teacher, "county-sensory"), settingId: "THA-P1", legalName: "A Child", dateOfBirth: "2018-04-02", reviewDate: "2027-01-20" };
    const sent = openCaseToSend(form, "county-sensory");
    expect(CaseOpenInput.safeParse(sent).success).toBe(true);
    expect(sent).toMatchObject({ team: "county-sensory", origin: { kind: "direct", requestedBy: "county-sensory-team", requestedAt: TODAY }, supportPlan: { reviewDate: "2027-01-20" } });
    expect(openCaseMessages(sent)).toEqual({});
  });

  it("says what is missing at the form's own paths, in plain words", () => {
    const sent = openCaseToSend({ ...blankOpenCase(TODAY, lead, "district"), origin: "clinic" }, "district");
    const messages = openCaseMessages(sent);
    expect(Object.keys(messages).sort()).toEqual(["allocatedTeacherOid", "clinicId", "dateOfBirth", "legalName", "primaryArea", "settingId"]);
    expect(messages.clinicId).toEqual(["Choose the clinic the case came from"]);
    expect(messages.settingId).toEqual(["Choose a school or setting from the list"]);
    // A refusal's paths (under "case.") land on the same fields.
    expect(openCaseFormPath("case.child.legalName")).toBe("legalName");
    expect(openCaseFormPath("case.origin.clinicId")).toBe("clinicId");
    expect(openCaseFormPath("case.primaryArea")).toBe("primaryArea");
  });

  it("a clinic records the case it opened as an entry 'case opened', without the server's stamps", () => {
    const clinic = { id: "9", eTag: "e1", updatedAt: "2026-11-20T10:00:00Z", updatedByName: "Sam", districtSlug: "dover", kind: "clinic" as const, phase: "school" as const, date: "2026-11-17", status: "held" as const, teacherOid: teacher.oid, teacherName: "Sam", entries: [{ id: "e1", question: "A question", outcome: "advice-given" as const }] };
    const sent = clinicWithOpenedCase(clinic, { id: "42", settingId: "DOV-P1", primaryArea: "CL" });
    expect(sent).not.toHaveProperty("eTag");
    expect(sent).not.toHaveProperty("updatedAt");
    expect(sent.entries[1]).toMatchObject({ caseId: "42", settingId: "DOV-P1", areaOfNeed: "CL", outcome: "case-opened" });
    expect(ClinicInput.safeParse(sent).success).toBe(true);
  });
});

describe("the support plan", () => {
  it("edits the plan's text and review date; a cleared field is left out", () => {
    const form = planForm({ supportToBeProvided: "Visits", reviewDate: "2027-02-01" });
    expect(form.entranceCriteria).toBe("");
    expect(planToSend({ ...form, supportToBeProvided: " ", focusAndPurpose: "Reading" })).toEqual({ focusAndPurpose: "Reading", reviewDate: "2027-02-01" });
  });

  it("needs a review date, not before the case opened", () => {
    expect(planMessages({ supportToBeProvided: "Visits" }, "2026-11-16").reviewDate).toEqual(["Enter the review date: reviews are due by it"]);
    expect(planMessages({ reviewDate: "2026-11-01" }, "2026-11-16").reviewDate).toEqual(["The review date cannot be before the case opened"]);
    expect(planMessages({ reviewDate: "2027-02-01" }, "2026-11-16")).toEqual({});
    expect(Object.keys(planMessages({ reviewDate: "1 Feb" }, "2026-11-16"))).toEqual(["reviewDate"]);
  });
});
