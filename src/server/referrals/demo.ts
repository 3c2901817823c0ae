/**
 * Demo activity for a fresh DATA_DIR (DEMO_DATA=on): LIFT meetings for every district around "now"
 * (past ones held, upcoming ones open for referrals) and a term's referrals across phases and areas
 * of need. Names are fictitious. Seeding runs only while the meetings list is empty, so a restart
 * adds nothing.
 */
import { DateTime } from "luxon";
import { academicYearOf, formatCaseReference } from "../../domain/referrals/case-reference";
import { UK_ZONE } from "../../domain/referrals/meeting-rules";
import type { FeatureContext } from "../feature";
import type { LiftMeetingItem, ReferralItem } from "./lists";
import type { ReferralStores } from "./service";

const FIRST = ["Alfie", "Isla", "Noah", "Amelia", "Leo", "Ava", "Oscar", "Mia", "Harry", "Freya", "Theo", "Ivy", "Jack", "Poppy"];
const LAST = ["Turner", "Khan", "Walker", "Price", "Hughes", "Okoro", "Shaw", "Patel", "Wood", "Ellis", "Begum", "Fox"];
const AREAS = ["CI", "CL", "SEMH", "SP"] as const;
const QUESTIONS = [
  "How can we help them stay regulated during unstructured times?",
  "What strategies would help them access phonics in whole-class teaching?",
  "How can we support their communication with peers at play time?",
  "How can we adapt the classroom for their visual impairment?",
  "What would help them manage transitions between activities?",
];

/** Thursday school LIFTs and Tuesday early years LIFTs, weeks relative to this week. */
const SCHOOL_WEEKS = [-6, -4, -2, 1, 3, 5, 7];
const EY_WEEKS = [-5, -1, 2, 6];

function meetingAt(now: Date, week: number, weekday: number, hour: number): DateTime {
  const monday = DateTime.fromJSDate(now, { zone: UK_ZONE }).startOf("week");
  return monday.plus({ weeks: week, days: weekday - 1 }).set({ hour, minute: 30 });
}

export async function seedReferralDemo(ctx: FeatureContext, stores: ReferralStores): Promise<string[]> {
  for await (const existing of stores.meetings.query({ pageSize: 1 })) {
    void existing;
    return ["LIFT meetings and referrals: demo data already there"];
  }
  const now = ctx.now();
  const districts = await ctx.reference.districts();
  const settings = await ctx.reference.settings();

  const meetingEntries: Array<{ value: LiftMeetingItem; idempotencyKey: string }> = [];
  for (const d of districts) {
    const add = (kind: LiftMeetingItem["kind"], week: number, weekday: number) => {
      const start = meetingAt(now, week, weekday, kind === "school" ? 13 : 10);
      const label = kind === "school" ? "school LIFT" : "early years LIFT";
      meetingEntries.push({
        idempotencyKey: `demo-meeting:${d.slug}:${kind}:${start.toISODate()}`,
        value: {
          districtSlug: d.slug,
          kind,
          title: `${d.name} ${label} — ${start.toFormat("cccc d LLLL yyyy")}`,
          startsAt: start.toUTC().toISO() as string,
          endsAt: start.plus({ hours: 2 }).toUTC().toISO() as string,
          place: kind === "school" ? "Microsoft Teams meeting" : `${d.name} children's centre`,
          status: start.toMillis() < now.getTime() ? "held" : "scheduled",
        },
      });
    };
    for (const w of SCHOOL_WEEKS) add("school", w, 4);
    for (const w of EY_WEEKS) add("early-years", w, 2);
  }
  const meetings = await stores.meetings.createMany(meetingEntries);

  const academicYear = academicYearOf(DateTime.fromJSDate(now, { zone: UK_ZONE }).toISODate() as string);
  const referralEntries: Array<{ value: ReferralItem; idempotencyKey: string }> = [];
  const claims: Array<{ value: { reference: string; districtCode: string; academicYear: string; sequence: number; referralId: string }; idempotencyKey: string }> = [];
  let n = 0;
  for (const d of districts) {
    const districtMeetings = meetings.filter((m) => m.value.districtSlug === d.slug);
    const districtSettings = settings.filter((s) => s.districtSlug === d.slug);
    let sequence = 0;
    for (const setting of districtSettings) {
      const kind = setting.phase === "early-years" ? "early-years" : "school";
      const past = districtMeetings.filter((m) => m.value.kind === kind && m.value.status === "held");
      const upcoming = districtMeetings.filter((m) => m.value.kind === kind && m.value.status === "scheduled");
      // The demo SENCos' own settings get only discussed referrals, so their meeting limits stay free for trying the form.
      const isDemoSencoSetting = setting.id.endsWith("-P1");
      const plan: Array<{ meeting: (typeof meetings)[number] | undefined; status: ReferralItem["status"] }> = [
        { meeting: past[0], status: "outcome_recorded" },
        { meeting: past[1], status: "discussed" },
        ...(isDemoSencoSetting ? [] : [{ meeting: upcoming[0], status: "scheduled" as const }, { meeting: upcoming[1], status: "scheduled" as const }]),
      ];
      for (const step of plan) {
        if (!step.meeting) continue;
        n++;
        sequence++;
        const reference = formatCaseReference(d.code, academicYear, sequence);
        const body = demoBody(setting, n, step.meeting.id, now);
        const id = `demo-referral:${setting.id}:${sequence}`;
        referralEntries.push({
          idempotencyKey: id,
          value: {
            settingId: setting.id,
            districtSlug: d.slug,
            variant: kind,
            status: step.status,
            caseReference: reference,
            meetingId: step.meeting.id,
            createdByOid: "00000000-0000-4000-8000-0000000000d0",
            submittedAt: DateTime.fromISO(step.meeting.value.startsAt).minus({ days: 10 }).toUTC().toISO() as string,
            body,
            ...(step.status === "outcome_recorded"
              ? {
                  outcome: {
                    categories: ["Strategies to try — resolved at LIFT"],
                    summary: "Advice and strategies agreed; school to review in six weeks.",
                    actions: [{ description: "Try a now-and-next board and review at the next LIFT", owner: "SENCo", dueDate: DateTime.fromJSDate(now).plus({ weeks: 3 }).toISODate() as string }],
                  },
                }
              : {}),
            history: [{ at: new Date(now.getTime() - 20 * 86_400_000).toISOString(), action: `Submitted as ${reference}`, byName: "Demo SENCo" }],
          },
        });
        claims.push({ idempotencyKey: `case-reference:${id}`, value: { reference, districtCode: d.code, academicYear, sequence, referralId: id } });
      }
    }
  }
  await stores.referrals.createMany(referralEntries);
  await stores.caseReferences.createMany(claims);
  return [`LIFT meetings: ${meetings.length} demo meetings`, `Referrals: ${referralEntries.length} demo referrals`];
}

function demoBody(setting: { id: string; name: string; phase: string; urn: string }, n: number, meetingId: string, now: Date): Record<string, unknown> {
  const name = `${FIRST[n % FIRST.length]} ${LAST[(n * 7) % LAST.length]}`;
  const area = AREAS[n % AREAS.length] as string;
  const today = DateTime.fromJSDate(now, { zone: UK_ZONE });
  const startYear = today.month >= 9 ? today.year : today.year - 1;
  const early = setting.phase === "early-years";
  const yearGroupNumber = setting.phase === "secondary" ? 7 + (n % 4) : 1 + (n % 6);
  const dob = early ? today.minus({ months: 30 + (n % 20) }).toISODate() : `${startYear - yearGroupNumber - 5}-0${1 + (n % 8)}-1${n % 9}`;
  const cycle = (k: number) => ({
    assess: `Cycle ${k}: observations and baseline assessment.`,
    plan: "Small-step targets agreed with parents.",
    do: "Daily adult-led sessions and visual supports.",
    review: "Reviewed after six weeks.",
    impact: "Some progress; targets partly met.",
    reviewDate: today.minus({ weeks: 8 - k * 3 }).toISODate(),
  });
  return {
    setting: { settingId: setting.id, phase: setting.phase, name: setting.name, urn: setting.urn },
    referrer: { name: "Demo SENCo", role: "SENCo", email: "senco@example.kent.sch.uk", headteacherAware: true },
    child: early ? { legalName: name, dateOfBirth: dob } : { legalName: name, dateOfBirth: dob, yearGroup: `Y${yearGroupNumber}` },
    flags: { senStatus: "sen-support", lookedAfter: false, childProtection: false, childInNeed: false, earlyHelp: false, ...(early ? {} : { pupilPremium: n % 3 === 0 }) },
    needs: { primaryArea: area },
    question: { question: QUESTIONS[n % QUESTIONS.length] },
    profile: { strengths: "Enjoys music and helping adults.", presentingNeeds: "Finds busy times hard." },
    apdrCycles: [cycle(1), cycle(2)],
    strategies: { inPlace: "Visual timetable, pre-teaching, calm space." },
    agreementToEngage: { given: true, name: "Parent of the child", relationship: "mother", parentalResponsibility: true, date: today.minus({ weeks: 4 }).toISODate(), method: "signed-form" },
    meeting: { meetingId },
  };
}
