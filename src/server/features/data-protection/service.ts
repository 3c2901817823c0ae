/**
 * The data-protection duties: subject access by case reference, the retention schedule, retention
 * runs (dry run and apply) and erasure on request. Commissioners only, checked here for every call;
 * every call is audited, naming the case reference and never the child. README.md in this folder
 * explains what erasure keeps and why the KPI figures do not change.
 */
import type { z } from "zod";
import { DEFAULT_SCHEDULE, retentionPlan, type RetentionCandidate, type RetentionRule } from "../../../domain/data-protection/retention";
import { ukDateOf } from "../../../domain/time/uk-clock";
import { AppError } from "../../../errors";
import type { ListStore } from "../../../graph/list-store";
import type { EraseAnswer, ErasureResult, RetentionApplied, RetentionPreview, ScheduleAnswer, ScheduleBody, SubjectAccessBundle } from "../../../schemas/data-protection/api";
import { erasureKey, RECORD_KINDS, type ErasureItem, type RecordKind, type RetentionRuleItem } from "../../../schemas/data-protection/records";
import type { Person } from "../../../schemas/reference/person";
import type { FeatureContext } from "../../core/feature-context";
import { eraseKind } from "./erase";
import { auditOf, childRecords, isEmpty, sectionsOf, type ChildDataStores } from "./holdings";
import { AUDIT_LIST_TITLE, ErasuresList, type RetentionScheduleList } from "./lists";

/** Who acts: a signed-in commissioner, or an operator at the command line (audited as the app). */
export type Actor = Pick<Person, "oid" | "displayName" | "role">;

/** The actor the commands record: the app itself, run by an operator with access to its configuration. */
export const COMMAND_ACTOR: Actor = { oid: "00000000-0000-4000-8000-0000000000dc", displayName: "LIFT Hub command line", role: "commissioner" };

export interface DataProtectionStores {
  schedule: ListStore<typeof RetentionScheduleList.schema>;
  erasures: ListStore<typeof ErasuresList.schema>;
}

const ALL = { pageSize: 5000 } as const;
const KIND_LABEL = new Map<string, string>(RECORD_KINDS.map((k) => [k.value, k.label]));
/** Erasing a child's case and outcome first keeps the referral (which holds the date of birth) until last. */
const ERASE_ORDER: readonly RecordKind[] = ["case", "lift-outcome", "referral", "draft-referral"];

export class DataProtectionService {
  constructor(
    private readonly ctx: FeatureContext,
    readonly stores: DataProtectionStores,
    readonly data: ChildDataStores,
  ) {}

  private only(actor: Actor): void {
    if (actor.role !== "commissioner") throw new AppError("forbidden", "Only commissioners can use the data-protection tools.");
  }

  private audit(actor: Actor, action: string, detail: Record<string, string | number | boolean | null>): Promise<void> {
    return this.ctx.audit.record(actor, { action: `privacy.${action}`, listTitle: AUDIT_LIST_TITLE, detail });
  }

  // ---- subject access ----

  async subjectAccess(actor: Actor, caseReference: string): Promise<SubjectAccessBundle> {
    this.only(actor);
    const records = await childRecords(this.data, caseReference);
    const erasures = await this.stores.erasures.all({ where: { subject: caseReference }, ...ALL });
    if (isEmpty(records) && erasures.length === 0) {
      await this.audit(actor, "subject_access_not_found", { caseReference });
      throw new AppError("not_found", `Nothing is held under case reference ${caseReference}.`);
    }
    // Audited before the answer is built, so an access that fails half-way is still on record.
    await this.audit(actor, "subject_access", { caseReference });
    const audit = await auditOf(this.ctx.stores.auditLog, records, [AUDIT_LIST_TITLE]);
    const sections = sectionsOf(records, audit);
    return {
      caseReference,
      generatedAt: this.ctx.now().toISOString(),
      generatedBy: { oid: actor.oid, name: actor.displayName },
      erased: erasures.map((e) => ({ kind: e.value.kind, status: e.value.status, at: e.value.finishedAt ?? e.value.startedAt })),
      sections,
      counts: Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, v.length])),
    };
  }

  // ---- the schedule ----

  /** The rules in force: the stored ones, and the defaults for kinds never changed. */
  async rules(): Promise<Array<RetentionRule & { note?: string; updatedAt?: string; updatedByName?: string; isDefault: boolean }>> {
    const stored = new Map((await this.stores.schedule.all(ALL)).map((i) => [i.value.kind, i.value]));
    return DEFAULT_SCHEDULE.map((d) => {
      const s = stored.get(d.kind);
      return s ? { kind: s.kind, anchor: s.anchor, years: s.years, ...(s.note ? { note: s.note } : {}), updatedAt: s.updatedAt, updatedByName: s.updatedByName, isDefault: false } : { ...d, isDefault: true };
    });
  }

  async schedule(actor: Actor): Promise<ScheduleAnswer> {
    this.only(actor);
    return { rules: (await this.rules()).map((r) => ({ ...r, label: KIND_LABEL.get(r.kind) ?? r.kind })) };
  }

  async setSchedule(actor: Actor, body: z.output<typeof ScheduleBody>): Promise<ScheduleAnswer> {
    this.only(actor);
    const now = this.ctx.now().toISOString();
    for (const rule of body.rules) {
      const value: RetentionRuleItem = { ...rule, updatedAt: now, updatedByOid: actor.oid, updatedByName: actor.displayName };
      await this.audit(actor, "schedule_changed", { kind: rule.kind, anchor: rule.anchor, years: rule.years });
      const existing = (await this.stores.schedule.all({ where: { kind: rule.kind }, pageSize: 2 }))[0];
      if (existing) await this.stores.schedule.update(existing.id, { ...value, note: rule.note });
      else {
        // `kind` is unique: a second first save of the same kind lands on the first one's item and is applied to it.
        const made = await this.stores.schedule.create(value, { idempotencyKey: `retention-rule:${rule.kind}` });
        if (made.value.updatedAt !== now) await this.stores.schedule.update(made.id, { ...value, note: rule.note });
      }
    }
    return this.schedule(actor);
  }

  // ---- retention ----

  /** Every kind of record of every child (and every never-submitted draft), with the dates rules count from. */
  private async candidates(): Promise<RetentionCandidate[]> {
    const [referrals, outcomes, cases] = await Promise.all([this.data.referrals.all(ALL), this.data.outcomes.all(ALL), this.data.cases.all(ALL)]);
    const casesByRef = new Map<string, typeof cases>();
    for (const c of cases) casesByRef.set(c.value.childRef, [...(casesByRef.get(c.value.childRef) ?? []), c]);
    const dob = (body: Record<string, unknown>) => {
      const v = (body.child as { dateOfBirth?: unknown } | undefined)?.dateOfBirth;
      return typeof v === "string" ? v : undefined;
    };
    const facts = (ref: string) => {
      const mine = casesByRef.get(ref) ?? [];
      const closed = mine.map((c) => c.value.closure?.closedAt).filter((d): d is string => d !== undefined).sort();
      return {
        hasOpenCase: mine.some((c) => c.value.status !== "closed"),
        ...(closed.length > 0 ? { caseClosedAt: closed.at(-1) as string } : {}),
        caseDob: mine.map((c) => c.value.child?.dateOfBirth).find((d) => d !== undefined),
      };
    };
    const out: RetentionCandidate[] = [];
    const refs = new Map<string, { districtSlug: string; dateOfBirth?: string }>();
    for (const r of referrals) {
      const lastActivity = ukDateOf(r.modifiedAt);
      const dateOfBirth = dob(r.value.body);
      if (!r.value.caseReference) {
        out.push({ subject: `draft-${r.id}`, kind: "draft-referral", districtSlug: r.value.districtSlug, lastActivity, hasOpenCase: false, ...(dateOfBirth ? { dateOfBirth } : {}) });
        continue;
      }
      const ref = r.value.caseReference;
      const f = facts(ref);
      const born = dateOfBirth ?? f.caseDob;
      refs.set(ref, { districtSlug: r.value.districtSlug, ...(born ? { dateOfBirth: born } : {}) });
      out.push({ subject: ref, kind: "referral", districtSlug: r.value.districtSlug, lastActivity, hasOpenCase: f.hasOpenCase, ...(f.caseClosedAt ? { caseClosedAt: f.caseClosedAt } : {}), ...(born ? { dateOfBirth: born } : {}) });
      const outcome = outcomes.find((o) => o.value.referralId === r.id);
      if (outcome) {
        out.push({ subject: ref, kind: "lift-outcome", districtSlug: r.value.districtSlug, lastActivity: ukDateOf(outcome.modifiedAt), hasOpenCase: f.hasOpenCase, ...(f.caseClosedAt ? { caseClosedAt: f.caseClosedAt } : {}), ...(born ? { dateOfBirth: born } : {}) });
      }
    }
    for (const [ref, mine] of casesByRef) {
      const f = facts(ref);
      const born = refs.get(ref)?.dateOfBirth ?? f.caseDob;
      const lastActivity = mine.map((c) => ukDateOf(c.modifiedAt)).sort().at(-1) as string;
      out.push({ subject: ref, kind: "case", districtSlug: mine[0]?.value.districtSlug ?? "", lastActivity, hasOpenCase: f.hasOpenCase, ...(f.caseClosedAt ? { caseClosedAt: f.caseClosedAt } : {}), ...(born ? { dateOfBirth: born } : {}) });
    }
    return out;
  }

  /** The plan for `at`: what is due and not yet erased, and any erasure a stopped run left half-way (resumed first). */
  async plan(at: string): Promise<RetentionPreview> {
    const [rules, candidates, register] = await Promise.all([this.rules(), this.candidates(), this.stores.erasures.all(ALL)]);
    const done = new Map(register.map((e) => [e.value.key, e.value]));
    const open = candidates.filter((c) => done.get(erasureKey(c.subject, c.kind))?.status !== "erased");
    const plan = retentionPlan(rules, open, at);
    const resuming = register.filter((e) => e.value.status === "erasing" && !plan.due.some((d) => erasureKey(d.subject, d.kind) === e.value.key));
    const rule = new Map(rules.map((r) => [r.kind, r]));
    return {
      at,
      due: [
        ...resuming.map((e) => ({ subject: e.value.subject, kind: e.value.kind, districtSlug: "", anchor: rule.get(e.value.kind)?.anchor ?? "date-of-birth", anchorDate: "", dueOn: ukDateOf(e.value.startedAt), resuming: true })),
        ...plan.due,
      ],
      held: plan.held.filter((h) => !resuming.some((e) => e.value.key === erasureKey(h.subject, h.kind))),
      kept: plan.kept,
    };
  }

  async previewRetention(actor: Actor, at: string): Promise<RetentionPreview> {
    this.only(actor);
    const plan = await this.plan(at);
    await this.audit(actor, "retention_previewed", { at, due: plan.due.length, held: plan.held.length });
    return plan;
  }

  async applyRetention(actor: Actor, at: string): Promise<RetentionApplied> {
    this.only(actor);
    const plan = await this.plan(at);
    await this.audit(actor, "retention_applied", { at, due: plan.due.length });
    const lines = [...plan.due].sort((a, b) => a.subject.localeCompare(b.subject) || ERASE_ORDER.indexOf(a.kind) - ERASE_ORDER.indexOf(b.kind));
    const erased: ErasureResult[] = [];
    for (const line of lines) erased.push(await this.eraseOne(actor, line.subject, line.kind, "retention", { at }));
    return { ...plan, erased };
  }

  // ---- erasure on request ----

  async erase(actor: Actor, caseReference: string, reason: string): Promise<EraseAnswer> {
    this.only(actor);
    const records = await childRecords(this.data, caseReference);
    const register = await this.stores.erasures.all({ where: { subject: caseReference }, ...ALL });
    if (isEmpty(records) && register.length === 0) throw new AppError("not_found", `Nothing is held under case reference ${caseReference}.`);
    // The reason is the request the erasure rests on: recorded with the case reference, before anything changes.
    await this.audit(actor, "erasure_requested", { caseReference, reason });
    const kinds: RecordKind[] = [];
    if (records.cases.length > 0) kinds.push("case");
    if (records.outcomes.length > 0) kinds.push("lift-outcome");
    if (records.referrals.length > 0) kinds.push("referral");
    const erased: ErasureResult[] = [];
    for (const kind of kinds) erased.push(await this.eraseOne(actor, caseReference, kind, "request", { reason }));
    return { caseReference, erased };
  }

  private async eraseOne(actor: Actor, subject: string, kind: RecordKind, trigger: ErasureItem["trigger"], why: Record<string, string>): Promise<ErasureResult> {
    const key = erasureKey(subject, kind);
    const row = (await this.stores.erasures.all({ where: { key }, pageSize: 2 }))[0];
    if (row?.value.status === "erased") return { subject, kind, records: 0, alreadyErased: true };
    const now = this.ctx.now().toISOString();
    const registered = row ?? (await this.stores.erasures.create({ key, subject, kind, trigger, status: "erasing", startedAt: now, byOid: actor.oid }, { idempotencyKey: `erasure:${key}` }));
    const records = await eraseKind(this.ctx, this.data, { subject, kind, trigger, actor, ...why });
    await this.stores.erasures.update(registered.id, { status: "erased", finishedAt: this.ctx.now().toISOString(), records });
    return { subject, kind, records, alreadyErased: false };
  }
}

