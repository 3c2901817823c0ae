/**
 * Demo activity for a fresh DATA_DIR (DEMO_DATA=on): the current term's LIFT meetings for every
 * district (about 6 school and 4 early years; past ones held, later ones open for referrals) and a
 * term of referrals across phases, areas of need and every status, including drafts for the demo
 * SENCos. Names are fictitious. Dates come from the term calendar, not the clock, and every write
 * carries a fixed idempotency key, so a re-run after a failure finishes the job without doubling it.
 */
import { DateTime } from "luxon";
import { formatCaseReference } from "../../../domain/referrals/case-reference";
import { referralDeadline } from "../../../domain/referrals/meeting-rules";
import { academicYearFirstYear, academicYearOf } from "../../../domain/time/academic-year";
import type { ReportingCalendar } from "../../../domain/time/calendar";
import { UK_ZONE, ukDateOf } from "../../../domain/time/uk-clock";
import type { District } from "../../../domain/reference/districts";
import type { Setting } from "../../../domain/reference/settings";
import type { Term } from "../../../schemas/reference/term";
import type { FeatureContext } from "../../core/feature-context";
import type { Item } from "../../../graph/list-store";
import { meetingPlace, type ReferralItem } from "./lists";
import { type LiftMeetingItem } from "../lift-meetings/lists";
import type { ReferralStores } from "./service";

const FIRST = ["Alfie", "Isla", "Noah", "Amelia", "Leo", "Ava", "Oscar", "Mia", "Harry", "Freya", "Theo", "Ivy", "Jack", "Poppy", "Arlo", "Esme", "Finley", "Rosie", "Kai", "Nancy"];
const LAST = ["Turner", "Khan", "Walker", "Price", "Hughes", "Okoro", "Shaw", "Patel", "Wood", "Ellis", "Begum", "Fox", "Nowak", "Reid", "Costa", "Mensah"];
const AREAS = ["CI", "CL", "SEMH", "SP"] as const;
const QUESTIONS: Record<(typeof AREAS)[number], string[]> = {
  CI: ["How can we support their communication with peers at play time?", "What would help them follow spoken instructions in whole-class teaching?"],
  CL: ["What strategies would help them access phonics in whole-class teaching?", "How can we help them retain number facts from one week to the next?"],
  SEMH: ["How can we help them stay regulated during unstructured times?", "What would help them manage transitions between activities?"],
  SP: ["How can we adapt the classroom for their visual impairment?", "How can we include them fully in PE and outdoor learning?"],
};
const OUTCOMES = [
  ["Advice and strategies to try (resolved at LIFT)"],
  ["Specialist teacher allocated"],
  ["Advice and strategies to try (resolved at LIFT)", "Training"],
  ["Educational psychologist involvement"],
  ["Peer school support", "Advice and strategies to try (resolved at LIFT)"],
  ["Early Help recommended", "Signposted elsewhere"],
];

const SCHOOL_MEETINGS_PER_TERM = 6;
const EY_MEETINGS_PER_TERM = 4;

const toDate = (iso: string) => DateTime.fromISO(iso, { zone: UK_ZONE });

/** The term holding today, or the next one; a stand-in around today when the calendar has run out. */
export function demoTerms(now: Date, terms: readonly Term[]): Array<{ start: DateTime; end: DateTime }> {
  const today = DateTime.fromJSDate(now, { zone: UK_ZONE }).startOf("day");
  const sorted = [...terms].sort((a, b) => a.start.localeCompare(b.start));
  const index = sorted.findIndex((t) => toDate(t.end) >= today);
  if (index < 0) {
    const start = today.startOf("week").minus({ weeks: 3 });
    return [{ start, end: start.plus({ weeks: 7, days: -3 }) }];
  }
  const current = sorted[index] as Term;
  const out = [{ start: toDate(current.start), end: toDate(current.end) }];
  // Late in a term (or in a holiday) the current term has few meetings left to choose: add the next.
  const next = sorted[index + 1];
  if (next && toDate(current.end).diff(today, "weeks").weeks < 3) out.push({ start: toDate(next.start), end: toDate(next.end) });
  return out;
}

/** Up to `count` days of the term on `weekday` (1 = Monday), spread across it, skipping bank holidays. */
function spreadDays(term: { start: DateTime; end: DateTime }, weekday: number, count: number, skipFirstWeek: boolean, bankHolidays: readonly string[]): DateTime[] {
  const days: DateTime[] = [];
  for (let d = term.start; d <= term.end; d = d.plus({ days: 1 })) {
    if (d.weekday === weekday && !bankHolidays.includes(d.toISODate() as string)) days.push(d);
  }
  const usable = skipFirstWeek && days.length > count ? days.slice(1) : days;
  if (usable.length <= count) return usable;
  return Array.from({ length: count }, (_, i) => usable[Math.round((i * (usable.length - 1)) / (count - 1))] as DateTime);
}

/** Demo districts that split school LIFT into primary and secondary meetings ([LIFT](../../../../docs/reference/service.md#lift): "some districts"). */
const splitsByPhase = (d: District) => d.area === "West";

function demoMeetings(now: Date, calendar: ReportingCalendar, districts: District[], chairs: Map<string, string>): Array<{ value: LiftMeetingItem; idempotencyKey: string }> {
  const out: Array<{ value: LiftMeetingItem; idempotencyKey: string }> = [];
  for (const term of demoTerms(now, calendar.terms)) {
    for (const d of districts) {
      const add = (kind: LiftMeetingItem["kind"], day: DateTime, i: number, phases?: Array<"primary" | "secondary">) => {
        const start = day.set({ hour: kind === "school" ? 13 : 10, minute: 30 });
        const online = i % 2 === 0;
        const label = kind === "early-years" ? "early years LIFT" : phases ? `${phases.join(" and ")} LIFT` : "school LIFT";
        out.push({
          idempotencyKey: `demo-meeting:${d.slug}:${kind}:${start.toISODate()}`,
          value: {
            districtSlug: d.slug,
            kind,
            ...(phases ? { schoolPhases: phases } : {}),
            title: `${d.name} ${label} — ${start.toFormat("cccc d LLLL yyyy")}`,
            startsAt: start.toUTC().toISO() as string,
            endsAt: start.plus({ hours: kind === "school" ? 2 : 1, minutes: 30 }).toUTC().toISO() as string,
            place: online ? "Microsoft Teams meeting" : kind === "school" ? `${d.name} Teachers' Centre` : `${d.name} children's centre`,
            ...(online ? { onlineMeetingUrl: `https://teams.microsoft.com/l/meetup-join/demo-lift-${d.slug}-${kind}-${start.toISODate()}` } : {}),
            ...(chairs.get(d.slug) ? { chairOid: chairs.get(d.slug) } : {}),
            status: start.toMillis() < now.getTime() ? "held" : "scheduled",
          },
        });
      };
      spreadDays(term, 4, SCHOOL_MEETINGS_PER_TERM, true, calendar.bankHolidays).forEach((day, i) =>
        add("school", day, i, splitsByPhase(d) ? [i % 2 === 0 ? "primary" : "secondary"] : undefined),
      );
      spreadDays(term, 2, EY_MEETINGS_PER_TERM, false, calendar.bankHolidays).forEach((day, i) => add("early-years", day, i));
    }
  }
  return out;
}

/** Does a setting's referral go to this meeting (kind, and phase where the district splits)? */
function fits(setting: Setting, meeting: LiftMeetingItem): boolean {
  if ((setting.phase === "early-years") !== (meeting.kind === "early-years")) return false;
  const phases = meeting.schoolPhases;
  return !phases || setting.phase === "all-through" || phases.includes(setting.phase as "primary" | "secondary");
}

/** A fixed, fictitious Entra object id for the SENCo of a setting without a demo user. */
function demoSencoOid(index: number): string {
  return `00000000-0000-4000-8000-${(0xd000 + index).toString(16).padStart(12, "0")}`;
}

interface PlannedReferral {
  key: string;
  setting: Setting;
  district: District;
  status: ReferralItem["status"];
  meeting?: Item<LiftMeetingItem>;
  n: number;
}

export async function seedReferralDemo(ctx: FeatureContext, stores: ReferralStores): Promise<string[]> {
  let seeded = false;
  // One item is enough to know: stop at the first page rather than walking every referral one by one.
  for await (const existing of stores.referrals.query({ pageSize: 1 })) {
    seeded = Boolean(existing);
    break;
  }
  if (seeded) return ["LIFT meetings and referrals: demo data already there"];

  const now = ctx.now();
  const districts = await ctx.reference.districts();
  const settings = await ctx.reference.settings();
  const people = await ctx.people.list();
  const chairs = new Map(people.filter((p) => p.role === "district_lead" && p.districtSlug).map((p) => [p.districtSlug as string, p.oid]));
  const sencoOf = new Map(people.filter((p) => p.role === "senco" && p.settingId).map((p) => [p.settingId as string, p]));

  const meetings = await stores.meetings.createMany(demoMeetings(now, await ctx.reference.calendar(), districts, chairs));
  const byStart = [...meetings].sort((a, b) => a.value.startsAt.localeCompare(b.value.startsAt));

  const plan: PlannedReferral[] = [];
  let n = 0;
  for (const district of districts) {
    for (const setting of settings.filter((s) => s.districtSlug === district.slug)) {
      const mine = byStart.filter((m) => m.value.districtSlug === district.slug && fits(setting, m.value));
      const held = mine.filter((m) => m.value.status === "held");
      const upcoming = mine.filter((m) => m.value.status !== "held");
      const demoUser = sencoOf.has(setting.id);
      const push = (status: ReferralItem["status"], meeting?: Item<LiftMeetingItem>) =>
        plan.push({ key: `demo-referral:${setting.id}:${plan.filter((p) => p.setting.id === setting.id).length + 1}`, setting, district, status, meeting, n: n++ });
      // Held meetings: the oldest cases are closed or have outcomes; the latest meeting's are discussed.
      held.forEach((m, i) => {
        const latest = i === held.length - 1;
        push(latest ? "discussed" : "outcome_recorded", m);
        if (!demoUser) push(latest ? "outcome_recorded" : i % 2 === 0 ? "closed" : "outcome_recorded", m);
      });
      // Upcoming meetings: scheduled cases on the next two. The demo SENCos keep room to try the form.
      upcoming.slice(0, demoUser ? 1 : 2).forEach((m) => push("scheduled", m));
      // A case taken off a cancelled agenda waits, submitted, for the district to place it again.
      if (setting.phase === "secondary") push("submitted", upcoming[2] ?? upcoming[0]);
      if (demoUser) {
        push("draft");
        push("draft");
      }
    }
  }

  // Case references in submission order within each district, as the live service hands them out.
  const entries = plan.map((p, i) => toEntry(p, now, sencoOf.get(p.setting.id)?.oid ?? demoSencoOid(i), sencoOf.get(p.setting.id)?.displayName));
  const submitted = entries.filter((e) => e.value.submittedAt).sort((a, b) => (a.value.submittedAt as string).localeCompare(b.value.submittedAt as string));
  const sequences = new Map<string, number>();
  for (const e of submitted) {
    const plannedFor = plan[entries.indexOf(e)] as PlannedReferral;
    const academicYear = academicYearOf(ukDateOf(e.value.submittedAt as string));
    const counter = `${plannedFor.district.code}:${academicYear}`;
    const sequence = (sequences.get(counter) ?? 0) + 1;
    sequences.set(counter, sequence);
    const reference = formatCaseReference(plannedFor.district.code, academicYear, sequence);
    e.value.caseReference = reference;
    e.value.history = e.value.history.map((h) => ({ ...h, action: h.action.replace("{ref}", reference) }));
  }
  const referrals = await stores.referrals.createMany(entries);
  const claims = referrals
    .filter((r) => r.value.caseReference)
    .map((r) => {
      const reference = r.value.caseReference as string;
      const [districtCode, yy, seq] = reference.split("-") as [string, string, string];
      return {
        idempotencyKey: `case-reference:${r.id}`,
        value: { reference, districtCode, academicYear: `20${yy.slice(0, 2)}-${yy.slice(2)}`, sequence: Number(seq), referralId: r.id },
      };
    });
  await stores.caseReferences.createMany(claims);
  // Each referral on a meeting holds one of its SENCo's places there, as live submissions do.
  const slots = new Map<string, number>();
  const places = referrals
    .filter((r) => r.value.meetingId && r.value.status !== "draft")
    .map((r) => {
      const meetingId = r.value.meetingId as string;
      const counter = `${meetingId}:${r.value.createdByOid}`;
      const slot = (slots.get(counter) ?? 0) + 1;
      slots.set(counter, slot);
      return {
        idempotencyKey: `meeting-place:${r.id}:${meetingId}`,
        value: { place: meetingPlace(meetingId, r.value.createdByOid, slot), meetingId, sencoOid: r.value.createdByOid, slot, referralId: r.id },
      };
    });
  await stores.meetingPlaces.createMany(places);
  const byStatus = new Map<string, number>();
  for (const r of referrals) byStatus.set(r.value.status, (byStatus.get(r.value.status) ?? 0) + 1);
  return [
    `LIFT meetings: ${meetings.length} demo meetings (${meetings.filter((m) => m.value.status === "held").length} held, ${meetings.filter((m) => m.value.status !== "held").length} upcoming)`,
    `Referrals: ${referrals.length} demo referrals (${[...byStatus].map(([s, c]) => `${c} ${s}`).join(", ")})`,
  ];
}


function toEntry(p: PlannedReferral, now: Date, oid: string, sencoName = "SENCo"): { value: ReferralItem; idempotencyKey: string } {
  const meeting = p.meeting?.value;
  const meetingStart = meeting ? DateTime.fromISO(meeting.startsAt, { zone: UK_ZONE }) : DateTime.fromJSDate(now, { zone: UK_ZONE }).minus({ weeks: 2 });
  // Submitted a few days before the meeting's deadline, as most referrals are.
  const deadline = meeting ? DateTime.fromJSDate(referralDeadline({ startsAt: meeting.startsAt, kind: meeting.kind }), { zone: UK_ZONE }) : meetingStart;
  const submittedAt = deadline.minus({ days: 1 + (p.n % 5), hours: 3 + (p.n % 6) });
  const started = submittedAt.minus({ days: 4 + (p.n % 7) });
  const iso = (d: DateTime) => d.toUTC().toISO() as string;
  const draft = p.status === "draft";
  const body = demoBody(p.setting, p.n, p.meeting?.id, started, draft && p.n % 2 === 0 ? "started" : draft ? "nearly" : "complete");
  const history: ReferralItem["history"] = [{ at: iso(started), action: "Draft started", byName: sencoName }];
  if (!draft) history.push({ at: iso(submittedAt), action: `Submitted as {ref}${meeting ? ` for ${meeting.title}` : ""}`, byName: sencoName });
  if (p.status === "submitted") history.push({ at: iso(submittedAt.plus({ days: 2 })), action: "Taken off the agenda (the meeting was full); awaiting a new meeting", byName: "District LIFT lead" });
  if (["discussed", "outcome_recorded", "closed"].includes(p.status)) history.push({ at: iso(meetingStart.plus({ hours: 1 })), action: "Discussed at LIFT", byName: "District LIFT lead" });
  if (p.status === "outcome_recorded" || p.status === "closed") history.push({ at: iso(meetingStart.plus({ days: 1 })), action: "Outcome recorded", byName: "District LIFT lead" });
  if (p.status === "closed") history.push({ at: iso(meetingStart.plus({ days: 8 })), action: "Closed: resolved at LIFT", byName: "District LIFT lead" });
  const categories = OUTCOMES[p.n % OUTCOMES.length] as string[];
  return {
    idempotencyKey: p.key,
    value: {
      settingId: p.setting.id,
      districtSlug: p.district.slug,
      variant: p.setting.phase === "early-years" ? "early-years" : "school",
      status: p.status,
      // A "submitted" case has been taken off its meeting's agenda: the form still names the meeting it asked for.
      ...(p.meeting && p.status !== "submitted" ? { meetingId: p.meeting.id } : {}),
      createdByOid: oid,
      ...(draft ? {} : { submittedAt: iso(submittedAt) }),
      body,
      ...(p.status === "outcome_recorded" || p.status === "closed"
        ? {
            outcome: {
              categories,
              summary: "LIFT agreed next steps with the SENCo; the school will review progress at the next APDR cycle.",
              actions: [
                { description: "Put the agreed strategies in place and review after six weeks", owner: "SENCo", dueDate: meetingStart.plus({ weeks: 6 }).toISODate() as string },
                ...(categories.includes("Specialist teacher allocated")
                  ? [{ description: "First visit and baseline observation", owner: "Specialist teacher", dueDate: meetingStart.plus({ weeks: 3 }).toISODate() as string }]
                  : []),
              ],
            },
          }
        : {}),
      history,
    },
  };
}

function demoBody(setting: Setting, n: number, meetingId: string | undefined, asOf: DateTime, completeness: "started" | "nearly" | "complete"): Record<string, unknown> {
  const name = `${FIRST[n % FIRST.length]} ${LAST[(n * 7) % LAST.length]}`;
  const area = AREAS[n % AREAS.length] as (typeof AREAS)[number];
  const secondary = n % 3 === 0 ? AREAS[(n + 1) % AREAS.length] : undefined;
  const startYear = academicYearFirstYear(academicYearOf(asOf.toISODate() as string)) as number;
  const early = setting.phase === "early-years";
  const yearGroupNumber = setting.phase === "secondary" ? 7 + (n % 4) : 1 + (n % 6);
  // In Year N a child is N + 4 on the 31 August before the academic year: born Jan–Aug of that year minus N + 4.
  const dob = early ? asOf.minus({ months: 30 + (n % 20), days: n % 27 }).toISODate() : `${startYear - yearGroupNumber - 4}-0${1 + (n % 8)}-1${n % 9}`;
  const setting_ = { settingId: setting.id, phase: setting.phase, name: setting.name, urn: setting.urn };
  const child = early ? { legalName: name, dateOfBirth: dob } : { legalName: name, dateOfBirth: dob, yearGroup: `Y${yearGroupNumber}` };
  if (completeness === "started") return { setting: setting_, child, needs: { primaryArea: area } };
  const cycle = (k: number) => ({
    assess: `Cycle ${k}: observations and baseline assessment.`,
    plan: "Small-step targets agreed with parents.",
    do: "Daily adult-led sessions and visual supports.",
    review: "Reviewed after six weeks.",
    impact: "Some progress; targets partly met.",
    reviewDate: asOf.minus({ weeks: 9 - k * 3 }).toISODate(),
  });
  return {
    setting: setting_,
    referrer: { name: "Demo SENCo", role: "SENCo", email: "senco@example.kent.sch.uk", headteacherAware: true },
    child,
    flags: { senStatus: "sen-support", lookedAfter: false, childProtection: false, childInNeed: false, earlyHelp: n % 5 === 0, ...(early ? {} : { pupilPremium: n % 3 === 0 }) },
    needs: { primaryArea: area, ...(secondary ? { secondaryArea: secondary } : {}) },
    question: { question: QUESTIONS[area][n % 2] },
    profile: { strengths: "Enjoys music and helping adults.", presentingNeeds: "Finds busy times hard." },
    // A nearly complete draft still lacks its second cycle: the form says what is missing.
    apdrCycles: completeness === "nearly" ? [cycle(1)] : [cycle(1), cycle(2)],
    strategies: { inPlace: early ? "Key person, visual routines, small-group times." : "Visual timetable, pre-teaching, calm space." },
    agreementToEngage: { given: true, name: "Parent of the child", relationship: "mother", parentalResponsibility: true, date: asOf.minus({ weeks: 2 }).toISODate(), method: "signed-form" },
    ...(meetingId ? { meeting: { meetingId } } : {}),
  };
}
