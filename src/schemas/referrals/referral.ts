/**
 * The LIFT referral (LIFT request form): ONE definition shared by the React form, the server and the
 * SharePoint list definition.
 *
 * - `REFERRAL_GROUPS` / `REFERRAL_LISTS` define every field once (label, section, help, variants,
 *   required, identifying). `REFERRAL_FIELDS` is the flat catalogue (dotted paths) and
 *   `referralFormSections(variant)` the same grouped by section, for a form to iterate.
 * - `ReferralDraft`: a draft may stop anywhere. Everything is optional except the setting (id and
 *   phase, which choose the variant); strings are trimmed and length-capped; unknown keys are
 *   rejected with a message naming the key.
 * - `referralSubmissionSchema(asOf)`: the same shape plus every rule for a complete referral, with
 *   field-level messages at dotted paths (`child.dateOfBirth`, `apdrCycles`, `agreementToEngage.date`).
 *   `asOf` is today's date (YYYY-MM-DD, UK) supplied by the caller — nothing here reads the clock.
 * - `referralValidationMessages(input, { asOf, mode })`: the messages keyed by dotted path, for the
 *   browser and the server alike.
 *
 * Free text is plain text: trimmed and capped, never stripped of markup and never interpreted.
 */
import { z } from "zod";
import {
  type FieldDef,
  type ReferralVariant,
  REFERRAL_SECTIONS,
  bool,
  choice,
  date,
  derived,
  email,
  labelFor,
  list,
  multichoice,
  num,
  phone,
  strictObject,
  strictOptionalObject,
  text,
  textarea,
} from "./fields";
import { type PlainDate, ageInMonths, comparePlainDates, parsePlainDate } from "../../domain/time/plain-dates";
import {
  type YearGroup,
  YEAR_GROUPS,
  YEAR_GROUP_LABELS,
  dateOfBirthProblemForEarlyYears,
  dateOfBirthProblemForYearGroup,
  isReceptionAgeOrOlder,
} from "../../domain/time/year-groups";
import type { Phase } from "../reference/setting";

export { REFERRAL_SECTIONS, REFERRAL_VARIANTS, labelFor } from "./fields";
export type { FieldKind, FieldOption, ReferralSectionId, ReferralVariant } from "./fields";

// ---------------------------------------------------------------------------------------------
// Code lists

/** The four broad areas of need (SEND Code of Practice), with stable codes for storage and reports. */
export const AREAS_OF_NEED = [
  { value: "CI", label: "Communication and Interaction", short: "C&I" },
  { value: "CL", label: "Cognition and Learning", short: "C&L" },
  { value: "SEMH", label: "Social, Emotional and Mental Health", short: "SEMH" },
  { value: "SP", label: "Sensory and/or Physical", short: "Sensory/Physical" },
] as const;
export type AreaOfNeed = (typeof AREAS_OF_NEED)[number]["value"];
export const AreaOfNeed = z.enum(["CI", "CL", "SEMH", "SP"]);

const PHASE_OPTIONS = [
  { value: "primary", label: "Primary" },
  { value: "secondary", label: "Secondary" },
  { value: "all-through", label: "All-through" },
  { value: "early-years", label: "Early years" },
] as const;
// The setting phases must stay the reference data's phases.
type _PhasesMatch = [Phase] extends [(typeof PHASE_OPTIONS)[number]["value"]]
  ? [(typeof PHASE_OPTIONS)[number]["value"]] extends [Phase]
    ? true
    : never
  : never;
const _phasesMatch: _PhasesMatch = true;
void _phasesMatch;

/** The variant follows the setting's phase: early years settings use the EY form, all schools the school form. */
export function variantForPhase(phase: unknown): ReferralVariant | undefined {
  if (phase === "early-years") return "early-years";
  if (phase === "primary" || phase === "secondary" || phase === "all-through") return "school";
  return undefined;
}

type YearGroupOption = { value: YearGroup; label: string };
const YEAR_GROUP_OPTIONS = YEAR_GROUPS.map((y) => ({ value: y, label: YEAR_GROUP_LABELS[y] })) as unknown as readonly [
  YearGroupOption,
  ...YearGroupOption[],
];

/** NHS number: 10 digits with a modulus 11 check digit (spaces allowed as typed: 943 476 5919). */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/\s+/g, "");
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

// ---------------------------------------------------------------------------------------------
// Fields, by group (the object key in the data) — each carries its section for the form.

const S = "school" as const;
const EY = "early-years" as const;

const settingFields = {
  settingId: text({
    label: "School or setting",
    section: "referrer",
    help: "Chosen from your school or setting; decides the form (school or early years).",
    required: true,
    draftRequired: true,
    max: 20,
    pattern: { test: (v) => /^[A-Z]{3}-[A-Z0-9]+$/.test(v), message: "choose a school or setting from the list" },
  }),
  phase: choice({ label: "Phase", section: "referrer", required: true, draftRequired: true }, PHASE_OPTIONS),
  name: text({ label: "School or setting name", section: "referrer", max: 120 }),
  urn: text({
    label: "URN or Ofsted number",
    section: "referrer",
    max: 8,
    pattern: { test: (v) => /^(\d{6}|EY\d{6})$/i.test(v), message: "6 digits (URN) or EY and 6 digits (Ofsted)" },
  }),
  communityOfSchools: text({ label: "Community of Schools", section: "referrer", variants: [S], max: 120 }),
};

const referrerFields = {
  name: text({ label: "Referrer name", section: "referrer", required: true, max: 100 }),
  role: text({ label: "Referrer role", section: "referrer", help: "For example SENCo, or EY setting manager.", max: 100 }),
  email: email({ label: "Referrer email", section: "referrer", required: true }),
  phone: phone({ label: "Referrer phone", section: "referrer" }),
  headteacherAware: bool({ label: "Headteacher or manager aware of this referral", section: "referrer", required: true }),
  linkTeacher: text({ label: "Link teacher (if known)", section: "referrer", max: 100 }),
};

const childFields = {
  legalName: text({
    label: "Child's legal name",
    section: "child",
    help: "Forename and surname as on the school or setting's records.",
    required: true,
    identifying: true,
    max: 100,
  }),
  preferredName: text({ label: "Preferred name", section: "child", identifying: true, max: 60 }),
  dateOfBirth: date({ label: "Date of birth", section: "child", required: true, identifying: true }),
  yearGroup: choice(
    {
      label: "Year group",
      section: "child",
      variants: [S],
      required: true,
      help: "The year group the child is taught in. If it is not their chronological year group, say so in Presenting needs.",
    },
    YEAR_GROUP_OPTIONS,
  ),
  ageInMonths: derived({
    label: "Age in months",
    section: "child",
    variants: [EY],
    derivedFrom: "the date of birth",
    help: "Worked out from the date of birth.",
  }),
  gender: choice({ label: "Gender", section: "child" }, [
    { value: "female", label: "Female" },
    { value: "male", label: "Male" },
    { value: "other", label: "Other" },
    { value: "not-stated", label: "Prefer not to say" },
  ]),
  upn: text({
    label: "Unique pupil number (UPN)",
    section: "child",
    variants: [S],
    identifying: true,
    max: 13,
    pattern: { test: (v) => /^[A-Z]\d{11}[0-9A-Z]$/i.test(v), message: "a letter followed by 12 characters (13 in all)" },
  }),
  nhsNumber: text({
    label: "NHS number",
    section: "child",
    variants: [EY],
    identifying: true,
    max: 12,
    pattern: { test: isValidNhsNumber, message: "10 digits, as on the red book or a health letter" },
  }),
  firstLanguage: text({ label: "First language", section: "child", max: 60 }),
  eal: bool({ label: "English as an additional language", section: "child" }),
  interpreterNeeded: bool({ label: "Interpreter needed for the family", section: "child" }),
  hoursPerWeek: num({ label: "Hours attended per week", section: "child", variants: [EY], min: 0, max: 60 }),
};

const flagFields = {
  senStatus: choice({ label: "SEN status", section: "flags", required: true }, [
    { value: "none", label: "Not yet on SEN support" },
    { value: "sen-support", label: "SEN support" },
    { value: "ehcp", label: "EHC plan" },
  ]),
  ehcpRequested: bool({ label: "EHC needs assessment requested", section: "flags" }),
  lookedAfter: bool({ label: "Looked after child", section: "flags", required: true }),
  childProtection: bool({ label: "Child protection plan", section: "flags", required: true }),
  childInNeed: bool({ label: "Child in need plan", section: "flags", required: true }),
  earlyHelp: bool({ label: "Early Help involved", section: "flags", required: true }),
  pupilPremium: bool({ label: "Pupil premium", section: "flags", variants: [S], required: true }),
  attendancePercent: num({ label: "Attendance (%)", section: "flags", variants: [S], min: 0, max: 100 }),
  suspensionsOrPartTime: bool({
    label: "Suspensions, exclusions or a part-time timetable",
    section: "flags",
    variants: [S],
  }),
};

const needFields = {
  primaryArea: choice(
    { label: "Primary area of need", section: "needs", required: true, help: "The area of need that most affects the child's learning now." },
    AREAS_OF_NEED.map(({ value, label }) => ({ value, label })) as unknown as typeof AREAS_OF_NEED,
  ),
  secondaryArea: choice(
    { label: "Secondary area of need", section: "needs", help: "Optional; different from the primary area." },
    AREAS_OF_NEED.map(({ value, label }) => ({ value, label })) as unknown as typeof AREAS_OF_NEED,
  ),
  needType: choice({ label: "SEN need type (DfE code)", section: "needs" }, [
    { value: "SPLD", label: "Specific learning difficulty (SpLD)" },
    { value: "MLD", label: "Moderate learning difficulty (MLD)" },
    { value: "SLD", label: "Severe learning difficulty (SLD)" },
    { value: "PMLD", label: "Profound and multiple learning difficulty (PMLD)" },
    { value: "SEMH", label: "Social, emotional and mental health (SEMH)" },
    { value: "SLCN", label: "Speech, language and communication needs (SLCN)" },
    { value: "HI", label: "Hearing impairment (HI)" },
    { value: "VI", label: "Visual impairment (VI)" },
    { value: "MSI", label: "Multi-sensory impairment (MSI)" },
    { value: "PD", label: "Physical disability (PD)" },
    { value: "ASD", label: "Autistic spectrum disorder (ASD)" },
    { value: "OTH", label: "Other difficulty or disability (OTH)" },
  ]),
  diagnosis: textarea({
    label: "Diagnosis or assessment, if any",
    section: "needs",
    help: "Not needed for a referral: support does not depend on a diagnosis.",
    max: 500,
  }),
};

const questionFields = {
  question: textarea({
    label: "Question for LIFT",
    section: "question",
    required: true,
    max: 500,
    help: "The one question you want LIFT to help with, e.g. \"How can we help him to stay in class for a whole lesson?\"",
  }),
  hopedFor: multichoice({ label: "What you hope LIFT can offer", section: "question" }, [
    { value: "advice", label: "Advice and strategies" },
    { value: "training", label: "Training" },
    { value: "peer-support", label: "Support from another school or setting" },
    { value: "specialist-teacher", label: "Specialist teacher involvement" },
    { value: "ep", label: "Educational psychologist involvement" },
    { value: "other", label: "Other" },
  ]),
};

const profileFields = {
  strengths: textarea({ label: "Strengths and interests", section: "profile", required: true, max: 2000 }),
  presentingNeeds: textarea({
    label: "Presenting needs",
    section: "profile",
    required: true,
    max: 2000,
    help: "What the child finds difficult, where and when.",
  }),
  whatHelps: textarea({ label: "What already helps", section: "profile", max: 2000 }),
};

const strategyFields = {
  inPlace: textarea({
    label: "Mainstream Core Standards strategies in place",
    labelByVariant: { "early-years": "Best Practice Guidance strategies in place" },
    section: "strategies",
    required: true,
    max: 4000,
    help: "The strategies from the Mainstream Core Standards (schools) or Best Practice Guidance (early years) already in place.",
  }),
};

const viewFields = {
  parentCarer: textarea({
    label: "Parent/carer views",
    section: "views",
    max: 2000,
    help: "Parents and carers are encouraged to add their own views.",
  }),
  child: textarea({ label: "Child's views", section: "views", max: 2000, help: "In a way that suits the child's age and understanding." }),
};

const agreementFields = {
  given: bool({
    label: "Parent/carer agreement to engage",
    section: "agreement",
    required: true,
    help:
      "The parent/carer has seen the school or setting's part of this form and agrees to the referral being discussed at LIFT. " +
      "No referral goes to LIFT without it. (It is an agreement to the service, not the legal basis for processing.)",
  }),
  name: text({ label: "Parent/carer name", section: "agreement", required: true, identifying: true, max: 100 }),
  relationship: choice({ label: "Relationship to the child", section: "agreement", required: true }, [
    { value: "mother", label: "Mother" },
    { value: "father", label: "Father" },
    { value: "step-parent", label: "Step-parent" },
    { value: "foster-carer", label: "Foster carer" },
    { value: "special-guardian", label: "Special guardian" },
    { value: "grandparent", label: "Grandparent" },
    { value: "other-relative", label: "Other relative" },
    { value: "other", label: "Other" },
  ]),
  parentalResponsibility: bool({ label: "Has parental responsibility", section: "agreement", required: true }),
  date: date({ label: "Date of agreement", section: "agreement", required: true }),
  method: choice({ label: "How the agreement was given", section: "agreement", required: true }, [
    { value: "signed-form", label: "Signed form" },
    { value: "e-signature", label: "Electronic signature" },
    { value: "verbal", label: "Confirmed verbally to the SENCo" },
  ]),
  specialistInvolvement: bool({ label: "Agrees to specialist involvement if LIFT recommends it", section: "agreement" }),
  privacyNoticeShown: bool({ label: "Privacy notice shared with the family", section: "agreement" }),
};

const attachmentFields = {
  currentPlan: bool({ label: "Current personalised plan", section: "attachments", variants: [S] }),
  reviewedPlan: bool({
    label: "Reviewed personalised plan",
    labelByVariant: { "early-years": "Reviewed targeted or personalised plan" },
    section: "attachments",
  }),
  provisionMap: bool({ label: "Provision map", section: "attachments", variants: [S] }),
  assessments: bool({ label: "Assessment results", section: "attachments" }),
  professionalReports: bool({ label: "Other professionals' reports", section: "attachments" }),
  twoYearReview: bool({ label: "Healthy Child Programme two-year review", section: "attachments", variants: [EY] }),
  progressCheckAtTwo: bool({ label: "EYFS progress check at two", section: "attachments", variants: [EY] }),
  noteOfVisit: bool({ label: "Equality and Inclusion note of visit", section: "attachments", variants: [EY] }),
  bpgAudit: bool({ label: "Best Practice Guidance audit tool", section: "attachments", variants: [EY] }),
};

const meetingFields = {
  meetingId: text({
    label: "LIFT meeting",
    section: "meeting",
    required: true,
    max: 64,
    help: "A LIFT meeting of your district for your phase. The deadline is usually the Wednesday before (a week earlier for early years).",
  }),
  urgent: bool({ label: "Urgent", section: "meeting", help: "For example a child with complex needs joining, or a high risk of exclusion." }),
  urgentReason: textarea({ label: "Why it is urgent", section: "meeting", max: 500 }),
};

export const apdrCycles = list(
  {
    label: "What has been tried (assess, plan, do, review)",
    section: "apdr",
    required: true,
    minItems: 2,
    maxItems: 8,
    help: "At least two assess, plan, do, review cycles, each with its impact.",
  },
  {
    assess: textarea({ label: "Assess", section: "apdr", required: true, max: 2000, help: "Assessments used, when, and the results." }),
    plan: textarea({ label: "Plan", section: "apdr", required: true, max: 2000, help: "Targets or outcomes." }),
    do: textarea({ label: "Do", section: "apdr", required: true, max: 2000, help: "Provision or intervention, how often, and who." }),
    review: textarea({ label: "Review", section: "apdr", required: true, max: 2000, help: "Progress against the targets and next steps." }),
    impact: textarea({ label: "Impact", section: "apdr", required: true, max: 1000 }),
    reviewDate: date({ label: "Review date", section: "apdr" }),
  },
);

export const agencies = list(
  { label: "Other agencies involved", section: "agencies", minItems: 0, maxItems: 15 },
  {
    agency: choice({ label: "Agency", section: "agencies", required: true }, [
      { value: "salt", label: "Speech and language therapy" },
      { value: "ot", label: "Occupational therapy" },
      { value: "physio", label: "Physiotherapy" },
      { value: "paediatrician", label: "Paediatrician" },
      { value: "camhs", label: "CAMHS or mental health support team" },
      { value: "ep", label: "Educational psychologist" },
      { value: "early-help", label: "Early Help" },
      { value: "social-care", label: "Social care" },
      { value: "sensory-physical", label: "Sensory or physical disability service" },
      { value: "portage", label: "Portage" },
      { value: "health-visitor", label: "Health visitor" },
      { value: "other", label: "Other" },
    ]),
    otherName: text({ label: "Agency name", section: "agencies", max: 100, help: "When the agency is Other." }),
    involvement: choice({ label: "Involvement", section: "agencies", required: true }, [
      { value: "involved", label: "Involved now" },
      { value: "referred", label: "Referred, waiting" },
      { value: "previously", label: "Involved before" },
    ]),
    since: date({ label: "Since", section: "agencies" }),
    reportAttached: bool({ label: "Report attached", section: "agencies" }),
  },
);

/** Every group of fields, keyed by its key in the data. */
export const REFERRAL_GROUPS = {
  setting: settingFields,
  referrer: referrerFields,
  child: childFields,
  flags: flagFields,
  needs: needFields,
  question: questionFields,
  profile: profileFields,
  strategies: strategyFields,
  views: viewFields,
  agreementToEngage: agreementFields,
  attachments: attachmentFields,
  meeting: meetingFields,
} as const;

/** Repeated groups, keyed by their key in the data. */
export const REFERRAL_LISTS = { apdrCycles, agencies } as const;

// ---------------------------------------------------------------------------------------------
// Schemas

const SettingSchema = strictObject("School or setting", {
  settingId: settingFields.settingId.schema.refine((v) => v !== "", "School or setting is required"),
  phase: settingFields.phase.schema,
  name: settingFields.name.schema.optional(),
  urn: settingFields.urn.schema.optional(),
  communityOfSchools: settingFields.communityOfSchools.schema.optional(),
});

/** A saved draft: only the setting is required; every other field may be missing or "". */
export const ReferralDraft = strictObject("Referral", {
  setting: SettingSchema,
  referrer: strictOptionalObject("Referrer", referrerFields).optional(),
  child: strictOptionalObject("Child", childFields).optional(),
  flags: strictOptionalObject("SEN status and flags", flagFields).optional(),
  needs: strictOptionalObject("Areas of need", needFields).optional(),
  question: strictOptionalObject("Question for LIFT", questionFields).optional(),
  profile: strictOptionalObject("Strengths and presenting needs", profileFields).optional(),
  apdrCycles: apdrCycles.schema.optional(),
  strategies: strictOptionalObject("Strategies in place", strategyFields).optional(),
  agencies: agencies.schema.optional(),
  views: strictOptionalObject("Parent/carer and child views", viewFields).optional(),
  agreementToEngage: strictOptionalObject("Parent/carer agreement to engage", agreementFields).optional(),
  attachments: strictOptionalObject("Attachments", attachmentFields).optional(),
  meeting: strictOptionalObject("LIFT meeting", meetingFields).optional(),
});
/** What the form sends. */
export type ReferralDraftInput = z.input<typeof ReferralDraft>;
/** A parsed draft (strings trimmed). */
export type ReferralDraft = z.output<typeof ReferralDraft>;

type Issue = { path: (string | number)[]; message: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function at(v: unknown, key: string | number): unknown {
  if (typeof key === "number") return Array.isArray(v) ? v[key] : undefined;
  return isRecord(v) && Object.prototype.hasOwnProperty.call(v, key) ? v[key] : undefined;
}
function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);
}
function otherVariant(v: ReferralVariant): string {
  return v === "school" ? "early years" : "school";
}

function parseAsOf(asOf: string): PlainDate {
  const d = parsePlainDate(asOf);
  if (!d) throw new RangeError(`asOf must be a date YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  return d;
}

/**
 * The rules for a complete referral, read defensively from the raw input (so they run alongside
 * the shape's own messages, and never throw on malformed input).
 */
function submissionIssues(input: unknown, asOf: PlainDate): Issue[] {
  const issues: Issue[] = [];
  if (!isRecord(input)) return issues;
  const variant = variantForPhase(at(at(input, "setting"), "phase"));

  // Required fields, and fields that belong to the other variant.
  for (const [groupKey, fields] of Object.entries(REFERRAL_GROUPS) as [string, Record<string, FieldDef>][]) {
    const group = at(input, groupKey);
    for (const [key, def] of Object.entries(fields)) {
      if (def.kind === "derived") continue;
      const value = at(group, key);
      const applies = variant === undefined || def.variants.includes(variant);
      const label = labelFor(def, variant);
      if (applies && def.required && isBlank(value) && !(groupKey === "setting")) {
        issues.push({ path: [groupKey, key], message: def.kind === "boolean" ? `${label} is required (answer yes or no)` : `${label} is required` });
      } else if (!applies && variant && !isBlank(value)) {
        issues.push({
          path: [groupKey, key],
          message: `${label} is only for ${otherVariant(variant)} referrals; clear it for a ${variant === "school" ? "school" : "early years"} referral`,
        });
      }
    }
  }

  // Repeated groups: at least N, and each item complete.
  for (const [listKey, def] of Object.entries(REFERRAL_LISTS) as [string, (typeof REFERRAL_LISTS)[keyof typeof REFERRAL_LISTS]][]) {
    const items = at(input, listKey);
    const count = Array.isArray(items) ? items.length : 0;
    if (def.required && count < def.minItems) {
      issues.push({
        path: [listKey],
        message:
          listKey === "apdrCycles"
            ? `${def.label}: at least ${def.minItems} assess, plan, do, review cycles are needed, each with its impact (${count} given)`
            : `${def.label}: at least ${def.minItems} needed (${count} given)`,
      });
    }
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      if (!isRecord(item)) return;
      for (const [key, itemDef] of Object.entries(def.item as Record<string, FieldDef>)) {
        if (itemDef.required && isBlank(item[key])) {
          const what = listKey === "apdrCycles" ? `Cycle ${i + 1}` : `${def.label} ${i + 1}`;
          issues.push({ path: [listKey, i, key], message: `${what}: ${itemDef.label} is required` });
        }
      }
      if (listKey === "agencies" && item.agency === "other" && isBlank(item.otherName)) {
        issues.push({ path: [listKey, i, "otherName"], message: `${def.label} ${i + 1}: Agency name is required when the agency is Other` });
      }
    });
  }

  // Date of birth: not in the future, plausible for the year group (school) or the age range (EY).
  const dob = parsePlainDate(at(at(input, "child"), "dateOfBirth"));
  if (dob) {
    if (comparePlainDates(dob, asOf) > 0) {
      issues.push({ path: ["child", "dateOfBirth"], message: "Date of birth cannot be in the future" });
    } else if (variant === "school") {
      const y = at(at(input, "child"), "yearGroup");
      if ((YEAR_GROUPS as readonly unknown[]).includes(y)) {
        const problem = dateOfBirthProblemForYearGroup(dob, y as YearGroup, asOf);
        if (problem) issues.push({ path: ["child", "dateOfBirth"], message: problem });
      }
    } else if (variant === "early-years") {
      const problem = dateOfBirthProblemForEarlyYears(dob, asOf);
      if (problem) issues.push({ path: ["child", "dateOfBirth"], message: problem });
    }
  }

  // Secondary area differs from primary.
  const needs = at(input, "needs");
  const primary = at(needs, "primaryArea");
  if (!isBlank(primary) && at(needs, "secondaryArea") === primary) {
    issues.push({ path: ["needs", "secondaryArea"], message: "Secondary area of need must be different from the Primary area of need" });
  }

  // Agreement to engage: given, and dated not in the future (nor before the child was born).
  const agreement = at(input, "agreementToEngage");
  if (at(agreement, "given") === false) {
    issues.push({
      path: ["agreementToEngage", "given"],
      message: "Parent/carer agreement to engage must be given: no referral goes to LIFT without it",
    });
  }
  const agreedOn = parsePlainDate(at(agreement, "date"));
  if (agreedOn && comparePlainDates(agreedOn, asOf) > 0) {
    issues.push({ path: ["agreementToEngage", "date"], message: "Date of agreement cannot be in the future" });
  } else if (agreedOn && dob && comparePlainDates(agreedOn, dob) < 0) {
    issues.push({ path: ["agreementToEngage", "date"], message: "Date of agreement cannot be before the child's date of birth" });
  }

  // Urgent needs a reason.
  const meeting = at(input, "meeting");
  if (at(meeting, "urgent") === true && isBlank(at(meeting, "urgentReason"))) {
    issues.push({ path: ["meeting", "urgentReason"], message: "Why it is urgent is required when the referral is urgent" });
  }
  return issues;
}

type Present<T> = NonNullable<T>;
/**
 * A referral that passed `referralSubmissionSchema`: the fields required for every variant are
 * present (variant-specific ones, like Year group, stay optional in the type).
 */
export type SubmittedReferral = ReferralDraft & {
  referrer: Present<ReferralDraft["referrer"]> & { name: string; email: string; headteacherAware: boolean };
  child: Present<ReferralDraft["child"]> & { legalName: string; dateOfBirth: string };
  flags: Present<ReferralDraft["flags"]>;
  needs: Present<ReferralDraft["needs"]> & { primaryArea: AreaOfNeed };
  question: Present<ReferralDraft["question"]> & { question: string };
  profile: Present<ReferralDraft["profile"]> & { strengths: string; presentingNeeds: string };
  apdrCycles: Present<ReferralDraft["apdrCycles"]>;
  strategies: Present<ReferralDraft["strategies"]> & { inPlace: string };
  agreementToEngage: Present<ReferralDraft["agreementToEngage"]> & { given: true; name: string; date: string };
  meeting: Present<ReferralDraft["meeting"]> & { meetingId: string };
};

/** The schema for submitting a referral on `asOf` (today, YYYY-MM-DD, UK): the draft's shape plus every rule. */
export function referralSubmissionSchema(asOf: string) {
  const today = parseAsOf(asOf);
  return ReferralDraft.check(
    z.superRefine<ReferralDraft>(
      (value, ctx) => {
        for (const issue of submissionIssues(value, today)) {
          ctx.addIssue({ code: "custom", path: issue.path, message: issue.message, input: value });
        }
      },
      // Run even when the shape already has problems, so every message is reported at once.
      { when: () => true },
    ),
  ).transform((value) => value as SubmittedReferral);
}
/** Alias that reads as the rule is stated: `ReferralSubmission(asOf).safeParse(input)`. */
export const ReferralSubmission = referralSubmissionSchema;

// ---------------------------------------------------------------------------------------------
// Messages for the form and the server

export interface ReferralValidationResult {
  ok: boolean;
  /** Field-level messages keyed by dotted path ("child.dateOfBirth", "apdrCycles.0.impact"); "" = the whole form. */
  messages: Record<string, string[]>;
  /** Advice that does not block (e.g. a Reception-age child in an early years setting). */
  warnings: Record<string, string[]>;
  /** The parsed referral when ok (a SubmittedReferral in mode "submit"). */
  value?: ReferralDraft;
}

export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join(".");
}

/**
 * Validate a draft (mode "draft") or a submission (mode "submit") and return messages keyed by
 * dotted path. An unknown key is reported at its own path ("child.nickname").
 */
export function referralValidationMessages(
  input: unknown,
  options: { asOf: string; mode?: "draft" | "submit" },
): ReferralValidationResult {
  const mode = options.mode ?? "submit";
  const schema = mode === "submit" ? referralSubmissionSchema(options.asOf) : ReferralDraft;
  const result = schema.safeParse(input);
  // A Map, not an object: keys come from the input ("__proto__", "valueOf" …).
  const byPath = new Map<string, string[]>();
  const add = (key: string, message: string) => {
    const list = byPath.get(key) ?? [];
    if (!list.includes(message)) list.push(message);
    byPath.set(key, list);
  };
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          add(issuePath([...issue.path, key]), `Unknown field "${key}": it is not part of the LIFT referral form`);
        }
      } else {
        add(issuePath(issue.path), issue.message);
      }
    }
  }
  const messages = Object.fromEntries(byPath) as Record<string, string[]>;
  const warnings = referralWarnings(input, options.asOf);
  return result.success
    ? { ok: true, messages, warnings, value: result.data }
    : { ok: false, messages, warnings };
}

/** Non-blocking advice. */
export function referralWarnings(input: unknown, asOf: string): Record<string, string[]> {
  const warnings: Record<string, string[]> = {};
  const today = parseAsOf(asOf);
  const variant = variantForPhase(at(at(input, "setting"), "phase"));
  const dob = parsePlainDate(at(at(input, "child"), "dateOfBirth"));
  if (variant === "early-years" && dob && comparePlainDates(dob, today) <= 0) {
    const months = ageInMonths(dob, today);
    if (months <= 60 && isReceptionAgeOrOlder(dob, today)) {
      warnings["child.dateOfBirth"] = [
        `The child is of Reception age this school year (${months} months). That is rare in an early years setting: check the date of birth, or use a school referral if the child has started school.`,
      ];
    }
  }
  return warnings;
}

/** The EY "Age in months" value: whole months on `asOf`, or undefined without a valid, past date of birth. */
export function childAgeInMonths(dateOfBirth: unknown, asOf: string): number | undefined {
  const dob = parsePlainDate(dateOfBirth);
  if (!dob) return undefined;
  const months = ageInMonths(dob, parseAsOf(asOf));
  return months >= 0 ? months : undefined;
}

// ---------------------------------------------------------------------------------------------
// The catalogue: every field with its dotted path, for the form and the list definition

export interface ReferralField extends Omit<FieldDef, "schema"> {
  /** Dotted path in the data: "child.legalName", "apdrCycles"; list items are relative ("assess"). */
  path: string;
  /** Lists only. */
  minItems?: number;
  maxItems?: number;
  itemFields?: readonly ReferralField[];
}

function describe(path: string, def: FieldDef): ReferralField {
  const { schema: _schema, ...rest } = def as FieldDef & { item?: Record<string, FieldDef> };
  const out: ReferralField & { item?: unknown } = { path, ...rest };
  if (def.kind === "list") {
    const item = (def as FieldDef & { item: Record<string, FieldDef> }).item;
    delete out.item;
    out.itemFields = Object.entries(item).map(([k, d]) => describe(k, d));
  }
  return out;
}

function buildCatalogue(): ReferralField[] {
  const fields: ReferralField[] = [];
  for (const [groupKey, group] of Object.entries(REFERRAL_GROUPS) as [string, Record<string, FieldDef>][]) {
    for (const [key, def] of Object.entries(group)) fields.push(describe(`${groupKey}.${key}`, def));
  }
  for (const [listKey, def] of Object.entries(REFERRAL_LISTS)) fields.push(describe(listKey, def as unknown as FieldDef));
  const order = REFERRAL_SECTIONS.map((s) => s.id as string);
  // Stable sort by section (display order); within a section, definition order.
  return fields
    .map((f, i) => ({ f, i }))
    .sort((a, b) => order.indexOf(a.f.section) - order.indexOf(b.f.section) || a.i - b.i)
    .map(({ f }) => f);
}

/** Every field of the referral in display order (both variants). */
export const REFERRAL_FIELDS: readonly ReferralField[] = Object.freeze(buildCatalogue());

export function referralField(path: string): ReferralField | undefined {
  return REFERRAL_FIELDS.find((f) => f.path === path);
}

/** The sections of a variant's form with their fields and the labels that variant shows. */
export function referralFormSections(variant: ReferralVariant) {
  return REFERRAL_SECTIONS.map((section) => ({
    ...section,
    fields: REFERRAL_FIELDS.filter((f) => f.section === section.id && f.variants.includes(variant)).map((f) => ({
      ...f,
      label: labelFor(f, variant),
      itemFields: f.itemFields?.filter((i) => i.variants.includes(variant)),
    })),
  })).filter((s) => s.fields.length > 0);
}

/** Dotted paths of the fields that identify the child or family. */
export const IDENTIFYING_PATHS: readonly string[] = REFERRAL_FIELDS.filter((f) => f.identifying).map((f) => f.path);

/**
 * A copy of a referral without identifying fields, for stage views, commissioner views and logs.
 * (Free text may still mention names: views for other schools should show only the case reference,
 * school, year group and area of need.)
 */
export function withoutIdentifyingFields<T extends Record<string, unknown>>(referral: T): T {
  const copy: Record<string, unknown> = { ...referral };
  for (const path of IDENTIFYING_PATHS) {
    const [group, key] = path.split(".") as [string, string | undefined];
    if (key === undefined) {
      delete copy[group];
      continue;
    }
    const inner = copy[group];
    if (isRecord(inner) && key in inner) {
      const { [key]: _dropped, ...rest } = inner;
      copy[group] = rest;
    }
  }
  return copy as T;
}
