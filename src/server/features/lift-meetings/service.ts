/**
 * LIFT meetings: planning a term, moving and cancelling meetings, the agenda and
 * the running state, the stage view and moving a case to another meeting. Meetings live in this
 * feature's LiftMeetings list, referrals in the referrals feature's; it reads and writes both stores.
 * Every request checks access (src/domain/lift-meetings/access.ts) and is audited with ids only.
 */
import { randomUUID } from "node:crypto";
import { canPlanDistrict, isDistrictMember, meetingAccess, refusalFor, type MeetingAccess } from "../../../domain/lift-meetings/access";
import { checkReorder, type ReorderEntry } from "../../../domain/lift-meetings/agenda";
import { checkPlannedMeetings, type ExistingMeeting } from "../../../domain/lift-meetings/planning";
import { checkPlanAgainstStructure, planCadenceWarnings } from "../../../domain/structure/plan-check";
import { describeUkDateTime, formatUkDate } from "../../../domain/time/format";
import { ukToday } from "../../../domain/time/uk-clock";
import type { District } from "../../../domain/reference/districts";
import { AppError } from "../../../errors";
import type { Item, ListStore } from "../../../graph/list-store";
import type { Agenda, MeetingDetail, OutcomeStatus, PlanMeetingsAnswer, PlannedMeetingInput, StageView } from "../../../schemas/lift-meetings/api";
import type { Person } from "../../../schemas/reference/person";
import type { ReferralRecord } from "../../../schemas/referrals/api";
import type { FeatureContext } from "../../core/feature-context";
import type { ReferralService } from "../referrals/service";
import { ReferralsList, type ReferralItem } from "../referrals/lists";
import { LiftMeetingsList, type LiftMeetingItem } from "./lists";
import { tellSenco } from "./notify";
import { caseSteps, MeetingOperations } from "./operations";
import type { Notices } from "../../core/operations/notices";
import { keyPart } from "../../core/operations/operations";
import { agendaETag, buildAgenda, buildStage, meetingDetail } from "./views";

type MeetingItem = Item<LiftMeetingItem>;

/** Draft/approved state of each case's outcome record on a meeting (the lift-outcomes feature provides it). */
export type OutcomeStatusSource = (meetingId: string) => Promise<ReadonlyMap<string, OutcomeStatus>>;


/** Told after a case moved to another meeting, so records kept per meeting (a draft outcome) can follow it. */
export type CaseMovedListener = (moved: { referralId: string; fromMeetingId: string; toMeetingId: string }) => Promise<void>;
const NOT_FOUND = "There is no such LIFT meeting.";

export interface Loaded {
  item: MeetingItem;
  access: MeetingAccess;
  district: District;
}

/** What the meetings need of the outcome records: each case's state, and a record that follows its case. */
export interface MeetingOutcomes {
  statuses: OutcomeStatusSource;
  caseMoved: CaseMovedListener;
}

export interface LiftMeetingDeps {
  meetings: ListStore<typeof LiftMeetingsList.schema>;
  referrals: ReferralService;
  outcomes: MeetingOutcomes;
  /** SENCos told of a moved or cancelled meeting, once per operation (the reminders' outbox). */
  notices: Notices;
}

export class LiftMeetingService {
  private readonly stores: { meetings: LiftMeetingDeps["meetings"]; referrals: ReferralService["stores"]["referrals"] };
  /** How a move or cancel left half-way is finished (registered with core's operations by index.ts). */
  readonly operations: MeetingOperations;

  constructor(
    private readonly ctx: FeatureContext,
    private readonly deps: LiftMeetingDeps,
  ) {
    this.stores = { meetings: deps.meetings, referrals: deps.referrals.stores.referrals };
    this.operations = new MeetingOperations(ctx, this.stores, deps.notices);
  }

  // ---- loading and access ----

  private async district(slug: string): Promise<District | undefined> {
    return (await this.ctx.reference.districts()).find((d) => d.slug === slug);
  }

  /** The meeting if the caller may read it; 404 otherwise (whether or not it exists elsewhere). */
  async load(person: Person, id: string): Promise<Loaded> {
    const item = /^\d{1,12}$/.test(id) ? await this.stores.meetings.find(id) : undefined;
    const district = item ? await this.district(item.value.districtSlug) : undefined;
    const access = item ? meetingAccess(person, { ...item.value, area: district?.area }) : undefined;
    if (!item || !access?.read || !district) throw new AppError("not_found", NOT_FOUND);
    return { item, access, district };
  }

  private refuse(access: MeetingAccess, message: string): AppError {
    return refusalFor(access) === "not_found" ? new AppError("not_found", NOT_FOUND) : new AppError("forbidden", message);
  }

  /** The referrals on the meeting (its cases): every non-draft referral placed on it. */
  async casesOn(meetingId: string): Promise<Item<ReferralItem>[]> {
    return (await this.stores.referrals.all({ where: { meetingId } })).filter((r) => r.value.status !== "draft");
  }

  private async detailOf(loaded: Loaded, caseCount?: number): Promise<MeetingDetail> {
    const count = caseCount ?? (await this.casesOn(loaded.item.id)).length;
    const chairOid = loaded.item.value.chairOid;
    const chairName = chairOid ? (await this.ctx.people.byOid(chairOid))?.displayName : undefined;
    return meetingDetail(loaded.item, loaded.district, loaded.access, { caseCount: count, ...(chairName ? { chairName } : {}), now: this.ctx.now() });
  }

  private async agendaOf(loaded: Loaded, cases?: Item<ReferralItem>[]): Promise<Agenda> {
    const onMeeting = cases ?? (await this.casesOn(loaded.item.id));
    const settings = new Map((await this.ctx.reference.settings()).map((s) => [s.id, s]));
    return buildAgenda({
      meeting: await this.detailOf(loaded, onMeeting.length),
      item: loaded.item,
      cases: onMeeting,
      settings,
      outcomes: await this.deps.outcomes.statuses(loaded.item.id),
      names: loaded.access.names,
      today: ukToday(this.ctx.now()),
    });
  }

  private audit(person: Person, action: string, itemId: string, detail?: Record<string, string | number | boolean | null>, listTitle = LiftMeetingsList.title) {
    return this.ctx.audit.record(person, { action, listTitle, itemId, ...(detail ? { detail } : {}) });
  }

  // ---- reading ----

  async detail(person: Person, id: string): Promise<MeetingDetail> {
    const loaded = await this.load(person, id);
    await this.audit(person, "meeting.read", id);
    return this.detailOf(loaded);
  }

  async agenda(person: Person, id: string): Promise<Agenda> {
    const loaded = await this.load(person, id);
    const agenda = await this.agendaOf(loaded);
    await this.audit(person, "meeting.agenda_read", id, { names: loaded.access.names, referralIds: agenda.entries.filter((e) => e.kind === "case").map((e) => e.id).join(",") });
    return agenda;
  }

  async stage(person: Person, id: string): Promise<StageView> {
    const loaded = await this.load(person, id);
    const cases = await this.casesOn(id);
    const stage = buildStage(await this.agendaOf(loaded, cases), cases, { questions: loaded.access.names });
    await this.audit(person, "meeting.stage_read", id);
    return stage;
  }

  // ---- the agenda and the running state ----

  async saveAgenda(person: Person, id: string, input: { eTag: string; slotMinutes: number; entries: ReorderEntry[] }): Promise<Agenda> {
    let loaded = await this.load(person, id);
    if (!loaded.access.run) throw this.refuse(loaded.access, "Only the district's LIFT members can change the agenda.");
    if (loaded.item.value.status === "cancelled") throw new AppError("conflict", "This LIFT meeting is cancelled; its agenda cannot change.");
    if (input.eTag !== agendaETag(loaded.item.value)) throw await this.staleAgenda(person, id);
    const cases = await this.casesOn(id);
    const checked = checkReorder(input.entries, cases.map((c) => c.id), () => `item-${randomUUID().slice(0, 8)}`);
    if (!checked.ok) throw new AppError("validation_failed", checked.message, { fieldErrors: checked.fieldErrors });
    const version = (loaded.item.value.agenda?.version ?? 0) + 1;
    // Audited before it is made (fail closed): [Audit trail](../../../../docs/reference/data-protection.md#audit-trail).
    const updated = await this.ctx.audit.change(person, { action: "meeting.agenda_saved", listTitle: LiftMeetingsList.title, itemId: id, detail: { entries: checked.entries.length } }, async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          // Written against the meeting as read: a concurrent write (the current case, a move) is merged by
          // reading again, a concurrent agenda save is refused below as stale.
          return await this.stores.meetings.update(id, { agenda: { slotMinutes: input.slotMinutes, entries: checked.entries, version } }, { eTag: loaded.item.eTag });
        } catch (error) {
          if (!(AppError.isAppError(error) && error.code === "precondition_failed") || attempt >= 5) throw error;
          loaded = await this.load(person, id);
          if (input.eTag !== agendaETag(loaded.item.value)) throw await this.staleAgenda(person, id);
        }
      }
    });
    return this.agendaOf({ ...loaded, item: updated }, cases);
  }

  private async staleAgenda(person: Person, id: string): Promise<AppError> {
    const current = await this.agendaOf(await this.load(person, id));
    return new AppError("precondition_failed", "Someone else changed this agenda since you opened it.", { detail: { current } });
  }

  /** Which entry the meeting is on. A pointer, not a record: the last writer wins, no eTag. */
  async setCurrent(person: Person, id: string, input: { entryId: string | null; step?: number }): Promise<Agenda> {
    const loaded = await this.load(person, id);
    if (!loaded.access.run) throw this.refuse(loaded.access, "Only the district's LIFT members can run the meeting.");
    if (loaded.item.value.status === "cancelled") throw new AppError("conflict", "This LIFT meeting is cancelled.");
    let run: LiftMeetingItem["run"];
    if (input.entryId !== null) {
      const agenda = await this.agendaOf(loaded);
      if (!agenda.entries.some((e) => e.id === input.entryId)) {
        throw new AppError("validation_failed", "That entry is not on the agenda.", { fieldErrors: { entryId: ["Choose an entry on this meeting's agenda"] } });
      }
      const before = loaded.item.value.run;
      // Moving through the steps of the same case keeps its timer running.
      const startedAt = before?.entryId === input.entryId ? before.startedAt : this.ctx.now().toISOString();
      run = { entryId: input.entryId, step: input.step ?? (before?.entryId === input.entryId ? before.step : 0), startedAt };
    }
    const updated = await this.ctx.audit.change(person, { action: "meeting.current_set", listTitle: LiftMeetingsList.title, itemId: id, detail: { entryId: input.entryId } }, () =>
      this.stores.meetings.update(id, { run }),
    );
    return this.agendaOf({ ...loaded, item: updated });
  }

  // ---- planning, moving, cancelling ----

  private async districtMeetings(slug: string): Promise<MeetingItem[]> {
    return this.stores.meetings.all({ where: { districtSlug: slug } });
  }

  private static existing(items: MeetingItem[]): Array<ExistingMeeting & { liftGroupId?: string }> {
    return items.map((m) => ({ id: m.id, title: m.value.title, kind: m.value.kind, ...(m.value.schoolPhases ? { phases: m.value.schoolPhases } : {}), ...(m.value.liftGroupId ? { liftGroupId: m.value.liftGroupId } : {}), startsAt: m.value.startsAt, endsAt: m.value.endsAt, status: m.value.status }));
  }

  async plan(person: Person, input: { idempotencyKey: string; districtSlug: string; meetings: PlannedMeetingInput[] }): Promise<PlanMeetingsAnswer> {
    const district = await this.district(input.districtSlug);
    if (!district || (!canPlanDistrict(person, district.slug) && !isDistrictMember(person, district.slug))) throw new AppError("not_found", "There is no such district.");
    if (!canPlanDistrict(person, district.slug)) throw new AppError("forbidden", "Only the district's LIFT lead plans its meetings.");
    const keys = input.meetings.map((_, i) => `lift-plan:${district.slug}:${input.idempotencyKey}:${i}`);
    // A repeated key answers with the meetings it made; they are not checked against themselves.
    const made = await Promise.all(keys.map((k) => this.stores.meetings.findByKey(k)));
    const toMake = input.meetings.map((m, i) => ({ m, i })).filter(({ i }) => !made[i]);
    let warnings: Record<string, string[]> = {};
    if (toMake.length > 0) {
      const madeIds = new Set(made.flatMap((m) => (m ? [m.id] : [])));
      const existing = LiftMeetingService.existing((await this.districtMeetings(district.slug)).filter((m) => !madeIds.has(m.id)));
      // The term dates a commissioner keeps in the reference lists; a date outside them is only a warning.
      const [calendar, groups] = await Promise.all([this.ctx.reference.calendar(), this.ctx.reference.liftGroups()]);
      const checked = checkPlannedMeetings(input.meetings, existing, { now: this.ctx.now(), terms: calendar.terms });
      // A retired district takes no new meetings; a named LIFT group must be the district's, of the meeting's kind.
      const structural = checkPlanAgainstStructure(district, input.meetings, groups);
      for (const [k, v] of Object.entries(structural)) (checked.fieldErrors[k] ??= []).push(...v);
      const errors = Object.fromEntries(Object.entries(checked.fieldErrors).filter(([k]) => toMake.some(({ i }) => k.startsWith(`meetings.${i}.`))));
      if (Object.keys(errors).length > 0) throw new AppError("validation_failed", "Some meetings need attention.", { fieldErrors: errors });
      // The SLA's cadence per LIFT group, for the terms this plan touches: a warning, never a refusal.
      const cadence = planCadenceWarnings({ district, planned: input.meetings, existing: existing.map((m) => ({ ...m, districtSlug: district.slug })), groups, terms: calendar.terms });
      warnings = { ...checked.warnings, ...cadence };
    }
    const defaultChair = (await this.ctx.people.list()).find((p) => p.role === "district_lead" && p.districtSlug === district.slug)?.oid;
    const local: Record<string, () => Promise<unknown>> = {};
    for (const [i, m] of input.meetings.entries()) {
      if (made[i]) {
        local[`meeting:${i}`] = async () => undefined;
        continue;
      }
      const chairOid = m.chairOid ?? defaultChair;
      const value: LiftMeetingItem = {
        districtSlug: district.slug,
        kind: m.kind,
        ...(m.kind === "school" && m.phases ? { schoolPhases: m.phases } : {}),
        title: meetingTitle(district, m.kind, m.kind === "school" ? m.phases : undefined, m.startsAt),
        ...(m.liftGroupId ? { liftGroupId: m.liftGroupId } : {}),
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        ...(m.place ? { place: m.place } : {}),
        ...(m.onlineMeetingUrl ? { onlineMeetingUrl: m.onlineMeetingUrl } : {}),
        ...(chairOid ? { chairOid } : {}),
        status: "scheduled",
        history: [{ at: this.ctx.now().toISOString(), action: "Planned", byName: person.displayName }],
      };
      local[`meeting:${i}`] = async () => (made[i] = await this.stores.meetings.create(value, { idempotencyKey: keys[i] as string }));
    }
    // One operation for the term: a retry with the same key makes the meetings still missing.
    await this.ctx.operations.perform(
      person,
      { key: `meeting.plan:${district.slug}:${keyPart(input.idempotencyKey)}`, kind: "meeting.plan", target: `district:${district.slug}`, steps: input.meetings.map((_, i) => `meeting:${i}`), params: { districtSlug: district.slug } },
      { action: "meeting.planned", listTitle: LiftMeetingsList.title, detail: { count: input.meetings.length } },
      local,
    );
    const items = made.filter((m): m is MeetingItem => m !== undefined);
    const details = await Promise.all(items.map((item) => this.detailOf({ item, district, access: meetingAccess(person, { ...item.value, area: district.area }) }, 0)));
    return { items: details, ...(Object.keys(warnings).length > 0 ? { warnings } : {}) };
  }

  /**
   * The meeting, when the caller may plan it and it can still change. A retry of a request whose
   * operation already changed something (same meeting, same eTag) is let through to finish it.
   */
  private async checkPlanner(person: Person, id: string, eTag: string, what: string, resuming = false): Promise<Loaded> {
    const loaded = await this.load(person, id);
    if (!loaded.access.plan) throw this.refuse(loaded.access, `Only the district's LIFT lead can ${what} a meeting.`);
    if (resuming) return loaded;
    const status = loaded.item.value.status;
    if (status === "held") throw new AppError("conflict", "This LIFT meeting has already taken place.");
    if (status === "cancelled") throw new AppError("conflict", "This LIFT meeting has been cancelled.");
    if (eTag !== loaded.item.eTag) throw await this.staleMeeting(loaded);
    return loaded;
  }

  private async staleMeeting(loaded: Loaded): Promise<AppError> {
    const item = await this.stores.meetings.get(loaded.item.id);
    return new AppError("precondition_failed", "Someone else changed this meeting since you opened it.", { detail: { current: { meeting: await this.detailOf({ ...loaded, item }) } } });
  }

  private async writeMeeting(loaded: Loaded, patch: Partial<LiftMeetingItem>, eTag: string): Promise<MeetingItem> {
    try {
      return await this.stores.meetings.update(loaded.item.id, patch, { eTag });
    } catch (error) {
      if (AppError.isAppError(error) && error.code === "precondition_failed") throw await this.staleMeeting(loaded);
      throw error;
    }
  }

  async move(
    person: Person,
    id: string,
    input: { eTag: string; startsAt?: string; endsAt?: string; place?: string; onlineMeetingUrl?: string; chairOid?: string; reason?: string },
  ): Promise<MeetingDetail> {
    // The same request again (same eTag, same body) is a retry of this operation; another body is a new change.
    const key = `meeting.move:${id}:${keyPart(JSON.stringify(input))}`;
    const ongoing = await this.ctx.operations.find(key);
    const loaded = await this.checkPlanner(person, id, input.eTag, "move", ongoing?.value.steps.some((s) => s.done));
    if (ongoing?.value.steps.some((s) => s.done)) return this.finish(person, loaded, ongoing.value.kind, key);
    const m = loaded.item.value;
    // A new start alone keeps the meeting's length.
    const startsAt = input.startsAt ?? m.startsAt;
    const endsAt = input.endsAt ?? (input.startsAt ? new Date(Date.parse(m.endsAt) - Date.parse(m.startsAt) + Date.parse(input.startsAt)).toISOString() : m.endsAt);
    const timeChanged = Date.parse(startsAt) !== Date.parse(m.startsAt) || Date.parse(endsAt) !== Date.parse(m.endsAt);
    if (timeChanged) {
      const existing = LiftMeetingService.existing(await this.districtMeetings(m.districtSlug));
      const checked = checkPlannedMeetings([{ kind: m.kind, ...(m.schoolPhases ? { phases: m.schoolPhases } : {}), startsAt, endsAt }], existing, { now: this.ctx.now(), prefix: "", ignoreId: id });
      if (Object.keys(checked.fieldErrors).length > 0) throw new AppError("validation_failed", "The new time needs attention.", { fieldErrors: checked.fieldErrors });
    }
    const placeChanged = (input.place !== undefined && input.place !== m.place) || (input.onlineMeetingUrl !== undefined && input.onlineMeetingUrl !== m.onlineMeetingUrl);
    const now = this.ctx.now().toISOString();
    const change = timeChanged ? `Moved to ${describeUkDateTime(new Date(startsAt))}` : placeChanged ? "Place changed" : "Details changed";
    const place = input.place !== undefined ? input.place : m.place;
    const where = place ? ` (${place})` : "";
    // The SENCos are told when the time or place changes (not for a new chair).
    const notice = !(timeChanged || placeChanged)
      ? undefined
      : timeChanged
        ? `The LIFT meeting your referral is on has moved to ${describeUkDateTime(new Date(startsAt))}${where}.${input.reason ? ` ${input.reason}` : ""}`
        : `The place of your referral's LIFT meeting on ${describeUkDateTime(new Date(startsAt))} has changed${where}.${input.reason ? ` ${input.reason}` : ""}`;
    const cases = notice ? await this.casesOn(id) : [];
    await this.ctx.operations.perform(
      person,
      { key, kind: "meeting.move", target: `meeting:${id}`, steps: caseSteps(cases), params: { meetingId: id, districtSlug: m.districtSlug, at: now, timeChanged, placeChanged } },
      { action: "meeting.moved", listTitle: LiftMeetingsList.title, itemId: id, detail: { timeChanged, placeChanged } },
      {
        meeting: (op) =>
          this.writeMeeting(
            loaded,
            {
              startsAt,
              endsAt,
              ...(timeChanged ? { status: "moved" as const, title: meetingTitle(loaded.district, m.kind, m.schoolPhases, startsAt, m.title) } : {}),
              ...(input.place !== undefined ? { place: input.place } : {}),
              ...(input.onlineMeetingUrl !== undefined ? { onlineMeetingUrl: input.onlineMeetingUrl } : {}),
              ...(input.chairOid !== undefined ? { chairOid: input.chairOid } : {}),
              ...(notice ? { notice: notice.slice(0, 600) } : {}),
              // At the operation's instant: how a resumed operation knows this write was made.
              history: [...(m.history ?? []), { at: String(op.value.params.at), action: `${change}${input.reason ? `: ${input.reason}` : ""}`.slice(0, 300), byName: person.displayName }],
            },
            input.eTag,
          ),
      },
    );
    return this.detailOf({ ...loaded, item: await this.stores.meetings.get(id) });
  }

  /** A retried move or cancel whose operation had started: finish it and answer as the first request would have. */
  private async finish(person: Person, loaded: Loaded, kind: "meeting.move" | "meeting.cancel" | string, key: string): Promise<MeetingDetail> {
    const action = kind === "meeting.cancel" ? "meeting.cancelled" : "meeting.moved";
    await this.ctx.operations.perform(person, { key, kind: kind as "meeting.move", target: `meeting:${loaded.item.id}`, steps: ["meeting"] }, { action, listTitle: LiftMeetingsList.title, itemId: loaded.item.id });
    const item = await this.stores.meetings.get(loaded.item.id);
    return this.detailOf({ ...loaded, item }, kind === "meeting.cancel" ? 0 : undefined);
  }

  async cancel(person: Person, id: string, input: { eTag: string; reason: string }): Promise<MeetingDetail> {
    const key = `meeting.cancel:${id}:${keyPart(JSON.stringify([input.eTag, input.reason]))}`;
    const ongoing = await this.ctx.operations.find(key);
    // A retry after a partial failure finishes the cancellation instead of answering "already cancelled".
    const resuming = ongoing?.value.steps.some((s) => s.done) ?? false;
    const loaded = await this.checkPlanner(person, id, input.eTag, "cancel", resuming);
    if (ongoing && resuming) return this.finish(person, loaded, ongoing.value.kind, key);
    const m = loaded.item.value;
    const now = this.ctx.now().toISOString();
    const notice = `The LIFT meeting on ${describeUkDateTime(new Date(m.startsAt))} was cancelled (${input.reason}). Your referral is back with the district, who will place it on another meeting.`;
    const cases = (await this.casesOn(id)).filter((r) => r.value.status === "scheduled" || r.value.status === "discussed");
    await this.ctx.operations.perform(
      person,
      { key, kind: "meeting.cancel", target: `meeting:${id}`, steps: caseSteps(cases), params: { meetingId: id, districtSlug: m.districtSlug, at: now } },
      { action: "meeting.cancelled", listTitle: LiftMeetingsList.title, itemId: id },
      {
        meeting: () =>
          this.writeMeeting(
            loaded,
            { status: "cancelled", cancelledReason: input.reason, notice: notice.slice(0, 600), run: undefined, history: [...(m.history ?? []), { at: now, action: `Cancelled: ${input.reason}`.slice(0, 300), byName: person.displayName }] },
            input.eTag,
          ),
      },
    );
    return this.detailOf({ ...loaded, item: await this.stores.meetings.get(id) }, 0);
  }

  /** Read–change–write with the item's eTag, again on a concurrent change, so no history entry is lost. */
  private async changeReferral(id: string, change: (r: ReferralItem) => Partial<ReferralItem> | undefined): Promise<Item<ReferralItem> | undefined> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.stores.referrals.get(id);
      const patch = change(current.value);
      if (!patch) return undefined;
      try {
        return await this.stores.referrals.update(id, patch, { eTag: current.eTag });
      } catch (error) {
        if (!(AppError.isAppError(error) && error.code === "precondition_failed") || attempt >= 5) throw error;
      }
    }
  }

  // ---- moving a case ----

  async moveCase(person: Person, meetingId: string, referralId: string, input: { toMeetingId: string; reason?: string }): Promise<ReferralRecord> {
    const loaded = await this.load(person, meetingId);
    if (!loaded.access.run) throw this.refuse(loaded.access, "Only the district's LIFT members can move a case.");
    const referral = /^\d{1,12}$/.test(referralId) ? await this.stores.referrals.find(referralId) : undefined;
    if (!referral || referral.value.meetingId !== meetingId || referral.value.status === "draft") throw new AppError("not_found", "That case is not on this meeting.");
    if (loaded.item.value.status === "held") throw new AppError("conflict", "This meeting has taken place; its cases stay on it.");
    if (input.toMeetingId === meetingId) throw new AppError("conflict", "The case is already on that meeting.");
    const target = /^\d{1,12}$/.test(input.toMeetingId) ? await this.stores.meetings.find(input.toMeetingId) : undefined;
    const source = loaded.item.value;
    if (!target || target.value.districtSlug !== source.districtSlug) throw new AppError("conflict", "Move the case to another LIFT meeting of the same district.");
    if (target.value.kind !== source.kind) throw new AppError("conflict", `Move the case to another ${source.kind === "school" ? "school" : "early years"} LIFT meeting.`);
    if (target.value.status === "cancelled") throw new AppError("conflict", "That LIFT meeting has been cancelled.");
    if (target.value.status === "held" || Date.parse(target.value.startsAt) <= this.ctx.now().getTime()) throw new AppError("conflict", "That LIFT meeting has already taken place.");
    const phase = (await this.ctx.reference.settings()).find((s) => s.id === referral.value.settingId)?.phase;
    const phases = target.value.schoolPhases;
    if (phases?.length && (phase === "primary" || phase === "secondary") && !phases.includes(phase)) {
      throw new AppError("conflict", `That LIFT meeting is for ${phases.join(" and ")} schools only.`);
    }
    if (!(await this.deps.referrals.claimMeetingPlace(referral.value.createdByOid, target.id, referral.id))) {
      throw new AppError("conflict", "The school's SENCo already has the most referrals allowed on that meeting; choose another or ask them to withdraw one.");
    }
    const now = this.ctx.now().toISOString();
    const moved = `Moved from ${source.title} to ${target.value.title}${input.reason ? ` (${input.reason})` : ""}`;
    const notice = `Your referral has moved to the LIFT meeting on ${describeUkDateTime(new Date(target.value.startsAt))}.${input.reason ? ` ${input.reason}` : ""}`;
    const done = await this.ctx.audit.change(person, { action: "referral.case_moved", listTitle: ReferralsList.title, itemId: referral.id, detail: { fromMeetingId: meetingId, toMeetingId: target.id } }, async () => {
      const changed = await this.changeReferral(referral.id, (r) => {
        if (r.meetingId !== meetingId) throw new AppError("conflict", "The case was moved by someone else a moment ago.");
        const body = r.body.meeting && typeof r.body.meeting === "object" ? { ...r.body, meeting: { ...(r.body.meeting as object), meetingId: target.id } } : r.body;
        return { meetingId: target.id, body, history: [...r.history, { at: now, action: moved.slice(0, 300), byName: person.displayName }], notice };
      });
      if (source.run?.entryId === referral.id) await this.stores.meetings.update(meetingId, { run: undefined });
      return changed;
    });
    try {
      await this.deps.outcomes.caseMoved({ referralId: referral.id, fromMeetingId: meetingId, toMeetingId: target.id });
    } catch (error) {
      // The case has moved; a record that failed to follow is found again by its referral id.
      this.ctx.log.error({ referralId: referral.id, fromMeetingId: meetingId, toMeetingId: target.id, errName: (error as Error)?.name, errCode: (error as AppError)?.code }, "lift-meetings: the outcome record did not follow its case");
    }
    if (done) await tellSenco(this.ctx, done.value.createdByOid, `${done.value.caseReference ?? "Your LIFT referral"}: ${notice}`, { referralId: referral.id, meetingId: target.id });
    return this.deps.referrals.read(person, referral.id);
  }
}

/** "Dover school LIFT — Thursday 3 December 2026": the demo's and the planner's title. A moved meeting keeps a custom prefix. */
export function meetingTitle(district: District, kind: LiftMeetingItem["kind"], phases: readonly string[] | undefined, startsAt: string, previous?: string): string {
  const label = kind === "early-years" ? "early years LIFT" : phases?.length ? `${phases.join(" and ")} LIFT` : "school LIFT";
  const prefix = previous?.includes(" — ") ? previous.slice(0, previous.lastIndexOf(" — ")) : `${district.name} ${label}`;
  return `${prefix} — ${formatUkDate(startsAt)}`.slice(0, 200);
}
