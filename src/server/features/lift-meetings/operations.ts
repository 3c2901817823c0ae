/**
 * Moving, cancelling and planning meetings as operations (src/server/core/operations/README.md).
 * The request writes the meeting — with the notice its SENCos are to read — as the first step; each
 * case on it is then changed from what the meeting holds (so the operation keeps no text), and each
 * SENCo is told once through the outbox. Steps: `meeting` (or `meeting:<i>` for a plan),
 * `referral:<id>`, `notify:<oid>`.
 */
import { AppError } from "../../../errors";
import type { Item, ListStore } from "../../../graph/list-store";
import type { FeatureContext } from "../../core/feature-context";
import type { Notices } from "../../core/operations/notices";
import { inputGone, type OperationHandler, type OperationItem, type StepResult } from "../../core/operations/operations";
import { ReferralsList, type ReferralItem } from "../referrals/lists";
import type { LiftMeetingItem, LiftMeetingsList } from "./lists";

type ReferralStore = ListStore<typeof ReferralsList.schema>;

/** The steps for a change to the cases on a meeting: the meeting first, then each case, then each SENCo once. */
export function caseSteps(cases: ReadonlyArray<Item<ReferralItem>>): string[] {
  const sencos = [...new Set(cases.map((c) => c.value.createdByOid.toLowerCase()))];
  return ["meeting", ...cases.map((c) => `referral:${c.id}`), ...sencos.map((oid) => `notify:${oid}`)];
}

export class MeetingOperations implements OperationHandler {
  constructor(
    private readonly ctx: FeatureContext,
    private readonly stores: { meetings: ListStore<typeof LiftMeetingsList.schema>; referrals: ReferralStore },
    private readonly notices: Notices,
  ) {}

  async apply(op: OperationItem, stepId: string): Promise<StepResult> {
    const [kind, arg] = stepId.split(":") as [string, string | undefined];
    if (op.value.kind === "meeting.plan") throw inputGone("A planned meeting");
    const meetingId = String(op.value.params.meetingId);
    const meeting = (await this.stores.meetings.get(meetingId)).value;
    if (kind === "meeting") {
      if (this.meetingChanged(op, meeting)) return "done";
      throw inputGone("The change to the meeting");
    }
    if (kind === "referral" && arg) {
      await this.changeCase(op, meetingId, meeting, arg);
      return "done";
    }
    if (kind === "notify" && arg) return this.notify(op, arg);
    throw new AppError("internal", `Unknown step ${stepId} of ${op.value.kind}`);
  }

  /** Whether the request's own step (the meeting write) was made. */
  private meetingChanged(op: OperationItem, meeting: LiftMeetingItem): boolean {
    if (op.value.kind === "meeting.cancel") return meeting.status === "cancelled";
    return (meeting.history ?? []).some((h) => h.at === op.value.params.at);
  }

  /** The case as the meeting's change leaves it; nothing when it is already so (or no longer on the meeting). */
  private async changeCase(op: OperationItem, meetingId: string, meeting: LiftMeetingItem, referralId: string): Promise<void> {
    const at = String(op.value.params.at);
    const byName = (await this.ctx.people.byOid(op.value.actorOid))?.displayName ?? "LIFT Hub";
    const notice = meeting.notice;
    const change = (r: ReferralItem): Partial<ReferralItem> | undefined => {
      // A cancelled case leaves the meeting; a moved meeting's case carries the entry at the operation's instant.
      if (r.meetingId !== meetingId) return undefined;
      if (op.value.kind === "meeting.cancel") {
        if (r.status !== "scheduled" && r.status !== "discussed") return undefined;
        const action = `Taken off the agenda: ${meeting.title} was cancelled (${meeting.cancelledReason ?? ""})`;
        return { status: "submitted", meetingId: undefined, history: [...r.history, { at, action: action.slice(0, 300), byName }], ...(notice ? { notice } : {}) };
      }
      if (r.history.some((h) => h.at === at && h.action.startsWith("Meeting "))) return undefined;
      const action = `Meeting ${op.value.params.timeChanged ? "moved" : "place changed"}: ${notice ?? ""}`;
      return { history: [...r.history, { at, action: action.slice(0, 300), byName }], ...(notice ? { notice } : {}) };
    };
    for (let attempt = 1; ; attempt++) {
      const current = await this.stores.referrals.get(referralId);
      const patch = change(current.value);
      if (!patch) return;
      try {
        await this.ctx.audit.change({ oid: op.value.actorOid }, { action: "referral.meeting_changed", listTitle: ReferralsList.title, itemId: referralId, detail: { meetingId, operationId: op.id } }, () =>
          this.stores.referrals.update(referralId, patch, { eTag: current.eTag }),
        );
        return;
      } catch (error) {
        if (!(AppError.isAppError(error) && error.code === "precondition_failed") || attempt >= 5) throw error;
      }
    }
  }

  /** One message per SENCo, naming their cases on the operation by reference (never a child's name). */
  private notify(op: OperationItem, oid: string): Promise<StepResult> {
    const referralIds = op.value.steps.filter((s) => s.id.startsWith("referral:")).map((s) => s.id.slice("referral:".length));
    return this.notices.tell({
      operationId: `op-${op.id}`,
      recipientOid: oid,
      districtSlug: String(op.value.params.districtSlug),
      text: async () => {
        const meeting = await this.stores.meetings.get(String(op.value.params.meetingId));
        if (!meeting.value.notice) return undefined;
        const theirs = (await Promise.all(referralIds.map((id) => this.stores.referrals.find(id)))).filter((r) => r?.value.createdByOid.toLowerCase() === oid);
        const references = theirs.flatMap((r) => (r?.value.caseReference ? [r.value.caseReference] : []));
        return `${references.length > 0 ? references.join(", ") : "Your LIFT referral"}: ${meeting.value.notice}`;
      },
    });
  }
}
