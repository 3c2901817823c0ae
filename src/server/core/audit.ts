/**
 * The audit trail: every read and write of a child's record is written to the AuditLog list
 * ([Audit trail](../../../docs/reference/data-protection.md#audit-trail)). Entries name the actor, the action, the
 * list and the item id — never a child's name (the AuditEntry schema has no field for one).
 */
import { randomUUID } from "node:crypto";
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
  record(actor: Pick<Person, "oid">, event: AuditEvent): Promise<void>;
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
}
