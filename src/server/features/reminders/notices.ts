/**
 * Notices on the outbox: an operation's message to one person (a SENCo whose cases it changed),
 * written down as a `notice` row under `op-<id>|<recipient>` before it is sent, then sent once with
 * the same states as reminders (README.md in this folder). The row holds no text: the operation
 * builds the message when it sends. The reminder runner leaves these rows to the operation that
 * wrote them, which finishes them on a retry or the operations job's tick.
 */
import { randomUUID } from "node:crypto";
import type { AppError } from "../../../errors";
import type { FeatureContext } from "../../core/feature-context";
import type { Notice, Notices } from "../../core/operations/notices";
import type { OutboxItem } from "./lists";
import type { OutboxStore } from "./runner";

/** Sends tried per notice before it is given up (the news stays on the referral). */
const MAX_SENDS = 5;
const LEASE_MS = 2 * 60_000;

export class OutboxNotices implements Notices {
  private readonly owner = `notices-${randomUUID()}`;

  constructor(
    private readonly ctx: Pick<FeatureContext, "log" | "people" | "bot" | "now">,
    private readonly outbox: OutboxStore,
  ) {}

  async tell(notice: Notice): Promise<"done" | "later"> {
    const oid = notice.recipientOid.toLowerCase();
    const now = this.ctx.now();
    const key = `notice:${notice.districtSlug}:${notice.operationId}:told`;
    const ids = { operationId: notice.operationId, recipientOid: oid };
    const row = await this.outbox.create(
      { key, kind: "notice", districtSlug: notice.districtSlug, period: notice.operationId, step: "told", recipientOid: oid, status: "pending", scheduledAt: now.toISOString(), attempts: 0, payload: {} },
      { idempotencyKey: `${key}|${oid}` },
    );
    const v = row.value;
    if (v.status === "sent" || v.status === "skipped" || v.status === "unconfirmed") return "done";
    if (v.status === "failed" && v.attempts >= MAX_SENDS) return "done";
    const leased = (v.status === "claimed" || v.status === "sending") && v.leaseUntil !== undefined && Date.parse(v.leaseUntil) > now.getTime();
    if (leased) return "later";
    if (v.status === "sending") {
      // A run stopped while this message was on its way: Teams may have it, so it is not sent again.
      await this.settle(row.id, row.eTag, { status: "unconfirmed", lastError: "stopped during the send; not resent" });
      return "done";
    }
    let sending: typeof row;
    try {
      sending = await this.outbox.update(row.id, { status: "sending", leaseOwner: this.owner, leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString(), attempts: v.attempts + 1 }, { eTag: row.eTag });
    } catch {
      // Another run claimed it first (412) or the outbox cannot be written: either way, not now.
      return "later";
    }
    let ref;
    let text: string | undefined;
    try {
      const person = await this.ctx.people.byOid(oid);
      ref = await this.ctx.bot.conversations.findByUser({ aadObjectId: oid, ...(person?.upn ? { upn: person.upn } : {}) });
      text = ref ? await notice.text() : undefined;
    } catch (error) {
      await this.settle(sending.id, sending.eTag, { status: "failed", lastError: `lookup: ${(error as AppError)?.code ?? "error"}`, leaseOwner: undefined, leaseUntil: undefined });
      return "later";
    }
    if (!ref || !text) {
      this.ctx.log.debug(ids, "notices: not reachable by the bot (or nothing to say); the notice stays on the referral");
      await this.settle(sending.id, sending.eTag, { status: "skipped", lastError: ref ? "nothing to say" : "not reachable", leaseOwner: undefined, leaseUntil: undefined });
      return "done";
    }
    try {
      const { activityId } = await this.ctx.bot.messenger.sendText(ref, text);
      await this.settle(sending.id, sending.eTag, { status: "sent", sentAt: this.ctx.now().toISOString(), activityId, leaseOwner: undefined, leaseUntil: undefined, lastError: undefined });
      this.ctx.log.info(ids, "notices: SENCo told by the bot");
      return "done";
    } catch (error) {
      this.ctx.log.warn({ ...ids, errName: (error as Error)?.name, errCode: (error as AppError)?.code }, "notices: could not message the SENCo");
      const last = v.attempts + 1 >= MAX_SENDS;
      await this.settle(sending.id, sending.eTag, { status: "failed", lastError: `send: ${(error as AppError)?.code ?? (error as Error)?.name ?? "error"}`.slice(0, 255), leaseOwner: undefined, leaseUntil: undefined });
      return last ? "done" : "later";
    }
  }

  /** Records how far the row got; with the eTag, falling back to a plain write after a lost race (what happened stays true). */
  private async settle(id: string, eTag: string, patch: Partial<OutboxItem>): Promise<void> {
    try {
      await this.outbox.update(id, patch, { eTag });
    } catch (error) {
      this.ctx.log.warn({ rowId: id, errCode: (error as AppError)?.code }, "notices: could not record the state of a notice");
      await this.outbox.update(id, patch).catch(() => undefined);
    }
  }
}
