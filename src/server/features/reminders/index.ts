/**
 * The reminders feature: the outbox and its lists, the runner, the scheduler that runs a pass every
 * few minutes (REMINDERS=on), the bot's reminder answers and `GET /api/reminders/reachability`.
 * README.md in this folder has the design.
 */
import { randomUUID } from "node:crypto";
import type { RouteTable } from "../../app/define-routes";
import { AppError } from "../../../errors";
import { openListStore } from "../../../graph/site";
import type { BackgroundJob, FeatureContext } from "../../core/feature-context";
import type { Notices } from "../../core/operations/notices";
import { createReminderBot } from "./bot-actions";
import { loadReportingCalendar } from "./calendar-source";
import { ExtensionRequestsList, ReminderOutboxList, ReminderSnoozesList } from "./lists";
import type { ReturnStatusSource } from "./return-status";
import type { ReviewsSource } from "./review-reminders";
import { OutboxNotices } from "./notices";
import { reminderRoutes } from "./routes";
import { ReminderRunner, type PassReport, type RunnerDeps, type RunnerOptions } from "./runner";
import { TokenBucket } from "./token-bucket";
import type { ReminderBot } from "../../../../bot/lift-bot";

export type { ReturnStatusSource } from "./return-status";
export type { ReviewsSource } from "./review-reminders";
export { reachability, type ReachabilityItem } from "./reachability";
export type { PassReport } from "./runner";
export { REMINDER_LISTS } from "./lists";

/** How often `npm start` runs a pass. */
export const PASS_EVERY_MS = 5 * 60_000;
/**
 * Sends and card updates in any one second: Teams allows 50 per app; one is left for the bot's
 * replies inside a turn, which do not pass through the bucket.
 */
export const SEND_RATE_PER_SECOND = 49;

export interface RemindersService {
  deps: RunnerDeps;
  bot: ReminderBot;
  /** A runner for this app (tests make several to act as separate instances). */
  runner(options?: RunnerOptions): ReminderRunner;
  /** One pass, never overlapping another pass or drain of this app. */
  runPass(): Promise<PassReport>;
  /** Deliver what is queued (card-action notices) soon, after any pass in progress. */
  kick(): void;
  /** Resolves when queued work has finished (tests). */
  idle(): Promise<void>;
}

export async function createRemindersService(ctx: FeatureContext, deps: { returns: ReturnStatusSource; reviews: ReviewsSource }): Promise<RemindersService> {
  const [outbox, snoozes, extensions] = await Promise.all([
    openListStore(ctx.site, ReminderOutboxList),
    openListStore(ctx.site, ReminderSnoozesList),
    openListStore(ctx.site, ExtensionRequestsList),
  ]);
  const pace = new TokenBucket(SEND_RATE_PER_SECOND);
  const runnerDeps: RunnerDeps = {
    config: ctx.config,
    log: ctx.log,
    people: ctx.people,
    reference: ctx.reference,
    messenger: ctx.bot.messenger,
    conversations: ctx.bot.conversations,
    outbox,
    snoozes,
    extensions,
    returns: deps.returns,
    reviews: deps.reviews,
    calendar: () => loadReportingCalendar(ctx),
    now: ctx.now,
    pace,
  };
  const main = new ReminderRunner(runnerDeps, { owner: `instance-${randomUUID()}` });
  // One chain per app: a pass and a drain never run at the same time in this process.
  let chain: Promise<unknown> = Promise.resolve();
  let passQueued: Promise<PassReport> | undefined;
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const run = chain.then(work, work);
    chain = run.catch((error: unknown) => ctx.log.error({ errName: (error as Error)?.name, errCode: (error as AppError)?.code }, "reminders: run failed"));
    return run;
  };
  const service: RemindersService = {
    deps: runnerDeps,
    bot: createReminderBot({ ...runnerDeps, kick: () => service.kick() }),
    runner: (options) => new ReminderRunner(runnerDeps, options),
    runPass() {
      // A pass asked for while one waits to start is the same pass (the scheduler never stacks them).
      passQueued ??= enqueue(async () => {
        passQueued = undefined;
        return main.pass();
      });
      return passQueued;
    },
    kick() {
      void enqueue(() => main.drain());
    },
    async idle() {
      await chain;
    },
  };
  return service;
}

/**
 * Notices on this feature's outbox, for the features that run operations (the composition root
 * builds them before those features, which come before this one).
 */
export async function createOutboxNotices(ctx: FeatureContext): Promise<Notices> {
  return new OutboxNotices(ctx, await openListStore(ctx.site, ReminderOutboxList));
}

function formatReport(report: PassReport): Record<string, unknown> {
  return { at: report.at, sent: report.sent.length, skipped: report.skipped.length, held: report.held.length, failed: report.failed.length, busy: report.busy.length };
}

/**
 * The reminders feature: its service, API and scheduler. `returns` is the KPI returns' state (the
 * KPI feature's `returnStatus`), so a submitted return stops its reminders.
 */
export interface RemindersFeature {
  service: RemindersService;
  routes: RouteTable;
  /** The scheduler (a pass every few minutes) when REMINDERS=on; nothing otherwise. */
  start(): BackgroundJob | undefined;
}

/** `reviews` is casework's reviews due and overdue (the casework feature's), reminded to teachers and leads. */
export async function createRemindersFeature(ctx: FeatureContext, deps: { returns: ReturnStatusSource; reviews: ReviewsSource }): Promise<RemindersFeature> {
  const service = await createRemindersService(ctx, deps);
  return { service, routes: reminderRoutes(ctx), start: () => startScheduler(ctx, service) };
}

function startScheduler(ctx: FeatureContext, service: RemindersService): BackgroundJob | undefined {
  if (!ctx.config.reminders) return undefined;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    service.runPass().then(
      (report) => {
        if (report.sent.length + report.failed.length + report.skipped.length > 0) ctx.log.info(formatReport(report), "reminders: pass done");
      },
      (error: unknown) => ctx.log.error({ errName: (error as Error)?.name, errCode: (error as AppError)?.code }, "reminders: pass failed"),
    );
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, PASS_EVERY_MS);
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await service.idle();
    },
  };
}
