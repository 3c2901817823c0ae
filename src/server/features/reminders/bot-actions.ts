/**
 * What the bot does for reminders: the answers to `status` and `deadlines`, and the reminder card's
 * buttons (Already submitted, Remind me tomorrow, Need more time). Each button changes a record —
 * nothing, a snooze, or an extension request plus a notice to each commissioner — and answers with
 * the updated card, which also replaces the sent card for everyone (`updateCard`).
 */
import { z } from "zod";
import type { AdaptiveCard, BotReply, BotUser } from "../../../../bot/bot-port";
import type { ReminderBot } from "../../../../bot/lift-bot";
import { listCard, REMINDER_VERBS, returnReminderCard, shortStatus, statusInWords } from "../../../../bot/cards/reminder-cards";
import { AppError } from "../../../errors";
import { addDays, districtCalendar, findTerm, resolveReturnDue, weekdayOf, type ReportingCalendar, type TermNumber } from "../../../domain/time/calendar";
import { atUkTime, normaliseInstant, ukDateOf } from "../../../domain/time/uk-clock";
import { formatUkDate, formatUkDateTime } from "../../../domain/time/format";
import { overdueDigest, parseReminderKey, REMINDER_TIME, returnPeriod } from "../../../domain/reminders/plan";
import { expectedIn } from "../../../domain/structure/lifetime";
import type { Person } from "../../../schemas/reference/person";
import type { RunnerDeps } from "./runner";
import { missingLabels, returnView } from "./views";

/** What the bot's reminder answers need: the runner's dependencies (the same stores and ports), and a way to deliver now. */
export type ReminderBotDeps = Pick<
  RunnerDeps,
  "config" | "log" | "people" | "reference" | "conversations" | "messenger" | "outbox" | "snoozes" | "extensions" | "returns" | "calendar" | "now" | "pace"
> & {
  /** Deliver queued notices now (the scheduler's drain, which never overlaps a pass). */
  kick: () => void;
};

const ActionData = z.object({
  key: z.string().max(200),
  districtSlug: z.string().regex(/^[a-z]+(-[a-z]+)*$/).max(60),
  academicYear: z.string().regex(/^\d{4}-\d{2}$/),
  term: z.coerce.number().int().min(1).max(6),
  reason: z.string().optional(),
  requestedDate: z.string().optional(),
});

const MAX_EXTENSION_DAYS = 90;

export function createReminderBot(deps: ReminderBotDeps): ReminderBot {
  const nowIso = () => normaliseInstant(deps.now().toISOString());

  const personOf = async (user: BotUser): Promise<Person | undefined> => {
    const found = await lookUp(user);
    // Someone switched off is answered as someone the app does not know.
    return found?.deactivatedAt ? undefined : found;
  };
  const lookUp = async (user: BotUser): Promise<Person | undefined> => {
    if (user.aadObjectId) {
      const byOid = await deps.people.byOid(user.aadObjectId);
      if (byOid) return byOid;
    }
    const upn = user.upn ?? (await deps.conversations.findByUser(user))?.user.upn;
    return upn ? deps.people.byUpn(upn) : undefined;
  };

  const districtName = async (slug: string) => (await deps.reference.districts()).find((d) => d.slug === slug)?.name ?? slug;

  const unknownPerson: BotReply = {
    text: "I can't find you in LIFT Hub's list of people, so I can't show returns or deadlines. Ask a commissioner to add you.",
  };

  /** Terms whose return is due, with due dates, in time order. */
  const dueTerms = (calendar: ReportingCalendar) =>
    calendar.terms
      .map((t) => ({ term: t, due: resolveReturnDue(t, calendar) }))
      .flatMap((x) => (x.due.ok ? [{ term: x.term, dueAt: x.due.dueAt }] : []))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));

  return {
    async status(user) {
      const person = await personOf(user);
      if (!person) return unknownPerson;
      const now = nowIso();
      const today = ukDateOf(now);
      const calendar = await deps.calendar();
      if (person.role === "district_lead" && person.districtSlug) {
        const slug = person.districtSlug;
        // The returns that matter now: the last three terms that have ended, and the next one due.
        // Only terms the district was open in: a district made by a split owes nothing from before it began.
        const own = (await deps.reference.districts()).find((d) => d.slug === slug) ?? {};
        const ended = dueTerms(districtCalendar(calendar, slug)).filter((d) => d.term.end < today && expectedIn(own, d.term));
        const recent = ended.slice(-3);
        const facts = [];
        for (const { term, dueAt } of recent) {
          const record = await deps.returns.returnFor(slug, term.academicYear, term.term);
          const status = record?.status ?? "not_started";
          const late = status !== "submitted" && dueAt < now ? " (overdue)" : "";
          facts.push({ title: `Term ${term.term} ${term.academicYear}`, value: `${statusInWords(status, missingLabels(record?.missing))}${late}. Due ${formatUkDateTime(dueAt)}` });
        }
        const name = await districtName(slug);
        return {
          card: listCard(
            `${name}: KPI returns`,
            facts.length > 0 ? "Where your district's termly KPI returns are up to:" : "No termly return has fallen due yet.",
            facts,
          ),
        };
      }
      if (person.role === "commissioner") {
        const districts = await deps.reference.districts();
        const years = [...new Set(calendar.terms.map((t) => t.academicYear))];
        const overdue = overdueDigest({ calendar, returns: await deps.returns.returns(years), districts, now });
        const names = new Map(districts.map((d) => [d.slug, d.name]));
        const recent = overdue.filter((o) => o.dueAt >= (dueTerms(calendar).filter((d) => d.dueAt < now).slice(-1)[0]?.dueAt ?? ""));
        return {
          card: listCard(
            "KPI returns overdue",
            recent.length === 0 ? "Every district has submitted its latest return." : `${recent.length} district${recent.length === 1 ? " has" : "s have"} not submitted the latest return:`,
            recent.map((o) => ({ title: names.get(o.districtSlug) ?? o.districtSlug, value: `Term ${o.term} ${o.academicYear}: ${shortStatus(o.status)}, ${o.schoolDaysOverdue} school days overdue` })),
          ),
        };
      }
      return { text: "Termly KPI returns are made by district leads; there is nothing for you to submit." };
    },

    async deadlines(user) {
      const person = await personOf(user);
      if (!person) return unknownPerson;
      const now = nowIso();
      const county = await deps.calendar();
      // A district's own INSET or closure days move its due dates.
      const calendar = person.districtSlug ? districtCalendar(county, person.districtSlug) : county;
      const own = (person.districtSlug && (await deps.reference.districts()).find((d) => d.slug === person.districtSlug)) || {};
      const upcoming = dueTerms(calendar).filter((d) => d.dueAt > now && expectedIn(own, d.term)).slice(0, 3);
      const facts = upcoming.map((d) => ({ title: `Term ${d.term.term} ${d.term.academicYear} return`, value: formatUkDateTime(d.dueAt) }));
      if (person.districtSlug) {
        const meeting = calendar.monitoringMeetings
          .filter((m) => m.districtSlug === person.districtSlug && normaliseInstant(m.at) > now)
          .sort((a, b) => normaliseInstant(a.at).localeCompare(normaliseInstant(b.at)))[0];
        if (meeting) facts.push({ title: `Monitoring meeting (terms ${meeting.covers[0]}–${meeting.covers[1]})`, value: formatUkDateTime(normaliseInstant(meeting.at)) });
      }
      return {
        card: listCard(
          "Deadlines",
          facts.length > 0 ? "The next termly KPI return (with the Local Activity Report) deadlines:" : "No deadlines are in the calendar yet.",
          facts,
        ),
      };
    },

    async cardAction(verb, rawData, ref, user) {
      if (!Object.values(REMINDER_VERBS).includes(verb as never)) return undefined;
      const parsed = ActionData.safeParse(rawData);
      const key = parsed.success ? parseReminderKey(parsed.data.key) : undefined;
      if (!parsed.success || !key || key.kind !== "return" || key.districtSlug !== parsed.data.districtSlug) {
        throw new AppError("bad_request", "This reminder's button is out of date. Type status to see your returns.");
      }
      const data = parsed.data;
      const term = data.term as TermNumber;
      const period = returnPeriod(data.academicYear, term);
      if (key.period !== period) throw new AppError("bad_request", "This reminder's button is out of date. Type status to see your returns.");
      const person = await personOf(user);
      // Access comes from the People list, never from the card: only the district's own lead may answer.
      if (!person || person.role !== "district_lead" || person.districtSlug !== data.districtSlug) {
        throw new AppError("forbidden", "Only the district's lead can answer this reminder.");
      }
      const oid = person.oid.toLowerCase();
      const now = nowIso();
      const calendar = districtCalendar(await deps.calendar(), data.districtSlug);
      const row = await deps.outbox.findByKey(`${data.key}|${oid}`);
      const dueAt = typeof row?.value.payload.dueAt === "string" ? row.value.payload.dueAt : dueOf(calendar, data.academicYear, term);
      if (!dueAt) throw new AppError("bad_request", "That term is not in the reporting calendar any more.");
      const facts = { key: data.key, districtSlug: data.districtSlug, districtName: await districtName(data.districtSlug), academicYear: data.academicYear, term: data.term, dueAt };
      const record = await deps.returns.returnFor(data.districtSlug, data.academicYear, term);

      let card: AdaptiveCard;
      if (verb === REMINDER_VERBS.submitted) {
        card =
          record?.status === "submitted"
            ? returnReminderCard(returnView(deps.config, facts, record, now, { notice: { text: "Thanks: LIFT Hub has your submitted return, so there will be no more reminders for it." } }))
            : returnReminderCard(
                returnView(deps.config, facts, record, now, {
                  notice: {
                    tone: "attention",
                    text: `LIFT Hub has no submitted return for term ${data.term} ${data.academicYear} yet (it is ${shortStatus(record?.status ?? "not_started").toLowerCase()}). Open the return and submit it there.`,
                  },
                }),
              );
      } else if (verb === REMINDER_VERBS.snooze) {
        const until = nextWorkingMorning(now);
        await deps.snoozes.create(
          { kind: "return", districtSlug: data.districtSlug, period, until, requestedByOid: oid, requestedAt: now },
          { idempotencyKey: `snooze:return:${data.districtSlug}:${period}:${until}` },
        );
        card = returnReminderCard(returnView(deps.config, facts, record, now, { buttons: "no-snooze", notice: { text: `OK, I'll remind you again at ${formatUkDateTime(until)}.` } }));
      } else {
        const problem = checkExtension(data.reason, data.requestedDate, ukDateOf(now));
        if (problem) {
          return returnReminderCard(returnView(deps.config, facts, record, now, { notice: { tone: "attention", text: problem } }));
        }
        const reason = (data.reason ?? "").trim();
        const requestedDate = data.requestedDate as string;
        const request = await deps.extensions.create(
          {
            districtSlug: data.districtSlug,
            academicYear: data.academicYear,
            term: data.term,
            period,
            requestedByOid: oid,
            requestedByName: person.displayName,
            reason,
            requestedDate,
            requestedAt: now,
            status: "requested",
          },
          { idempotencyKey: `extension:${data.districtSlug}:${period}:${oid}:${requestedDate}` },
        );
        const commissioners = (await deps.people.list()).filter((p) => p.role === "commissioner");
        const noticeKey = `extension:${data.districtSlug}:${period}:request-${request.id}`;
        await deps.outbox.createMany(
          commissioners.map((c) => ({
            idempotencyKey: `${noticeKey}|${c.oid.toLowerCase()}`,
            value: {
              key: noticeKey,
              kind: "extension" as const,
              districtSlug: data.districtSlug,
              period,
              step: `request-${request.id}`,
              recipientOid: c.oid.toLowerCase(),
              status: "pending" as const,
              scheduledAt: now,
              attempts: 0,
              payload: { requestId: request.id, dueAt },
            },
          })),
        );
        deps.kick();
        card = returnReminderCard(
          returnView(deps.config, facts, record, now, {
            buttons: "no-snooze",
            notice: { text: `Your request for more time, to ${formatUkDate(requestedDate)}, has gone to the commissioners.` },
          }),
        );
      }

      // The invoke answer replaces the card for the person who clicked; update the sent message too,
      // so it reads the same on their other devices.
      if (row?.value.activityId) {
        try {
          const done = await deps.pace.take();
          await deps.messenger.updateCard(ref, row.value.activityId, card).finally(done);
        } catch (error) {
          deps.log.warn({ key: data.key, errCode: (error as AppError).code }, "reminders: could not update the sent card");
        }
      }
      return card;
    },
  };
}

function dueOf(calendar: ReportingCalendar, academicYear: string, term: TermNumber): string | undefined {
  const t = findTerm(calendar, academicYear, term);
  if (!t) return undefined;
  const due = resolveReturnDue(t, calendar);
  return due.ok ? due.dueAt : undefined;
}

/** 09:00 UK time on the next weekday: "tomorrow" for a reminder, without waking anyone at the weekend. */
export function nextWorkingMorning(now: string): string {
  let day = addDays(ukDateOf(now), 1);
  while (weekdayOf(day) > 5) day = addDays(day, 1);
  return atUkTime(day, REMINDER_TIME.hour, REMINDER_TIME.minute);
}

function checkExtension(reason: string | undefined, requestedDate: string | undefined, today: string): string | undefined {
  const problems: string[] = [];
  const r = (reason ?? "").trim();
  if (r.length === 0) problems.push("give a reason");
  else if (r.length > 500) problems.push("keep the reason to 500 characters");
  if (!requestedDate || !isIsoDate(requestedDate)) {
    problems.push("choose the new date you can manage");
  } else if (requestedDate <= today) problems.push("choose a date after today");
  else if (requestedDate > addDays(today, MAX_EXTENSION_DAYS)) problems.push(`choose a date within ${MAX_EXTENSION_DAYS} days`);
  if (problems.length === 0) return undefined;
  const text = problems.join(" and ");
  return `To ask for more time, ${text}.`;
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
