/**
 * Demo outcome records and attendance (DEMO_DATA=on), built from the referrals feature's demo: for
 * every held meeting in every district, an APPROVED LiftOutcomes record for each case that already
 * has an outcome (same categories, summary and actions, with action ids, an allocated teacher and a
 * support plan where support is allocated), and the meeting's attendance. Each case also gets a
 * short "share the strategies" action due a week after its meeting, done on some cases only, so
 * the overdue list has entries on the tests' fixed clock, 24 November 2026.
 *
 * Idempotent: every create carries a fixed key, and a referral already carrying `approvedAt` is
 * not rewritten. Names are fictitious; nothing here logs a child's name.
 */
import { DateTime } from "luxon";
import { UK_ZONE } from "../../../domain/time/uk-clock";
import { OUTCOME_CATEGORIES, SUPPORT_ALLOCATING, type LiftOutcomeInput, type OutcomeCategory } from "../../../schemas/lift-outcomes/outcome";
import type { Person } from "../../../schemas/reference/person";
import type { Item } from "../../../graph/list-store";
import type { FeatureContext } from "../../core/feature-context";
import type { ReferralItem } from "../referrals/lists";
import type { LiftMeetingItem } from "../lift-meetings/lists";
import type { ReferralStores } from "../referrals/service";
import type { LiftAttendanceItem, LiftOutcomeItem } from "./lists";
import type { OutcomeStores } from "./service";

const DISCUSSED = new Set(["discussed", "outcome_recorded", "closed"]);
const EP_NAMES = ["Dr Ruth Adeyemi", "Dr Martin Hale", "Dr Sian Lloyd", "Dr Kemi Owens"];

const categoryOf = (label: string): OutcomeCategory | undefined => OUTCOME_CATEGORIES.find((c) => c.label === label || c.value === label)?.value;

function supportPlan(meetingStart: DateTime): NonNullable<LiftOutcomeInput["supportPlan"]> {
  return {
    supportToBeProvided: "Fortnightly specialist teacher visits: modelling strategies with the class team.",
    entranceCriteria: "Progress below the agreed targets after two APDR cycles at SEN support.",
    exitCriteria: "Targets met at review and strategies embedded by the class team.",
    potentialDuration: "One term",
    focusAndPurpose: "Build the class team's confidence with the strategies agreed at LIFT.",
    progressMeasures: "Targets reviewed against the baseline observation; class team confidence rating.",
    reviewDate: meetingStart.plus({ weeks: 12 }).toISODate() as string,
  };
}

export async function seedOutcomeDemo(ctx: FeatureContext, stores: OutcomeStores, referralStores: ReferralStores): Promise<string[]> {
  const people = await ctx.people.list();
  const meetings = new Map((await referralStores.meetings.all({ where: { status: "held" } })).map((m) => [m.id, m]));
  if (meetings.size === 0) return ["LIFT outcomes: no held meetings, no demo outcomes"];
  const referrals = (await referralStores.referrals.all()).filter((r) => r.value.meetingId && meetings.has(r.value.meetingId) && DISCUSSED.has(r.value.status));

  const outcomeEntries: Array<{ value: LiftOutcomeItem; idempotencyKey: string }> = [];
  const referralUpdates: Array<{ id: string; value: ReferralItem; eTag: string }> = [];
  referrals.forEach((r, i) => {
    const stored = r.value.outcome;
    if (!stored) return;
    const meeting = meetings.get(r.value.meetingId as string) as Item<LiftMeetingItem>;
    const start = DateTime.fromISO(meeting.value.startsAt, { zone: UK_ZONE });
    const lead = people.find((p) => p.role === "district_lead" && p.districtSlug === r.value.districtSlug);
    const teacher: Person | undefined = people.find((p) => p.role === "specialist_teacher" && !p.countyTeam && p.districtSlug === r.value.districtSlug) ?? lead;
    const categories = stored.categories.map(categoryOf).filter((c): c is OutcomeCategory => c !== undefined);
    const allocates = categories.some((c) => SUPPORT_ALLOCATING.includes(c));
    const closed = r.value.status === "closed";
    const actions: LiftOutcomeInput["actions"] = [
      {
        id: "a0",
        description: "Share the agreed strategies with the class team",
        ownerName: "SENCo",
        ownerRole: "SENCo",
        dueDate: start.plus({ weeks: 1 }).toISODate() as string,
        ...(closed || i % 3 === 0 ? { done: true } : {}),
      },
      ...stored.actions.map((a, k) => ({
        id: `a${k + 1}`,
        description: a.description,
        ownerName: a.owner,
        ownerRole: a.owner,
        dueDate: a.dueDate,
        ...(closed ? { done: true } : {}),
      })),
    ];
    const outcome: LiftOutcomeInput = {
      categories,
      ...(categories.includes("specialist_teacher_allocated") && teacher ? { allocatedTeacherOid: teacher.oid } : {}),
      ...(allocates ? { supportPlan: supportPlan(start) } : {}),
      actions,
      ...(stored.summary ? { notes: stored.summary } : {}),
    };
    const approvedAt = start.plus({ days: 1 }).toUTC().toISO() as string;
    const allocatedTeacherName = outcome.allocatedTeacherOid ? teacher?.displayName : undefined;
    const chair = people.find((p) => p.oid === meeting.value.chairOid) ?? lead;
    const by = { oid: chair?.oid ?? "00000000-0000-4000-8000-000000000000", name: chair?.displayName ?? "District LIFT lead" };
    outcomeEntries.push({
      idempotencyKey: `demo-outcome:${r.id}`,
      value: {
        referralId: r.id,
        meetingId: meeting.id,
        districtSlug: r.value.districtSlug,
        settingId: r.value.settingId,
        status: "approved",
        outcome,
        ...(allocatedTeacherName ? { allocatedTeacherName } : {}),
        updatedAt: approvedAt,
        updatedByOid: by.oid,
        updatedByName: by.name,
        approvedAt,
        approvedByOid: by.oid,
        approvedByName: by.name,
      },
    });
    if (!stored.approvedAt) {
      referralUpdates.push({
        id: r.id,
        eTag: r.eTag,
        value: {
          ...r.value,
          outcome: {
            ...stored,
            actions: actions.map((a) => ({ id: a.id, description: a.description, owner: a.ownerName, dueDate: a.dueDate as string, ...(a.done ? { done: true } : {}) })),
            ...(allocatedTeacherName ? { allocatedTeacherName } : {}),
            ...(outcome.supportPlan ? { supportPlan: outcome.supportPlan } : {}),
            approvedAt,
          },
        },
      });
    }
  });

  // A held meeting with attendance recorded (by the demo before, or by someone) keeps it: one per meeting.
  const recorded = new Set((await stores.attendance.all()).map((a) => a.value.meetingId));
  const attendanceEntries: Array<{ value: LiftAttendanceItem; idempotencyKey: string }> = [...meetings.values()].filter((m) => !recorded.has(m.id)).map((m, i) => {
    const lead = people.find((p) => p.role === "district_lead" && p.districtSlug === m.value.districtSlug);
    const members = people.filter((p) => p.districtSlug === m.value.districtSlug && !p.countyTeam && (p.role === "specialist_teacher" || p.role === "lift_member"));
    const settingIds = [...new Set(referrals.filter((r) => r.value.meetingId === m.id).map((r) => r.value.settingId))].sort();
    return {
      idempotencyKey: `demo-attendance:${m.id}`,
      value: {
        meetingId: m.id,
        districtSlug: m.value.districtSlug,
        professionals: [
          ...(lead ? [{ name: lead.displayName, role: "District STLS lead (chair)", oid: lead.oid }] : []),
          ...members.map((p) => ({ name: p.displayName, role: "Specialist teacher", oid: p.oid })),
          { name: EP_NAMES[i % EP_NAMES.length] as string, role: "Educational psychologist" },
        ],
        settingIds,
        updatedAt: DateTime.fromISO(m.value.endsAt).toUTC().toISO() as string,
        updatedByOid: lead?.oid ?? "00000000-0000-4000-8000-000000000000",
        updatedByName: lead?.displayName ?? "District LIFT lead",
      },
    };
  });

  const outcomes = await stores.outcomes.createMany(outcomeEntries);
  const attendance = await stores.attendance.createMany(attendanceEntries);
  if (referralUpdates.length > 0) await referralStores.referrals.updateMany(referralUpdates);
  return [
    `LIFT outcomes: ${outcomes.length} approved demo outcome records on ${meetings.size} held meetings; attendance for ${attendance.length} meetings`,
  ];
}
