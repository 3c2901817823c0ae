import { Writable } from "node:stream";
import { pino } from "pino";
import { DEMO_PEOPLE } from "../../../src/domain/reference/people";
import type { LiftMeetingItem } from "../../../src/server/features/lift-meetings/lists";
import type { RunningApp } from "../../../src/server/app/start";
import { startTestApp } from "../../support/test-app";
import { apiFor, type Api } from "../../support/api-client";

export { apiFor, type Api, type Json } from "../../support/api-client";

/** The tests' "today": Tuesday 24 November 2026, term 2 of 2026-27. The app runs on this clock. */
export const NOW = new Date("2026-11-24T10:00:00Z");
export const TODAY = "2026-11-24";

export const SENCO = "senco.dover@lift.local";
export const OTHER_SENCO = "senco.thanet@lift.local";
export const TEACHER = "teacher.dover@lift.local";
export const LEAD = "lead.dover@lift.local";
export const OTHER_LEAD = "lead.thanet@lift.local";
export const COMMISSIONER = "commissioner@lift.local";

/** The app on that clock, with every log line it writes captured (at trace level). */
export async function startReferralApp(env: Record<string, string> = {}, now: () => Date = () => NOW): Promise<{ app: RunningApp; api: Api; logged: () => string }> {
  let logged = "";
  const sink = new Writable({
    write(chunk, _enc, done) {
      logged += chunk.toString();
      done();
    },
  });
  const app = await startTestApp(env, { log: pino({ level: "trace" }, sink), now });
  return { app, api: apiFor(app.url), logged: () => logged };
}

/** Adds a LIFT meeting straight to the list (a test's own meeting, so no other test shares its limits). */
export async function addMeeting(app: RunningApp, value: Partial<LiftMeetingItem> & { startsAt: string }): Promise<string> {
  const store = app.features.referrals.service.stores.meetings;
  const start = new Date(value.startsAt);
  const item = await store.create(
    {
      districtSlug: "dover",
      kind: "school",
      title: `Test LIFT ${value.startsAt}`,
      endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
      status: "scheduled",
      ...value,
    },
    { idempotencyKey: `test-meeting:${Math.random().toString(36).slice(2)}` },
  );
  return item.id;
}

let keys = 0;
export const key = (label: string) => `${label}-${process.pid}-${keys++}`;

/** A complete Year 4 school referral for White Cliffs Primary (DOV-P1), valid on TODAY. */
export function completeDraft(childName: string) {
  const cycle = { assess: "Reading age 6y2m", plan: "Phonics target", do: "Daily 1:1", review: "Some progress", impact: "Small gains" };
  return {
    setting: { settingId: "DOV-P1", phase: "primary" },
    referrer: { name: "Jo Bennett", email: "senco.dover@lift.local", headteacherAware: true },
    // Year 4 in 2026-27: 8 on 31 August 2026.
    child: { legalName: childName, dateOfBirth: "2018-03-03", yearGroup: "Y4" },
    flags: { senStatus: "sen-support", lookedAfter: false, childProtection: false, childInNeed: false, earlyHelp: false, pupilPremium: false },
    needs: { primaryArea: "CL" },
    question: { question: "How can we help with reading?" },
    profile: { strengths: "Kind", presentingNeeds: "Reading well below peers" },
    apdrCycles: [cycle, cycle],
    strategies: { inPlace: "Visual timetable" },
    agreementToEngage: { given: true, name: "Parent", relationship: "mother", parentalResponsibility: true, date: "2026-10-01", method: "signed-form" },
  };
}

/** Creates a complete draft and submits it to the meeting; the answer. */
export async function createAndSubmit(api: Api, meetingId: string, childName: string, upn = SENCO) {
  const created = await api(upn, "POST", "/api/referrals", { idempotencyKey: key("submit"), draft: completeDraft(childName) });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  return api(upn, "POST", `/api/referrals/${created.body.referral.id}/submit`, { meetingId });
}

/**
 * The SENCo has the bot installed in a personal chat: stores that conversation and records what the
 * app sends there as text (or fails every send with `fail()`). `restore()` puts the real sender back
 * and forgets the conversation.
 */
export async function fakeSencoChat(app: RunningApp, conversationId: string, upn = SENCO) {
  const sent: Array<{ conversationId: string; text: string }> = [];
  const messenger = app.context.bot.messenger;
  const original = messenger.sendText;
  const oid = DEMO_PEOPLE.find((p) => p.upn === upn)?.oid as string;
  await app.context.bot.conversations.save({
    channelId: "msteams",
    serviceUrl: "https://smba.example.invalid/",
    conversationId,
    conversationType: "personal",
    bot: { id: "28:lift-hub" },
    user: { id: `29:${upn}`, aadObjectId: oid, upn },
  });
  messenger.sendText = async (ref, text) => (sent.push({ conversationId: ref.conversationId, text }), { activityId: `act-${sent.length}` });
  return {
    sent,
    fail: () => {
      messenger.sendText = async () => {
        throw new Error("connector down");
      };
    },
    restore: async () => {
      messenger.sendText = original;
      await app.context.bot.conversations.remove(conversationId);
    },
  };
}
