/**
 * Operations: a change that spans several list items is written down first (the Operations list,
 * schema src/schemas/core/operation.ts), then each item step is applied idempotently and marked
 * done. A retry of the same request, a restart or the next job tick resumes it until every step is
 * done. README.md in this folder has the design and the rules a step must follow.
 */
import { createHash } from "node:crypto";
import { AppError, type ErrorCode } from "../../../errors";
import type { Item, ListStore } from "../../../graph/list-store";
import type { Operation, OperationKind } from "../../../schemas/core/operation";
import type { Person } from "../../../schemas/reference/person";
import type { AuditEvent, AuditTrail } from "../audit";
import type { OperationsList } from "../lists";
import type { Logger } from "../logger";

export type OperationItem = Item<Operation>;
/** "later": the step could not finish now without failing the request (a notice); a later run tries it again. */
export type StepResult = "done" | "later";

/** How a kind's steps are applied again from what the items hold, with no request at hand. */
export interface OperationHandler {
  apply(op: OperationItem, stepId: string): Promise<StepResult>;
}

/** Steps the request applies itself, with its input (the first write, which needs the request's text). */
export type LocalSteps = Partial<Record<string, (op: OperationItem) => Promise<unknown>>>;

export interface OperationSpec {
  /** The same request gives the same key (e.g. the meeting id and the eTag the client acted on). */
  key: string;
  kind: OperationKind;
  target: string;
  steps: string[];
  params?: Operation["params"];
}

/** Thrown by a handler for a step only the request can apply (its input is not kept). */
export function inputGone(what: string): AppError {
  return new AppError("conflict", `${what} was not made; send the request again.`);
}

/** A short, fixed-length stand-in for a client value (an eTag) inside a key. */
export function keyPart(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 20);
}

/** Failures that mean the request itself cannot succeed: when nothing was changed yet the operation ends. */
const REFUSALS = new Set<ErrorCode>(["conflict", "precondition_failed", "validation_failed", "not_found", "forbidden", "bad_request"]);
/** Runs after which a pending operation is given up (its lastErrorCode says why). */
export const MAX_ATTEMPTS = 10;
/** A job tick leaves an operation alone while a request may still be applying it. */
export const QUIET_MS = 60_000;

export class Operations {
  private readonly handlers = new Map<OperationKind, OperationHandler>();

  constructor(
    private readonly store: ListStore<typeof OperationsList.schema>,
    private readonly audit: AuditTrail,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {}

  /** Each feature registers how its kinds resume (first registration wins: one per app). */
  register(kind: OperationKind, handler: OperationHandler): void {
    if (!this.handlers.has(kind)) this.handlers.set(kind, handler);
  }

  /** The operation a request with this key started, if any. */
  find(key: string): Promise<OperationItem | undefined> {
    return this.store.findByKey(`op:${key}`);
  }

  /**
   * The one helper every multi-item write uses: audits the change as intended (fail closed), writes
   * the operation down (or finds the one this request started before), and applies its pending
   * steps. Throws what a step threw; the operation then stays pending for a retry or the job.
   */
  async perform(actor: Pick<Person, "oid">, spec: OperationSpec, event: AuditEvent, local: LocalSteps = {}): Promise<OperationItem> {
    return this.audit.change(actor, event, async () => {
      const at = this.now().toISOString();
      let op = await this.store.create(
        { kind: spec.kind, target: spec.target, actorOid: actor.oid, status: "pending", steps: spec.steps.map((id) => ({ id, done: false })), params: spec.params ?? {}, attempts: 0, createdAt: at, updatedAt: at },
        { idempotencyKey: `op:${spec.key}` },
      );
      // A retry of a request that was refused before anything changed, or that was given up: try again.
      if (op.value.status === "failed") op = await this.mutate(op, () => ({ status: "pending" }));
      return this.run(op, local);
    });
  }

  /** Applies the pending steps in order. */
  async run(op: OperationItem, local: LocalSteps = {}): Promise<OperationItem> {
    if (op.value.status !== "pending") return op;
    const handler = this.handlers.get(op.value.kind);
    let current = await this.mutate(op, (v) => ({ attempts: v.attempts + 1 }));
    let later = false;
    for (const { id } of op.value.steps) {
      if (current.value.steps.find((s) => s.id === id)?.done) continue;
      let result: StepResult;
      try {
        const own = local[id];
        if (own) {
          await own(current);
          result = "done";
        } else if (handler) {
          result = await handler.apply(current, id);
        } else {
          throw new AppError("internal", `No handler for operations of kind ${op.value.kind}`);
        }
      } catch (error) {
        const code: ErrorCode = AppError.isAppError(error) ? error.code : "internal";
        const untouched = current.value.steps.every((s) => !s.done);
        const ends = (untouched && REFUSALS.has(code)) || current.value.attempts >= MAX_ATTEMPTS;
        current = await this.mutate(current, () => ({ lastErrorCode: code, ...(ends ? { status: "failed" as const } : {}) }));
        this.log.warn({ operationId: current.id, kind: op.value.kind, step: id, errCode: code, ended: ends }, "operations: a step failed");
        throw error;
      }
      if (result === "later") {
        later = true;
        continue;
      }
      current = await this.mutate(current, (v) => ({ steps: v.steps.map((s) => (s.id === id ? { ...s, done: true } : s)) }));
    }
    if (!later) return this.mutate(current, () => ({ status: "done", lastErrorCode: undefined }));
    const gaveUp = current.value.attempts >= MAX_ATTEMPTS;
    return this.mutate(current, () => ({ lastErrorCode: "notice_failed", ...(gaveUp ? { status: "failed" as const } : {}) }));
  }

  /** Resumes every pending operation no request has touched for `quietMs`. */
  async tick(options: { quietMs?: number } = {}): Promise<{ resumed: number; done: number; failed: number }> {
    const quietMs = options.quietMs ?? QUIET_MS;
    const report = { resumed: 0, done: 0, failed: 0 };
    const nowMs = this.now().getTime();
    for (const op of await this.store.all({ where: { status: "pending" } })) {
      if (nowMs - Date.parse(op.value.updatedAt) < quietMs) continue;
      report.resumed++;
      try {
        const after = await this.run(op);
        if (after.value.status === "done") report.done++;
        if (after.value.status === "failed") report.failed++;
      } catch (error) {
        report.failed++;
        this.log.warn({ operationId: op.id, kind: op.value.kind, errCode: (error as AppError)?.code }, "operations: resume failed; the next tick tries again");
      }
    }
    return report;
  }

  /** The job: a tick shortly after start (finishing what a stopped process left) and then every `everyMs`. */
  start(everyMs = 60_000): { stop(): Promise<void> } {
    let running: Promise<unknown> = Promise.resolve();
    let stopped = false;
    const tick = () => {
      if (stopped) return;
      running = this.tick().then(
        (r) => r.resumed > 0 && this.log.info(r, "operations: resumed"),
        (error: unknown) => this.log.error({ errCode: (error as AppError)?.code }, "operations: tick failed"),
      );
    };
    const first = setTimeout(tick, 5_000);
    const timer = setInterval(tick, everyMs);
    return {
      async stop() {
        stopped = true;
        clearTimeout(first);
        clearInterval(timer);
        await running;
      },
    };
  }

  /** Read–change–write with the item's eTag, so two runs never undo each other's done steps. */
  private async mutate(op: OperationItem, change: (v: Operation) => Partial<Operation>): Promise<OperationItem> {
    let current = op;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store.update(current.id, { ...change(current.value), updatedAt: this.now().toISOString() }, { eTag: current.eTag });
      } catch (error) {
        if (!(AppError.isAppError(error) && error.code === "precondition_failed") || attempt >= 5) throw error;
        current = await this.store.get(op.id);
      }
    }
  }
}
