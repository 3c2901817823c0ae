/**
 * Questionnaires sent, answered and counted (README.md in this folder). The job's pass plans who is
 * asked (src/domain/questionnaires/triggers.ts), writes one invitation per key, sends each Teams
 * invitation's card once, reminds once, and closes what expired. Answers come from the card's
 * `Action.Execute` or the link page; both go through `record`, which checks the answers against the
 * questionnaire version, keeps one response per invitation and audits it. Nothing here names a child
 * or logs a respondent.
 */
import type { AdaptiveCard, BotUser } from "../../../../bot/bot-port";
import { QUESTIONNAIRE_VERB, questionnaireCard, questionnaireClosedCard, questionnaireThanksCard } from "../../../../bot/cards/questionnaire-cards";
import { questionnaire } from "../../../domain/questionnaires/definitions";
import { checkResponse } from "../../../domain/questionnaires/responses";
import { ANNUAL_SURVEY_TERM, invitationKey, planAnnualSurveys, planInvitations, type ApprovedMeeting, type ClosedCase, type HeldEvent, type HeldSession } from "../../../domain/questionnaires/triggers";
import { firstDayOfAcademicYear, lastDayOfAcademicYear } from "../../../domain/time/academic-year";
import { schoolDaysBetween, termContaining, termStartedBy } from "../../../domain/time/calendar";
import { formatUkDate } from "../../../domain/time/format";
import { ukDateOf, ukToday } from "../../../domain/time/uk-clock";
import { AppError } from "../../../errors";
import type { Item, ListStore } from "../../../graph/list-store";
import type { InvitationSummary, InvitationsQuery } from "../../../schemas/questionnaires/api";
import type { QuestionnaireDefinition, QuestionnaireInvitationItem, QuestionnaireResponseItem } from "../../../schemas/questionnaires/records";
import type { Person } from "../../../schemas/reference/person";
import type { FeatureContext } from "../../core/feature-context";
import type { LinkTokens } from "./link-token";
import { QuestionnaireInvitationsList, QuestionnaireResponsesList } from "./lists";

export interface QuestionnaireStores {
  invitations: ListStore<typeof QuestionnaireInvitationsList.schema>;
  responses: ListStore<typeof QuestionnaireResponsesList.schema>;
}

/** What the triggers read of the other features, connected by the composition root. */
export interface QuestionnaireSources {
  meetings(): Promise<ApprovedMeeting[]>;
  closedCases(): Promise<ClosedCase[]>;
  /** Every case with its dates, for the annual parent questionnaire's sample of families. */
  cases(): Promise<{ caseId: string; districtSlug: string; childRef: string; openedAt: string; closedAt?: string }[]>;
  sessions(): Promise<HeldSession[]>;
  events(): Promise<HeldEvent[]>;
}

export interface PassReport {
  created: number;
  sent: number;
  reminded: number;
  expired: number;
}

type Invitation = Item<QuestionnaireInvitationItem>;
export type LinkState =
  | { state: "open"; definition: QuestionnaireDefinition; about: string }
  | { state: "answered" | "expired" | "invalid" };
export type LinkAnswer = { state: "thanks"; title: string } | { state: "problems"; definition: QuestionnaireDefinition; about: string; problems: Record<string, string[]>; values: Record<string, string> } | { state: "answered" | "expired" | "invalid" };

/** How long a questionnaire stays open. */
export const OPEN_DAYS = 28;
/** School days without an answer before the one reminder. */
export const REMIND_AFTER_SCHOOL_DAYS = 5;
/** A `sending` claim older than this was left by a stopped sender: another may take it over. */
const CLAIM_LEASE_MS = 5 * 60_000;
/** The audit trail's actor for answers given through a link: there is no account behind them. */
export const LINK_RESPONDENT_OID = "00000000-0000-4000-8000-00000000a11c";
/** The audit trail's actor for the job's writes. */
export const QUESTIONNAIRE_JOB_OID = "00000000-0000-4000-8000-00000000a110";

const ALL = { pageSize: 5000 } as const;
const ID = /^\d{1,12}$/;

const ABOUT: Record<string, string> = {
  meeting: "the LIFT meeting on",
  case: "the specialist teacher support that ended on",
  session: "the training session on",
  event: "the transition event on",
  year: "this school year, from",
};
export const aboutWords = (inv: Pick<QuestionnaireInvitationItem, "subjectKey" | "subjectDate">) => `${ABOUT[inv.subjectKey.split(":")[0] ?? ""] ?? "the support on"} ${formatUkDate(inv.subjectDate)}`;

export class QuestionnairesService {
  constructor(
    private readonly ctx: FeatureContext,
    readonly stores: QuestionnaireStores,
    private readonly sources: QuestionnaireSources,
    readonly tokens: LinkTokens,
  ) {}

  private nowIso(): string {
    return this.ctx.now().toISOString();
  }

  // ---- the job ----

  /** One idempotent pass: plan and write invitations, send cards, remind once, close what expired. */
  async pass(): Promise<PassReport> {
    const created = await this.plan();
    const sent = await this.deliver();
    const reminded = await this.remind();
    const expired = await this.expire();
    return { created, sent, reminded, expired };
  }

  private async plan(): Promise<number> {
    const now = this.nowIso();
    const [calendar, people, meetings, closedCases, sessions, events] = await Promise.all([
      this.ctx.reference.calendar(),
      this.ctx.people.list(),
      this.sources.meetings(),
      this.sources.closedCases(),
      this.sources.sessions(),
      this.sources.events(),
    ]);
    const sencos = new Map<string, string[]>();
    for (const p of people) if (p.role === "senco" && p.settingId && !p.deactivatedAt) sencos.set(p.settingId, [...(sencos.get(p.settingId) ?? []), p.oid]);
    const today = ukToday(now);
    const sencosOf = (id: string) => sencos.get(id) ?? [];
    // One probe per key would be thousands of requests a pass: compare against the invitations
    // already written (the list's unique key still refuses a duplicate from a concurrent pass).
    const written = (await this.stores.invitations.all(ALL)).map((i) => i.value);
    const planned = [...planInvitations({ today, terms: calendar.terms, meetings, closedCases, sessions, events, sencosOf }), ...(await this.planAnnual(today, calendar.terms, written, sencosOf))];
    const existing = new Set(written.map(keyOf));
    const fresh = [...new Map(planned.filter((p) => !existing.has(p.key)).map((p) => [p.key, p])).values()];
    if (fresh.length === 0) return 0;
    const expiresAt = new Date(this.ctx.now().getTime() + OPEN_DAYS * 86_400_000).toISOString();
    await this.stores.invitations.createMany(
      fresh.map(({ key, ...p }) => ({
        idempotencyKey: key,
        value: { ...p, status: p.channel === "link" ? ("sent" as const) : ("pending" as const), createdAt: now, ...(p.channel === "link" ? { sentAt: now } : {}), expiresAt },
      })),
    );
    this.ctx.log.info({ created: fresh.length }, "questionnaires: invitations written");
    return fresh.length;
  }

  /** The annual surveys, in their term only: every open setting, and the families' sample drawn once a year. */
  private async planAnnual(today: string, terms: Parameters<typeof planAnnualSurveys>[0]["terms"], written: readonly QuestionnaireInvitationItem[], sencosOf: (id: string) => string[]) {
    const term = termContaining(today, { terms }) ?? termStartedBy(today, { terms });
    if (!term || term.term !== ANNUAL_SURVEY_TERM) return [];
    const [settings, cases] = await Promise.all([this.ctx.reference.settings(), this.sources.cases()]);
    const [first, last] = [firstDayOfAcademicYear(term.academicYear), lastDayOfAcademicYear(term.academicYear)];
    const drawn = new Set(written.filter((w) => w.questionnaireId === "annual-parent-questionnaire" && w.academicYear === term.academicYear).map((w) => w.districtSlug));
    return planAnnualSurveys({
      today,
      terms,
      settings: settings.filter((s) => s.status !== "closed"),
      cases: cases.filter((c) => c.openedAt <= last && (!c.closedAt || c.closedAt >= first)),
      sencosOf,
      drawn,
    });
  }

  private async deliver(): Promise<number> {
    const now = this.ctx.now();
    const pending = await this.stores.invitations.all({ where: { status: "pending" }, ...ALL });
    const stale = (await this.stores.invitations.all({ where: { status: "sending" }, ...ALL })).filter((i) => !i.value.claimedAt || now.getTime() - Date.parse(i.value.claimedAt) > CLAIM_LEASE_MS);
    let sent = 0;
    for (const inv of [...pending, ...stale]) {
      if (inv.value.channel !== "teams" || !inv.value.recipientOid) continue;
      const person = await this.ctx.people.byOid(inv.value.recipientOid);
      if (!person || person.deactivatedAt) continue;
      const ref = await this.ctx.bot.conversations.findByUser({ aadObjectId: person.oid, upn: person.upn });
      // Without the app installed there is nowhere to send yet: the next pass tries again.
      if (!ref) continue;
      const definition = questionnaire(inv.value.questionnaireId, inv.value.version);
      if (!definition) continue;
      // Claimed with the version read: of two senders, one wins and the other leaves it.
      let claimed: Invitation;
      try {
        claimed = await this.stores.invitations.update(inv.id, { status: "sending", claimedAt: now.toISOString() }, { eTag: inv.eTag });
      } catch (error) {
        if (AppError.isAppError(error) && error.code === "precondition_failed") continue;
        throw error;
      }
      try {
        const card = questionnaireCard({ definition, invitationId: claimed.id, about: aboutWords(claimed.value) });
        const { activityId } = await this.ctx.bot.messenger.sendCard(ref, card, { summary: definition.title });
        await this.stores.invitations.update(claimed.id, { status: "sent", sentAt: this.nowIso(), activityId }, { eTag: claimed.eTag });
        sent++;
      } catch (error) {
        this.ctx.log.warn({ invitationId: claimed.id, errCode: (error as AppError).code }, "questionnaires: card not sent; the next pass tries again");
        await this.stores.invitations.update(claimed.id, { status: "pending" }).catch(() => undefined);
      }
    }
    return sent;
  }

  /** One reminder, after REMIND_AFTER_SCHOOL_DAYS school days without an answer; marked before it is sent, so never a second. */
  private async remind(): Promise<number> {
    const now = this.nowIso();
    const today = ukToday(now);
    const calendar = await this.ctx.reference.calendar();
    let reminded = 0;
    for (const inv of await this.stores.invitations.all({ where: { status: "sent" }, ...ALL })) {
      const v = inv.value;
      if (v.channel !== "teams" || !v.sentAt || !v.recipientOid || v.expiresAt <= now) continue;
      if (schoolDaysBetween(ukDateOf(v.sentAt), today, calendar) < REMIND_AFTER_SCHOOL_DAYS) continue;
      const person = await this.ctx.people.byOid(v.recipientOid);
      const ref = person && !person.deactivatedAt ? await this.ctx.bot.conversations.findByUser({ aadObjectId: person.oid, upn: person.upn }) : undefined;
      const definition = questionnaire(v.questionnaireId, v.version);
      if (!ref || !definition) continue;
      try {
        await this.stores.invitations.update(inv.id, { status: "reminded", remindedAt: now }, { eTag: inv.eTag });
      } catch (error) {
        if (AppError.isAppError(error) && error.code === "precondition_failed") continue;
        throw error;
      }
      try {
        await this.ctx.bot.messenger.sendCard(ref, questionnaireCard({ definition, invitationId: inv.id, about: aboutWords(v), reminder: true }), { summary: `Reminder: ${definition.title}` });
        reminded++;
      } catch (error) {
        // At most once: a reminder that failed is not tried again.
        this.ctx.log.warn({ invitationId: inv.id, errCode: (error as AppError).code }, "questionnaires: reminder not sent");
      }
    }
    return reminded;
  }

  private async expire(): Promise<number> {
    const now = this.nowIso();
    let expired = 0;
    for (const status of ["sent", "reminded", "pending"] as const) {
      for (const inv of await this.stores.invitations.all({ where: { status }, ...ALL })) {
        if (inv.value.expiresAt > now) continue;
        await this.stores.invitations.update(inv.id, { status: "expired" }, { eTag: inv.eTag }).then(
          () => expired++,
          () => undefined, // answered meanwhile: leave it
        );
      }
    }
    return expired;
  }

  // ---- answering ----

  /** The card's button: only the person it was sent to may answer, once. */
  async answerFromCard(user: BotUser, data: Record<string, unknown>): Promise<AdaptiveCard> {
    const id = typeof data.invitationId === "string" && ID.test(data.invitationId) ? data.invitationId : undefined;
    const inv = id ? await this.stores.invitations.find(id) : undefined;
    const definition = inv ? questionnaire(inv.value.questionnaireId, inv.value.version) : undefined;
    const title = definition?.title ?? "Questionnaire";
    const person = user.aadObjectId ? await this.ctx.people.byOid(user.aadObjectId) : user.upn ? await this.ctx.people.byUpn(user.upn) : undefined;
    // Access from the People list and the invitation, never from the card's data alone.
    if (!inv || !definition || !person || person.deactivatedAt || inv.value.channel !== "teams" || inv.value.recipientOid !== person.oid.toLowerCase()) {
      return questionnaireClosedCard(title, "unknown");
    }
    const values: Record<string, string> = {};
    for (const q of definition.questions) if (typeof data[q.id] === "string" && data[q.id] !== "") values[q.id] = data[q.id] as string;
    const result = await this.record(inv, definition, values, person.oid);
    if (result.state === "thanks") return questionnaireThanksCard(title);
    if (result.state === "problems") return questionnaireCard({ definition, invitationId: inv.id, about: aboutWords(inv.value), values, problems: result.problems });
    return questionnaireClosedCard(title, result.state);
  }

  async linkFor(invitationId: string, expiresAt: string): Promise<string> {
    return `${this.ctx.config.publicUrl}/q/${await this.tokens.sign(invitationId, expiresAt)}`;
  }

  private async byToken(token: string): Promise<{ inv: Invitation; definition: QuestionnaireDefinition } | { state: "expired" | "invalid" | "answered" }> {
    const checked = await this.tokens.check(token, this.ctx.now());
    if (!checked.ok) return { state: checked.reason };
    const inv = await this.stores.invitations.find(checked.invitationId);
    const definition = inv ? questionnaire(inv.value.questionnaireId, inv.value.version) : undefined;
    if (!inv || !definition || inv.value.channel !== "link") return { state: "invalid" };
    if (inv.value.status === "answered") return { state: "answered" };
    if (inv.value.status === "expired" || inv.value.expiresAt <= this.nowIso()) return { state: "expired" };
    return { inv, definition };
  }

  async openLink(token: string): Promise<LinkState> {
    const found = await this.byToken(token);
    if ("state" in found) return found;
    return { state: "open", definition: found.definition, about: aboutWords(found.inv.value) };
  }

  async answerLink(token: string, form: Record<string, unknown>): Promise<LinkAnswer> {
    const found = await this.byToken(token);
    if ("state" in found) return found;
    const values: Record<string, string> = {};
    for (const q of found.definition.questions) if (typeof form[q.id] === "string" && (form[q.id] as string).trim() !== "") values[q.id] = (form[q.id] as string).trim();
    const result = await this.record(found.inv, found.definition, values, LINK_RESPONDENT_OID);
    if (result.state === "problems") return { ...result, definition: found.definition, about: aboutWords(found.inv.value), values };
    if (result.state === "thanks") return { state: "thanks", title: found.definition.title };
    return { state: result.state };
  }

  /**
   * Checks and stores one answer to an invitation. The response's unique key is the invitation, so
   * of two answers at once only one is kept; the other is told the questionnaire was answered.
   */
  private async record(inv: Invitation, definition: QuestionnaireDefinition, values: Record<string, string>, actorOid: string): Promise<{ state: "thanks" | "answered" | "expired" } | { state: "problems"; problems: Record<string, string[]> }> {
    const now = this.nowIso();
    if (inv.value.status === "answered") return { state: "answered" };
    if (inv.value.status === "expired" || inv.value.expiresAt <= now) return { state: "expired" };
    const answers: Record<string, number | string> = {};
    for (const q of definition.questions) {
      const v = values[q.id];
      if (v === undefined) continue;
      // A scale answer arrives as text ("4"); anything else stays text, so checkResponse names it.
      answers[q.id] = q.kind === "scale" && /^\d+$/.test(v) ? Number(v) : v;
    }
    const errors = checkResponse(definition, { questionnaireId: definition.id, version: definition.version, answers });
    if (Object.keys(errors).length > 0) {
      const problems: Record<string, string[]> = {};
      for (const [key, messages] of Object.entries(errors)) problems[key.replace(/^answers\./, "")] = messages;
      return { state: "problems", problems };
    }
    const key = `response|${inv.id}`;
    if (await this.stores.responses.findByKey(key)) return { state: "answered" };
    const value: QuestionnaireResponseItem = {
      invitationId: inv.id,
      questionnaireId: definition.id,
      version: definition.version,
      districtSlug: inv.value.districtSlug,
      academicYear: inv.value.academicYear,
      term: inv.value.term,
      channel: inv.value.channel,
      answers,
      answeredAt: now,
    };
    const stored = await this.ctx.audit.change(
      { oid: actorOid },
      { action: "questionnaire.answered", listTitle: QuestionnaireResponsesList.title, itemId: inv.id, detail: { questionnaireId: definition.id, version: definition.version, channel: inv.value.channel } },
      () => this.stores.responses.create(value, { idempotencyKey: key }),
    );
    // Another answer won the key between the probe and the write: it is the one kept.
    if (Date.parse(stored.value.answeredAt) !== Date.parse(now) || sortedJson(stored.value.answers) !== sortedJson(answers)) return { state: "answered" };
    await this.stores.invitations.update(inv.id, { status: "answered", answeredAt: now });
    if (inv.value.activityId && inv.value.recipientOid) await this.replaceSentCard(inv, definition.title);
    return { state: "thanks" };
  }

  /** The invoke answer replaces the card for the person who clicked; the sent message is updated too, for their other devices. */
  private async replaceSentCard(inv: Invitation, title: string): Promise<void> {
    try {
      const person = await this.ctx.people.byOid(inv.value.recipientOid as string);
      const ref = person ? await this.ctx.bot.conversations.findByUser({ aadObjectId: person.oid, upn: person.upn }) : undefined;
      if (ref) await this.ctx.bot.messenger.updateCard(ref, inv.value.activityId as string, questionnaireThanksCard(title));
    } catch (error) {
      this.ctx.log.warn({ invitationId: inv.id, errCode: (error as AppError).code }, "questionnaires: could not update the sent card");
    }
  }

  // ---- the API ----

  /** The district's invitations, with the link of each open link invitation for staff to hand over. */
  async listInvitations(p: Person, query: InvitationsQuery): Promise<InvitationSummary[]> {
    const district = this.districtFor(p, query.district);
    const items = await this.stores.invitations.all({ where: { districtSlug: district }, ...ALL });
    await this.ctx.audit.record(p, { action: "questionnaire.invitations_read", listTitle: QuestionnaireInvitationsList.title, detail: { districtSlug: district } });
    const out: InvitationSummary[] = [];
    for (const i of items) {
      const v = i.value;
      if (query.subject && v.subjectKey !== query.subject) continue;
      const open = v.channel === "link" && (v.status === "sent" || v.status === "reminded") && v.expiresAt > this.nowIso();
      out.push({
        id: i.id,
        questionnaireId: v.questionnaireId,
        version: v.version,
        subjectKey: v.subjectKey,
        subjectDate: v.subjectDate,
        districtSlug: v.districtSlug,
        academicYear: v.academicYear,
        term: v.term,
        channel: v.channel,
        ...(v.linkLabel ? { linkLabel: v.linkLabel } : {}),
        status: v.status,
        expiresAt: v.expiresAt,
        // Commissioners see figures, not links: a link is for the teacher to hand to the family.
        ...(open && p.role !== "commissioner" ? { link: await this.linkFor(i.id, v.expiresAt) } : {}),
      });
    }
    return out.sort((a, b) => b.subjectDate.localeCompare(a.subjectDate) || a.id.localeCompare(b.id));
  }

  async runPass(p: Person): Promise<PassReport> {
    if (p.role !== "commissioner") throw new AppError("forbidden", "Only a commissioner can send the questionnaires due now.");
    return this.ctx.audit.change({ oid: p.oid }, { action: "questionnaire.pass_run", listTitle: QuestionnaireInvitationsList.title }, () => this.pass());
  }

  private districtFor(p: Person, slug: string | undefined): string {
    if (p.role === "commissioner") {
      if (!slug) throw new AppError("validation_failed", "Choose a district.", { fieldErrors: { district: ["Choose a district"] } });
      return slug;
    }
    if ((p.role === "district_lead" || p.role === "specialist_teacher") && p.districtSlug) {
      if (slug && slug !== p.districtSlug) throw new AppError("not_found", "There is no such district in your questionnaires.");
      return p.districtSlug;
    }
    throw new AppError("forbidden", "Questionnaires are sent by the district's STLS and read by commissioners.");
  }

  // ---- the prefill ----

  /** The invitations and responses of a district's term, for the KPI return's prefill. */
  async termRecords(districtSlug: string, academicYear: string, term: number): Promise<{ invitations: QuestionnaireInvitationItem[]; responses: QuestionnaireResponseItem[] }> {
    const [invitations, responses] = await Promise.all([this.stores.invitations.all({ where: { districtSlug }, ...ALL }), this.stores.responses.all({ where: { districtSlug }, ...ALL })]);
    const inTerm = (v: { academicYear: string; term: number }) => v.academicYear === academicYear && v.term === term;
    return { invitations: invitations.map((i) => i.value).filter(inTerm), responses: responses.map((r) => r.value).filter(inTerm) };
  }
}

const sortedJson = (o: Record<string, unknown>) => JSON.stringify(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

/** The invitation's unique key, rebuilt from what it holds (the same as the plan's). */
export function keyOf(v: Pick<QuestionnaireInvitationItem, "questionnaireId" | "subjectKey" | "recipientOid" | "channel" | "linkLabel">): string {
  return invitationKey(v.questionnaireId, v.subjectKey, v.channel === "teams" ? `person:${v.recipientOid}` : `link:${v.linkLabel ?? ""}`);
}

export { QUESTIONNAIRE_VERB };
