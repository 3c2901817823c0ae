/**
 * The audit trail: every read and write of a child's record is written to the AuditLog list
 * ([Audit trail](../../../docs/reference/data-protection.md#audit-trail)). Entries name the actor, the action, the
 * list and the item id — never a child's name (the AuditEntry schema has no field for one).
 *
 * A change is audited before it is made (fail closed): `change` writes the entry as `intended`, makes
 * the change, then marks the entry `done` (or `failed`). When the audit list cannot be written the
 * change is refused with `audit_unavailable` (503) and nothing is changed; an `intended` entry left
 * behind by a stopped process still says who set out to change what.
 */
import { randomUUID } from "node:crypto";
import { AppError } from "../../errors";
import type { ListStore } from "../../graph/list-store";
import type { AuditLogList } from "./lists";
import type { Person } from "../../schemas/reference/person";
import type { Logger } from "./logger";

export interface AuditEvent {
  action: string;
  listTitle: string;
  itemId?: string;
  detail?: Record<string, string | number | boolean | null>;
}

export interface AuditTrail {
  /** A read (or a fact after the event): awaited, so a failure to audit fails the request. */
  record(actor: Pick<Person, "oid">, event: AuditEvent): Promise<void>;
  /** A write: audited as intended before `apply` runs; refused (503 `audit_unavailable`) when that fails. */
  change<T>(actor: Pick<Person, "oid">, event: AuditEvent, apply: () => Promise<T>, made?: (result: T) => Pick<AuditEvent, "itemId">): Promise<T>;
}

export class ListAuditTrail implements AuditTrail {
  constructor(
    private readonly store: ListStore<typeof AuditLogList.schema>,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(actor: Pick<Person, "oid">, event: AuditEvent): Promise<void> {
    // Awaited, not fire-and-forget: if the audit write fails the request fails, so no read or
    // write of a child's record goes unrecorded.
    await this.store.create(
      { actorOid: actor.oid, at: this.now().toISOString(), ...event },
      { idempotencyKey: `audit:${randomUUID()}` },
    );
    this.log.debug({ action: event.action, list: event.listTitle, item: event.itemId }, "audited");
  }

  /** `made` names what the change created (its id is known only afterwards), written with `done`. */
  async change<T>(actor: Pick<Person, "oid">, event: AuditEvent, apply: () => Promise<T>, made?: (result: T) => Pick<AuditEvent, "itemId">): Promise<T> {
    let entry: Awaited<ReturnType<typeof this.store.create>>;
    try {
      entry = await this.store.create(
        { actorOid: actor.oid, at: this.now().toISOString(), ...event, outcome: "intended" },
        { idempotencyKey: `audit:${randomUUID()}` },
      );
    } catch (error) {
      this.log.error({ action: event.action, list: event.listTitle, item: event.itemId, errCode: (error as AppError)?.code }, "audit: cannot write; change refused");
      throw new AppError("audit_unavailable", "The change was not made because it could not be recorded in the audit trail. Try again in a moment.", { cause: error });
    }
    let result: T;
    try {
      result = await apply();
    } catch (error) {
      await this.settle(entry.id, { outcome: "failed" }, event);
      throw error;
    }
    await this.settle(entry.id, { outcome: "done", ...made?.(result) }, event);
    return result;
  }

  /** The change is made (or refused) whatever happens here: the `intended` entry already records it. */
  private async settle(id: string, patch: { outcome: "done" | "failed"; itemId?: string }, event: AuditEvent): Promise<void> {
    const { outcome } = patch;
    try {
      await this.store.update(id, patch);
      this.log.debug({ action: event.action, list: event.listTitle, item: event.itemId, outcome }, "audited");
    } catch (error) {
      this.log.warn({ action: event.action, list: event.listTitle, item: event.itemId, outcome, errCode: (error as AppError)?.code }, "audit: entry left as intended");
    }
  }
}
