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

// ---------------------------------------------------------------------------------------------
// The annual surveys

/** The annual surveys go out on the first day of this term (summer 1), counted in it. */
export const ANNUAL_SURVEY_TERM = 5;
/** The share of the families on the case lists asked the annual parent questionnaire. */
export const PARENT_SAMPLE_SHARE = 0.1;

export interface AnnualInput {
  today: string;
  terms: readonly (TermDates & { academicYear: string; term: number })[];
  /** The settings in the register that are open. */
  settings: readonly { id: string; districtSlug: string }[];
  /** The families on the case lists: one per case open at some time in the academic year. */
  cases: readonly { caseId: string; districtSlug: string; childRef: string }[];
  sencosOf: (settingId: string) => readonly string[];
  /** Districts whose parent sample for the year is already drawn (their invitations are the record). */
  drawn: ReadonlySet<string>;
}

/** FNV-1a: the seeded order of the parent sample, so a draw is reproducible from the year alone. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The annual SENCo survey to every open setting (each known SENCo in Teams, a link for the lead to
 * send where the People list knows none) and the annual parent questionnaire to a 10 % sample of
 * the families on each district's case lists (at least one family where there are any), drawn
 * once: families are ranked by a hash seeded with the academic year, and a district whose sample
 * has invitations is never drawn again, so families added later cannot change who was asked.
 * A family (child) with two cases in the year is counted once. A setting's link is labelled with
 * the setting (not personal) so the lead knows where to send it; a family's link hangs on its case.
 */
export function planAnnualSurveys(input: AnnualInput): PlannedInvitation[] {
  const current = termContaining(input.today, { terms: input.terms }) ?? termStartedBy(input.today, { terms: input.terms });
  if (!current || current.term !== ANNUAL_SURVEY_TERM) return [];
  const year = current.academicYear;
  const date = current.start;
  const out: PlannedInvitation[] = [];
  const senco = currentVersion("annual-senco-survey", year);
  const parent = currentVersion("annual-parent-questionnaire", year);
  const common = (districtSlug: string) => ({ subjectKey: `year:${year}`, subjectDate: date, districtSlug, academicYear: year, term: current.term });
  if (senco) {
    for (const s of input.settings) {
      const oids = [...new Set(input.sencosOf(s.id).map((o) => o.toLowerCase()))].sort();
      if (oids.length === 0) {
        const label = `setting-${s.id.toLowerCase()}`;
        out.push({ key: invitationKey(senco.id, `year:${year}`, `link:${label}`), questionnaireId: senco.id, version: senco.version, ...common(s.districtSlug), channel: "link", linkLabel: label });
      }
      for (const oid of oids) out.push({ key: invitationKey(senco.id, `year:${year}`, `person:${oid}`), questionnaireId: senco.id, version: senco.version, ...common(s.districtSlug), channel: "teams", recipientOid: oid });
    }
  }
  if (parent) {
    const byDistrict = new Map<string, Map<string, string>>();
    for (const c of input.cases) {
      const families = byDistrict.get(c.districtSlug) ?? new Map<string, string>();
      if (!families.has(c.childRef)) families.set(c.childRef, c.caseId);
      byDistrict.set(c.districtSlug, families);
    }
    for (const [districtSlug, families] of byDistrict) {
      if (input.drawn.has(districtSlug)) continue;
      const ranked = [...families.keys()].sort((a, b) => fnv1a(`${year}|${a}`) - fnv1a(`${year}|${b}`) || a.localeCompare(b));
      const sample = ranked.slice(0, Math.max(1, Math.ceil(ranked.length * PARENT_SAMPLE_SHARE)));
      for (const childRef of sample) {
        // Subject: the family's (first) case, so its teacher finds the link to pass on; the label
        // carries the year, so next year's draw asks again.
        const caseId = families.get(childRef) as string;
        const label = `family-${year}`;
        out.push({ key: invitationKey(parent.id, `case:${caseId}`, `link:${label}`), questionnaireId: parent.id, version: parent.version, ...common(districtSlug), subjectKey: `case:${caseId}`, channel: "link", linkLabel: label });
      }
    }
  }
  return out;
}
