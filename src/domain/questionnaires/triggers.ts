/**
 * Who is asked which questionnaire, and when (pure: the feature's job passes the records in):
 *
 * - LIFT satisfaction: after a meeting has an approved outcome, to each SENCo of a setting on the
 *   meeting's attendance register (the settings whose cases were decided when no register is kept).
 * - End of intervention: when a case closes, the staff questionnaire to the SENCo(s) of the case's
 *   setting, and the parents' questionnaire as one link for the family (handed over by the teacher).
 * - Training evaluation: after a staff session, to the SENCos of the settings that attended; after a
 *   parents' session, one link per attendee. Transition: after an event, to the SENCos of each
 *   setting on its register.
 *
 * Each invitation's key is `questionnaire|subject|recipient`, so the same scan run again, or after a
 * restart, plans the same keys and the list's unique key makes the second write a no-op: nobody is
 * asked twice. Subjects older than the look-back window are left alone, so switching the feature on
 * does not send a burst about last year's meetings.
 */
import type { QuestionnaireId } from "../../schemas/questionnaires/records";
import { addDays, termContaining, termStartedBy, type TermDates } from "../time/calendar";
import { currentVersion } from "./definitions";

export interface ApprovedMeeting {
  meetingId: string;
  districtSlug: string;
  /** The meeting's UK date. */
  date: string;
  /** The settings on the attendance register, or those whose cases were decided. */
  settingIds: readonly string[];
}

export interface ClosedCase {
  caseId: string;
  districtSlug: string;
  settingId: string;
  closedAt: string;
}

export interface HeldSession {
  sessionId: string;
  districtSlug: string;
  date: string;
  audience: "staff" | "parents";
  settingIds: readonly string[];
  attendees: number;
}

export interface HeldEvent {
  eventId: string;
  districtSlug: string;
  date: string;
  settingIds: readonly string[];
}

export interface TriggerInput {
  today: string;
  terms: readonly (TermDates & { academicYear: string; term: number })[];
  meetings: readonly ApprovedMeeting[];
  closedCases: readonly ClosedCase[];
  sessions: readonly HeldSession[];
  events: readonly HeldEvent[];
  /** The active SENCos of a setting (their Entra object ids). */
  sencosOf: (settingId: string) => readonly string[];
  lookBackDays?: number;
}

export interface PlannedInvitation {
  key: string;
  questionnaireId: QuestionnaireId;
  version: number;
  subjectKey: string;
  subjectDate: string;
  districtSlug: string;
  academicYear: string;
  term: number;
  channel: "teams" | "link";
  recipientOid?: string;
  linkLabel?: string;
}

/** How far back a subject may lie and still be asked about: about a half term. */
export const LOOK_BACK_DAYS = 42;
/** The most links written for one parents' session (a register larger than this is a typing slip). */
const MAX_LINKS_PER_SESSION = 200;

export function invitationKey(questionnaireId: string, subjectKey: string, recipient: string): string {
  return `${questionnaireId}|${subjectKey}|${recipient}`;
}

export function planInvitations(input: TriggerInput): PlannedInvitation[] {
  const from = addDays(input.today, -(input.lookBackDays ?? LOOK_BACK_DAYS));
  const out: PlannedInvitation[] = [];
  // After the event: the day itself is over only once it has passed.
  const due = (date: string) => date >= from && date < input.today;
  const add = (questionnaireId: QuestionnaireId, subjectKey: string, districtSlug: string, date: string, recipient: { oid: string } | { link: string }) => {
    const term = termContaining(date, { terms: input.terms }) ?? termStartedBy(date, { terms: input.terms });
    if (!term) return;
    const definition = currentVersion(questionnaireId, term.academicYear);
    if (!definition) return;
    const who = "oid" in recipient ? `person:${recipient.oid.toLowerCase()}` : `link:${recipient.link}`;
    out.push({
      key: invitationKey(questionnaireId, subjectKey, who),
      questionnaireId,
      version: definition.version,
      subjectKey,
      subjectDate: date,
      districtSlug,
      academicYear: term.academicYear,
      term: term.term,
      ...("oid" in recipient ? { channel: "teams" as const, recipientOid: recipient.oid.toLowerCase() } : { channel: "link" as const, linkLabel: recipient.link }),
    });
  };
  const toSencos = (questionnaireId: QuestionnaireId, subjectKey: string, districtSlug: string, date: string, settingIds: readonly string[]) => {
    const oids = new Set(settingIds.flatMap((s) => input.sencosOf(s).map((o) => o.toLowerCase())));
    for (const oid of [...oids].sort()) add(questionnaireId, subjectKey, districtSlug, date, { oid });
  };

  for (const m of input.meetings) if (due(m.date)) toSencos("lift-satisfaction", `meeting:${m.meetingId}`, m.districtSlug, m.date, m.settingIds);
  for (const c of input.closedCases) {
    // A case closed today is asked about today: the closure is the end of the intervention.
    if (c.closedAt < from || c.closedAt > input.today) continue;
    toSencos("end-of-intervention-staff", `case:${c.caseId}`, c.districtSlug, c.closedAt, [c.settingId]);
    add("end-of-intervention-parent", `case:${c.caseId}`, c.districtSlug, c.closedAt, { link: "family" });
  }
  for (const s of input.sessions) {
    if (!due(s.date)) continue;
    if (s.audience === "staff") toSencos("training-evaluation", `session:${s.sessionId}`, s.districtSlug, s.date, s.settingIds);
    else for (let i = 1; i <= Math.min(s.attendees, MAX_LINKS_PER_SESSION); i++) add("parent-training-evaluation", `session:${s.sessionId}`, s.districtSlug, s.date, { link: `attendee-${i}` });
  }
  for (const e of input.events) if (due(e.date)) toSencos("transition-event", `event:${e.eventId}`, e.districtSlug, e.date, e.settingIds);
  return out;
}
