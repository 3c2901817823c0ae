/**
 * Training sessions and transition events (contract: src/schemas/training-events/api.ts). Access
 * follows src/domain/training-events/access.ts and is checked here on every request; every write is
 * audited before it is made (`ctx.audit.change`), reads are audited too. Nothing here names a child.
 */
import type { z } from "zod";
import { districtAccess, usesTraining } from "../../../domain/training-events/access";
import { AET_TARGET_PERCENT, autismTarget } from "../../../domain/training-events/autism-target";
import { firstDayOfAcademicYear, lastDayOfAcademicYear, type AcademicYear } from "../../../domain/time/academic-year";
import { ukToday } from "../../../domain/time/uk-clock";
import { isOpenOn } from "../../../domain/settings-register/totals";
import { AppError, invalidAnswers, type FieldErrors } from "../../../errors";
import type { Item, ListStore } from "../../../graph/list-store";
import type { Person } from "../../../schemas/reference/person";
import type { Setting } from "../../../schemas/reference/setting";
import type {
  AttendanceSetting,
  AttendanceSettingsQuery,
  AutismTargetQuery,
  AutismTargetView,
  DistrictListQuery,
  RecordEventBody,
  RecordSessionBody,
  TrainingSessionRecord,
  TransitionEventRecord,
  UpdateEventBody,
  UpdateSessionBody,
} from "../../../schemas/training-events/api";
import type { TrainingSessionItem, TransitionEventItem } from "../../../schemas/training-events/records";
import type { FeatureContext } from "../../core/feature-context";
import { TrainingSessionsList, TransitionEventsList } from "./lists";

export interface TrainingEventsStores {
  sessions: ListStore<typeof TrainingSessionsList.schema>;
  events: ListStore<typeof TransitionEventsList.schema>;
}

const ALL = { pageSize: 5000 } as const;
const ID = /^\d{1,12}$/;
const NO_DISTRICT = "There is no such district in your training and transition records.";

/** A change replaces the record: an optional field left out of it is cleared, not kept from before. */
const CLEARED_SESSION_FIELDS = { needType: undefined, districtNeed: undefined, aet: undefined, evaluation: undefined };

type Kind = "session" | "event";
const WORDS: Record<Kind, { none: string; list: string }> = {
  session: { none: "There is no such training session.", list: TrainingSessionsList.title },
  event: { none: "There is no such transition event.", list: TransitionEventsList.title },
};

export class TrainingEventsService {
  constructor(
    private readonly ctx: FeatureContext,
    readonly stores: TrainingEventsStores,
  ) {}

  private refuseOutsiders(person: Person): void {
    if (!usesTraining(person)) throw new AppError("forbidden", "Training and transition records are kept by the district's STLS and read by commissioners.");
  }

  /** The district a list or a new record is for: 404 when the caller may not see it. */
  private async district(person: Person, slug: string | undefined, need: "read" | "write"): Promise<string> {
    this.refuseOutsiders(person);
    const districtSlug = slug ?? person.districtSlug;
    if (!districtSlug || !(await this.ctx.reference.districts()).some((d) => d.slug === districtSlug)) throw new AppError("not_found", NO_DISTRICT);
    const access = districtAccess(person, districtSlug);
    if (access === "none") throw new AppError("not_found", NO_DISTRICT);
    if (need === "write" && access !== "write") throw new AppError("forbidden", "Only the district's lead and specialist teachers record training and transition events.");
    return districtSlug;
  }

  private async settingsById(): Promise<Map<string, Setting>> {
    return new Map((await this.ctx.reference.settings()).map((s) => [s.id, s]));
  }

  private phasesOf(settingIds: readonly string[], settings: ReadonlyMap<string, Setting>): Record<string, number> {
    const out: Record<string, number> = {};
    for (const id of settingIds) {
      const s = settings.get(id);
      const phase = s ? (s.registerPhase ?? s.phase) : "unknown";
      out[phase] = (out[phase] ?? 0) + 1;
    }
    return out;
  }

  private async checkSettings(prefix: string, settingIds: readonly string[]): Promise<void> {
    const settings = await this.settingsById();
    const problems: FieldErrors = {};
    const seen = new Set<string>();
    settingIds.forEach((id, i) => {
      if (!settings.has(id)) problems[`${prefix}.settingIds.${i}`] = ["Choose a school or setting from the register"];
      else if (seen.has(id)) problems[`${prefix}.settingIds.${i}`] = ["This school or setting is already on the list"];
      seen.add(id);
    });
    if (Object.keys(problems).length > 0) throw invalidAnswers(problems);
  }

  private stamp(person: Person) {
    return { updatedAt: this.ctx.now().toISOString(), updatedByName: person.displayName };
  }

  // ---- training sessions ----

  private async toSession(item: Item<TrainingSessionItem>, settings?: ReadonlyMap<string, Setting>): Promise<TrainingSessionRecord> {
    return { ...item.value, id: item.id, eTag: item.eTag, phases: this.phasesOf(item.value.settingIds, settings ?? (await this.settingsById())) };
  }

  async listSessions(person: Person, query: z.output<typeof DistrictListQuery>): Promise<TrainingSessionRecord[]> {
    const slug = await this.district(person, query.district, "read");
    const settings = await this.settingsById();
    const items = (await this.stores.sessions.all({ where: { districtSlug: slug }, ...ALL })).filter((s) => (!query.from || s.value.date >= query.from) && (!query.to || s.value.date <= query.to));
    const out = await Promise.all(items.sort((a, b) => b.value.date.localeCompare(a.value.date) || Number(b.id) - Number(a.id)).map((i) => this.toSession(i, settings)));
    await this.ctx.audit.record(person, { action: "training.session_listed", listTitle: TrainingSessionsList.title, detail: { districtSlug: slug, count: out.length } });
    return out;
  }

  private async loadOne<K extends Kind>(person: Person, kind: K, id: string, need: "read" | "write") {
    this.refuseOutsiders(person);
    const store = (kind === "session" ? this.stores.sessions : this.stores.events) as ListStore<typeof TrainingSessionsList.schema | typeof TransitionEventsList.schema>;
    const item = ID.test(id) ? await store.find(id) : undefined;
    const access = item ? districtAccess(person, item.value.districtSlug) : "none";
    if (!item || access === "none") throw new AppError("not_found", WORDS[kind].none);
    if (need === "write" && access !== "write") throw new AppError("forbidden", "Only the district's lead and specialist teachers change training and transition records.");
    return item;
  }

  async getSession(person: Person, id: string): Promise<TrainingSessionRecord> {
    const item = (await this.loadOne(person, "session", id, "read")) as Item<TrainingSessionItem>;
    await this.ctx.audit.record(person, { action: "training.session_read", listTitle: TrainingSessionsList.title, itemId: item.id });
    return this.toSession(item);
  }

  async recordSession(person: Person, body: z.output<typeof RecordSessionBody>): Promise<TrainingSessionRecord> {
    await this.district(person, body.session.districtSlug, "write");
    const key = `training:${person.oid}:${body.idempotencyKey}`;
    const made = await this.stores.sessions.findByKey(key);
    if (made) return this.toSession(made);
    await this.checkSettings("session", body.session.settingIds);
    const item = await this.ctx.audit.change(
      person,
      { action: "training.session_recorded", listTitle: TrainingSessionsList.title, detail: { districtSlug: body.session.districtSlug, settings: body.session.settingIds.length } },
      () => this.stores.sessions.create({ ...body.session, ...this.stamp(person) }, { idempotencyKey: key }),
      (i) => ({ itemId: i.id }),
    );
    return this.toSession(item);
  }

  async updateSession(person: Person, id: string, body: z.output<typeof UpdateSessionBody>): Promise<TrainingSessionRecord> {
    const item = (await this.loadOne(person, "session", id, "write")) as Item<TrainingSessionItem>;
    if (body.session.districtSlug !== item.value.districtSlug) throw invalidAnswers({ "session.districtSlug": ["A training session stays in its district"] });
    if (body.eTag !== item.eTag) throw new AppError("precondition_failed", "Someone else changed this training session since you opened it. Nothing was overwritten.");
    await this.checkSettings("session", body.session.settingIds);
    const saved = await this.ctx.audit.change(person, { action: "training.session_updated", listTitle: TrainingSessionsList.title, itemId: item.id }, () =>
      this.stores.sessions.update(item.id, { ...CLEARED_SESSION_FIELDS, ...body.session, ...this.stamp(person) }, { eTag: body.eTag }),
    );
    return this.toSession(saved);
  }

  // ---- transition events ----

  private async toEvent(item: Item<TransitionEventItem>, settings?: ReadonlyMap<string, Setting>): Promise<TransitionEventRecord> {
    return { ...item.value, id: item.id, eTag: item.eTag, phases: this.phasesOf(item.value.settingIds, settings ?? (await this.settingsById())) };
  }

  async listEvents(person: Person, query: z.output<typeof DistrictListQuery>): Promise<TransitionEventRecord[]> {
    const slug = await this.district(person, query.district, "read");
    const settings = await this.settingsById();
    const items = (await this.stores.events.all({ where: { districtSlug: slug }, ...ALL })).filter((e) => (!query.from || e.value.date >= query.from) && (!query.to || e.value.date <= query.to));
    const out = await Promise.all(items.sort((a, b) => b.value.date.localeCompare(a.value.date) || Number(b.id) - Number(a.id)).map((i) => this.toEvent(i, settings)));
    await this.ctx.audit.record(person, { action: "transition.event_listed", listTitle: TransitionEventsList.title, detail: { districtSlug: slug, count: out.length } });
    return out;
  }

  async getEvent(person: Person, id: string): Promise<TransitionEventRecord> {
    const item = (await this.loadOne(person, "event", id, "read")) as Item<TransitionEventItem>;
    await this.ctx.audit.record(person, { action: "transition.event_read", listTitle: TransitionEventsList.title, itemId: item.id });
    return this.toEvent(item);
  }

  async recordEvent(person: Person, body: z.output<typeof RecordEventBody>): Promise<TransitionEventRecord> {
    await this.district(person, body.event.districtSlug, "write");
    const key = `transition:${person.oid}:${body.idempotencyKey}`;
    const made = await this.stores.events.findByKey(key);
    if (made) return this.toEvent(made);
    await this.checkSettings("event", body.event.settingIds);
    const item = await this.ctx.audit.change(
      person,
      { action: "transition.event_recorded", listTitle: TransitionEventsList.title, detail: { districtSlug: body.event.districtSlug, settings: body.event.settingIds.length } },
      () => this.stores.events.create({ ...body.event, ...this.stamp(person) }, { idempotencyKey: key }),
      (i) => ({ itemId: i.id }),
    );
    return this.toEvent(item);
  }

  async updateEvent(person: Person, id: string, body: z.output<typeof UpdateEventBody>): Promise<TransitionEventRecord> {
    const item = (await this.loadOne(person, "event", id, "write")) as Item<TransitionEventItem>;
    if (body.event.districtSlug !== item.value.districtSlug) throw invalidAnswers({ "event.districtSlug": ["A transition event stays in its district"] });
    if (body.eTag !== item.eTag) throw new AppError("precondition_failed", "Someone else changed this transition event since you opened it. Nothing was overwritten.");
    await this.checkSettings("event", body.event.settingIds);
    const saved = await this.ctx.audit.change(person, { action: "transition.event_updated", listTitle: TransitionEventsList.title, itemId: item.id }, () =>
      this.stores.events.update(item.id, { evaluation: undefined, ...body.event, ...this.stamp(person) }, { eTag: body.eTag }),
    );
    return this.toEvent(saved);
  }

  // ---- deleting a record made in error ----

  /** Deletes a session or event the caller may change, at the version they saw; audited before it is made. */
  async deleteRecord(person: Person, kind: Kind, id: string, eTag: string): Promise<void> {
    const item = await this.loadOne(person, kind, id, "write");
    if (eTag !== item.eTag) throw new AppError("precondition_failed", `Someone else changed this ${kind === "session" ? "training session" : "transition event"} since you opened it. Nothing was deleted.`);
    const store = kind === "session" ? this.stores.sessions : this.stores.events;
    await this.ctx.audit.change(
      person,
      { action: kind === "session" ? "training.session_deleted" : "transition.event_deleted", listTitle: WORDS[kind].list, itemId: item.id, detail: { districtSlug: item.value.districtSlug } },
      () => store.delete(item.id, { eTag }),
    );
  }

  // ---- the attendance pickers ----

  /**
   * Every setting of the register (the API accepts any on an attendance list: Post-16, special
   * schools and schools outside the district are recorded too), the district's own first, then by
   * name. Public facts about schools only, so not audited.
   */
  async attendanceSettings(person: Person, query: z.output<typeof AttendanceSettingsQuery>): Promise<AttendanceSetting[]> {
    const slug = await this.district(person, query.district, "read");
    const today = ukToday(this.ctx.now());
    const own = (s: Setting) => (s.districtSlug === slug ? 0 : 1);
    return (await this.ctx.reference.settings())
      .slice()
      .sort((a, b) => own(a) - own(b) || a.name.localeCompare(b.name))
      .map((s) => ({ id: s.id, name: s.name, districtSlug: s.districtSlug, phase: s.registerPhase ?? s.phase, open: isOpenOn(s, today) }));
  }

  // ---- the autism education target ----

  async autismTarget(person: Person, query: z.output<typeof AutismTargetQuery>): Promise<AutismTargetView> {
    const slug = await this.district(person, query.district, "read");
    const year = query.year as AcademicYear;
    const today = ukToday(this.ctx.now());
    const end = lastDayOfAcademicYear(year);
    const asOf = today < end ? today : end;
    const sessions = (await this.stores.sessions.all({ where: { districtSlug: slug }, ...ALL })).map((s) => s.value).filter((s) => s.aet !== undefined);
    const groups = autismTarget({ settings: await this.ctx.reference.settings(), districtSlug: slug, sessions, yearStart: firstDayOfAcademicYear(year), asOf });
    return { districtSlug: slug, academicYear: year, asOf, targetPercent: AET_TARGET_PERCENT, groups };
  }
}
