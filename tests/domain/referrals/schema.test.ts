import { describe, expect, expectTypeOf, it } from "vitest";
import {
  AREAS_OF_NEED,
  IDENTIFYING_PATHS,
  REFERRAL_FIELDS,
  REFERRAL_SECTIONS,
  ReferralDraft,
  ReferralSubmission,
  type ReferralDraftInput,
  type SubmittedReferral,
  childAgeInMonths,
  isValidNhsNumber,
  referralField,
  referralFormSections,
  referralSubmissionSchema,
  referralValidationMessages,
  variantForPhase,
  withoutIdentifyingFields,
} from "../../../src/schemas/referrals/referral";
import { AS_OF, earlyYearsReferral, schoolReferral } from "./fixtures";

const submit = (input: unknown, asOf = AS_OF) => referralValidationMessages(input, { asOf, mode: "submit" });
const draft = (input: unknown) => referralValidationMessages(input, { asOf: AS_OF, mode: "draft" });

describe("field catalogue", () => {
  it("uses the labels exactly as the issue writes them", () => {
    const label = (path: string) => referralField(path)?.label;
    expect(label("child.legalName")).toBe("Child's legal name");
    expect(label("child.dateOfBirth")).toBe("Date of birth");
    expect(label("child.yearGroup")).toBe("Year group");
    expect(label("child.ageInMonths")).toBe("Age in months");
    expect(label("needs.primaryArea")).toBe("Primary area of need");
    expect(label("needs.secondaryArea")).toBe("Secondary area of need");
    expect(label("question.question")).toBe("Question for LIFT");
    expect(label("apdrCycles")).toBe("What has been tried (assess, plan, do, review)");
    expect(label("agreementToEngage.given")).toBe("Parent/carer agreement to engage");
    expect(label("meeting.meetingId")).toBe("LIFT meeting");
  });

  it("gives every field a visible label, a known section and at least one variant", () => {
    const sections = new Set<string>(REFERRAL_SECTIONS.map((s) => s.id));
    const all = REFERRAL_FIELDS.flatMap((f) => [f, ...(f.itemFields ?? [])]);
    for (const f of all) {
      expect(f.label.trim(), f.path).not.toBe("");
      expect(sections.has(f.section), f.path).toBe(true);
      expect(f.variants.length, f.path).toBeGreaterThan(0);
    }
    expect(new Set(REFERRAL_FIELDS.map((f) => f.path)).size).toBe(REFERRAL_FIELDS.length);
  });

  it("lists fields in section order and is plain data (serialisable for the list definition)", () => {
    const order = REFERRAL_SECTIONS.map((s) => s.id as string);
    const idx = REFERRAL_FIELDS.map((f) => order.indexOf(f.section));
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
    expect(JSON.parse(JSON.stringify(REFERRAL_FIELDS))).toEqual(REFERRAL_FIELDS);
  });

  it("has a catalogue entry for every key of the schema and no others", () => {
    const shape = ReferralDraft.shape;
    const schemaPaths = Object.entries(shape).flatMap(([k, s]) => {
      const inner = (s as unknown as { unwrap?: () => unknown }).unwrap ? (s as unknown as { unwrap: () => unknown }).unwrap() : s;
      const innerShape = (inner as { shape?: Record<string, unknown> }).shape;
      return innerShape ? Object.keys(innerShape).map((f) => `${k}.${f}`) : [k];
    });
    expect(new Set(schemaPaths)).toEqual(new Set(REFERRAL_FIELDS.map((f) => f.path)));
  });

  it("renders each variant's form with its own fields and labels", () => {
    const school = referralFormSections("school").flatMap((s) => s.fields.map((f) => f.label));
    const ey = referralFormSections("early-years").flatMap((s) => s.fields.map((f) => f.label));
    expect(school).toContain("Year group");
    expect(school).not.toContain("Age in months");
    expect(school).toContain("Mainstream Core Standards strategies in place");
    expect(ey).toContain("Age in months");
    expect(ey).not.toContain("Year group");
    expect(ey).toContain("Best Practice Guidance strategies in place");
    expect(ey).not.toContain("Pupil premium");
  });

  it("has the four areas of need with codes", () => {
    expect(AREAS_OF_NEED.map((a) => [a.value, a.label])).toEqual([
      ["CI", "Communication and Interaction"],
      ["CL", "Cognition and Learning"],
      ["SEMH", "Social, Emotional and Mental Health"],
      ["SP", "Sensory and/or Physical"],
    ]);
    expect(referralField("needs.primaryArea")?.options?.map((o) => o.value)).toEqual(["CI", "CL", "SEMH", "SP"]);
  });

  it("marks the identifying fields, and strips them for stage views", () => {
    expect(IDENTIFYING_PATHS).toEqual(
      expect.arrayContaining(["child.legalName", "child.dateOfBirth", "child.upn", "child.nhsNumber", "agreementToEngage.name"]),
    );
    expect(IDENTIFYING_PATHS).not.toContain("child.yearGroup");
    expect(IDENTIFYING_PATHS).not.toContain("needs.primaryArea");
    const r = schoolReferral();
    const stripped = withoutIdentifyingFields(r);
    expect(stripped.child).toEqual({ yearGroup: "Y4", eal: false });
    expect(stripped.agreementToEngage).not.toHaveProperty("name");
    expect(r.child.legalName).toBe("Alex Example"); // original untouched
    expect(JSON.stringify(stripped)).not.toContain("Alex Example");
  });

  it("chooses the variant from the setting's phase", () => {
    expect(variantForPhase("primary")).toBe("school");
    expect(variantForPhase("secondary")).toBe("school");
    expect(variantForPhase("all-through")).toBe("school");
    expect(variantForPhase("early-years")).toBe("early-years");
    expect(variantForPhase("special")).toBeUndefined();
  });
});

describe("drafts", () => {
  it("accept partial input: only the setting is needed", () => {
    const r = draft({ setting: { settingId: "DOV-P1", phase: "primary" } });
    expect(r).toMatchObject({ ok: true, messages: {} });
    expect(draft({ setting: { settingId: "DOV-P1", phase: "primary" }, child: { legalName: "  Alex  " }, apdrCycles: [{ assess: "x" }] }))
      .toMatchObject({ ok: true, value: { child: { legalName: "Alex" } } });
    expect(draft({ setting: { settingId: "DOV-E1", phase: "early-years" }, child: { dateOfBirth: "" }, question: { question: "" } }).ok).toBe(true);
  });

  it("need the setting and its phase", () => {
    expect(draft({}).messages).toEqual({ setting: ["School or setting is required"] });
    expect(draft({ setting: { settingId: "", phase: "primary" } }).messages["setting.settingId"]).toEqual(["School or setting is required"]);
    expect(draft({ setting: { settingId: "DOV-P1" } }).messages["setting.phase"]?.[0]).toMatch(/^Phase must be one of/);
  });

  it("reject unknown keys with a message naming the key, at any depth", () => {
    const r = draft({ setting: { settingId: "DOV-P1", phase: "primary" }, nickname: "x", child: { favouriteColour: "red" }, apdrCycles: [{ assess: "a", extra: 1 }] });
    expect(r.ok).toBe(false);
    expect(r.messages["nickname"]).toEqual(['Unknown field "nickname": it is not part of the LIFT referral form']);
    expect(r.messages["child.favouriteColour"]?.[0]).toContain('"favouriteColour"');
    expect(r.messages["apdrCycles.0.extra"]?.[0]).toContain('"extra"');
    // The schema's own message names the key too.
    const parsed = ReferralDraft.safeParse({ setting: { settingId: "DOV-P1", phase: "primary" }, nickname: "x" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('"nickname"');
  });

  it("reject a derived field sent as input", () => {
    const r = draft({ setting: { settingId: "DOV-E1", phase: "early-years" }, child: { ageInMonths: 30 } });
    expect(r.messages["child.ageInMonths"]).toEqual(["Age in months is worked out from the date of birth; do not send it"]);
  });

  it("cap lengths with the label in the message", () => {
    const r = draft({ setting: { settingId: "DOV-P1", phase: "primary" }, question: { question: "x".repeat(501) } });
    expect(r.messages["question.question"]).toEqual(["Question for LIFT must be at most 500 characters"]);
    expect(draft({ setting: { settingId: "DOV-P1", phase: "primary" }, question: { question: "x".repeat(500) } }).ok).toBe(true);
    expect(draft({ setting: { settingId: "DOV-P1", phase: "primary" }, child: { legalName: "a".repeat(101) } }).messages["child.legalName"]).toEqual([
      "Child's legal name must be at most 100 characters",
    ]);
  });

  it("keep markup as plain text: not stripped, not interpreted, not escaped", () => {
    const markup = `<script>alert("x")</script> <b>bold</b> &amp; **md** [link](javascript:alert(1)) {{template}} \${x}`;
    const r = draft({
      setting: { settingId: "DOV-P1", phase: "primary" },
      question: { question: markup },
      profile: { strengths: `  ${markup}\n<img src=x onerror=alert(1)>  ` },
    });
    expect(r.ok).toBe(true);
    expect(r.value?.question?.question).toBe(markup);
    expect(r.value?.profile?.strengths).toBe(`${markup}\n<img src=x onerror=alert(1)>`);
  });

  it("check formats: dates, email, UPN, NHS number", () => {
    const base = { setting: { settingId: "DOV-P1", phase: "primary" } };
    expect(draft({ ...base, child: { dateOfBirth: "2017-02-30" } }).messages["child.dateOfBirth"]).toEqual([
      "Date of birth must be a real date (YYYY-MM-DD)",
    ]);
    expect(draft({ ...base, child: { dateOfBirth: "14/03/2017" } }).ok).toBe(false);
    expect(draft({ ...base, referrer: { email: "not an email" } }).messages["referrer.email"]?.[0]).toMatch(/^Referrer email must be an email/);
    expect(draft({ ...base, child: { upn: "A12345678901B" } }).ok).toBe(true);
    expect(draft({ ...base, child: { upn: "12345" } }).ok).toBe(false);
    expect(isValidNhsNumber("943 476 5919")).toBe(true);
    expect(isValidNhsNumber("9434765918")).toBe(false);
  });
});

describe("submission", () => {
  it("accepts complete school and early years referrals", () => {
    expect(submit(schoolReferral())).toMatchObject({ ok: true, messages: {} });
    expect(submit(earlyYearsReferral())).toMatchObject({ ok: true, messages: {} });
    expect(ReferralSubmission(AS_OF).safeParse(schoolReferral()).success).toBe(true);
  });

  it("reports every missing required field with its exact label", () => {
    const r = submit({ setting: { settingId: "DOV-P1", phase: "primary" } });
    expect(r.ok).toBe(false);
    const required = REFERRAL_FIELDS.filter((f) => f.required && f.variants.includes("school") && !f.path.startsWith("setting."));
    for (const f of required) {
      const msgs = r.messages[f.path];
      expect(msgs, f.path).toBeDefined();
      expect(msgs?.[0]?.startsWith(f.labelByVariant.school ?? f.label), f.path).toBe(true);
    }
    expect(r.messages["child.legalName"]).toEqual(["Child's legal name is required"]);
    expect(r.messages["needs.primaryArea"]).toEqual(["Primary area of need is required"]);
    expect(r.messages["question.question"]).toEqual(["Question for LIFT is required"]);
    expect(r.messages["meeting.meetingId"]).toEqual(["LIFT meeting is required"]);
    expect(r.messages["apdrCycles"]?.[0]).toMatch(/^What has been tried \(assess, plan, do, review\): at least 2/);
    expect(r.messages["child.ageInMonths"]).toBeUndefined();
    expect(r.messages["needs.secondaryArea"]).toBeUndefined();
  });

  it("treats blank strings as missing", () => {
    const r = schoolReferral();
    r.child.legalName = "   ";
    expect(submit(r).messages["child.legalName"]).toEqual(["Child's legal name is required"]);
  });

  it("asks early years for early years fields and uses the variant's labels", () => {
    const r = submit({ setting: { settingId: "DOV-E1", phase: "early-years" } });
    expect(r.messages["child.yearGroup"]).toBeUndefined();
    expect(r.messages["flags.pupilPremium"]).toBeUndefined();
    expect(r.messages["strategies.inPlace"]).toEqual(["Best Practice Guidance strategies in place is required"]);
  });

  it("refuses fields of the other variant", () => {
    const r = earlyYearsReferral() as Record<string, unknown> & ReturnType<typeof earlyYearsReferral>;
    const withYear = { ...r, child: { ...r.child, yearGroup: "YR" } };
    expect(submit(withYear).messages["child.yearGroup"]?.[0]).toMatch(/^Year group is only for school referrals/);
    expect(draft(withYear).ok).toBe(true); // a draft may still hold it while the phase changes
  });

  it("needs at least two complete APDR cycles, each with its impact", () => {
    const r = schoolReferral();
    expect(submit({ ...r, apdrCycles: [r.apdrCycles[0]] }).messages["apdrCycles"]).toEqual([
      "What has been tried (assess, plan, do, review): at least 2 assess, plan, do, review cycles are needed, each with its impact (1 given)",
    ]);
    const noImpact = { ...r, apdrCycles: [r.apdrCycles[0], { ...r.apdrCycles[1], impact: "", review: undefined }] };
    const m = submit(noImpact).messages;
    expect(m["apdrCycles.1.impact"]).toEqual(["Cycle 2: Impact is required"]);
    expect(m["apdrCycles.1.review"]).toEqual(["Cycle 2: Review is required"]);
    expect(m["apdrCycles"]).toBeUndefined();
    expect(submit({ ...r, apdrCycles: [r.apdrCycles[0], r.apdrCycles[1], r.apdrCycles[0]] }).ok).toBe(true);
  });

  it("needs the agreement to engage given, by whom, and dated not in the future", () => {
    const r = schoolReferral();
    expect(submit({ ...r, agreementToEngage: { ...r.agreementToEngage, given: false } }).messages["agreementToEngage.given"]).toEqual([
      "Parent/carer agreement to engage must be given: no referral goes to LIFT without it",
    ]);
    expect(submit({ ...r, agreementToEngage: { ...r.agreementToEngage, date: "2025-11-11" } }).messages["agreementToEngage.date"]).toEqual([
      "Date of agreement cannot be in the future",
    ]);
    expect(submit({ ...r, agreementToEngage: { ...r.agreementToEngage, date: AS_OF } }).ok).toBe(true);
    const { name: _n, relationship: _r, ...anonymous } = r.agreementToEngage;
    const m = submit({ ...r, agreementToEngage: anonymous }).messages;
    expect(m["agreementToEngage.name"]).toEqual(["Parent/carer name is required"]);
    expect(m["agreementToEngage.relationship"]).toEqual(["Relationship to the child is required"]);
  });

  it("needs a secondary area different from the primary", () => {
    const r = schoolReferral();
    expect(submit({ ...r, needs: { primaryArea: "CL", secondaryArea: "CL" } }).messages["needs.secondaryArea"]).toEqual([
      "Secondary area of need must be different from the Primary area of need",
    ]);
    expect(submit({ ...r, needs: { primaryArea: "CL" } }).ok).toBe(true);
    expect(submit({ ...r, needs: { primaryArea: "XX" } }).messages["needs.primaryArea"]?.[0]).toMatch(/^Primary area of need must be one of/);
  });

  it("needs a reason when urgent, and a name for an Other agency", () => {
    const r = schoolReferral();
    expect(submit({ ...r, meeting: { ...r.meeting, urgent: true } }).messages["meeting.urgentReason"]).toEqual([
      "Why it is urgent is required when the referral is urgent",
    ]);
    expect(submit({ ...r, agencies: [{ agency: "other", involvement: "involved" }] }).messages["agencies.0.otherName"]).toBeDefined();
  });

  it("reports shape problems and rule problems together", () => {
    const r = schoolReferral();
    const m = submit({ ...r, question: { question: 42 }, child: { ...r.child, legalName: "" } }).messages;
    expect(m["question.question"]).toEqual(["Question for LIFT must be text"]);
    expect(m["child.legalName"]).toEqual(["Child's legal name is required"]);
  });

  it("takes today's date as input", () => {
    expect(() => referralSubmissionSchema("today")).toThrow(RangeError);
    expect(() => referralValidationMessages({}, { asOf: "2025-13-01" })).toThrow(RangeError);
  });
});

describe("early years age in months", () => {
  it("is derived from the date of birth at a given date", () => {
    expect(childAgeInMonths("2022-12-01", AS_OF)).toBe(35);
    expect(childAgeInMonths("2022-11-10", AS_OF)).toBe(36);
    expect(childAgeInMonths("2022-11-11", AS_OF)).toBe(35);
    expect(childAgeInMonths(AS_OF, AS_OF)).toBe(0);
    expect(childAgeInMonths("2025-11-11", AS_OF)).toBeUndefined();
    expect(childAgeInMonths("not a date", AS_OF)).toBeUndefined();
    expect(childAgeInMonths("2024-01-31", "2024-02-29")).toBe(0);
    expect(childAgeInMonths("2024-01-31", "2024-03-01")).toBe(1);
  });

  it("accepts 0–60 months and refuses older children or future births", () => {
    const ey = earlyYearsReferral();
    const withDob = (dateOfBirth: string) => submit({ ...ey, child: { ...ey.child, dateOfBirth } });
    expect(withDob("2025-11-01").ok).toBe(true); // newborn
    expect(withDob(AS_OF).messages["agreementToEngage.date"]).toEqual(["Date of agreement cannot be before the child's date of birth"]);
    expect(withDob("2020-11-10").ok).toBe(true); // exactly 60 months
    expect(withDob("2020-10-11").ok).toBe(true); // 60 months, a day short of 61
    expect(withDob("2020-10-10").messages["child.dateOfBirth"]?.[0]).toMatch(/^Date of birth gives an age of 61 months/);
    expect(withDob("2025-11-11").messages["child.dateOfBirth"]).toEqual(["Date of birth cannot be in the future"]);
  });

  it("warns, without blocking, when an early years child is of Reception age", () => {
    const ey = earlyYearsReferral();
    const r = submit({ ...ey, child: { ...ey.child, dateOfBirth: "2021-08-31" } });
    expect(r.ok).toBe(true);
    expect(r.warnings["child.dateOfBirth"]?.[0]).toMatch(/Reception age/);
    expect(submit({ ...ey, child: { ...ey.child, dateOfBirth: "2021-09-01" } }).warnings).toEqual({});
  });
});

describe("safety", () => {
  it("handles keys like __proto__ and valueOf as unknown fields, without touching prototypes", () => {
    const input = JSON.parse('{"setting":{"settingId":"DOV-P1","phase":"primary"},"__proto__":{"polluted":true},"child":{"valueOf":1,"constructor":2}}');
    const r = draft(input);
    expect(r.ok).toBe(false);
    expect(Object.keys(r.messages).sort()).toEqual(["__proto__", "child.constructor", "child.valueOf"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("never echoes the child's identifying values in messages", () => {
    const r = schoolReferral();
    const bad = {
      ...r,
      child: { ...r.child, legalName: "Zebedee Quill", dateOfBirth: "2001-02-03", yearGroup: "Y2" },
      agreementToEngage: { ...r.agreementToEngage, name: "Ophelia Quill", date: "2030-01-01" },
    };
    const result = submit(bad);
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result.messages);
    for (const secret of ["Zebedee", "Ophelia", "2001-02-03", "3 February 2001"]) expect(text).not.toContain(secret);
  });
});

describe("types", () => {
  it("types drafts for the form and submissions for the server", () => {
    expectTypeOf<ReferralDraftInput["setting"]["phase"]>().toEqualTypeOf<"primary" | "secondary" | "all-through" | "early-years">();
    expectTypeOf<NonNullable<ReferralDraftInput["child"]>["yearGroup"]>().toEqualTypeOf<
      "YR" | "Y1" | "Y2" | "Y3" | "Y4" | "Y5" | "Y6" | "Y7" | "Y8" | "Y9" | "Y10" | "Y11" | "Y12" | "Y13" | undefined
    >();
    const parsed = ReferralSubmission(AS_OF).safeParse(schoolReferral());
    if (parsed.success) {
      expectTypeOf(parsed.data).toEqualTypeOf<SubmittedReferral>();
      expectTypeOf(parsed.data.child.legalName).toBeString();
      expectTypeOf(parsed.data.needs.primaryArea).toEqualTypeOf<"CI" | "CL" | "SEMH" | "SP">();
    }
    expect(parsed.success).toBe(true);
  });
});
