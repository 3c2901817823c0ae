/**
 * Casework after LIFT: cases (open, plan and targets, status, reviews, visits, closure, SENIF),
 * clinics, the district's casework figures and time to support (contract:
 * src/schemas/casework/api.ts; bodies and queries arrive parsed by the route).
 *
 * - **Access** is the pure policy of src/domain/casework/access.ts, checked on every request; a case
 *   or clinic the caller may not see is 404, never 403.
 * - **Audit**: every read and write goes through `ctx.audit` with ids, counts and the case
 *   reference only — never a child's name, and no free text (plan, targets, notes, advice).
 * - **Creates** carry the client's idempotency key: the same key answers the record it made.
 * - **Updates** carry the case's eTag: a stale one is refused (412) with the current case.
 * - **Case references** for a case without a referral come from the referrals' CaseReferences
 *   sequence (`ReferralService.claimCaseReference`), so a handle is never issued twice.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import { canOpenCase, canRecordClinic, caseAccess, caseForView, caseTeamOf, caseworkCallerOf, clinicAccess, figuresAccess, inPatch, withinRemit, type CaseAccess, type CaseworkCaller } from "../../../domain/casework/access";
import { caseworkFigures, type CaseworkFigures } from "../../../domain/casework/kpi-figures";
import type { CaseRecord, ReviewRecord } from "../../../domain/casework/model";
import { casePhase } from "../../../domain/casework/phase";
import { checkReview, overdueReviews, reviewDueDate, reviewsDueWithin, supportPlanAfterReview, type ReviewDue } from "../../../domain/casework/reviews";
import { checkSenif, senifFromOutcome } from "../../../domain/casework/early-years";
import { changeStatus, closeCase, CASE_STATUS_LABELS, closureReasonLabel, inactiveReasonLabel } from "../../../domain/casework/status";
import { targetsInForceOn } from "../../../domain/casework/targets";
import { timeToSupport } from "../../../domain/casework/time-to-support";
import { checkVisit } from "../../../domain/casework/visits";
import { addDays, findTerm, type Term } from "../../../domain/time/calendar";
import { ukDateOf, ukToday } from "../../../domain/time/uk-clock";
import { AppError, invalidAnswers, type FieldErrors } from "../../../errors";
import type { Item, ListStore } from "../../../graph/list-store";
import type {
  CaseDetail,
  CaseListQuery,
  CaseSummary,
  CaseStatusBody,
  ClinicListQuery,
  ClinicRecord,
  CloseCaseBody,
  CaseworkFiguresView,
  FullCase,
  OpenCaseBody,
  OpenFromOutcomeBody,
  RecordClinicBody,
  RecordReviewBody,
  RecordVisitBody,
  ReviewRecord as ReviewAnswer,
  SenifBody,
  TimeToSupportQuery,
  TimeToSupportView,
  UpdateCaseBody,
  UpdateClinicBody,
  VisitRecord as VisitAnswer,
} from "../../../schemas/casework/api";
import { CaseOpenInput, type CaseTeam, type ClinicInput } from "../../../schemas/casework/records";
import type { Person } from "../../../schemas/reference/person";
import type { FeatureContext } from "../../core/feature-context";
import type { LiftOutcomeService } from "../lift-outcomes/service";
import type { ReferralService } from "../referrals/service";
import { CasesList, CaseReviewsList, CaseVisitsList, ClinicsList, type CaseItem, type ClinicItem } from "./lists";

export interface CaseworkStores {
  cases: ListStore<typeof CasesList.schema>;
  reviews: ListStore<typeof CaseReviewsList.schema>;
  visits: ListStore<typeof CaseVisitsList.schema>;
  clinics: ListStore<typeof ClinicsList.schema>;
}

/** What casework uses of the other features: referrals (the child's handle, case references) and approved outcomes. */
export interface CaseworkDeps {
  referrals: ReferralService;
  outcomes: LiftOutcomeService;
}

const ID = /^\d{1,12}$/;
const ALL = { pageSize: 5000 } as const;
const NO_CASE = "There is no such case.";
const NO_CLINIC = "There is no such clinic.";
/** Rule messages keyed by the body's field (`review.date`), as the forms show them. */
const under = (prefix: string, messages: Record<string, string[]>): FieldErrors =>
  Object.fromEntries(Object.entries(messages).map(([k, v]) => [prefix ? `${prefix}.${k}` : k, v]));

type CaseOf = Item<CaseItem>;
const record = (item: CaseOf): CaseRecord => ({ ...item.value, id: item.id });
const fullCase = (item: CaseOf): FullCase => ({ ...item.value, id: item.id, eTag: item.eTag });

export class CaseworkService {
  constructor(
    private readonly ctx: FeatureContext,
    readonly stores: CaseworkStores,
    private readonly deps: CaseworkDeps,
  ) {}

  // ---- helpers ----

  /** The caller from their People entry: a county team member works that team's cases in every district. */
  private caller(person: Person): CaseworkCaller {
    return caseworkCallerOf(person);
  }

  private today(): string {
    return ukToday(this.ctx.now());
  }

  private async settingNames(): Promise<Map<string, { name: string; phase: string; districtSlug: string }>> {
    return new Map((await this.ctx.reference.settings()).map((s) => [s.id, { name: s.name, phase: s.phase, districtSlug: s.districtSlug }]));
  }

  private async history(person: Person, action: string): Promise<CaseItem["history"][number]> {
    return { at: this.ctx.now().toISOString(), action, byName: person.displayName };
  }

  private async loadCase(person: Person, id: string): Promise<{ item: CaseOf; access: CaseAccess }> {
    const item = ID.test(id) ? await this.stores.cases.find(id) : undefined;
    if (!item) throw new AppError("not_found", NO_CASE);
    const access = caseAccess(this.caller(person), item.value);
    if (access.view === "none") throw new AppError("not_found", NO_CASE);
    return { item, access };
  }

  /** Load a case the caller works (targets, reviews, visits, status, closure). */
  private async workCase(person: Person, id: string): Promise<CaseOf> {
    const { item, access } = await this.loadCase(person, id);
    if (!access.work) throw new AppError("forbidden", "Only the case's specialist teacher or the district lead can change this case.");
    return item;
  }

  private stale(item: CaseOf): AppError {
    return new AppError("precondition_failed", "Someone else changed this case since you opened it. Nothing was overwritten: review their version and apply your changes again.", {
      detail: { current: fullCase(item) },
    });
  }

  /** Update guarded by the eTag the caller was shown; a stale one is 412 with the current case. */
  private async updateCase(item: CaseOf, eTag: string, patch: Partial<CaseItem>): Promise<CaseOf> {
    if (eTag !== item.eTag) throw this.stale(item);
    try {
      return await this.stores.cases.update(item.id, patch, { eTag });
    } catch (error) {
      if (AppError.isAppError(error) && error.code === "precondition_failed") throw this.stale(await this.stores.cases.get(item.id));
      throw error;
    }
  }

  private async reviewsOfCase(caseId: string): Promise<ReviewRecord[]> {
    return (await this.stores.reviews.all({ where: { caseId }, ...ALL })).map((r) => ({ ...r.value, id: r.id }));
  }

  /**
   * The teacher a case is allocated to: for the district STLS, a teacher or lead of the case's district
   * (not a county team member); for a county team, one of that team's members, from any district.
   */
  private async teacher(oid: string, districtSlug: string, path: string, team: CaseTeam = "district"): Promise<Person> {
    const t = await this.ctx.people.byOid(oid);
    const staff = t !== undefined && (t.role === "specialist_teacher" || t.role === "district_lead");
    const inTeam = staff && caseTeamOf(t.countyTeam) === team && (team !== "district" || t.districtSlug === districtSlug);
    if (!t || !inTeam) {
      throw invalidAnswers({ [path]: [team === "district" ? "Choose a specialist teacher of this district from the list" : "Choose a specialist teacher of the county team"] });
    }
    return t;
  }

  /** A write audited before it is made, so a change the audit list cannot record is refused ([data-protection.md](../../../../docs/reference/data-protection.md)). */
  private changing<T extends { id: string }>(person: Person, action: string, listTitle: string, itemId: string | undefined, detail: Record<string, string | number | boolean | null>, apply: () => Promise<T>): Promise<T> {
    return this.ctx.audit.change(person, { action: `casework.${action}`, listTitle, ...(itemId ? { itemId } : {}), detail }, apply, (made) => ({ itemId: made.id }));
  }

  private audit(person: Person, action: string, listTitle: string, itemId: string | undefined, detail: Record<string, string | number | boolean | null> = {}): Promise<void> {
    return this.ctx.audit.record(person, { action: `casework.${action}`, listTitle, ...(itemId ? { itemId } : {}), detail });
  }

  // ---- cases: reading ----

  async listCases(person: Person, query: CaseListQuery): Promise<CaseSummary[]> {
    const caller = this.caller(person);
    let items: CaseOf[];
    if (person.role === "senco") {
      items = person.settingId ? await this.stores.cases.all({ where: { settingId: person.settingId }, ...ALL }) : [];
    } else if ((person.role === "specialist_teacher" || person.role === "district_lead") && caller.countyTeam) {
      // A county team works in every district: its caseload is the team's, narrowed to a district if asked.
      items = (await this.stores.cases.all({ where: { team: caller.countyTeam }, ...ALL })).filter((c) => !query.district || c.value.districtSlug === query.district);
    } else if (person.role === "specialist_teacher" || person.role === "district_lead") {
      if (query.district && query.district !== person.districtSlug) throw new AppError("not_found", "There is no such district in your caseload.");
      items = await this.stores.cases.all({ where: { districtSlug: person.districtSlug ?? "" }, ...ALL });
    } else {
      items = [];
    }
    const today = this.today();
    const soon = addDays(today, 13);
    const settings = await this.settingNames();
    const out: CaseSummary[] = [];
    for (const item of items) {
      const c = item.value;
      const access = caseAccess(caller, c);
      if (access.view === "none") continue;
      if (query.teacher === "me" && c.allocatedTeacherOid !== person.oid) continue;
      if (query.status === "open" ? c.status === "closed" : query.status && c.status !== query.status) continue;
      const overdue = c.nextReviewDue !== undefined && c.nextReviewDue < today;
      if (query.reviews === "overdue" && !overdue) continue;
      if (query.reviews === "due" && !(c.nextReviewDue !== undefined && c.nextReviewDue <= soon)) continue;
      const pseudo = caseForView(record(item), "pseudonymised");
      if (!pseudo || !("originKind" in pseudo)) continue;
      out.push({
        ...pseudo,
        view: access.view === "full" ? "full" : "pseudonymised",
        settingName: settings.get(c.settingId)?.name ?? c.settingId,
        reviewOverdue: overdue,
        ...(access.view === "full" ? { targetsInForce: targetsInForceOn(c.targets, today).length } : {}),
      });
    }
    out.sort((a, b) => (a.nextReviewDue ?? "9999").localeCompare(b.nextReviewDue ?? "9999") || a.childRef.localeCompare(b.childRef));
    await this.audit(person, "case_listed", CasesList.title, undefined, { count: out.length, itemIds: out.map((c) => c.id).join(",") });
    return out;
  }

  async getCase(person: Person, id: string): Promise<CaseDetail> {
    const { item, access } = await this.loadCase(person, id);
    const settingName = (await this.settingNames()).get(item.value.settingId)?.name ?? item.value.settingId;
    if (access.view !== "full") {
      await this.audit(person, "case_read", CasesList.title, item.id, { view: "pseudonymised" });
      const pseudo = caseForView(record(item), "pseudonymised");
      return { view: "pseudonymised", case: pseudo as Extract<CaseDetail, { view: "pseudonymised" }>["case"], settingName };
    }
    const [reviews, visits] = await Promise.all([this.reviewsOfCase(item.id), this.stores.visits.all({ where: { caseId: item.id }, ...ALL })]);
    const byLatest = <T extends { date: string; recordedAt: string }>(a: T, b: T) => b.date.localeCompare(a.date) || b.recordedAt.localeCompare(a.recordedAt);
    const today = this.today();
    await this.audit(person, "case_read", CasesList.title, item.id, { view: "full", reviews: reviews.length, visits: visits.length });
    return {
      view: "full",
      case: fullCase(item),
      settingName,
      reviews: reviews.sort(byLatest) as ReviewAnswer[],
      visits: visits.map((v): VisitAnswer => ({ ...v.value, id: v.id })).sort(byLatest),
      reviewOverdue: item.value.nextReviewDue !== undefined && item.value.nextReviewDue < today,
      access: { work: access.work, manage: access.manage },
    };
  }

  // ---- cases: opening ----

  /** The case this caller's idempotency key already made, answered as it is now. */
  private async alreadyMade(person: Person, key: string): Promise<FullCase | undefined> {
    const made = await this.stores.cases.findByKey(key);
    if (!made) return undefined;
    await this.audit(person, "case_read", CasesList.title, made.id, { view: "full", repeated: true });
    return fullCase(made);
  }

  /** A case without a referral: a new handle from the one sequence, or (reopening) the child's earlier one. */
  private async childRefFor(person: Person, input: CaseOpenInput, districtSlug: string, key: string): Promise<string> {
    if (input.childRef) {
      const earlier = await this.stores.cases.all({ where: { childRef: input.childRef }, ...ALL });
      const mine = earlier.filter((c) => c.value.districtSlug === districtSlug && caseAccess(this.caller(person), c.value).view === "full");
      if (mine.length === 0) throw invalidAnswers({ "case.childRef": ["Reopen only a case reference of an earlier case you can see"] });
      if (earlier.some((c) => c.value.status !== "closed")) throw new AppError("conflict", "This child already has an open case: work that case instead.");
      return input.childRef;
    }
    const district = (await this.ctx.reference.districts()).find((d) => d.slug === districtSlug);
    if (!district) throw invalidAnswers({ "case.settingId": ["Choose a school or setting from the list"] });
    // A holder id from the caller's key, so a retried request gets the same reference back.
    const holder = `cw-${createHash("sha256").update(key).digest("hex").slice(0, 24)}`;
    return this.deps.referrals.claimCaseReference(district, holder, this.ctx.now());
  }

  /** `senifRequestedAt`: the day of the LIFT whose outcome asked for a SENIF practitioner. */
  private async create(person: Person, input: CaseOpenInput, key: string, prefix: string, action: string, childRef?: string, senifRequestedAt?: string): Promise<FullCase> {
    const at = (path: string) => (prefix ? `${prefix}.${path}` : path);
    const setting = (await this.settingNames()).get(input.settingId);
    if (!setting) throw invalidAnswers({ [at("settingId")]: ["Choose a school or setting from the list"] });
    const phase = casePhase(setting.phase as Parameters<typeof casePhase>[0], input.yearGroup);
    if (!phase) throw invalidAnswers({ [at("yearGroup")]: ["Choose the year group: the setting is an all-through school"] });
    const caller = this.caller(person);
    const scope = { team: input.team, districtSlug: setting.districtSlug, allocatedTeacherOid: input.allocatedTeacherOid };
    if (!canOpenCase(caller, scope)) {
      // Outside the caller's patch (another district, another team): the district is not theirs to see.
      if (!inPatch(caller, scope) && person.role !== "senco") throw new AppError("not_found", "There is no such district in your caseload.");
      throw new AppError("forbidden", "Only the district lead, or the specialist teacher allocated, opens a case.");
    }
    const teacher = await this.teacher(input.allocatedTeacherOid, setting.districtSlug, at("allocatedTeacherOid"), input.team);
    const today = this.today();
    const problems: FieldErrors = {};
    if (!withinRemit(input.team, input.primaryArea)) problems[at("primaryArea")] = ["The county teams take sensory and/or physical needs: choose that area, or refer the child to the district STLS"];
    if (input.openedAt > today) problems[at("openedAt")] = ["The date the case opened cannot be in the future"];
    if (input.senifRequested && phase !== "early-years") problems[at("senifRequested")] = ["SENIF support is for early years children only"];
    input.targets.forEach((t, i) => {
      if (t.setAt > today) problems[at(`targets.${i}.setAt`)] = ["The date the target was set cannot be in the future"];
    });
    if (input.origin.kind === "clinic") {
      const clinic = ID.test(input.origin.clinicId) ? await this.stores.clinics.find(input.origin.clinicId) : undefined;
      if (!clinic || clinic.value.districtSlug !== setting.districtSlug) problems[at("origin.clinicId")] = ["Choose a clinic of this district"];
    }
    if (Object.keys(problems).length > 0) throw invalidAnswers(problems);

    const ref = childRef ?? (await this.childRefFor(person, input, setting.districtSlug, key));
    const value: CaseItem = {
      childRef: ref,
      origin: input.origin,
      team: input.team,
      districtSlug: setting.districtSlug,
      settingId: input.settingId,
      phase,
      ...(input.yearGroup ? { yearGroup: input.yearGroup } : {}),
      primaryArea: input.primaryArea,
      ...(input.secondaryArea ? { secondaryArea: input.secondaryArea } : {}),
      allocatedTeacherOid: teacher.oid,
      allocatedTeacherName: teacher.displayName,
      status: input.status,
      statusChanges: [
        {
          status: input.status,
          at: input.openedAt,
          ...(input.inactiveReason ? { inactiveReason: input.inactiveReason } : {}),
          ...(input.inactiveReasonText ? { inactiveReasonText: input.inactiveReasonText } : {}),
        },
      ],
      openedAt: input.openedAt,
      supportPlan: input.supportPlan,
      targets: input.targets,
      ...(input.child ? { child: input.child } : {}),
      ...(input.senifRequested
        ? {
            senif:
              senifFromOutcome(phase, senifRequestedAt !== undefined, senifRequestedAt ?? input.openedAt) ??
              ({ status: "requested", requestedAt: input.openedAt, requestedVia: input.origin.kind === "lift-outcome" ? "lift-outcome" : "specialist-teacher" } as const),
          }
        : {}),
      ...(input.supportPlan.reviewDate ? { nextReviewDue: input.supportPlan.reviewDate } : {}),
      history: [await this.history(person, `${action}; ${teacher.displayName} allocated`)],
    };
    const item = await this.changing(person, "case_opened", CasesList.title, undefined, { childRef: ref, origin: input.origin.kind }, async () =>
      this.stores.cases.create(value, { idempotencyKey: key }),
    );
    return fullCase(item);
  }

  /** POST /casework/cases: a direct request or a clinic. */
  async openCase(person: Person, body: z.output<typeof OpenCaseBody>): Promise<FullCase> {
    const key = `case:${person.oid}:${body.idempotencyKey}`;
    const made = await this.alreadyMade(person, key);
    if (made) return made;
    if (body.case.origin.kind === "lift-outcome") throw invalidAnswers({ "case.origin": ["Open a case from a LIFT outcome from the outcome itself"] });
    const how = body.case.origin.kind === "clinic" ? "Case opened from a clinic" : "Case opened on a direct request";
    return this.create(person, body.case, key, "case", how);
  }

  /** POST /casework/cases/from-outcome: the outcome's support plan and teacher, the referral's handle, setting and need. */
  async openFromOutcome(person: Person, body: z.output<typeof OpenFromOutcomeBody>): Promise<FullCase> {
    const key = `case-outcome:${person.oid}:${body.idempotencyKey}`;
    const made = await this.alreadyMade(person, key);
    if (made) return made;
    const referral = ID.test(body.referralId) ? await this.deps.referrals.stores.referrals.find(body.referralId) : undefined;
    const member = (person.role === "specialist_teacher" || person.role === "district_lead") && referral?.value.districtSlug === person.districtSlug;
    if (!referral || !member || !referral.value.caseReference) throw new AppError("not_found", "There is no such referral in your district.");
    const outcome = (await this.deps.outcomes.stores.outcomes.all({ where: { referralId: referral.id }, pageSize: 2 }))[0];
    if (!outcome || outcome.value.status !== "approved") throw new AppError("conflict", "The LIFT outcome must be approved before a case opens from it.");
    const teacherOid = outcome.value.outcome.allocatedTeacherOid;
    if (!teacherOid) throw new AppError("conflict", "The LIFT outcome allocated no specialist teacher.");
    const existing = await this.stores.cases.all({ where: { childRef: referral.value.caseReference }, ...ALL });
    if (existing.some((c) => c.value.origin.kind === "lift-outcome" && c.value.origin.referralId === referral.id)) {
      throw new AppError("conflict", "A case is already open from this referral's outcome.");
    }
    const refBody = referral.value.body as { child?: { yearGroup?: unknown }; needs?: { primaryArea?: unknown } };
    const meeting = await this.deps.referrals.stores.meetings.find(outcome.value.meetingId);
    const candidate = {
      origin: { kind: "lift-outcome", referralId: referral.id, meetingId: outcome.value.meetingId, categories: outcome.value.outcome.categories },
      team: "district",
      settingId: referral.value.settingId,
      ...(body.yearGroup ?? refBody.child?.yearGroup ? { yearGroup: body.yearGroup ?? refBody.child?.yearGroup } : {}),
      primaryArea: body.primaryArea ?? refBody.needs?.primaryArea,
      ...(body.secondaryArea ? { secondaryArea: body.secondaryArea } : {}),
      allocatedTeacherOid: teacherOid,
      openedAt: body.openedAt ?? this.today(),
      supportPlan: outcome.value.outcome.supportPlan ?? {},
      targets: body.targets ?? [],
      status: "open-active",
      // The early years LIFT's request, or the teacher's when opening.
      ...(body.senifRequested ?? outcome.value.outcome.senifRequested ? { senifRequested: true } : {}),
    };
    const parsed = CaseOpenInput.safeParse(candidate);
    if (!parsed.success) {
      throw invalidAnswers(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "referralId", [i.message]])));
    }
    const input = parsed.data;
    if (meeting && input.openedAt < ukDateOf(meeting.value.startsAt)) throw invalidAnswers({ openedAt: ["A case opens on or after the LIFT meeting that allocated it"] });
    const liftDate = meeting ? ukDateOf(meeting.value.startsAt) : input.openedAt;
    return this.create(person, input, key, "", "Case opened from the approved LIFT outcome", referral.value.caseReference, outcome.value.outcome.senifRequested ? liftDate : undefined);
  }

  // ---- cases: changing ----

  async update(person: Person, id: string, body: z.output<typeof UpdateCaseBody>): Promise<FullCase> {
    const { item, access } = await this.loadCase(person, id);
    if (!access.work) throw new AppError("forbidden", "Only the case's specialist teacher or the district lead can change this case.");
    const c = body.changes;
    if (item.value.status === "closed") throw new AppError("conflict", "This case is closed: open a new case if the child needs support again.");
    const patch: Partial<CaseItem> = {};
    const done: string[] = [];
    if (c.allocatedTeacherOid && c.allocatedTeacherOid !== item.value.allocatedTeacherOid) {
      if (!access.manage) throw new AppError("forbidden", "Only the district lead reallocates a case.");
      const t = await this.teacher(c.allocatedTeacherOid, item.value.districtSlug, "changes.allocatedTeacherOid", item.value.team);
      Object.assign(patch, { allocatedTeacherOid: t.oid, allocatedTeacherName: t.displayName });
      done.push(`reallocated to ${t.displayName}`);
    }
    if (c.primaryArea && !withinRemit(item.value.team, c.primaryArea)) throw invalidAnswers({ "changes.primaryArea": ["The county teams take sensory and/or physical needs: this case stays in that area"] });
    if (c.yearGroup || c.primaryArea || c.secondaryArea) {
      Object.assign(patch, { ...(c.yearGroup ? { yearGroup: c.yearGroup } : {}), ...(c.primaryArea ? { primaryArea: c.primaryArea } : {}), ...(c.secondaryArea ? { secondaryArea: c.secondaryArea } : {}) });
      done.push("need or year group changed");
    }
    const today = this.today();
    if (c.targets) {
      const problems: FieldErrors = {};
      const ids = new Set<string>();
      c.targets.forEach((t, i) => {
        if (ids.has(t.id)) problems[`changes.targets.${i}.id`] = ["Two targets have the same id"];
        ids.add(t.id);
        if (t.setAt > today) problems[`changes.targets.${i}.setAt`] = ["The date the target was set cannot be in the future"];
        if (t.setAt < item.value.openedAt) problems[`changes.targets.${i}.setAt`] = ["A target cannot be set before the case opened"];
        if (t.endedAt !== undefined && t.endedAt < t.setAt) problems[`changes.targets.${i}.endedAt`] = ["A target cannot end before it was set"];
      });
      if (Object.keys(problems).length > 0) throw invalidAnswers(problems);
      patch.targets = c.targets;
      done.push(`targets set (${targetsInForceOn(c.targets, today).length} in force)`);
    }
    if (c.supportPlan) {
      patch.supportPlan = c.supportPlan;
      const due = reviewDueDate({ id: item.id, status: item.value.status, supportPlan: c.supportPlan }, await this.reviewsOfCase(item.id));
      patch.nextReviewDue = due;
      done.push("support plan changed");
    }
    if (done.length === 0) return fullCase(item);
    patch.history = [...item.value.history, await this.history(person, capitalise(done.join("; ")))];
    const saved = await this.changing(person, "case_updated", CasesList.title, item.id, { fields: Object.keys(c).sort().join(",") }, async () =>
      this.updateCase(item, body.eTag, patch),
    );
    return fullCase(saved);
  }

  async changeStatus(person: Person, id: string, body: z.output<typeof CaseStatusBody>): Promise<FullCase> {
    const item = await this.workCase(person, id);
    const result = changeStatus(item.value, body.change, this.today());
    if (!result.ok) {
      if (item.value.status === "closed") throw new AppError("conflict", "This case is closed: open a new case if the child needs support again.");
      throw invalidAnswers(under("change", result.messages));
    }
    const words = CASE_STATUS_LABELS[result.value.status] + (result.value.inactiveReason ? ` (${inactiveReasonLabel(result.value.inactiveReason)})` : "");
    const saved = await this.changing(person, "case_status_changed", CasesList.title, item.id, { status: result.value.status }, async () =>
      this.updateCase(item, body.eTag, {
        status: result.value.status,
        statusChanges: [...item.value.statusChanges, result.value],
        history: [...item.value.history, await this.history(person, `Status: ${words}`)],
      }),
    );
    return fullCase(saved);
  }

  async recordReview(person: Person, id: string, body: z.output<typeof RecordReviewBody>): Promise<{ review: ReviewAnswer; case: FullCase }> {
    const item = await this.workCase(person, id);
    const key = `review:${person.oid}:${body.idempotencyKey}`;
    const made = await this.stores.reviews.findByKey(key);
    if (made) {
      await this.audit(person, "review_read", CaseReviewsList.title, made.id, { caseId: item.id, repeated: true });
      return { review: { ...made.value, id: made.id }, case: fullCase(item) };
    }
    if (item.value.status === "closed") throw new AppError("conflict", "This case is closed: its reviews can no longer change.");
    const checked = checkReview(item.value, body.review, this.today());
    if (!checked.ok) throw invalidAnswers(under("review", checked.messages));
    const detail = { caseId: item.id, final: body.review.final, results: body.review.results.length };
    const { review, saved } = await this.changing(person, "review_recorded", CaseReviewsList.title, undefined, detail, async () => {
      const review = await this.stores.reviews.create(
        { ...body.review, caseId: item.id, reviewerOid: person.oid, reviewerName: person.displayName, recordedAt: this.ctx.now().toISOString() },
        { idempotencyKey: key },
      );
      // The plan's review date moves on with the review; the case is re-read so a concurrent edit is kept.
      const current = await this.stores.cases.get(item.id);
      const plan = supportPlanAfterReview(current.value.supportPlan, review.value);
      const reviews = await this.reviewsOfCase(item.id);
      const nextReviewDue = reviewDueDate({ id: item.id, status: current.value.status, supportPlan: plan }, reviews);
      const saved = await this.stores.cases.update(current.id, {
        supportPlan: plan,
        nextReviewDue,
        history: [...current.value.history, await this.history(person, `${review.value.final ? "Final review" : "Review"} recorded${review.value.targetsAmended ? "; targets amended" : ""}`)],
      });
      return { id: review.id, review, saved };
    });
    return { review: { ...review.value, id: review.id }, case: fullCase(saved) };
  }

  async recordVisit(person: Person, id: string, body: z.output<typeof RecordVisitBody>): Promise<VisitAnswer> {
    const item = await this.workCase(person, id);
    const key = `visit:${person.oid}:${body.idempotencyKey}`;
    const made = await this.stores.visits.findByKey(key);
    if (made) {
      await this.audit(person, "visit_read", CaseVisitsList.title, made.id, { caseId: item.id, repeated: true });
      return { ...made.value, id: made.id };
    }
    const checked = checkVisit(item.value, body.visit, this.today());
    const problems: FieldErrors = checked.ok ? {} : under("visit", checked.messages);
    if (!(await this.settingNames()).has(body.visit.settingId)) problems["visit.settingId"] = ["Choose a school or setting from the list"];
    if (Object.keys(problems).length > 0) throw invalidAnswers(problems);
    const visit = await this.changing(person, "visit_recorded", CaseVisitsList.title, undefined, { caseId: item.id }, async () =>
      this.stores.visits.create(
      { ...body.visit, caseId: item.id, teacherOid: person.oid, teacherName: person.displayName, recordedAt: this.ctx.now().toISOString() },
      { idempotencyKey: key },
    ),
    );
    return { ...visit.value, id: visit.id };
  }

  async close(person: Person, id: string, body: z.output<typeof CloseCaseBody>): Promise<FullCase> {
    const item = await this.workCase(person, id);
    if (item.value.status === "closed") throw new AppError("conflict", "This case is already closed.");
    const result = closeCase(record(item), body.closure, await this.reviewsOfCase(item.id), this.today());
    if (!result.ok) throw invalidAnswers(under("closure", result.messages));
    const closedAt = body.closure.closedAt;
    const saved = await this.changing(person, "case_closed", CasesList.title, item.id, { reason: body.closure.reason }, async () =>
      this.updateCase(item, body.eTag, {
        status: "closed",
        statusChanges: [...item.value.statusChanges, result.value],
        closure: { ...body.closure, closedByOid: person.oid, closedByName: person.displayName },
        // Targets still being worked towards end with the case.
        targets: item.value.targets.map((t) => (t.endedAt === undefined || t.endedAt > closedAt ? { ...t, endedAt: closedAt } : t)),
        nextReviewDue: undefined,
        history: [...item.value.history, await this.history(person, `Case closed: ${closureReasonLabel(body.closure.reason)}`)],
      }),
    );
    return fullCase(saved);
  }

  async setSenif(person: Person, id: string, body: z.output<typeof SenifBody>): Promise<FullCase> {
    const item = await this.workCase(person, id);
    const checked = checkSenif(item.value, body.senif, this.today());
    if (!checked.ok) throw invalidAnswers(under("senif", checked.messages));
    const saved = await this.changing(person, "case_senif_changed", CasesList.title, item.id, { status: checked.value.status }, async () =>
      this.updateCase(item, body.eTag, {
        senif: checked.value,
        history: [...item.value.history, await this.history(person, `SENIF practitioner ${checked.value.status}`)],
      }),
    );
    return fullCase(saved);
  }

  // ---- clinics ----

  private toClinic(item: Item<ClinicItem>): ClinicRecord {
    return { ...item.value, id: item.id, eTag: item.eTag };
  }

  private districtOf(person: Person, district: string | undefined): string {
    const slug = district ?? person.districtSlug;
    if (!slug || !clinicAccess(this.caller(person), { districtSlug: slug, teacherOid: "" }).read) throw new AppError("not_found", "There is no such district in your clinics.");
    return slug;
  }

  async listClinics(person: Person, query: z.output<typeof ClinicListQuery>): Promise<ClinicRecord[]> {
    const slug = this.districtOf(person, query.district);
    const items = (await this.stores.clinics.all({ where: { districtSlug: slug }, ...ALL })).filter(
      (c) => (!query.from || c.value.date >= query.from) && (!query.to || c.value.date <= query.to),
    );
    const out = items.map((c) => this.toClinic(c)).sort((a, b) => b.date.localeCompare(a.date) || Number(b.id) - Number(a.id));
    await this.audit(person, "clinic_listed", ClinicsList.title, undefined, { districtSlug: slug, count: out.length });
    return out;
  }

  async getClinic(person: Person, id: string): Promise<ClinicRecord> {
    const item = ID.test(id) ? await this.stores.clinics.find(id) : undefined;
    if (!item || !clinicAccess(this.caller(person), item.value).read) throw new AppError("not_found", NO_CLINIC);
    await this.audit(person, "clinic_read", ClinicsList.title, item.id);
    return this.toClinic(item);
  }

  private async checkClinic(person: Person, clinic: ClinicInput, isLead: boolean): Promise<{ teacherName: string }> {
    const problems: FieldErrors = {};
    if (!isLead && clinic.teacherOid !== person.oid) problems["clinic.teacherOid"] = ["Record your own clinics; the district lead records others'"];
    const settings = await this.settingNames();
    if (clinic.settingId && settings.get(clinic.settingId)?.districtSlug !== clinic.districtSlug) problems["clinic.settingId"] = ["Choose a school or setting of this district"];
    if (clinic.status === "held" && clinic.date > this.today()) problems["clinic.status"] = ["A clinic dated in the future cannot have been held"];
    for (const [i, e] of clinic.entries.entries()) {
      if (e.settingId && !settings.has(e.settingId)) problems[`clinic.entries.${i}.settingId`] = ["Choose a school or setting from the list"];
      if (e.caseId) {
        const c = ID.test(e.caseId) ? await this.stores.cases.find(e.caseId) : undefined;
        if (!c || c.value.districtSlug !== clinic.districtSlug) problems[`clinic.entries.${i}.caseId`] = ["Choose a case of this district"];
      }
    }
    if (Object.keys(problems).length > 0) throw invalidAnswers(problems);
    const teacher = await this.teacher(clinic.teacherOid, clinic.districtSlug, "clinic.teacherOid");
    return { teacherName: teacher.displayName };
  }

  async recordClinic(person: Person, body: z.output<typeof RecordClinicBody>): Promise<ClinicRecord> {
    const key = `clinic:${person.oid}:${body.idempotencyKey}`;
    const made = await this.stores.clinics.findByKey(key);
    if (made) return this.getClinic(person, made.id);
    const caller = this.caller(person);
    if (!canRecordClinic(caller, body.clinic.districtSlug)) {
      throw clinicAccess(caller, { districtSlug: body.clinic.districtSlug, teacherOid: "" }).read
        ? new AppError("forbidden", "Only the district's specialist teachers and lead record clinics.")
        : new AppError("not_found", "There is no such district in your clinics.");
    }
    const { teacherName } = await this.checkClinic(person, body.clinic, person.role === "district_lead");
    const item = await this.changing(person, "clinic_recorded", ClinicsList.title, undefined, { districtSlug: body.clinic.districtSlug, entries: body.clinic.entries.length }, async () =>
      this.stores.clinics.create({ ...body.clinic, teacherName, updatedAt: this.ctx.now().toISOString(), updatedByName: person.displayName }, { idempotencyKey: key }),
    );
    return this.toClinic(item);
  }

  async updateClinic(person: Person, id: string, body: z.output<typeof UpdateClinicBody>): Promise<ClinicRecord> {
    const item = ID.test(id) ? await this.stores.clinics.find(id) : undefined;
    const access = item ? clinicAccess(this.caller(person), item.value) : undefined;
    if (!item || !access?.read) throw new AppError("not_found", NO_CLINIC);
    if (!access.write) throw new AppError("forbidden", "Only the clinic's teacher or the district lead changes it.");
    if (body.clinic.districtSlug !== item.value.districtSlug) throw invalidAnswers({ "clinic.districtSlug": ["A clinic stays in its district"] });
    const stale = (current: Item<ClinicItem>) =>
      new AppError("precondition_failed", "Someone else changed this clinic since you opened it. Nothing was overwritten.", { detail: { current: this.toClinic(current) } });
    if (body.eTag !== item.eTag) throw stale(item);
    const { teacherName } = await this.checkClinic(person, body.clinic, person.role === "district_lead" || body.clinic.teacherOid === item.value.teacherOid);
    const saved = await this.changing(person, "clinic_updated", ClinicsList.title, item.id, { status: body.clinic.status, entries: body.clinic.entries.length }, async () => {
      try {
        return await this.stores.clinics.update(item.id, { ...body.clinic, teacherName, updatedAt: this.ctx.now().toISOString(), updatedByName: person.displayName }, { eTag: body.eTag });
      } catch (error) {
        if (AppError.isAppError(error) && error.code === "precondition_failed") throw stale(await this.stores.clinics.get(item.id));
        throw error;
      }
    });
    return this.toClinic(saved);
  }

  // ---- figures ----

  /** The district's casework figures for a term, for the KPI prefill (no caller: counts only, nothing identifying). */
  async figuresFor(districtSlug: string, districtName: string, term: Pick<Term, "academicYear" | "term" | "start" | "end">, now: Date, team: CaseTeam = "district"): Promise<CaseworkFigures> {
    const [cases, clinics] = await Promise.all([this.stores.cases.all({ where: { districtSlug }, ...ALL }), this.stores.clinics.all({ where: { districtSlug }, ...ALL })]);
    const ids = new Set(cases.map((c) => c.id));
    const reviews = (await this.stores.reviews.all(ALL)).filter((r) => ids.has(r.value.caseId));
    return caseworkFigures({
      districtSlug,
      districtName,
      term,
      today: ukToday(now),
      team,
      cases: cases.map(record),
      reviews: reviews.map((r) => ({ ...r.value, id: r.id })),
      clinics: clinics.map((c) => c.value),
    });
  }

  async figures(person: Person, params: { district: string; year: string; term: number }, query: { team?: CaseTeam }): Promise<CaseworkFiguresView> {
    const team = query.team ?? "district";
    const district = (await this.ctx.reference.districts()).find((d) => d.slug === params.district);
    if (!district || !figuresAccess(this.caller(person), { districtSlug: district.slug, team })) throw new AppError("not_found", "There are no such figures.");
    const term = findTerm(await this.ctx.reference.calendar(), params.year, params.term);
    if (!term) throw new AppError("not_found", `There is no term ${params.term} in ${params.year}.`);
    const { figures, unanswered } = await this.figuresFor(district.slug, district.name, term, this.ctx.now(), team);
    await this.audit(person, "figures_read", CasesList.title, undefined, { districtSlug: district.slug, academicYear: params.year, term: params.term });
    return { districtSlug: district.slug, academicYear: params.year, term: params.term, team, figures, unanswered };
  }

  async timeToSupport(person: Person, query: z.output<typeof TimeToSupportQuery>): Promise<TimeToSupportView> {
    let districts: string[];
    const all = (await this.ctx.reference.districts()).map((d) => d.slug);
    if (person.role === "commissioner") districts = query.district ? all.filter((d) => d === query.district) : all;
    else if ((person.role === "district_lead" || person.role === "specialist_teacher") && person.districtSlug && (!query.district || query.district === person.districtSlug)) districts = [person.districtSlug];
    else districts = [];
    if (districts.length === 0) throw new AppError("not_found", "There is no such district.");
    const result = await this.waitsFor(districts, query.year, query.terms);
    await this.audit(person, "time_to_support_read", CasesList.title, undefined, { districts: districts.length, academicYear: query.year });
    return { academicYear: query.year, rows: result.rows, outsideTerms: result.outsideTerms };
  }

  /** Time to support for these districts and terms of a year (no caller: counts and medians only; the KPI summary reads it). */
  async waitsFor(districts: readonly string[], year: string, termNumbers?: readonly number[]): Promise<ReturnType<typeof timeToSupport>> {
    const calendar = await this.ctx.reference.calendar();
    const terms = calendar.terms.filter((t) => t.academicYear === year && (!termNumbers || termNumbers.includes(t.term)));
    const wanted = new Set(districts);
    const [referrals, meetings, cases, visits] = await Promise.all([
      this.deps.referrals.stores.referrals.all(ALL),
      this.deps.referrals.stores.meetings.all(ALL),
      this.stores.cases.all(ALL),
      this.stores.visits.all(ALL),
    ]);
    return timeToSupport({
      terms,
      referrals: referrals
        .filter((r) => wanted.has(r.value.districtSlug))
        .map((r) => ({ id: r.id, districtSlug: r.value.districtSlug, ...(r.value.submittedAt ? { submittedAt: r.value.submittedAt } : {}), ...(r.value.meetingId ? { meetingId: r.value.meetingId } : {}) })),
      meetings: meetings.map((m) => ({ id: m.id, startsAt: m.value.startsAt, status: m.value.status })),
      cases: cases.filter((c) => wanted.has(c.value.districtSlug)).map(record),
      visits: visits.map((v) => v.value),
    });
  }

  // ---- reminders ----

  /** Reviews due soon (the teacher's reminder) and overdue (the lead's), for the reminders feature. */
  async reviewsDue(now: Date, withinDays = 14): Promise<{ dueSoon: ReviewDue[]; overdue: ReviewDue[] }> {
    const [cases, reviews] = await Promise.all([this.stores.cases.all(ALL), this.stores.reviews.all(ALL)]);
    const open = cases.filter((c) => c.value.status !== "closed").map(record);
    const rs = reviews.map((r) => ({ ...r.value, id: r.id }));
    const today = ukToday(now);
    return { dueSoon: reviewsDueWithin(open, rs, today, withinDays), overdue: overdueReviews(open, rs, today) };
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
