import { z } from "zod";

/**
 * One line of the audit trail ([Audit trail](../../../docs/reference/data-protection.md#audit-trail)): who did what to which item, and when.
 * `detail` is for machine-readable facts (status from/to, field names changed) and must never hold a
 * child's name or other personal data about a child: the audit list is kept longer than case data.
 */
export const AuditEntry = z.object({
  /** Entra object id of the user (or the app's id for background jobs). */
  actorOid: z.guid(),
  at: z.iso.datetime(),
  action: z.string().regex(/^[a-z]+(\.[a-z_]+)+$/, "expected a dotted action such as referral.submitted").max(64),
  listTitle: z.string().min(1).max(64),
  itemId: z.string().max(32).optional(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  /**
   * For a change: `intended` is written before it is made (no entry, no change), then `done` or
   * `failed`. An `intended` entry left behind means the process stopped half-way; reads have none.
   */
  outcome: z.enum(["intended", "done", "failed"]).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
