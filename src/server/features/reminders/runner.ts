/**
 * One reminder pass: plan (pure, src/domain/reminders), write every due reminder down in the outbox
 * under its key, then deliver what the outbox holds — claiming each row with an eTag-guarded lease,
 * pacing sends with a token bucket, retrying throttled sends after Retry-After, and marking each row
 * sent together with the Teams message id. README.md in this folder explains why this delivers each
 * reminder once across restarts, concurrent runners and crashes, and where the one gap is.
 */
import { randomUUID } from "node:crypto";
import type { AdaptiveCard, BotMessenger, ConversationRef } from "../../../../bot/bot-port";
import type { ConversationStore } from "../../../../bot/conversation-store";
import {
  extensionRequestCard,
  monitoringReminderCard,
  overdueDigestCard,
  returnReminderCard,
} from "../../../../bot/cards/reminder-cards";
import type { PeopleDirectory } from "../../../auth/people-directory";
import type { AppConfig } from "../../../config/config";
import { AppError } from "../../../errors";
import { weekdayOf, type ReportingCalendar, type TermNumber } from "../../../domain/time/calendar";
import { atUkTime, ukDateOf } from "../../../domain/time/uk-clock";
import { calendarCoverage } from "../../../domain/time/coverage";
import { overdueDigest, planReminders, REMINDER_TIME, type PlannedDistrict, type Snooze } from "../../../domain/reminders/plan";
import type { Item, ListStore } from "../../../graph/list-store";
import type { Person } from "../../../schemas/reference/person";
import type { ReferenceData } from "../../core/reference-data";
import type { ExtensionRequestsList, OutboxItem, ReminderOutboxList, ReminderSnoozesList } from "./lists";
import type { ReturnStatusSource } from "./return-status";
import { caseworkLink, reviewEntries, reviewReminderCard, reviewReminderSlot, type ReviewsSource } from "./review-reminders";
import { returnView, summaryUrl } from "./views";

export type OutboxStore = ListStore<typeof ReminderOutboxList.schema>;
export type SnoozeStore = ListStore<typeof ReminderSnoozesList.schema>;
export type ExtensionStore = ListStore<typeof ExtensionRequestsList.schema>;
type Row = Item<OutboxItem>;

export interface RunnerDeps {
  config: Pick<AppConfig, "publicUrl" | "teamsAppId" | "caseworkRemindersFrom">;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void; error(o: object, m: string): void };
  people: PeopleDirectory;
  reference: ReferenceData;
  messenger: BotMessenger;
  conversations: ConversationStore;
  outbox: OutboxStore;
  snoozes: SnoozeStore;
  extensions: ExtensionStore;
  returns: ReturnStatusSource;
  /** Casework reviews due and overdue; absent where a command runs without casework (no review reminders). */
  reviews?: ReviewsSource;
  calendar: () => Promise<ReportingCalendar>;
  now: () => Date;
  /** Paces every proactive send and update. */
  /** `take` resolves with `done`, to call when the request's answer has arrived (token-bucket.ts). */
  pace: { take(): Promise<() => void>; pause(ms: number): void };
}

export interface RunnerOptions {
  /** Who holds a lease (instance + runner); defaults to a random id. */
  owner?: string;
  leaseMs?: number;
  /** Sends in flight at once (each still waits for the token bucket). */
  concurrency?: number;
  /** Attempts per row across passes before it fails for good. */
  maxAttempts?: number;
  /** Longest Retry-After waited for inside a pass; longer ones are left to a later pass. */
  maxInPassWaitMs?: number;
  /** Go-live override (otherwise the start of the UK day of the first pass ever, kept in the outbox). */
  notBefore?: string;
  sleep?: (ms: number) => Promise<void>;
  /** Test seams: simulate a runner dying at these points (return a promise that never settles). */
  hooks?: { afterClaim?(row: Row): Promise<void>; afterSend?(row: Row): Promise<void> };
}

export interface PassReport {
  at: string;
  sent: Array<{ key: string; recipientOid?: string; late: boolean }>;
  skipped: Array<{ key: string; recipientOid?: string; reason: string }>;
  held: Array<{ key: string; reason: string }>;
  failed: Array<{ key: string; recipientOid?: string; reason: string; willRetry: boolean }>;
  /** Rows another runner holds or took first. */
  busy: Array<{ key: string; recipientOid?: string }>;
  problems: string[];
}

const DEFAULTS = { leaseMs: 2 * 60_000, concurrency: 24, maxAttempts: 5, maxInPassWaitMs: 30_000 };
const GO_LIVE_KEY = "system:all:go-live:first-pass";

export class ReminderRunner {
  readonly owner: string;
  private readonly opts: Required<Omit<RunnerOptions, "owner" | "notBefore" | "hooks">> & Pick<RunnerOptions, "notBefore" | "hooks">;
  private goLive?: string;
  private refs?: { byOid: Map<string, ConversationRef>; byUpn: Map<string, ConversationRef> };

  constructor(
    private readonly deps: RunnerDeps,
    options: RunnerOptions = {},
  ) {
    this.owner = options.owner ?? `runner-${randomUUID()}`;
    this.opts = {
      leaseMs: options.leaseMs ?? DEFAULTS.leaseMs,
      concurrency: options.concurrency ?? DEFAULTS.concurrency,
      maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
      maxInPassWaitMs: options.maxInPassWaitMs ?? DEFAULTS.maxInPassWaitMs,
      sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      notBefore: options.notBefore,
      hooks: options.hooks,
    };
  }

  private iso(): string {
    return this.deps.now().toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  /** Plan, write down, deliver. */
  async pass(): Promise<PassReport> {
    const now = this.iso();
    const report = emptyReport(now);
    const [calendar, peopleList, districts, snoozeRows, rows] = await Promise.all([
      this.deps.calendar(),
      this.deps.people.list(),
      this.deps.reference.districts(),
      this.deps.snoozes.all(),
      this.deps.outbox.all(),
    ]);
    const years = [...new Set(calendar.terms.map((t) => t.academicYear))];
    const returns = await this.deps.returns.returns(years);
    const notBefore = this.opts.notBefore ?? (await this.goLiveAt(now));

    const plan = planReminders({
      calendar,
      people: peopleList.filter((p) => p.role === "district_lead").map((p) => ({ oid: p.oid, upn: p.upn, districtSlug: p.districtSlug, role: p.role })),
      returns,
      sent: rows.filter((r) => r.value.kind === "return" || r.value.kind === "monitoring").map((r) => ({ key: r.value.key, sentAt: r.value.sentAt ?? r.value.scheduledAt })),
      snoozes: snoozeRows.map((s): Snooze => ({ kind: s.value.kind, districtSlug: s.value.districtSlug, period: s.value.period, until: s.value.until })),
      now,
      districts,
      notBefore,
    });
    report.held.push(...plan.held.map((h) => ({ key: h.key, reason: h.reason })));
    report.problems.push(...plan.problems.map((p) => `${p.kind} ${p.period}${p.districtSlug ? ` ${p.districtSlug}` : ""}: ${p.message}`));

    // Write down before sending: skipped keys (final) and one pending row per due reminder and recipient.
    const entries: Array<{ value: OutboxItem; idempotencyKey: string }> = [];
    for (const s of plan.skipped) {
      const [kind, districtSlug, period, step] = s.key.split(":") as [OutboxItem["kind"], string, string, string];
      entries.push({
        idempotencyKey: `${s.key}|-`,
        value: { key: s.key, kind, districtSlug, period, step, status: "skipped", scheduledAt: s.scheduledAt, attempts: 0, lastError: s.reason, payload: {} },
      });
      report.skipped.push({ key: s.key, reason: s.reason });
    }
    for (const due of plan.due) {
      const payload =
        due.kind === "return"
          ? { academicYear: due.academicYear, term: due.term, dueAt: due.dueAt, late: due.late }
          : { academicYear: due.academicYear, covers: [...due.covers], meetingAt: due.meetingAt, late: due.late, ...(due.packUrl ? { packUrl: due.packUrl } : {}) };
      for (const r of due.recipients) {
        entries.push({
          idempotencyKey: `${due.key}|${r.oid.toLowerCase()}`,
          value: { key: due.key, kind: due.kind, districtSlug: due.districtSlug, period: due.period, step: due.step, recipientOid: r.oid.toLowerCase(), status: "pending", scheduledAt: due.scheduledAt, attempts: 0, payload },
        });
      }
    }
    entries.push(...this.digestEntries(calendar, returns, districts, peopleList, now, notBefore));
    const reviewSlot = this.deps.reviews ? reviewReminderSlot(now, calendar) : undefined;
    if (this.deps.reviews && reviewSlot) {
      const from = this.deps.config.caseworkRemindersFrom ?? ukDateOf(notBefore);
      entries.push(...reviewEntries(await this.deps.reviews.due(this.deps.now()), peopleList, reviewSlot, from));
    }
    const known = new Set(rows.map((r) => idempotencyOf(r.value)));
    const fresh = entries.filter((e) => !known.has(e.idempotencyKey));
    if (fresh.length > 0) rows.push(...(await this.deps.outbox.createMany(fresh)));

    await this.deliver(dedupeRows(rows), report);
    return report;
  }

  /** Deliver what the outbox holds now, without planning (e.g. right after a card action queued a notice). */
  async drain(): Promise<PassReport> {
    const report = emptyReport(this.iso());
    await this.deliver(await this.deps.outbox.all(), report);
    return report;
  }

  /**
   * The go-live instant: the start of the UK day of the first pass ever, written once in the outbox
   * (create with a fixed key returns the first row to every later caller), so terms and steps from
   * before the app was running never produce a burst of reminders.
   */
  private async goLiveAt(now: string): Promise<string> {
    if (this.goLive) return this.goLive;
    const row = await this.deps.outbox.create(
      { key: GO_LIVE_KEY, kind: "system", districtSlug: "all", period: "go-live", step: "first-pass", status: "sent", scheduledAt: atUkTime(ukDateOf(now), 0), sentAt: now, attempts: 0, payload: {} },
      { idempotencyKey: GO_LIVE_KEY },
    );
    this.goLive = row.value.scheduledAt;
    return this.goLive;
  }

  /** One overdue digest a day to each commissioner, on weekdays from 09:00 UK time, when any return is overdue. */
  private digestEntries(
    calendar: ReportingCalendar,
    returns: Awaited<ReturnType<ReturnStatusSource["returns"]>>,
    districts: readonly PlannedDistrict[],
    people: Person[],
    now: string,
    notBefore: string,
  ): Array<{ value: OutboxItem; idempotencyKey: string }> {
    const today = ukDateOf(now);
    const scheduledAt = atUkTime(today, REMINDER_TIME.hour, REMINDER_TIME.minute);
    if (weekdayOf(today) > 5 || now < scheduledAt) return [];
    const overdue = overdueDigest({ calendar, returns, districts, now, notBefore });
    // A calendar running out of terms is in the digest too; alone, it goes out on Mondays.
    const shortCalendar = !calendarCoverage(calendar.terms, today).ok && weekdayOf(today) === 1;
    if (overdue.length === 0 && !shortCalendar) return [];
    const key = `digest:all:${today}:daily`;
    return people
      .filter((p) => p.role === "commissioner")
      .map((p) => ({
        idempotencyKey: `${key}|${p.oid.toLowerCase()}`,
        value: { key, kind: "digest" as const, districtSlug: "all", period: today, step: "daily", recipientOid: p.oid.toLowerCase(), status: "pending" as const, scheduledAt, attempts: 0, payload: {} },
      }));
  }

  // ------------------------------------------------------------------------------------------
  // Delivery

  private async deliver(rows: Row[], report: PassReport): Promise<void> {
    const now = this.iso();
    const latestBySeries = new Map<string, string>();
    for (const r of rows) {
      if (r.value.kind !== "return" && r.value.kind !== "monitoring") continue;
      const series = seriesOf(r.value);
      const current = latestBySeries.get(series);
      if (!current || r.value.scheduledAt > current) latestBySeries.set(series, r.value.scheduledAt);
    }
    const today = ukDateOf(now);
    const work: Row[] = [];
    for (const row of rows) {
      const v = row.value;
      // Notices belong to the operation that wrote them (notices.ts): it sends them and finishes them.
      if (v.kind === "system" || v.kind === "notice" || !v.recipientOid) continue;
      if (v.status === "sent" || v.status === "skipped" || v.status === "unconfirmed") continue;
      if (v.status === "failed" && (!v.nextAttemptAt || v.nextAttemptAt > now)) continue;
      if ((v.status === "claimed" || v.status === "sending") && v.leaseUntil && v.leaseUntil > now) {
        report.busy.push({ key: v.key, recipientOid: v.recipientOid });
        continue;
      }
      if (v.status === "sending") {
        // Its runner stopped while the message was on its way: Teams may have it already, and sending
        // again could duplicate it. Record that instead of guessing (README: the one gap).
        await this.settle(row, { status: "unconfirmed", lastError: "runner stopped during the send; not resent" }, report, () =>
          report.failed.push({ key: v.key, recipientOid: v.recipientOid, reason: "unconfirmed", willRetry: false }),
        );
        continue;
      }
      // The late-once rule also holds for rows written down but never sent: only the newest step of a
      // series goes out; an old digest is not worth sending the next day.
      if ((v.kind === "return" || v.kind === "monitoring") && latestBySeries.get(seriesOf(v))! > v.scheduledAt) {
        await this.settle(row, { status: "skipped", lastError: "superseded" }, report, () => report.skipped.push({ key: v.key, recipientOid: v.recipientOid, reason: "superseded" }));
        continue;
      }
      if (v.kind === "digest" && v.period !== today) {
        await this.settle(row, { status: "skipped", lastError: "stale digest" }, report, () => report.skipped.push({ key: v.key, recipientOid: v.recipientOid, reason: "stale digest" }));
        continue;
      }
      work.push(row);
    }
    // One read of the stored conversations per delivery round instead of a query per row.
    this.refs = undefined;
    if (work.length > 0) {
      const all = await this.deps.conversations.list();
      const byOid = new Map<string, ConversationRef>();
      const byUpn = new Map<string, ConversationRef>();
      for (const ref of all) {
        if ((ref.conversationType ?? "personal") !== "personal") continue;
        if (ref.user.aadObjectId) byOid.set(ref.user.aadObjectId.toLowerCase(), ref);
        if (ref.user.upn) byUpn.set(ref.user.upn.toLowerCase(), ref);
      }
      this.refs = { byOid, byUpn };
    }
    let next = 0;
    const worker = async () => {
      while (next < work.length) {
        const row = work[next++]!;
        try {
          await this.deliverOne(row, report);
        } catch (error) {
          // One row's storage failure must not stop the others; the row stays claimable next pass.
          this.deps.log.error({ key: row.value.key, errCode: (error as AppError).code, errName: (error as Error).name }, "reminders: delivering one row failed");
          report.failed.push({ key: row.value.key, recipientOid: row.value.recipientOid, reason: "storage error", willRetry: true });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency, work.length) }, worker));
  }

  /** A status change guarded by the row's eTag; losing the race means another runner dealt with it. */
  private async settle(row: Row, patch: Partial<OutboxItem>, report: PassReport, onDone: () => void): Promise<void> {
    try {
      await this.deps.outbox.update(row.id, patch, { eTag: row.eTag });
      onDone();
    } catch (error) {
      if (!isPrecondition(error)) throw error;
      report.busy.push({ key: row.value.key, recipientOid: row.value.recipientOid });
    }
  }

  private async deliverOne(row: Row, report: PassReport): Promise<void> {
    const v = row.value;
    // 1. Claim: a lease, written with If-Match; a 412 means another runner claimed it first.
    let claimed: Row;
    try {
      claimed = await this.deps.outbox.update(
        row.id,
        { status: "claimed", leaseOwner: this.owner, leaseUntil: this.leaseUntil(), attempts: v.attempts + 1 },
        { eTag: row.eTag },
      );
    } catch (error) {
      if (!isPrecondition(error)) throw error;
      report.busy.push({ key: v.key, recipientOid: v.recipientOid });
      return;
    }
    await this.opts.hooks?.afterClaim?.(claimed);

    // 2. Build the card now, from today's facts (a return submitted since planning is not chased).
    const built = await this.build(claimed);
    if ("skip" in built) {
      const reason = built.skip;
      await this.settle(claimed, { status: "skipped", lastError: reason, leaseOwner: undefined, leaseUntil: undefined }, report, () =>
        report.skipped.push({ key: v.key, recipientOid: v.recipientOid, reason }),
      );
      return;
    }
    const message = built;

    // 3. Mark "sending" (still under our lease). From here until step 5 the outcome is unknown if we die.
    let sending: Row;
    try {
      sending = await this.deps.outbox.update(claimed.id, { status: "sending", leaseUntil: this.leaseUntil() }, { eTag: claimed.eTag });
    } catch (error) {
      if (!isPrecondition(error)) throw error;
      report.busy.push({ key: v.key, recipientOid: v.recipientOid });
      return;
    }

    // 4. Send, waiting out throttling inside the pass while the waits are short.
    let waitedMs = 0;
    for (let attempt = 1; ; attempt++) {
      const done = await this.deps.pace.take();
      try {
        const { activityId } = await this.deps.messenger.sendCard(message.ref, message.card, { summary: message.summary }).finally(done);
        await this.opts.hooks?.afterSend?.(sending);
        // 5. Mark sent with the message id in the same write. If the lease was lost meanwhile (another
        // runner marked the row unconfirmed), we still know it went: say so without the eTag.
        const patch = { status: "sent" as const, sentAt: this.iso(), activityId, leaseOwner: undefined, leaseUntil: undefined, nextAttemptAt: undefined, lastError: undefined };
        try {
          await this.deps.outbox.update(sending.id, patch, { eTag: sending.eTag });
        } catch (error) {
          if (!isPrecondition(error)) throw error;
          await this.deps.outbox.update(sending.id, patch);
        }
        report.sent.push({ key: v.key, recipientOid: v.recipientOid, late: v.payload.late === true });
        return;
      } catch (error) {
        const failure = describeSendFailure(error);
        const waitMs = failure.retryAfterSeconds !== undefined ? failure.retryAfterSeconds * 1000 : backoffMs(attempt);
        if (failure.status === 429) this.deps.pace.pause(waitMs);
        if (failure.retryable && attempt < 4 && waitedMs + waitMs <= this.opts.maxInPassWaitMs) {
          waitedMs += waitMs;
          await this.opts.sleep(waitMs);
          continue;
        }
        const willRetry = failure.retryable && v.attempts + 1 < this.opts.maxAttempts;
        const nextAttemptAt = willRetry ? new Date(this.deps.now().getTime() + Math.max(waitMs, backoffMs(v.attempts + 1) * 30)).toISOString() : undefined;
        this.deps.log.warn({ key: v.key, status: failure.status, willRetry }, "reminders: send failed");
        await this.settle(
          sending,
          { status: "failed", lastError: failure.reason, nextAttemptAt, leaseOwner: undefined, leaseUntil: undefined },
          report,
          () => report.failed.push({ key: v.key, recipientOid: v.recipientOid, reason: failure.reason, willRetry }),
        );
        return;
      }
    }
  }

  private leaseUntil(): string {
    return new Date(this.deps.now().getTime() + this.opts.leaseMs).toISOString();
  }

  private async build(row: Row): Promise<{ skip: string } | { ref: ConversationRef; card: AdaptiveCard; summary: string }> {
    const v = row.value;
    const person = v.recipientOid ? await this.deps.people.byOid(v.recipientOid) : undefined;
    const ref =
      (v.recipientOid ? this.refs?.byOid.get(v.recipientOid) : undefined) ??
      (person ? this.refs?.byUpn.get(person.upn.toLowerCase()) : undefined) ??
      (await this.deps.conversations.findByUser({ aadObjectId: v.recipientOid, upn: person?.upn }));
    if (person?.deactivatedAt) return { skip: "deactivated" };
    if (!ref) return { skip: "not reachable: the app is not installed for this person" };
    const districtName = await this.districtName(v.districtSlug);
    const now = this.iso();
    switch (v.kind) {
      case "return": {
        const academicYear = String(v.payload.academicYear);
        const term = Number(v.payload.term) as TermNumber;
        const record = await this.deps.returns.returnFor(v.districtSlug, academicYear, term);
        if (record?.status === "submitted") return { skip: "submitted" };
        const view = returnView(this.deps.config, { key: v.key, districtSlug: v.districtSlug, districtName, academicYear, term, dueAt: String(v.payload.dueAt), late: v.payload.late === true }, record, now);
        return { ref, card: returnReminderCard(view), summary: `KPI return for term ${term} ${academicYear}: due ${view.dueAt.slice(0, 10)}` };
      }
      case "monitoring": {
        const covers = v.payload.covers as [number, number];
        const card = monitoringReminderCard({
          districtName,
          academicYear: String(v.payload.academicYear),
          covers,
          meetingAt: String(v.payload.meetingAt),
          ...(typeof v.payload.packUrl === "string" ? { packUrl: v.payload.packUrl } : {}),
        });
        return { ref, card, summary: `LIFT monitoring meeting for terms ${covers[0]}–${covers[1]}` };
      }
      case "digest": {
        const [calendar, districts] = await Promise.all([this.deps.calendar(), this.deps.reference.districts()]);
        const years = [...new Set(calendar.terms.map((t) => t.academicYear))];
        const overdue = overdueDigest({ calendar, returns: await this.deps.returns.returns(years), districts, now, notBefore: this.goLive ?? this.opts.notBefore });
        const coverage = calendarCoverage(calendar.terms, ukDateOf(now));
        if (overdue.length === 0 && coverage.ok) return { skip: "nothing overdue any more" };
        const names = new Map(districts.map((d) => [d.slug, d.name]));
        const rows = overdue.map((o) => ({ districtName: names.get(o.districtSlug) ?? o.districtSlug, academicYear: o.academicYear, term: o.term, dueAt: o.dueAt, status: o.status, schoolDaysOverdue: o.schoolDaysOverdue }));
        const summary = [rows.length > 0 ? `${rows.length} overdue KPI return${rows.length === 1 ? "" : "s"}` : "", coverage.message ? "the calendar is running out" : ""].filter(Boolean).join("; ");
        return { ref, card: overdueDigestCard(v.period, rows, summaryUrl(this.deps.config), coverage.message), summary };
      }
      case "extension": {
        const request = await this.deps.extensions.find(String(v.payload.requestId));
        if (!request) return { skip: "request no longer exists" };
        const r = request.value;
        const card = extensionRequestCard({
          districtName,
          academicYear: r.academicYear,
          term: r.term,
          ...(typeof v.payload.dueAt === "string" ? { dueAt: v.payload.dueAt } : {}),
          leadName: r.requestedByName,
          reason: r.reason,
          requestedDate: r.requestedDate,
          summaryUrl: summaryUrl(this.deps.config),
        });
        return { ref, card, summary: `${districtName} asks for more time` };
      }
      case "review": {
        // Still due on that date? A review recorded (or the case closed) since planning is not chased.
        const due = this.deps.reviews ? await this.deps.reviews.due(this.deps.now()) : { dueSoon: [], overdue: [] };
        const caseId = String(v.payload.caseId);
        const dueDate = String(v.payload.dueDate);
        const still = [...due.dueSoon, ...due.overdue].some((d) => d.caseId === caseId && d.dueDate === dueDate);
        if (!still) return { skip: "review recorded or no longer due" };
        const childRef = String(v.payload.childRef);
        const overdue = v.step === "overdue";
        const card = reviewReminderCard({ childRef, dueDate, overdue, districtName, url: caseworkLink(this.deps.config, caseId) });
        return { ref, card, summary: `${overdue ? "Review overdue" : "Review due"}: case ${childRef}` };
      }
      case "system":
      case "notice":
        return { skip: "not a message" };
    }
  }

  private async districtName(slug: string): Promise<string> {
    if (slug === "all") return "All districts";
    return (await this.deps.reference.districts()).find((d) => d.slug === slug)?.name ?? slug;
  }
}

function emptyReport(at: string): PassReport {
  return { at, sent: [], skipped: [], held: [], failed: [], busy: [], problems: [] };
}

function seriesOf(v: OutboxItem): string {
  return `${v.kind}:${v.districtSlug}:${v.period}|${v.recipientOid ?? "-"}`;
}

function idempotencyOf(v: OutboxItem): string {
  return `${v.key}|${v.recipientOid ?? "-"}`;
}

/** createMany answers with existing rows for keys already written; keep one copy of each row. */
function dedupeRows(rows: Row[]): Row[] {
  const byId = new Map<string, Row>();
  for (const r of rows) byId.set(r.id, r);
  return [...byId.values()];
}

function isPrecondition(error: unknown): boolean {
  return AppError.isAppError(error) && error.code === "precondition_failed";
}

/** Capped exponential backoff with full jitter ([teams-platform.md §4.3](../../../../docs/reference/teams-platform.md#43-rate-limits)). */
function backoffMs(attempt: number): number {
  const cap = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));
  return Math.round(cap / 2 + Math.random() * (cap / 2));
}

function describeSendFailure(error: unknown): { status?: number; retryAfterSeconds?: number; retryable: boolean; reason: string } {
  if (AppError.isAppError(error)) {
    const d = (error.detail ?? {}) as { status?: number; retryAfterSeconds?: number; retryable?: boolean };
    const retryable = d.retryable ?? (d.status === undefined || d.status >= 500 || d.status === 429);
    return { status: d.status, retryAfterSeconds: d.retryAfterSeconds, retryable, reason: `${error.code}${d.status ? ` (HTTP ${d.status})` : ""}` };
  }
  return { retryable: true, reason: (error as Error)?.name ?? "error" };
}
