/**
 * Demo casework (DEMO_DATA=on) for every district, consistent with the referrals and outcomes demo:
 * - a case for every approved outcome that allocated a specialist teacher (its plan, its teacher),
 *   opened a week after the meeting, with two targets and a first visit;
 * - a caseload carried over from last year (direct requests: cases entered when the district
 *   began recording), some actively supported, some open only for funding, a few closed this term
 *   (most because the targets were achieved), with reviews in the current term;
 * - clinics this term: held school and early years clinics with anonymised questions, and one planned.
 * Small (about 20 cases a district) so it seeds in seconds; proportions follow the 2022-23 report
 * (most of the caseload actively supported, most reviewed children making significant progress).
 *
 * Idempotent: every create carries a fixed key. Names are fictitious; nothing is logged.
 */
import { casePhase } from "../../../domain/casework/phase";
import { formatCaseReference } from "../../../domain/referrals/case-reference";
import { addDays, termContaining, termStartedBy } from "../../../domain/time/calendar";
import { academicYearOf } from "../../../domain/time/academic-year";
import { ukDateOf, ukToday } from "../../../domain/time/uk-clock";
import type { AreaOfNeed } from "../../../schemas/referrals/referral";
import type { FeatureContext } from "../../core/feature-context";
import type { CaseItem, ClinicItem, ReviewItem, VisitItem } from "./lists";
import type { CaseworkDeps, CaseworkStores } from "./service";

const NEEDS: readonly AreaOfNeed[] = ["CI", "CL", "SEMH", "SP"];
const FIRST = ["Ava", "Noah", "Isla", "Leo", "Mia", "Oscar", "Ruby", "Jack", "Evie", "Alfie", "Lily", "Theo"];
const LAST = ["Hartley", "Quinn", "Marsh", "Lowe", "Ashby", "Crane", "Dunmore", "Fenwick"];
const CARRIED = 16;

const plan = (reviewDate: string) => ({
  supportToBeProvided: "Half-termly specialist teacher visits: modelling strategies with the class team.",
  focusAndPurpose: "Embed the agreed strategies in class.",
  progressMeasures: "Targets reviewed against the baseline observation.",
  reviewDate,
});

const targets = (setAt: string) => [
  { id: "t1", text: "Follows a visual timetable through the morning with one prompt", agreedWith: ["school" as const, "family" as const], setAt },
  { id: "t2", text: "Asks an adult for help using the agreed signal", agreedWith: ["school" as const, "child" as const], setAt },
];

export async function seedCaseworkDemo(ctx: FeatureContext, stores: CaseworkStores, deps: CaseworkDeps): Promise<string[]> {
  const now = ctx.now();
  const today = ukToday(now);
  const calendar = await ctx.reference.calendar();
  const term = termContaining(today, calendar) ?? termStartedBy(today, calendar);
  if (!term) return ["Casework: no current term in the calendar, no demo casework"];
  const [districts, settings, people] = await Promise.all([ctx.reference.districts(), ctx.reference.settings(), ctx.people.list()]);
  const outcomes = (await deps.outcomes.stores.outcomes.all({ where: { status: "approved" }, pageSize: 5000 })).filter((o) => o.value.outcome.allocatedTeacherOid);
  const referrals = new Map((await deps.referrals.stores.referrals.all({ pageSize: 5000 })).map((r) => [r.id, r]));
  const meetings = new Map((await deps.referrals.stores.meetings.all({ pageSize: 5000 })).map((m) => [m.id, m]));

  const cases: Array<{ value: CaseItem; idempotencyKey: string }> = [];
  const claims: Array<{ value: { reference: string; districtCode: string; academicYear: string; sequence: number; referralId: string }; idempotencyKey: string }> = [];
  // Entered as opened before this term, so the term's activity figures can be answered.
  const lastYearStart = addDays(term.start, -300);
  const closingKeys = new Set<string>();

  // Cases from approved outcomes.
  for (const o of outcomes) {
    const r = referrals.get(o.value.referralId);
    const m = meetings.get(o.value.meetingId);
    const teacher = people.find((p) => p.oid === o.value.outcome.allocatedTeacherOid);
    const setting = settings.find((s) => s.id === r?.value.settingId);
    if (!r?.value.caseReference || !m || !teacher || !setting) continue;
    const openedAt = addDays(ukDateOf(m.value.startsAt), 7);
    if (openedAt > today) continue;
    const body = r.value.body as { child?: { yearGroup?: string }; needs?: { primaryArea?: string } };
    const phase = casePhase(setting.phase, body.child?.yearGroup as never) ?? "primary";
    const area = (NEEDS as readonly string[]).includes(body.needs?.primaryArea ?? "") ? (body.needs?.primaryArea as AreaOfNeed) : "CI";
    cases.push({
      idempotencyKey: `demo-case:outcome:${r.id}`,
      value: {
        childRef: r.value.caseReference,
        origin: { kind: "lift-outcome", referralId: r.id, meetingId: m.id, categories: o.value.outcome.categories },
        team: "district",
        districtSlug: r.value.districtSlug,
        settingId: setting.id,
        phase,
        primaryArea: area,
        allocatedTeacherOid: teacher.oid,
        allocatedTeacherName: teacher.displayName,
        status: "open-active",
        statusChanges: [{ status: "open-active", at: openedAt }],
        openedAt,
        supportPlan: o.value.outcome.supportPlan ?? plan(addDays(openedAt, 84)),
        targets: targets(openedAt),
        ...(o.value.outcome.supportPlan?.reviewDate ? { nextReviewDue: o.value.outcome.supportPlan.reviewDate } : {}),
        history: [{ at: `${openedAt}T09:00:00.000Z`, action: "Case opened from the approved LIFT outcome (demo)", byName: teacher.displayName }],
      },
    });
  }

  // A caseload carried over from last year, entered as direct requests.
  for (const d of districts) {
    const teacher = people.find((p) => p.role === "specialist_teacher" && !p.countyTeam && p.districtSlug === d.slug) ?? people.find((p) => p.role === "district_lead" && p.districtSlug === d.slug);
    const ofDistrict = settings.filter((s) => s.districtSlug === d.slug && s.phase !== "all-through");
    if (!teacher || ofDistrict.length === 0) continue;
    for (let n = 0; n < CARRIED; n++) {
      const setting = ofDistrict[n % ofDistrict.length]!;
      const openedAt = addDays(lastYearStart, n * 3);
      const year = academicYearOf(openedAt);
      const sequence = 5000 + n + 1;
      const childRef = formatCaseReference(d.code, year, sequence);
      claims.push({ idempotencyKey: `case-reference:demo-case-${d.code}-${n}`, value: { reference: childRef, districtCode: d.code, academicYear: year, sequence, referralId: `demo-case-${d.code}-${n}` } });
      const inactive = n % 8 === 3;
      const closing = n % 8 === 5 || n % 8 === 6;
      const reviewDate = addDays(term.start, 10 + n);
      cases.push({
        idempotencyKey: `demo-case:carried:${d.slug}:${n}`,
        value: {
          childRef,
          origin: { kind: "direct", requestedBy: "local-authority", requestedAt: openedAt },
          team: "district",
          districtSlug: d.slug,
          settingId: setting.id,
          phase: casePhase(setting.phase) ?? "primary",
          primaryArea: NEEDS[n % NEEDS.length]!,
          allocatedTeacherOid: teacher.oid,
          allocatedTeacherName: teacher.displayName,
          status: inactive ? "open-inactive" : "open-active",
          statusChanges: inactive
            ? [{ status: "open-active", at: openedAt }, { status: "open-inactive", at: addDays(openedAt, 60), inactiveReason: "open-for-funding" }]
            : [{ status: "open-active", at: openedAt }],
          openedAt,
          supportPlan: plan(reviewDate),
          targets: targets(openedAt),
          child: { legalName: `${FIRST[n % FIRST.length]} ${LAST[(n + d.code.length) % LAST.length]}`, dateOfBirth: setting.phase === "early-years" ? "2022-03-01" : "2017-06-15" },
          nextReviewDue: reviewDate,
          history: [{ at: `${openedAt}T09:00:00.000Z`, action: "Case entered when the district began recording casework (demo)", byName: teacher.displayName }],
        },
      });
      if (closing) closingKeys.add(`demo-case:carried:${d.slug}:${n}`);
    }
  }

  await deps.referrals.stores.caseReferences.createMany(claims);
  const created = await stores.cases.createMany(cases);

  // Reviews in this term for the carried caseload whose review date has come; closures rest on a final review.
  const reviews: Array<{ value: ReviewItem; idempotencyKey: string }> = [];
  const visits: Array<{ value: VisitItem; idempotencyKey: string }> = [];
  const closures: Array<{ id: string; value: CaseItem; eTag: string }> = [];
  created.forEach((item, i) => {
    const c = item.value;
    const key = cases[i]!.idempotencyKey;
    const firstVisit = addDays(c.openedAt, 10);
    if (firstVisit <= today) {
      visits.push({
        idempotencyKey: `demo-visit:${key}`,
        value: {
          caseId: item.id,
          date: firstVisit,
          settingId: c.settingId,
          seen: ["child", "senco"],
          adviceGiven: "Modelled the visual timetable with the class team.",
          nextSteps: "Class team to use it daily; review at the next visit.",
          graduatedApproachStage: "plan",
          standards: { framework: c.phase === "early-years" ? "ey-best-practice-guidance" : "mainstream-core-standards", section: "Communication and interaction" },
          teacherOid: c.allocatedTeacherOid,
          teacherName: c.allocatedTeacherName,
          recordedAt: `${firstVisit}T15:00:00.000Z`,
        },
      });
    }
    if (c.origin.kind !== "direct" || c.status !== "open-active" || !c.nextReviewDue || c.nextReviewDue > today) return;
    const closing = closingKeys.has(key);
    const n = i;
    const date = c.nextReviewDue;
    const significant = n % 5 !== 0;
    reviews.push({
      idempotencyKey: `demo-review:${key}`,
      value: {
        caseId: item.id,
        date,
        results: [
          { targetId: "t1", result: closing || significant ? "achieved" : "progress-under-50" },
          { targetId: "t2", result: closing ? "achieved" : significant ? "progress-50" : "progress-under-50" },
        ],
        targetsAmended: !closing && n % 3 === 0,
        ...(closing ? {} : { nextReviewDate: addDays(date, 84) }),
        final: closing,
        reviewerOid: c.allocatedTeacherOid,
        reviewerName: c.allocatedTeacherName,
        recordedAt: `${date}T16:00:00.000Z`,
      },
    });
  });
  const madeReviews = await stores.reviews.createMany(reviews);
  await stores.visits.createMany(visits);

  for (const r of madeReviews) {
    const item = created.find((c) => c.id === r.value.caseId)!;
    const c = item.value;
    if (c.status === "closed") continue;
    if (r.value.final) {
      const reason = Number(item.id) % 4 === 0 ? ("moved-away" as const) : ("targets-achieved" as const);
      closures.push({
        id: item.id,
        eTag: item.eTag,
        value: {
          ...c,
          status: "closed",
          statusChanges: [...c.statusChanges, { status: "closed", at: r.value.date }],
          closure: { reason, closedAt: r.value.date, finalReviewId: r.id, closedByOid: c.allocatedTeacherOid, closedByName: c.allocatedTeacherName },
          targets: c.targets.map((t) => ({ ...t, endedAt: t.endedAt ?? r.value.date })),
          nextReviewDue: undefined,
        },
      });
    } else if (r.value.nextReviewDate) {
      closures.push({ id: item.id, eTag: item.eTag, value: { ...c, supportPlan: { ...c.supportPlan, reviewDate: r.value.nextReviewDate }, nextReviewDue: r.value.nextReviewDate } });
    }
  }
  if (closures.length > 0) await stores.cases.updateMany(closures);

  // Clinics this term (and one before it).
  const clinics: Array<{ value: ClinicItem; idempotencyKey: string }> = [];
  for (const d of districts) {
    const teacher = people.find((p) => p.role === "specialist_teacher" && !p.countyTeam && p.districtSlug === d.slug) ?? people.find((p) => p.role === "district_lead" && p.districtSlug === d.slug);
    const school = settings.find((s) => s.districtSlug === d.slug && s.phase === "primary");
    if (!teacher) continue;
    const plans: Array<{ phase: ClinicItem["phase"]; day: number; entries: number }> = [
      { phase: "school", day: 8, entries: 4 },
      { phase: "school", day: 22, entries: 3 },
      { phase: "early-years", day: 15, entries: 2 },
      { phase: "school", day: 60, entries: 0 },
      // One in the term before: the district's clinic log began before this term, so its figures are answered.
      { phase: "school", day: -30, entries: 3 },
    ];
    plans.forEach((p, k) => {
      const date = addDays(term.start, p.day);
      const held = date <= today && p.entries > 0;
      clinics.push({
        idempotencyKey: `demo-clinic:${d.slug}:${term.academicYear}:${term.term}:${k}`,
        value: {
          districtSlug: d.slug,
          kind: k === 1 ? "surgery" : "clinic",
          phase: p.phase,
          date,
          status: held ? "held" : "planned",
          teacherOid: teacher.oid,
          teacherName: teacher.displayName,
          ...(k === 0 ? { epName: "Dr Ruth Adeyemi" } : {}),
          entries: held
            ? Array.from({ length: p.entries }, (_, e) => ({
                id: `e${e + 1}`,
                ...(school ? { settingId: school.id } : {}),
                question: "How can we support a pupil who finds transitions between lessons hard?",
                areaOfNeed: NEEDS[e % NEEDS.length]!,
                outcome: e === p.entries - 1 ? ("brought-to-lift" as const) : ("advice-given" as const),
              }))
            : [],
          updatedAt: now.toISOString(),
          updatedByName: teacher.displayName,
        },
      });
    });
  }
  await stores.clinics.createMany(clinics);
  return [`Casework: ${created.length} demo cases, ${madeReviews.length} reviews, ${visits.length} visits, ${clinics.length} clinics`];
}
