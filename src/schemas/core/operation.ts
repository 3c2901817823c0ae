import { z } from "zod";

/**
 * A change that spans several list items, written down before any of them is changed, so a retry,
 * a restart or the next job tick can finish it (src/server/core/operations/README.md). It holds ids,
 * instants, flags and codes only — never a child's name or anyone's free text: what a step writes is
 * read from the items themselves (the meeting's notice, the approved outcome record).
 */
export const OPERATION_KINDS = ["meeting.cancel", "meeting.move", "outcome.approve", "meeting.plan"] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

export const OPERATION_STATUSES = ["pending", "done", "failed"] as const;

/** A step names one item write (`meeting`, `referral:<id>`, `outcome:<id>`) or one notice (`notify:<oid>`). */
export const OperationStep = z.object({
  id: z.string().regex(/^[a-z-]+(:[0-9a-z-]{1,40})?$/, "expected a step such as referral:12 or notify:<oid>").max(60),
  done: z.boolean(),
});
export type OperationStep = z.infer<typeof OperationStep>;

export const Operation = z.object({
  kind: z.enum(OPERATION_KINDS),
  /** What it changes, e.g. `meeting:12` or `referral:40`. */
  target: z.string().regex(/^[a-z-]+:[0-9a-z-]{1,40}$/).max(60),
  actorOid: z.guid(),
  /** pending until every step is done; failed when it stopped before changing anything (nothing to finish) or gave up. */
  status: z.enum(OPERATION_STATUSES),
  steps: z.array(OperationStep).min(1).max(400),
  /** Ids, instants and flags the steps need (never text a person typed). */
  params: z.record(z.string(), z.union([z.string().max(64), z.number(), z.boolean()])),
  /** Runs that tried to finish it (the request, its retries, job ticks). */
  attempts: z.number().int().min(0),
  /** The AppError code of the last failure, e.g. `upstream_failed`. */
  lastErrorCode: z.string().max(40).optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Operation = z.infer<typeof Operation>;
