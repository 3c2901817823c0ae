/** Who is asked which questionnaire, when, and under which key (src/domain/questionnaires/triggers.ts). */
import { describe, expect, it } from "vitest";
import { planAnnualSurveys, planInvitations, type AnnualInput, type TriggerInput } from "../../../src/domain/questionnaires/triggers";

const TERMS = [
  { academicYear: "2026-27", term: 1, start: "2026-09-02", end: "2026-10-23" },
  { academicYear: "2026-27", term: 2, start: "2026-11-02", end: "2026-12-18" },
];
const SENCO_A = "6E9A3B96-5BB2-5D26-A408-9ABA1D933F2A";
const SENCO_B = "209850a5-df58-57f3-afca-10958c0deb01";
const base = (extra: Partial<TriggerInput> = {}): TriggerInput => ({
  today: "2026-12-11",
  terms: TERMS,
  meetings: [],
  closedCases: [],
  sessions: [],
  events: [],
  sencosOf: (id) => (id === "DOV-P1" ? [SENCO_A] : id === "DOV-S2" ? [SENCO_B, SENCO_A] : []),
  ...extra,
});

describe("planInvitations", () => {
  it("asks each SENCo of the attending settings once about a meeting that is over, with a key that does not change", () => {
    const input = base({ meetings: [{ meetingId: "12", districtSlug: "dover", date: "2026-12-10", settingIds: ["DOV-P1", "DOV-S2", "DOV-X9"] }] });
    const plan = planInvitations(input);
    expect(plan.map((p) => p.key)).toEqual([`lift-satisfaction|meeting:12|person:${SENCO_B}`, `lift-satisfaction|meeting:12|person:${SENCO_A.toLowerCase()}`]);
    expect(plan[0]).toMatchObject({ questionnaireId: "lift-satisfaction", version: 1, channel: "teams", academicYear: "2026-27", term: 2, subjectDate: "2026-12-10" });
    expect(planInvitations(input)).toEqual(plan);
  });

  it("waits until the day after a meeting, session or event, and leaves subjects older than the look-back alone", () => {
    const meetings = [
      { meetingId: "1", districtSlug: "dover", date: "2026-12-11", settingIds: ["DOV-P1"] },
      { meetingId: "2", districtSlug: "dover", date: "2026-10-01", settingIds: ["DOV-P1"] },
    ];
    expect(planInvitations(base({ meetings }))).toEqual([]);
    expect(planInvitations(base({ meetings, lookBackDays: 90 })).map((p) => p.subjectKey)).toEqual(["meeting:2"]);
  });

  it("asks the setting's SENCo and gives the family one link when a case closes, counted in the term it closed (a holiday closure in the term before)", () => {
    const plan = planInvitations(base({ closedCases: [{ caseId: "40", districtSlug: "dover", settingId: "DOV-P1", closedAt: "2026-10-30" }] }));
    expect(plan.map((p) => [p.key, p.channel, p.term])).toEqual([
      [`end-of-intervention-staff|case:40|person:${SENCO_A.toLowerCase()}`, "teams", 1],
      ["end-of-intervention-parent|case:40|link:family", "link", 1],
    ]);
  });

  it("asks staff sessions' settings and transition events' settings in Teams, and gives a parents' session one link per attendee", () => {
    const plan = planInvitations(
      base({
        sessions: [
          { sessionId: "7", districtSlug: "dover", date: "2026-12-01", audience: "staff", settingIds: ["DOV-P1"], attendees: 12 },
          { sessionId: "8", districtSlug: "dover", date: "2026-12-02", audience: "parents", settingIds: [], attendees: 3 },
        ],
        events: [{ eventId: "3", districtSlug: "dover", date: "2026-12-03", settingIds: ["DOV-S2"] }],
      }),
    );
    expect(plan.filter((p) => p.questionnaireId === "training-evaluation").map((p) => p.recipientOid)).toEqual([SENCO_A.toLowerCase()]);
    expect(plan.filter((p) => p.questionnaireId === "parent-training-evaluation").map((p) => p.linkLabel)).toEqual(["attendee-1", "attendee-2", "attendee-3"]);
    expect(plan.filter((p) => p.questionnaireId === "transition-event")).toHaveLength(2);
    expect(new Set(plan.map((p) => p.key)).size).toBe(plan.length);
  });

  it("asks nobody about a date before the first term in the calendar", () => {
    expect(planInvitations(base({ today: "2026-09-10", closedCases: [{ caseId: "1", districtSlug: "dover", settingId: "DOV-P1", closedAt: "2026-08-20" }] }))).toEqual([]);
  });
});

describe("planAnnualSurveys", () => {
  const terms = [...TERMS, { academicYear: "2026-27", term: 5, start: "2027-04-12", end: "2027-05-28" }];
  const families = Array.from({ length: 35 }, (_, i) => ({ caseId: String(100 + i), districtSlug: "dover", childRef: `DOV-2627-${String(1000 + i)}` }));
  const annual = (extra: Partial<AnnualInput> = {}): AnnualInput => ({
    today: "2027-04-20",
    terms,
    settings: [
      { id: "DOV-P1", districtSlug: "dover" },
      { id: "DOV-P7", districtSlug: "dover" },
    ],
    cases: families,
    sencosOf: (id) => (id === "DOV-P1" ? [SENCO_A] : []),
    drawn: new Set(),
    ...extra,
  });

  it("asks every setting in summer term 1 only: its SENCo in Teams, or a link labelled with the setting", () => {
    const plan = planAnnualSurveys(annual()).filter((p) => p.questionnaireId === "annual-senco-survey");
    expect(plan.map((p) => [p.channel, p.recipientOid ?? p.linkLabel, p.term, p.subjectDate])).toEqual([
      ["teams", SENCO_A.toLowerCase(), 5, "2027-04-12"],
      ["link", "setting-dov-p7", 5, "2027-04-12"],
    ]);
    expect(planAnnualSurveys(annual({ today: "2026-12-11" }))).toEqual([]);
  });

  it("draws 10 % of the families (rounded up), the same families on every run, one link each on the family's case", () => {
    const first = planAnnualSurveys(annual()).filter((p) => p.questionnaireId === "annual-parent-questionnaire");
    expect(first).toHaveLength(4);
    expect(first.every((p) => p.channel === "link" && p.linkLabel === "family-2026-27" && /^case:1\d\d$/.test(p.subjectKey))).toBe(true);
    expect(planAnnualSurveys(annual()).filter((p) => p.questionnaireId === "annual-parent-questionnaire")).toEqual(first);
    // The draw depends on the year, not on the order the cases are read in…
    expect(planAnnualSurveys(annual({ cases: [...families].reverse() })).filter((p) => p.questionnaireId === "annual-parent-questionnaire").map((p) => p.key).sort()).toEqual(first.map((p) => p.key).sort());
    // …is not one block of the list…
    expect(first.map((p) => p.subjectKey)).not.toEqual(["case:100", "case:101", "case:102", "case:103"]);
    // …and once drawn (invitations written) it is never drawn again, whatever cases are added.
    expect(planAnnualSurveys(annual({ drawn: new Set(["dover"]), cases: [...families, { caseId: "999", districtSlug: "dover", childRef: "DOV-2627-9999" }] })).filter((p) => p.questionnaireId === "annual-parent-questionnaire")).toEqual([]);
  });

  it("counts a child with two cases once", () => {
    const twice = [
      { caseId: "1", districtSlug: "dover", childRef: "DOV-2627-0001" },
      { caseId: "2", districtSlug: "dover", childRef: "DOV-2627-0001" },
    ];
    expect(planAnnualSurveys(annual({ cases: twice })).filter((p) => p.questionnaireId === "annual-parent-questionnaire").map((p) => p.subjectKey)).toEqual(["case:1"]);
  });
});
