/**
 * Referrals: drafts, submission with a case reference and a place on a LIFT meeting, and the views
 * each role may have. Every read and write of a referral is audited ([Audit trail](../../../../docs/reference/data-protection.md#audit-trail)); nothing here logs a
 * child's name.
 */
import { isOpenOn } from "../../../domain/structure/structure";
import { ANONYMISED_FIELDS, anonymisedHistoryAction, canCreateReferral, canEditReferral, pickFields, referralView, type ReferralView } from "../../../domain/referrals/access";
import { academicYearOf, formatCaseReference } from "../../../domain/referrals/case-reference";
import { DEFAULT_MAX_PER_SENCO, placeReferral, type LiftMeeting } from "../../../domain/referrals/meeting-rules";
import { ukToday } from "../../../domain/time/uk-clock";
import { decideSubmit, isEditableByReferrer } from "../../../domain/referrals/status";
import type { District } from "../../../domain/reference/districts";
import type { Setting } from "../../../domain/reference/settings";
import { AppError } from "../../../errors";
import type { Item, ListStore } from "../../../graph/list-store";
import { childAgeInMonths, referralValidationMessages, variantForPhase } from "../../../schemas/referrals/referral";
import type { Person } from "../../../schemas/reference/person";
import { READ_ONLY_ROLES } from "../../../schemas/reference/person";
import type { ReferralDraftInput } from "../../../schemas/referrals/referral";
import type { ReferralRecord, ReferralStatus, ReferralSummary } from "../../../schemas/referrals/api";
import type { FeatureContext } from "../../core/feature-context";
import { CaseReferencesList, MeetingPlacesList, ReferralsList, meetingPlace, type ReferralItem } from "./lists";
import { LiftMeetingsList, type LiftMeetingItem } from "../lift-meetings/lists";
import { summariseMeeting, toDomainMeeting, type LiftMeetingSummary } from "./meetings";

export interface ReferralStores {
  referrals: ListStore<typeof ReferralsList.schema>;
  meetings: ListStore<typeof LiftMeetingsList.schema>;
  caseReferences: ListStore<typeof CaseReferencesList.schema>;
  meetingPlaces: ListStore<typeof MeetingPlacesList.schema>;
}

/** A place claimed this long ago whose referral is not on the meeting is stale (its submit failed or it moved). */
const STALE_PLACE_MS = 60_000;

type Body = Record<string, unknown>;
const obj = (v: unknown): Body => (v && typeof v === "object" && !Array.isArray(v) ? (v as Body) : {});
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** The part of the form body a view may see (access policy: src/domain/referrals/access.ts). */
function bodyFor(view: ReferralView, body: Body): Body {
  return pickFields(body, view === "full" ? "all" : view === "anonymised" ? ANONYMISED_FIELDS : []);
}

/** Item ids for an audit entry's detail (one entry per list read, naming every record shown). */
function idList(items: ReadonlyArray<{ id: string }>): string {
  return items.map((i) => i.id).join(",");
}

export class ReferralService {
  constructor(
    private readonly ctx: FeatureContext,
    readonly stores: ReferralStores,
  ) {}

  // ---- reference lookups ----

  private async settingOf(id: string | undefined): Promise<Setting | undefined> {
    return id ? (await this.ctx.reference.settings()).find((s) => s.id === id) : undefined;
  }

  private async district(slug: string): Promise<District> {
    const district = (await this.ctx.reference.districts()).find((d) => d.slug === slug);
    if (!district) throw new AppError("not_found", `There is no district called ${slug}.`);
    return district;
  }

  // ---- meetings ----

  async meetingsOfDistrict(slug: string): Promise<Item<LiftMeetingItem>[]> {
    const items = await this.stores.meetings.all({ where: { districtSlug: slug } });
    return items.sort((a, b) => Date.parse(a.value.startsAt) - Date.parse(b.value.startsAt));
  }

  /** The SENCo's scheduled referrals per meeting (the per-SENCo limit counts these). */
  private async sencoCounts(person: Person): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for await (const item of this.stores.referrals.query({ where: { createdByOid: person.oid } })) {
      const meetingId = item.value.meetingId;
      if (meetingId && item.value.status !== "draft") counts[meetingId] = (counts[meetingId] ?? 0) + 1;
    }
    return counts;
  }

  async listMeetings(person: Person, query: { district?: string; kind?: "school" | "early-years"; from?: string }): Promise<LiftMeetingSummary[]> {
    // Those who see more than one district pick one: a commissioner, a LIFT Executive member given no
    // district, an Area LIFT Forum within its area (their agendas come anonymised).
    const picks = person.role === "commissioner" || person.role === "area_lift_forum" || (person.role === "lift_executive" && !person.districtSlug);
    const slug = picks ? query.district : person.districtSlug;
    if (!slug) throw new AppError("validation_failed", "Choose a district.", { fieldErrors: { district: ["Required for commissioners"] } });
    const from = query.from ? Date.parse(query.from) : Number.NaN;
    const district = await this.district(slug);
    if (person.role === "area_lift_forum" && district && district.area !== person.areaName) throw new AppError("not_found", "There is no such district in your area.");
    const setting = person.role === "senco" ? await this.settingOf(person.settingId) : undefined;
    const counts = setting ? await this.sencoCounts(person) : {};
    const now = this.ctx.now();
    return (await this.meetingsOfDistrict(slug))
      .filter((m) => !query.kind || m.value.kind === query.kind)
      .filter((m) => Number.isNaN(from) || Date.parse(m.value.startsAt) >= from)
      .map((m) => summariseMeeting(m, district, { setting, referralsOnMeeting: counts[m.id] ?? 0, now }));
  }

  async getMeeting(person: Person, id: string): Promise<{ meeting: LiftMeetingSummary; referrals: ReferralSummary[] }> {
    const item = await this.stores.meetings.get(id).catch((error: unknown) => {
      throw AppError.isAppError(error) && error.code === "not_found" ? new AppError("not_found", "There is no such LIFT meeting.") : error;
    });
    const slug = item.value.districtSlug;
    if (person.role !== "commissioner" && person.districtSlug !== slug) throw new AppError("not_found", "There is no such LIFT meeting.");
    const district = await this.district(slug);
    const setting = person.role === "senco" ? await this.settingOf(person.settingId) : undefined;
    const onMeeting = await this.stores.referrals.all({ where: { meetingId: id } });
    const visible = await this.summaries(person, onMeeting);
    await this.ctx.audit.record(person, { action: "referral.listed", listTitle: ReferralsList.title, detail: { meetingId: id, count: visible.length, itemIds: idList(visible) } });
    return { meeting: summariseMeeting(item, district, { setting, referralsOnMeeting: onMeeting.filter((r) => r.value.createdByOid === person.oid).length, now: this.ctx.now() }), referrals: visible };
  }

  // ---- referrals: reading ----

  private async load(person: Person, id: string): Promise<{ item: Item<ReferralItem>; view: ReferralView }> {
    if (!/^\d{1,12}$/.test(id)) throw new AppError("not_found", "There is no such referral.");
    let item: Item<ReferralItem>;
    try {
      item = await this.stores.referrals.get(id);
    } catch (error) {
      if (AppError.isAppError(error) && error.code === "not_found") throw new AppError("not_found", "There is no such referral.");
      throw error;
    }
    const view = referralView(person, item.value);
    if (view === "none") throw new AppError("not_found", "There is no such referral.");
    return { item, view };
  }

  /**
   * What the caller may do with a referral, for records hung on it (its documents): the same 404 as
   * `read` for a referral the caller may not see. Not audited here: the caller audits its own read.
   */
  async accessOf(person: Person, id: string): Promise<{ id: string; status: ReferralStatus; view: ReferralView; canEdit: boolean; caseReference?: string }> {
    const { item, view } = await this.load(person, id);
    return { id: item.id, status: item.value.status, view, canEdit: canEditReferral(person, item.value), caseReference: item.value.caseReference };
  }

  async list(person: Person, query: { scope?: "mine" | "district"; meeting?: string; status?: ReferralStatus; district?: string }): Promise<ReferralSummary[]> {
    // The SLA's read-only roles see anonymised agendas and figures, never a referral.
    if ((READ_ONLY_ROLES as readonly string[]).includes(person.role)) throw new AppError("forbidden", "Referrals are not part of your read-only view.");
    const filters = { ...(query.status ? { status: query.status } : {}), ...(query.meeting ? { meetingId: query.meeting } : {}) };
    let items: Item<ReferralItem>[];
    if (person.role === "senco") {
      if (!person.settingId) return [];
      items = await this.stores.referrals.all({ where: { settingId: person.settingId, ...filters } });
    } else {
      const slug = person.role === "commissioner" ? query.district : person.districtSlug;
      if (!slug) throw new AppError("validation_failed", "Choose a district.", { fieldErrors: { district: ["Required for commissioners"] } });
      items = await this.stores.referrals.all({ where: { districtSlug: slug, ...filters } });
    }
    const summaries = await this.summaries(person, items);
    await this.ctx.audit.record(person, { action: "referral.listed", listTitle: ReferralsList.title, detail: { count: summaries.length, itemIds: idList(summaries) } });
    return summaries;
  }

  async read(person: Person, id: string): Promise<ReferralRecord> {
    const { item, view } = await this.load(person, id);
    await this.ctx.audit.record(person, { action: "referral.read", listTitle: ReferralsList.title, itemId: id, detail: { view } });
    return this.record(item, view);
  }

  private async summaries(person: Person, items: Item<ReferralItem>[]): Promise<ReferralSummary[]> {
    // One read of each district's meetings instead of one per referral.
    const meetings = new Map<string, Item<LiftMeetingItem>>();
    for (const slug of new Set(items.map((i) => i.value.districtSlug))) {
      for (const m of await this.meetingsOfDistrict(slug)) meetings.set(m.id, m);
    }
    const out: ReferralSummary[] = [];
    for (const item of items) {
      const view = referralView(person, item.value);
      if (view !== "none") out.push(await this.summary(item, view, meetings));
    }
    return out.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  private async summary(item: Item<ReferralItem>, view: ReferralView, meetings?: Map<string, Item<LiftMeetingItem>>): Promise<ReferralSummary> {
    const r = item.value;
    const body = bodyFor(view, r.body);
    const child = obj(body.child);
    const setting = await this.settingOf(r.settingId);
    const meeting = r.meetingId ? (meetings?.get(r.meetingId) ?? (await this.meetingOrNothing(r.meetingId))) : undefined;
    const ageInMonths = r.variant === "early-years" && view === "full" ? childAgeInMonths(child.dateOfBirth, ukToday(this.ctx.now())) : undefined;
    return {
      id: item.id,
      ...(r.caseReference ? { caseReference: r.caseReference } : {}),
      status: r.status,
      settingId: r.settingId,
      settingName: setting?.name ?? r.settingId,
      districtSlug: r.districtSlug,
      variant: r.variant,
      ...(view === "full" && str(child.legalName) ? { childName: str(child.legalName) } : {}),
      ...(str(child.yearGroup) ? { yearGroup: str(child.yearGroup) } : {}),
      ...(ageInMonths !== undefined ? { ageInMonths } : {}),
      ...(str(obj(body.needs).primaryArea) ? { primaryArea: str(obj(body.needs).primaryArea) } : {}),
      ...(view === "full" && str(obj(body.question).question) ? { question: str(obj(body.question).question) } : {}),
      ...(meeting ? { meeting: { id: meeting.id, title: meeting.value.title, startsAt: meeting.value.startsAt } } : {}),
      createdAt: item.createdAt,
      updatedAt: item.modifiedAt,
      ...(r.submittedAt ? { submittedAt: r.submittedAt } : {}),
      // Outcome free text can name the child: anonymised views get the categories only.
      ...(r.outcome ? { outcome: view === "full" ? r.outcome : { categories: r.outcome.categories, actions: [] } } : {}),
      ...(r.notice && view === "full" ? { notice: r.notice } : {}),
    };
  }

  private async meetingOrNothing(id: string): Promise<Item<LiftMeetingItem> | undefined> {
    try {
      return await this.stores.meetings.get(id);
    } catch (error) {
      // A deleted meeting leaves the referral readable; it just shows no meeting.
      if (AppError.isAppError(error) && error.code === "not_found") return undefined;
      throw error;
    }
  }

  private async record(item: Item<ReferralItem>, view: ReferralView): Promise<ReferralRecord> {
    const body = bodyFor(view, item.value.body);
    // The stored body passed the shared schema when it was saved.
    // Anonymised views get each step's kind, never the reasons planners wrote into it.
    const history = view === "full" ? item.value.history : item.value.history.map((h) => ({ ...h, action: anonymisedHistoryAction(h.action) }));
    return { ...(await this.summary(item, view)), eTag: item.eTag, draft: body as ReferralDraftInput, history };
  }

  // ---- referrals: writing ----

  private async sencoSetting(person: Person): Promise<Setting> {
    const setting = canCreateReferral(person) ? await this.settingOf(person.settingId) : undefined;
    if (!setting) throw new AppError("forbidden", "Only a school or setting's SENCo can write a LIFT referral.");
    return setting;
  }

  /** The setting block always comes from the SENCo's own record, whatever the body says. */
  private withSetting(draft: Body, setting: Setting): Body {
    return { ...draft, setting: { ...obj(draft.setting), settingId: setting.id, phase: setting.phase, name: setting.name, urn: setting.urn } };
  }

  private validateDraft(draft: Body): void {
    const result = referralValidationMessages(draft, { asOf: ukToday(this.ctx.now()), mode: "draft" });
    if (!result.ok) throw new AppError("validation_failed", "Some answers need attention.", { fieldErrors: prefixed(result.messages) });
  }

  /** Creates a draft; the same idempotency key again returns the same referral (never a second). */
  async create(person: Person, input: { idempotencyKey: string; draft: Body }): Promise<ReferralRecord> {
    const setting = await this.sencoSetting(person);
    const draft = this.withSetting(input.draft, setting);
    this.validateDraft(draft);
    const variant = variantForPhase(setting.phase) ?? "school";
    const key = `referral:${person.oid}:${input.idempotencyKey}`;
    // Audited before it is made (fail closed); the id is the list's to give, so the entry has none.
    const item = await this.ctx.audit.change(person, { action: "referral.created", listTitle: ReferralsList.title }, () => this.stores.referrals.create(
      {
        settingId: setting.id,
        districtSlug: setting.districtSlug,
        variant,
        status: "draft",
        createdByOid: person.oid,
        body: draft,
        history: [{ at: this.ctx.now().toISOString(), action: "Draft started", byName: person.displayName }],
      },
      { idempotencyKey: key },
    ), (made) => ({ itemId: made.id }));
    return this.record(item, "full");
  }

  async saveDraft(person: Person, id: string, input: { eTag: string; draft: Body }): Promise<ReferralRecord> {
    const { item } = await this.load(person, id);
    if (!canEditReferral(person, item.value)) throw new AppError("forbidden", "Only the referring SENCo can change this referral.");
    if (!isEditableByReferrer(item.value.status)) throw new AppError("conflict", "This referral has been submitted and can no longer be changed.");
    const setting = await this.sencoSetting(person);
    const draft = this.withSetting(input.draft, setting);
    this.validateDraft(draft);
    // A stale eTag is refused before anything is audited as a change.
    if (input.eTag !== item.eTag) await this.update(person, item, {}, input.eTag);
    const updated = await this.ctx.audit.change(person, { action: "referral.updated", listTitle: ReferralsList.title, itemId: id }, () =>
      this.update(person, item, { body: draft, history: [...item.value.history, { at: this.ctx.now().toISOString(), action: "Draft saved", byName: person.displayName }] }, input.eTag),
    );
    return this.record(updated, "full");
  }

  async remove(person: Person, id: string): Promise<void> {
    const { item } = await this.load(person, id);
    if (!canEditReferral(person, item.value)) throw new AppError("forbidden", "Only the referring SENCo can delete this referral.");
    if (item.value.status !== "draft") throw new AppError("conflict", "Only a draft can be deleted; a submitted referral is withdrawn through the district.");
    await this.ctx.audit.change(person, { action: "referral.deleted", listTitle: ReferralsList.title, itemId: id }, () => this.stores.referrals.delete(id));
  }

  async submit(person: Person, id: string, input: { meetingId: string; eTag?: string }): Promise<ReferralRecord> {
    const { item } = await this.load(person, id);
    if (!canEditReferral(person, item.value)) throw new AppError("forbidden", "Only the referring SENCo can submit this referral.");
    const decision = decideSubmit(item.value);
    if (decision.action === "already_submitted") return this.record(item, "full");
    if (decision.action === "refuse") throw new AppError("conflict", decision.message);
    // A stale eTag is refused before a case reference is claimed for a version the caller has not seen.
    if (input.eTag !== undefined && input.eTag !== item.eTag) await this.update(person, item, {}, input.eTag);

    const now = this.ctx.now();
    const body: Body = { ...item.value.body, meeting: { ...obj(item.value.body.meeting), meetingId: input.meetingId } };
    const checked = referralValidationMessages(body, { asOf: ukToday(now), mode: "submit" });
    if (!checked.ok) {
      throw new AppError("validation_failed", "The referral is not complete yet.", { fieldErrors: prefixed(checked.messages) });
    }
    const setting = await this.sencoSetting(person);
    const district = await this.district(setting.districtSlug);
    // A retired district (or one split off that has not started) takes no new referrals; its records stay.
    if (!isOpenOn(district, ukToday(now))) throw new AppError("conflict", `${district.name} takes no new referrals${district.retiredOn ? ` from ${district.retiredOn}` : ""}: ask the STLS team where this school now refers.`);
    const meetings = await this.meetingsOfDistrict(district.slug);
    const domainMeetings: LiftMeeting[] = meetings.map((m) => toDomainMeeting(m, district));
    const placementContext = {
      setting: { districtCode: district.code, phase: setting.phase },
      yearGroup: str(obj(body.child).yearGroup) as never,
      now,
    };
    const counts = await this.sencoCounts(person);
    const refuse = (placed: Extract<ReturnType<typeof placeReferral>, { ok: false }>): AppError => {
      const next = placed.next ? meetings.find((m) => m.id === placed.next?.meeting.id) : undefined;
      return new AppError("conflict", placed.message, {
        detail: { refusal: placed.code, ...(next ? { nextMeeting: summariseMeeting(next, district, { setting, referralsOnMeeting: counts[next.id] ?? 0, now }) } : {}) },
      });
    };
    const placed = placeReferral(domainMeetings, input.meetingId, { ...placementContext, sencoReferralsByMeeting: counts });
    if (!placed.ok) throw refuse(placed);
    if (!(await this.claimMeetingPlace(person.oid, input.meetingId, item.id))) {
      // Another submission by this SENCo took the last place a moment ago.
      const full = placeReferral(domainMeetings, input.meetingId, { ...placementContext, sencoReferralsByMeeting: { ...counts, [input.meetingId]: DEFAULT_MAX_PER_SENCO } });
      throw full.ok ? new AppError("conflict", "You already have the most referrals allowed on this LIFT meeting.", { detail: { refusal: "senco_limit_reached" } }) : refuse(full);
    }

    const reference = await this.claimCaseReference(district, item.id, now);
    try {
      const updated = await this.ctx.audit.change(person, { action: "referral.submitted", listTitle: ReferralsList.title, itemId: id, detail: { caseReference: reference, meetingId: input.meetingId } }, () => this.update(
        person,
        item,
        {
          status: "scheduled",
          caseReference: reference,
          meetingId: input.meetingId,
          submittedAt: now.toISOString(),
          body,
          history: [...item.value.history, { at: now.toISOString(), action: `Submitted as ${reference} for ${meetings.find((m) => m.id === input.meetingId)?.value.title ?? "a LIFT meeting"}`, byName: person.displayName }],
        },
        input.eTag ?? item.eTag,
      ));
      return this.record(updated, "full");
    } catch (error) {
      // A concurrent submit of the same referral won the race: answer with its result, never a second referral.
      if (AppError.isAppError(error) && error.code === "precondition_failed") {
        const current = await this.stores.referrals.get(id);
        if (current.value.caseReference) return this.record(current, "full");
      }
      throw error;
    }
  }

  /**
   * Takes one of the SENCo's places on the meeting, or answers false when all are taken. The
   * `place` column is unique, so two submissions at once cannot take the same place, and the
   * claim's idempotency key is the referral and meeting, so a retried submit keeps its place.
   * The data-based count in placeReferral gives the clear message; this makes it hold under races.
   */
  async claimMeetingPlace(sencoOid: string, meetingId: string, referralId: string): Promise<boolean> {
    const store = this.stores.meetingPlaces;
    for (let slot = 1; slot <= DEFAULT_MAX_PER_SENCO; slot++) {
      const place = meetingPlace(meetingId, sencoOid, slot);
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          const claim = await store.create({ place, meetingId, sencoOid, slot, referralId }, { idempotencyKey: `meeting-place:${referralId}:${meetingId}` });
          if (claim.value.referralId === referralId) return true;
        } catch (error) {
          if (!(AppError.isAppError(error) && (error.code === "conflict" || error.code === "bad_request"))) throw error;
        }
        // Taken: free it only if its referral has left the meeting (moved, withdrawn, or its submit failed).
        // A meeting holds a few dozen places at most: read them by the indexed meeting column.
        const holder = (await store.all({ where: { meetingId } })).find((c) => c.value.place === place);
        if (!holder || !(await this.isStalePlace(holder.value.referralId, meetingId, holder.createdAt))) break;
        await store.delete(holder.id, { eTag: holder.eTag });
      }
    }
    return false;
  }

  private async isStalePlace(referralId: string, meetingId: string, claimedAt: string): Promise<boolean> {
    // Real elapsed time against the list's own timestamp, not the app clock (which tests and --at runs move):
    // a young place may belong to a submission still in flight.
    if (Date.now() - Date.parse(claimedAt) < STALE_PLACE_MS) return false;
    const referral = await this.stores.referrals.find(referralId);
    return !referral || referral.value.meetingId !== meetingId || referral.value.status === "draft";
  }

  /**
   * A case reference that can never be handed out twice: each claim is an item whose `reference`
   * column is unique. The claim's idempotency key is the holder, so a retried submit reuses it. The
   * holder is a referral, or a case opened without one (the casework feature passes its own holder
   * id), so every child's handle comes from the one CaseReferences sequence.
   */
  async claimCaseReference(district: District, referralId: string, now: Date): Promise<string> {
    const academicYear = academicYearOf(ukToday(now));
    const existing = await this.stores.caseReferences.all({ where: { districtCode: district.code, academicYear } });
    const mine = existing.find((e) => e.value.referralId === referralId);
    if (mine) return mine.value.reference;
    let sequence = existing.reduce((max, e) => Math.max(max, e.value.sequence), 0) + 1;
    for (let attempt = 0; attempt < 50; attempt++, sequence++) {
      const reference = formatCaseReference(district.code, academicYear, sequence);
      try {
        const claim = await this.stores.caseReferences.create(
          { reference, districtCode: district.code, academicYear, sequence, referralId },
          { idempotencyKey: `case-reference:${referralId}` },
        );
        return claim.value.reference;
      } catch (error) {
        // Another referral holds this number (unique column): try the next one.
        if (!(AppError.isAppError(error) && (error.code === "conflict" || error.code === "bad_request"))) throw error;
      }
    }
    throw new AppError("conflict", "Could not allocate a case reference; please try again.");
  }

  private async update(person: Person, item: Item<ReferralItem>, patch: Partial<ReferralItem>, eTag: string): Promise<Item<ReferralItem>> {
    try {
      return await this.stores.referrals.update(item.id, patch, { eTag });
    } catch (error) {
      if (AppError.isAppError(error) && error.code === "precondition_failed") {
        const current = await this.stores.referrals.get(item.id);
        throw new AppError("precondition_failed", "Someone else changed this referral since you opened it.", {
          detail: { current: await this.record(current, referralView(person, current.value)) },
        });
      }
      throw error;
    }
  }
}

/** Field errors keyed by the form's dotted paths (the same keys the browser's own checks use). */
function prefixed(messages: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(messages).map(([k, v]) => [k === "" ? "form" : k, v]));
}
