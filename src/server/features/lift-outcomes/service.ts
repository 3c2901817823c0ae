/**
 * LIFT outcome records, approval, attendance, overdue actions and meeting counts (contract:
 * src/schemas/lift-outcomes/api.ts; request bodies and queries arrive parsed by the route).
 *
 * Referrals belong to the referrals feature and meetings to the lift-meetings feature; this reads and
 * updates both through the referrals service's stores. Access is the pure policy in
 * src/domain/lift-outcomes/access.ts, checked on every
 * request; every read and write is audited with ids only. Concurrency: each record carries the
 * list item's eTag, a save sends it back, and a stale one is refused (412) with the current version,
 * nothing overwritten.
 */
import { randomUUID } from "node:crypto";
import { meetingCounts } from "../../../domain/lift-meetings/counts";
import { districtReportAccess, outcomeAccess, type OutcomeAccess } from "../../../domain/lift-outcomes/access";
import { overdueActions } from "../../../domain/lift-outcomes/overdue";
import { ukToday } from "../../../domain/time/uk-clock";
import { transition, type ReferralStatus } from "../../../domain/referrals/status";
import type { z } from "zod";
import { AppError, type FieldErrors } from "../../../errors";
import type { Item, ListStore } from "../../../graph/list-store";
import type {
  ApproveOutcomeRequest,
  AttendanceInput,
  SaveOutcomeRequest,
  Attendance,
  MeetingCounts,
  OutcomeRecord,
  OverdueAction,
} from "../../../schemas/lift-outcomes/api";
import { liftOutcomeValidationMessages, outcomeCategoryLabel, type LiftOutcomeInput } from "../../../schemas/lift-outcomes/outcome";
import type { Person } from "../../../schemas/reference/person";
import type { FeatureContext } from "../../core/feature-context";
import type { Notices } from "../../core/operations/notices";
import { inputGone, keyPart, type LocalSteps, type OperationHandler, type OperationItem, type StepResult } from "../../core/operations/operations";
import type { ReferralItem } from "../referrals/lists";
import { LiftMeetingsList, type LiftMeetingItem } from "../lift-meetings/lists";
import type { ReferralService } from "../referrals/service";
import { LiftAttendanceList, LiftOutcomesList, type LiftAttendanceItem, type LiftOutcomeItem } from "./lists";

export interface OutcomeStores {
  outcomes: ListStore<typeof LiftOutcomesList.schema>;
  attendance: ListStore<typeof LiftAttendanceList.schema>;
}

const ID = /^\d{1,12}$/;
const ACTION_ID = /^[A-Za-z0-9_-]{1,40}$/;
/** Commissioners' overdue lists: free text can name a child or family. */
const WITHHELD = "Shown to district members only";


/** "" (the whole body or the whole outcome) is not a field a form can show: give it a name. */
function renameRoot(errors: FieldErrors, root: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === "" ? root : k, v]));
}

const notFound = (what = "There is no such LIFT meeting.") => new AppError("not_found", what);

export class LiftOutcomeService {
  constructor(
    private readonly ctx: FeatureContext,
    readonly stores: OutcomeStores,
    private readonly referrals: ReferralService,
    /** SENCos told of an approved outcome, once per approval (the reminders' outbox). */
    private readonly notices: Notices,
  ) {}

  // ---- loading, with access ----

  private async meeting(person: Person, id: string): Promise<{ meeting: Item<LiftMeetingItem>; access: OutcomeAccess }> {
    if (!ID.test(id)) throw notFound();
    const meeting = await this.referrals.stores.meetings.find(id);
    if (!meeting) throw notFound();
    const access = outcomeAccess(person, meeting.value);
    if (access.read === "none") throw notFound();
    return { meeting, access };
  }

  /** The case (a referral scheduled on the meeting); anything else is 404. */
  private async caseOn(meetingId: string, referralId: string): Promise<Item<ReferralItem>> {
    const referral = ID.test(referralId) ? await this.referrals.stores.referrals.find(referralId) : undefined;
    if (!referral || referral.value.meetingId !== meetingId || referral.value.status === "draft") throw notFound("There is no such case on this LIFT meeting.");
    return referral;
  }

  private async recordOf(referralId: string): Promise<Item<LiftOutcomeItem> | undefined> {
    // referralId is a unique (so indexed) column: at most one item.
    return (await this.stores.outcomes.all({ where: { referralId }, pageSize: 2 }))[0];
  }

  private toRecord(item: Item<LiftOutcomeItem>, read: OutcomeAccess["read"]): OutcomeRecord {
    const o = item.value;
    // Commissioners see what was decided (categories), never free text that can name the child.
    const outcome: LiftOutcomeInput = read === "full" ? o.outcome : { categories: o.outcome.categories, actions: [] };
    return {
      referralId: o.referralId,
      meetingId: o.meetingId,
      eTag: item.eTag,
      status: o.status,
      outcome,
      ...(read === "full" && o.allocatedTeacherName ? { allocatedTeacherName: o.allocatedTeacherName } : {}),
      updatedAt: o.updatedAt,
      updatedByName: o.updatedByName,
      ...(o.approvedAt ? { approvedAt: o.approvedAt } : {}),
      ...(o.approvedByName ? { approvedByName: o.approvedByName } : {}),
    };
  }

  private stale(item: Item<LiftOutcomeItem>, read: OutcomeAccess["read"]): AppError {
    return new AppError("precondition_failed", "Someone else changed this outcome since you opened it. Nothing was overwritten: review their version and apply your changes again.", {
      detail: { current: this.toRecord(item, read) },
    });
  }

  // ---- outcomes: reading ----

  async listOutcomes(person: Person, meetingId: string): Promise<OutcomeRecord[]> {
    const { access } = await this.meeting(person, meetingId);
    const items = await this.stores.outcomes.all({ where: { meetingId } });
    // A record whose case has since moved off this meeting moves with it (its meetingId changes), so this is the meeting's own.
    const records = items.map((i) => this.toRecord(i, access.read)).sort((a, b) => a.referralId.localeCompare(b.referralId, undefined, { numeric: true }));
    await this.ctx.audit.record(person, {
      action: "lift.outcome_listed",
      listTitle: LiftOutcomesList.title,
      detail: { meetingId, count: records.length, itemIds: items.map((i) => i.id).join(",") },
    });
    return records;
  }

  async getOutcome(person: Person, meetingId: string, referralId: string): Promise<OutcomeRecord | null> {
    const { access } = await this.meeting(person, meetingId);
    await this.caseOn(meetingId, referralId);
    const item = await this.recordOf(referralId);
    await this.ctx.audit.record(person, {
      action: "lift.outcome_read",
      listTitle: LiftOutcomesList.title,
      ...(item ? { itemId: item.id } : {}),
      detail: { meetingId, referralId, view: access.read },
    });
    return item ? this.toRecord(item, access.read) : null;
  }

  /** Each case's record state on a meeting, for the agenda (the meetings feature checks access). */
  async outcomeStatuses(meetingId: string): Promise<ReadonlyMap<string, "draft" | "approved">> {
    const items = await this.stores.outcomes.all({ where: { meetingId } });
    return new Map(items.map((i) => [i.value.referralId, i.value.status]));
  }

  /** A case moved to another meeting takes its (draft) record along; the meetings feature audits the move. */
  async moveWithCase(referralId: string, toMeetingId: string): Promise<void> {
    const item = await this.recordOf(referralId);
    if (!item || item.value.meetingId === toMeetingId) return;
    // No eTag: a concurrent edit of the notes must not stop the record following its case.
    await this.stores.outcomes.update(item.id, { meetingId: toMeetingId });
  }

  // ---- outcomes: writing ----

  private async teacherName(outcome: LiftOutcomeInput, districtSlug: string): Promise<string | undefined> {
    if (!outcome.allocatedTeacherOid) return undefined;
    const teacher = await this.ctx.people.byOid(outcome.allocatedTeacherOid);
    const ok = teacher && teacher.districtSlug === districtSlug && (teacher.role === "specialist_teacher" || teacher.role === "district_lead");
    if (!ok) {
      throw new AppError("validation_failed", "Some answers need attention.", {
        fieldErrors: { allocatedTeacherOid: ["Choose a specialist teacher of this district from the list"] },
      });
    }
    return teacher.displayName;
  }

  /** PUT …/outcomes/:referralId: saves a draft. `created` says whether this made the record. */
  async saveOutcome(person: Person, meetingId: string, referralId: string, request: z.output<typeof SaveOutcomeRequest>): Promise<{ record: OutcomeRecord; created: boolean }> {
    const { meeting, access } = await this.meeting(person, meetingId);
    if (!access.write) throw new AppError("forbidden", "Only LIFT members of this district record outcomes.");
    const checked = liftOutcomeValidationMessages(request.outcome, { mode: "draft" });
    if (!checked.ok) throw new AppError("validation_failed", "Some answers need attention.", { fieldErrors: renameRoot(checked.messages, "outcome") });
    const referral = await this.caseOn(meetingId, referralId);
    if (meeting.value.status === "cancelled") throw new AppError("conflict", "This LIFT meeting was cancelled: move the case to another meeting before recording its outcome.");
    if (referral.value.status === "closed") throw new AppError("conflict", "This case is closed; its outcome can no longer be changed.");
    if (checked.value.senifRequested && referral.value.variant !== "early-years") {
      throw new AppError("validation_failed", "Some answers need attention.", { fieldErrors: { "outcome.senifRequested": ["SENIF support is for early years children only"] } });
    }
    const allocatedTeacherName = await this.teacherName(checked.value, meeting.value.districtSlug);

    const now = this.ctx.now().toISOString();
    const value: LiftOutcomeItem = {
      referralId,
      meetingId,
      districtSlug: meeting.value.districtSlug,
      settingId: referral.value.settingId,
      status: "draft",
      outcome: checked.value,
      ...(allocatedTeacherName ? { allocatedTeacherName } : {}),
      updatedAt: now,
      updatedByOid: person.oid,
      updatedByName: person.displayName,
    };

    const existing = await this.recordOf(referralId);
    const created = !existing;
    let update: { patch: Partial<LiftOutcomeItem>; eTag: string } | undefined;
    if (existing) {
      if (request.eTag === undefined || request.eTag !== existing.eTag) throw this.stale(existing, access.read);
      if (existing.value.status === "approved" && !access.approve) {
        throw new AppError("conflict", "This outcome has been approved: only the chair or the district lead can change it.");
      }
      // A changed approved outcome goes back to draft: the approval was of the old text.
      update = { patch: { ...value, allocatedTeacherName, approvedAt: undefined, approvedByOid: undefined, approvedByName: undefined }, eTag: request.eTag };
    }

    const event = {
      action: created ? "lift.outcome_created" : "lift.outcome_updated",
      listTitle: LiftOutcomesList.title,
      ...(existing ? { itemId: existing.id } : {}),
      detail: { meetingId, referralId, ...(existing?.value.status === "approved" ? { reopened: true } : {}) },
    };
    const saved = await this.ctx.audit.change(
      person,
      event,
      async () => {
        const saved = existing && update ? await this.updateRecord(existing, update.patch, update.eTag, access.read) : await this.createRecord(value, access.read);
        await this.markDiscussed(person, referral);
        return saved;
      },
      (made) => ({ itemId: made.id }),
    );
    return { record: this.toRecord(saved, access.read), created };
  }

  private async createRecord(value: LiftOutcomeItem, read: OutcomeAccess["read"]): Promise<Item<LiftOutcomeItem>> {
    try {
      // A fresh key per save: the unique referralId column, not the key, decides who made the record,
      // so a second "first save" is refused instead of being handed the first one's item.
      return await this.stores.outcomes.create(value, { idempotencyKey: `lift-outcome:${value.referralId}:${randomUUID()}` });
    } catch (error) {
      const current = await this.recordOf(value.referralId);
      if (current) throw this.stale(current, read);
      throw error;
    }
  }

  private async updateRecord(item: Item<LiftOutcomeItem>, patch: Partial<LiftOutcomeItem>, eTag: string, read: OutcomeAccess["read"]): Promise<Item<LiftOutcomeItem>> {
    try {
      return await this.stores.outcomes.update(item.id, patch, { eTag });
    } catch (error) {
      if (AppError.isAppError(error) && error.code === "precondition_failed") throw this.stale(await this.stores.outcomes.get(item.id), read);
      throw error;
    }
  }

  /**
   * Changes a referral from its latest version (If-Match each time), so a concurrent change to it —
   * a history entry, a move — is never lost. `change` answers undefined when nothing needs doing.
   */
  private async updateReferral(id: string, change: (r: ReferralItem) => Partial<ReferralItem> | undefined): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.referrals.stores.referrals.get(id);
      const patch = change(current.value);
      if (!patch) return;
      try {
        await this.referrals.stores.referrals.update(id, patch, { eTag: current.eTag });
        return;
      } catch (error) {
        if (!(AppError.isAppError(error) && error.code === "precondition_failed") || attempt >= 5) throw error;
      }
    }
  }

  /** The first saved outcome makes a scheduled case `discussed` (status.ts transitions). */
  private async markDiscussed(person: Person, referral: Item<ReferralItem>): Promise<void> {
    await this.updateReferral(referral.id, (r) => {
      if (r.status !== "scheduled") return undefined;
      const step = transition(r.status, "discussed");
      if (!step.ok) throw new AppError("conflict", step.message);
      return { status: "discussed", history: [...r.history, { at: this.ctx.now().toISOString(), action: "Discussed at LIFT", byName: person.displayName }] };
    });
  }

  /**
   * A meeting whose start has passed and that has attendance or an approved outcome recorded has
   * taken place: its status says "held", which is what the meeting counts and the KPI prefill read.
   */
  private async markHeld(person: Pick<Person, "oid" | "displayName">, meeting: Item<LiftMeetingItem>): Promise<void> {
    const { status, startsAt, history } = meeting.value;
    if ((status !== "scheduled" && status !== "moved") || Date.parse(startsAt) > this.ctx.now().getTime()) return;
    const entry = { at: this.ctx.now().toISOString(), action: "Held", byName: person.displayName };
    // The list keeps the latest history entries (HISTORY_KEPT); the audit list keeps the whole trail.
    await this.ctx.audit.change(person, { action: "lift.meeting_held", listTitle: LiftMeetingsList.title, itemId: meeting.id, detail: { meetingId: meeting.id } }, () =>
      this.referrals.stores.meetings.update(meeting.id, { status: "held", history: [...(history ?? []), entry] }),
    );
  }

  /**
   * POST …/outcomes/:referralId/approve — an operation (src/server/core/operations/README.md): the
   * record is approved (the request's step), then copied onto the referral, the meeting marked held
   * and the SENCo told once. A retry with the same eTag finishes what a failure left.
   */
  async approve(person: Person, meetingId: string, referralId: string, request: z.output<typeof ApproveOutcomeRequest>): Promise<OutcomeRecord> {
    const { meeting, access } = await this.meeting(person, meetingId);
    if (!access.approve) {
      throw new AppError("forbidden", person.role === "commissioner" ? "Commissioners do not approve outcomes." : "Only the meeting's chair or the district lead can approve an outcome.");
    }
    const referral = await this.caseOn(meetingId, referralId);
    const existing = await this.recordOf(referralId);
    if (!existing) throw new AppError("conflict", "No outcome has been saved for this case yet: save it, then approve it.");
    const key = `outcome.approve:${referralId}:${keyPart(request.eTag)}`;
    const ongoing = await this.ctx.operations.find(key);
    const resuming = ongoing?.value.steps.some((s) => s.done) ?? false;
    const local: LocalSteps = {};
    if (!resuming) {
      if (request.eTag !== existing.eTag) throw this.stale(existing, access.read);
      const checked = liftOutcomeValidationMessages(existing.value.outcome, { mode: "approve" });
      if (!checked.ok) throw new AppError("validation_failed", "The outcome is not ready to approve.", { fieldErrors: checked.messages });
      if (referral.value.status === "closed") throw new AppError("conflict", "This case is closed; its outcome can no longer be approved.");
      const allocatedTeacherName = await this.teacherName(checked.value, meeting.value.districtSlug);
      local.outcome = (op) =>
        this.updateRecord(existing, { status: "approved", allocatedTeacherName, approvedAt: String(op.value.params.at), approvedByOid: person.oid, approvedByName: person.displayName }, request.eTag, access.read);
    }
    await this.ctx.operations.perform(
      person,
      {
        key,
        kind: "outcome.approve",
        target: `referral:${referralId}`,
        steps: ["outcome", `referral:${referralId}`, "meeting", `notify:${referral.value.createdByOid.toLowerCase()}`],
        params: { meetingId, referralId, districtSlug: meeting.value.districtSlug, at: this.ctx.now().toISOString() },
      },
      { action: "lift.outcome_approved", listTitle: LiftOutcomesList.title, itemId: existing.id, detail: { meetingId, referralId } },
      local,
    );
    return this.toRecord(await this.referralsRecord(referralId), access.read);
  }

  /** The outcome record of a case, which must exist (an approval's steps read it). */
  private async referralsRecord(referralId: string): Promise<Item<LiftOutcomeItem>> {
    const record = await this.recordOf(referralId);
    if (!record) throw new AppError("not_found", "There is no outcome record for this case.");
    return record;
  }

  /** How an approval left half-way is finished from what the record holds (registered by index.ts). */
  readonly approvals: OperationHandler = {
    apply: async (op: OperationItem, stepId: string): Promise<StepResult> => {
      const [meetingId, referralId, districtSlug, at] = (["meetingId", "referralId", "districtSlug", "at"] as const).map((k) => String(op.value.params[k])) as [string, string, string, string];
      const record = await this.referralsRecord(referralId);
      // Compared as instants: the list may write the time back in another form.
      const approvedNow = record.value.status === "approved" && Date.parse(record.value.approvedAt ?? "") === Date.parse(at);
      if (stepId === "outcome") {
        if (approvedNow) return "done";
        throw inputGone("The approval");
      }
      // Changed since (back to draft, approved again): what is on the referral is that change's to write.
      if (!approvedNow) return "done";
      const actor = { oid: op.value.actorOid, displayName: record.value.approvedByName ?? "LIFT Hub" };
      if (stepId.startsWith("referral:")) {
        await this.copyToReferral(actor, referralId, record.value, at);
        return "done";
      }
      if (stepId === "meeting") {
        const meeting = await this.referrals.stores.meetings.find(meetingId);
        if (meeting) await this.markHeld(actor, meeting);
        return "done";
      }
      if (stepId.startsWith("notify:")) {
        return this.notices.tell({
          operationId: `op-${op.id}`,
          recipientOid: stepId.slice("notify:".length),
          districtSlug,
          text: async () => {
            const referral = await this.referrals.stores.referrals.find(referralId);
            // The case reference only: a bot message can be read on a lock screen.
            return `The LIFT outcome for ${referral?.value.caseReference ?? "your referral"} has been approved. Open LIFT Hub to see the outcome, actions and any support plan.`;
          },
        });
      }
      throw new AppError("internal", `Unknown step ${stepId} of an approval`);
    },
  };

  /** What the SENCo sees: the referral's `outcome`, status `outcome_recorded`. */
  private async copyToReferral(person: Pick<Person, "oid" | "displayName">, referralId: string, record: LiftOutcomeItem, approvedAt: string): Promise<void> {
    const o = record.outcome;
    const outcome: NonNullable<ReferralItem["outcome"]> = {
      categories: o.categories.map(outcomeCategoryLabel),
      ...(o.notes ? { summary: o.notes } : {}),
      // Approval requires every action to have a due date.
      actions: o.actions.map((a) => ({ id: a.id, description: a.description, owner: a.ownerName, dueDate: a.dueDate as string, ...(a.done ? { done: true } : {}) })),
      ...(record.allocatedTeacherName ? { allocatedTeacherName: record.allocatedTeacherName } : {}),
      ...(o.supportPlan ? { supportPlan: o.supportPlan } : {}),
      approvedAt,
    };
    await this.updateReferral(referralId, (r) => {
      // Already copied (a resumed approval): nothing to do, no second history entry.
      if (r.outcome?.approvedAt !== undefined && Date.parse(r.outcome.approvedAt) === Date.parse(approvedAt)) return undefined;
      const history = [...r.history];
      let status: ReferralStatus = r.status;
      const at = this.ctx.now().toISOString();
      for (const next of ["discussed", "outcome_recorded"] as const) {
        if (status === next || status === "outcome_recorded") continue;
        const step = transition(status, next);
        if (!step.ok) throw new AppError("conflict", step.message);
        status = next;
        history.push({ at, action: next === "discussed" ? "Discussed at LIFT" : "Outcome recorded", byName: person.displayName });
      }
      if (r.status === "outcome_recorded") history.push({ at, action: "Outcome updated", byName: person.displayName });
      return { status, outcome, history };
    });
  }

  // ---- actions ----

  /** POST /lift-actions/:referralId/:actionId/done */
  async markActionDone(person: Person, referralId: string, actionId: string): Promise<OutcomeRecord> {
    const item = ID.test(referralId) && ACTION_ID.test(actionId) ? await this.recordOf(referralId) : undefined;
    if (!item) throw notFound("There is no such action.");
    const { access } = await this.meeting(person, item.value.meetingId).catch((error: unknown) => {
      throw AppError.isAppError(error) && error.code === "not_found" ? notFound("There is no such action.") : error;
    });
    if (!access.write) throw new AppError("forbidden", "Only LIFT members of this district mark actions done.");
    if (!item.value.outcome.actions.some((a) => a.id === actionId)) throw notFound("There is no such action.");

    const saved = await this.ctx.audit.change(person, { action: "lift.action_done", listTitle: LiftOutcomesList.title, itemId: item.id, detail: { referralId, actionId } }, async () => {
      let saved: Item<LiftOutcomeItem> = item;
      for (let attempt = 1; ; attempt++) {
        const current = attempt === 1 ? item : await this.stores.outcomes.get(item.id);
        const actions = current.value.outcome.actions.map((a) => (a.id === actionId ? { ...a, done: true } : a));
        if (current.value.outcome.actions.every((a) => a.id !== actionId || a.done)) {
          saved = current;
          break;
        }
        try {
          // Marking done is not a change to what was agreed: an approved outcome stays approved.
          saved = await this.stores.outcomes.update(item.id, { outcome: { ...current.value.outcome, actions } }, { eTag: current.eTag });
          break;
        } catch (error) {
          if (!(AppError.isAppError(error) && error.code === "precondition_failed") || attempt >= 5) throw error;
        }
      }
      if (saved.value.status === "approved") {
        await this.updateReferral(referralId, (r) => {
          if (!r.outcome || !r.outcome.actions.some((a) => a.id === actionId && !a.done)) return undefined;
          return { outcome: { ...r.outcome, actions: r.outcome.actions.map((a) => (a.id === actionId ? { ...a, done: true } : a)) } };
        });
      }
      return saved;
    });
    return this.toRecord(saved, access.read);
  }

  private async districtFor(person: Person, requested: string | undefined): Promise<{ slug: string; view: "full" | "anonymised" }> {
    const slug = requested ?? (person.role === "commissioner" ? undefined : person.districtSlug);
    if (!slug) throw new AppError("validation_failed", "Choose a district.", { fieldErrors: { district: ["Required for commissioners"] } });
    const known = (await this.ctx.reference.districts()).some((d) => d.slug === slug);
    const view = districtReportAccess(person, slug);
    if (!known || view === "none") throw notFound("There is no such district.");
    return { slug, view };
  }

  /** GET /lift-actions/overdue?district= */
  async overdue(person: Person, query: { district?: string }): Promise<OverdueAction[]> {
    const { slug, view } = await this.districtFor(person, query.district);
    const records = await this.stores.outcomes.all({ where: { districtSlug: slug, status: "approved" } });
    const found = overdueActions(
      records.map((r) => ({ referralId: r.value.referralId, meetingId: r.value.meetingId, status: r.value.status, actions: r.value.outcome.actions })),
      ukToday(this.ctx.now()),
    );
    const referrals = new Map((await this.referrals.stores.referrals.all({ where: { districtSlug: slug } })).map((r) => [r.id, r]));
    const meetings = new Map((await this.referrals.meetingsOfDistrict(slug)).map((m) => [m.id, m]));
    const settings = new Map((await this.ctx.reference.settings()).map((s) => [s.id, s]));
    // A closed case's actions are no longer followed up.
    const items: OverdueAction[] = found
      .filter((f) => referrals.get(f.referralId)?.value.status !== "closed")
      .map((f) => {
        const referral = referrals.get(f.referralId);
        const settingId = referral?.value.settingId ?? "";
        return {
          referralId: f.referralId,
          caseReference: referral?.value.caseReference ?? f.referralId,
          meetingId: f.meetingId,
          meetingTitle: meetings.get(f.meetingId)?.value.title ?? "LIFT meeting",
          settingName: settings.get(settingId)?.name ?? settingId,
          actionId: f.action.id,
          description: view === "full" ? f.action.description : WITHHELD,
          ownerName: view === "full" ? f.action.ownerName : (f.action.ownerRole ?? WITHHELD),
          dueDate: f.action.dueDate,
          daysOverdue: f.daysOverdue,
        };
      });
    await this.ctx.audit.record(person, {
      action: "lift.actions_overdue_listed",
      listTitle: LiftOutcomesList.title,
      detail: { districtSlug: slug, count: items.length, referralIds: [...new Set(items.map((i) => i.referralId))].join(",") },
    });
    return items;
  }

  // ---- attendance ----

  private toAttendance(meetingId: string, item: Item<LiftAttendanceItem> | undefined): Attendance {
    return item ? { meetingId, eTag: item.eTag, professionals: item.value.professionals, settingIds: item.value.settingIds } : { meetingId, professionals: [], settingIds: [] };
  }

  private async attendanceOf(meetingId: string): Promise<Item<LiftAttendanceItem> | undefined> {
    return (await this.stores.attendance.all({ where: { meetingId }, pageSize: 2 }))[0];
  }

  async getAttendance(person: Person, meetingId: string): Promise<Attendance> {
    await this.meeting(person, meetingId);
    const item = await this.attendanceOf(meetingId);
    await this.ctx.audit.record(person, { action: "lift.attendance_read", listTitle: LiftAttendanceList.title, ...(item ? { itemId: item.id } : {}), detail: { meetingId } });
    return this.toAttendance(meetingId, item);
  }

  async saveAttendance(person: Person, meetingId: string, input: AttendanceInput): Promise<Attendance> {
    const { meeting, access } = await this.meeting(person, meetingId);
    if (!access.write) throw new AppError("forbidden", "Only LIFT members of this district record attendance.");
    const known = new Set((await this.ctx.reference.settings()).map((s) => s.id));
    const unknown: FieldErrors = {};
    input.settingIds.forEach((id, i) => {
      if (!known.has(id)) unknown[`settingIds.${i}`] = ["Choose settings from the list"];
    });
    if (Object.keys(unknown).length > 0) throw new AppError("validation_failed", "Some answers need attention.", { fieldErrors: unknown });
    if (meeting.value.status === "cancelled") throw new AppError("conflict", "This LIFT meeting was cancelled: it has no attendance.");

    const value: LiftAttendanceItem = {
      meetingId,
      districtSlug: meeting.value.districtSlug,
      professionals: input.professionals,
      settingIds: [...new Set(input.settingIds)],
      updatedAt: this.ctx.now().toISOString(),
      updatedByOid: person.oid,
      updatedByName: person.displayName,
    };
    const stale = (current: Item<LiftAttendanceItem>) =>
      new AppError("precondition_failed", "Someone else changed the attendance since you opened it. Nothing was overwritten.", { detail: { current: this.toAttendance(meetingId, current) } });
    const existing = await this.attendanceOf(meetingId);
    if (existing && (input.eTag === undefined || input.eTag !== existing.eTag)) throw stale(existing);
    const event = { action: existing ? "lift.attendance_updated" : "lift.attendance_created", listTitle: LiftAttendanceList.title, ...(existing ? { itemId: existing.id } : {}), detail: { meetingId } };
    const saved = await this.ctx.audit.change(person, event, async () => {
      let saved: Item<LiftAttendanceItem>;
      if (!existing) {
        try {
          saved = await this.stores.attendance.create(value, { idempotencyKey: `lift-attendance:${meetingId}:${randomUUID()}` });
        } catch (error) {
          const current = await this.attendanceOf(meetingId);
          if (current) throw stale(current);
          throw error;
        }
      } else {
        if (input.eTag === undefined || input.eTag !== existing.eTag) throw stale(existing);
        try {
          saved = await this.stores.attendance.update(existing.id, value, { eTag: input.eTag });
        } catch (error) {
          if (AppError.isAppError(error) && error.code === "precondition_failed") throw stale(await this.stores.attendance.get(existing.id));
          throw error;
        }
      }
      return saved;
    }, (made) => ({ itemId: made.id }));
    await this.markHeld(person, meeting);
    return this.toAttendance(meetingId, saved);
  }

  // ---- counts ----

  /** GET /lift-meetings/counts?district=&from=&to= */
  async counts(person: Person, query: { district?: string; from: string; to: string }): Promise<MeetingCounts> {
    const { slug } = await this.districtFor(person, query.district);
    const [meetings, referrals, outcomes, attendance] = await Promise.all([
      this.referrals.meetingsOfDistrict(slug),
      this.referrals.stores.referrals.all({ where: { districtSlug: slug } }),
      this.stores.outcomes.all({ where: { districtSlug: slug } }),
      this.stores.attendance.all({ where: { districtSlug: slug } }),
    ]);
    const counts = meetingCounts({
      districtSlug: slug,
      from: query.from,
      to: query.to,
      meetings: meetings.map((m) => ({ id: m.id, districtSlug: m.value.districtSlug, startsAt: m.value.startsAt, status: m.value.status })),
      referrals: referrals.map((r) => ({
        id: r.id,
        ...(r.value.meetingId ? { meetingId: r.value.meetingId } : {}),
        settingId: r.value.settingId,
        status: r.value.status,
        ...(primaryAreaOf(r.value) ? { primaryArea: primaryAreaOf(r.value) } : {}),
        hasOutcome: r.value.outcome !== undefined,
      })),
      outcomes: outcomes.map((o) => ({ referralId: o.value.referralId, meetingId: o.value.meetingId, status: o.value.status, categories: o.value.outcome.categories })),
      attendance: attendance.map((a) => ({ meetingId: a.value.meetingId, settingIds: a.value.settingIds })),
    });
    await this.ctx.audit.record(person, { action: "lift.meetings_counted", listTitle: LiftOutcomesList.title, detail: { districtSlug: slug, from: counts.from, to: counts.to } });
    return counts;
  }
}

function primaryAreaOf(r: ReferralItem): string | undefined {
  const needs = r.body.needs;
  const area = needs && typeof needs === "object" && !Array.isArray(needs) ? (needs as Record<string, unknown>).primaryArea : undefined;
  return typeof area === "string" && area !== "" ? area : undefined;
}
