/** A complete, valid referral of each variant (asOf 2025-11-10, academic year 2025-26). */
export const AS_OF = "2025-11-10";

const apdr = (n: number) => ({
  assess: `Cycle ${n}: Boxall profile and reading age test in September.`,
  plan: "Targets: stay on task for 10 minutes; read 20 high-frequency words.",
  do: "Daily 15-minute 1:1 with a TA; visual timetable; movement breaks.",
  review: "Reviewed after 6 weeks with parents.",
  impact: "On task 6 minutes on average; 12 of 20 words.",
  reviewDate: "2025-10-15",
});

export function schoolReferral() {
  return {
    setting: { settingId: "DOV-P1", phase: "primary", name: "White Cliffs Primary School" },
    referrer: {
      name: "Sam Senco",
      role: "SENCo",
      email: "senco@whitecliffs.kent.sch.uk",
      headteacherAware: true,
    },
    child: {
      legalName: "Alex Example",
      dateOfBirth: "2017-03-14", // Year 4 in 2025-26: born 1 Sep 2016 – 31 Aug 2017
      yearGroup: "Y4",
      eal: false,
    },
    flags: {
      senStatus: "sen-support",
      lookedAfter: false,
      childProtection: false,
      childInNeed: false,
      earlyHelp: false,
      pupilPremium: true,
    },
    needs: { primaryArea: "CL", secondaryArea: "SEMH" },
    question: { question: "How can we help Alex to stay in class for a whole lesson?" },
    profile: { strengths: "Kind, loves football and drawing.", presentingNeeds: "Leaves the classroom when asked to write." },
    apdrCycles: [apdr(1), apdr(2)],
    strategies: { inPlace: "Visual timetable, pre-teaching vocabulary, calm corner." },
    agencies: [{ agency: "salt", involvement: "involved", since: "2024-01-10", reportAttached: true }],
    views: { parentCarer: "We see the same at home with homework.", child: "I like PE." },
    agreementToEngage: {
      given: true,
      name: "Jo Example",
      relationship: "mother",
      parentalResponsibility: true,
      date: "2025-11-03",
      method: "signed-form",
    },
    attachments: { currentPlan: true, reviewedPlan: true },
    meeting: { meetingId: "DOV-2025-11-20-school" },
  };
}

export function earlyYearsReferral() {
  const r = schoolReferral();
  return {
    ...r,
    setting: { settingId: "DOV-E1", phase: "early-years", name: "Harbour Lights Nursery" },
    child: { legalName: "Robin Example", dateOfBirth: "2022-12-01", hoursPerWeek: 30 },
    flags: { senStatus: "none", lookedAfter: false, childProtection: false, childInNeed: false, earlyHelp: true },
    strategies: { inPlace: "Best Practice Guidance targeted strategies: now-and-next board, small group time." },
    attachments: { twoYearReview: true, progressCheckAtTwo: true },
    meeting: { meetingId: "DOV-2025-11-27-ey" },
  };
}
