/**
 * The answers the meetings API gives, built from the list items: a meeting's detail, its agenda
 * (child names only for district members) and the stage view (never a child's name; the question
 * with the names replaced). Nothing here reads a list or logs.
 */
import { orderEntries, scheduleEntries, DEFAULT_SLOT_MINUTES } from "../../../domain/lift-meetings/agenda";
import type { MeetingAccess } from "../../../domain/lift-meetings/access";
import { redactChildName } from "../../../domain/lift-meetings/redact";
import type { District } from "../../../domain/reference/districts";
import type { Setting } from "../../../domain/reference/settings";
import type { Item } from "../../../graph/list-store";
import { childAgeInMonths } from "../../../schemas/referrals/referral";
import type { Agenda, AgendaEntry, MeetingDetail, OutcomeStatus, StageView } from "../../../schemas/lift-meetings/api";
import type { ReferralItem } from "../referrals/lists";
import type { LiftMeetingItem } from "./lists";
import { summariseMeeting } from "../referrals/meetings";

type Body = Record<string, unknown>;
const obj = (v: unknown): Body => (v && typeof v === "object" && !Array.isArray(v) ? (v as Body) : {});
const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v : undefined);

export function meetingDetail(
  item: Item<LiftMeetingItem>,
  district: District,
  access: MeetingAccess,
  extra: { caseCount: number; chairName?: string; now: Date },
): MeetingDetail {
  const m = item.value;
  return {
    ...summariseMeeting(item, district, { now: extra.now }),
    eTag: item.eTag,
    ...(m.chairOid ? { chairOid: m.chairOid } : {}),
    ...(extra.chairName ? { chairName: extra.chairName } : {}),
    // A planner's reason is free text that can name a child or family: district members only.
    ...(m.cancelledReason && access.names ? { cancelledReason: m.cancelledReason } : {}),
    caseCount: extra.caseCount,
    can: { plan: access.plan, run: access.run, approve: access.approve },
  };
}

/**
 * The agenda's own version, not the meeting item's eTag: moving through the cases (POST current) and
 * other writes to the meeting must not make an agenda edit in another window stale.
 */
export function agendaETag(meeting: LiftMeetingItem): string {
  return `"agenda-${meeting.agenda?.version ?? 0}"`;
}

export interface AgendaInputs {
  meeting: MeetingDetail;
  item: Item<LiftMeetingItem>;
  cases: Item<ReferralItem>[];
  settings: ReadonlyMap<string, Setting>;
  outcomes: ReadonlyMap<string, OutcomeStatus>;
  /** Child names and question text (district members). */
  names: boolean;
  today: string;
}

export function buildAgenda(a: AgendaInputs): Agenda {
  const saved = a.item.value.agenda;
  const slotMinutes = saved?.slotMinutes ?? DEFAULT_SLOT_MINUTES;
  const byId = new Map(a.cases.map((c) => [c.id, c]));
  const ordered = orderEntries(saved?.entries, a.cases.map((c) => ({ referralId: c.id, ...(c.value.submittedAt ? { submittedAt: c.value.submittedAt } : {}) })));
  const entries: AgendaEntry[] = scheduleEntries(a.item.value.startsAt, slotMinutes, ordered).map((s): AgendaEntry => {
    if (s.entry.kind === "item") return { kind: "item", id: s.id, startsAt: s.startsAt, minutes: s.minutes, title: s.entry.title };
    const r = byId.get(s.id)?.value as ReferralItem;
    const child = obj(r.body.child);
    const ageInMonths = r.variant === "early-years" && a.names ? childAgeInMonths(child.dateOfBirth, a.today) : undefined;
    const question = str(obj(r.body.question).question);
    return {
      kind: "case",
      id: s.id,
      startsAt: s.startsAt,
      minutes: s.minutes,
      caseReference: r.caseReference ?? "",
      settingId: r.settingId,
      settingName: a.settings.get(r.settingId)?.name ?? r.settingId,
      ...(str(child.yearGroup) ? { yearGroup: str(child.yearGroup) } : {}),
      ...(ageInMonths !== undefined ? { ageInMonths } : {}),
      ...(str(obj(r.body.needs).primaryArea) ? { primaryArea: str(obj(r.body.needs).primaryArea) } : {}),
      ...(r.variant === "early-years" ? { earlyYears: true } : {}),
      ...(a.names && question ? { question } : {}),
      ...(a.names && str(child.legalName) ? { childName: str(child.legalName) } : {}),
      outcomeStatus: a.outcomes.get(s.id) ?? (r.outcome ? "approved" : "none"),
    };
  });
  const run = a.item.value.run;
  return { meeting: a.meeting, eTag: agendaETag(a.item.value), slotMinutes, entries, ...(run ? { current: run } : {}) };
}

/**
 * The stage: the agenda without child names, with each question's mentions of the child (legal
 * and preferred names, whole or in parts) replaced by "the child". `questions` is false for
 * commissioners, who see no question text at all.
 */
export function buildStage(agenda: Agenda, cases: Item<ReferralItem>[], options: { questions: boolean }): StageView {
  const byId = new Map(cases.map((c) => [c.id, c.value]));
  const m = agenda.meeting;
  return {
    meeting: { id: m.id, title: m.title, startsAt: m.startsAt, endsAt: m.endsAt, status: m.status },
    entries: agenda.entries.map((e) => {
      if (e.kind === "item") return { kind: "item", id: e.id, startsAt: e.startsAt, minutes: e.minutes, title: e.title };
      const r = byId.get(e.id);
      const child = obj(r?.body.child);
      const question = options.questions ? str(obj(r?.body.question).question) : undefined;
      return {
        kind: "case",
        id: e.id,
        startsAt: e.startsAt,
        minutes: e.minutes,
        caseReference: e.caseReference,
        settingName: e.settingName,
        ...(e.yearGroup ? { yearGroup: e.yearGroup } : {}),
        ...(e.primaryArea ? { primaryArea: e.primaryArea } : {}),
        ...(question ? { question: redactChildName(question, [str(child.legalName), str(child.preferredName)]) } : {}),
      };
    }),
    ...(agenda.current ? { current: agenda.current } : {}),
  };
}
