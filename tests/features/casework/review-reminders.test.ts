/**
 * Review reminders on the reminders' outbox: the teacher is reminded once of a review due within 14
 * days, and the lead of overdue ones, however many passes and runners run; the card names the case
 * by its reference only and links to the Casework tab.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdaptiveCard, ConversationRef } from "../../../bot/bot-port";
import { DEMO_PEOPLE } from "../../../src/domain/reference/people";
import type { RunningApp } from "../../../src/server/app/start";
import { LEAD, TEACHER, key, startReferralApp, type Api } from "../referrals/helpers";

const oidOf = (upn: string) => DEMO_PEOPLE.find((p) => p.upn === upn)?.oid as string;
let app: RunningApp;
let api: Api;
const sent: Array<{ to: string; card: AdaptiveCard }> = [];
let caseId = "";
let childRef = "";

beforeAll(async () => {
  ({ app, api } = await startReferralApp());
  for (const upn of [TEACHER, LEAD]) {
    await app.context.bot.conversations.save({
      channelId: "msteams",
      serviceUrl: "https://smba.example.invalid/",
      conversationId: `chat-${upn}`,
      conversationType: "personal",
      bot: { id: "28:lift-hub" },
      user: { id: `29:${upn}`, aadObjectId: oidOf(upn), upn },
    });
  }
  app.context.bot.messenger.sendCard = async (ref: ConversationRef, card: AdaptiveCard) => (sent.push({ to: ref.user.upn ?? "", card }), { activityId: `act-${sent.length}` });
  const made = await api(LEAD, "POST", "/api/casework/cases", {
    idempotencyKey: key("due"),
    case: {
      origin: { kind: "direct", requestedBy: "local-authority", requestedAt: "2026-11-02" },
      team: "district",
      settingId: "DOV-P1",
      primaryArea: "CI",
      allocatedTeacherOid: oidOf(TEACHER),
      openedAt: "2026-11-03",
      supportPlan: { reviewDate: "2026-11-30" },
      targets: [],
      status: "open-active",
      child: { legalName: "Reminder Test Child", dateOfBirth: "2018-01-01" },
    },
  });
  if (made.status !== 201) throw new Error(`open: ${made.status} ${JSON.stringify(made.body)}`);
  caseId = made.body.case.id;
  childRef = made.body.case.childRef;
}, 180_000);
afterAll(async () => app?.stop());

const text = (card: AdaptiveCard) => JSON.stringify(card);

describe("review reminders", () => {
  it("reminds the teacher once of a review due, across passes and a second runner", async () => {
    await app.features.reminders.service.runPass();
    await app.features.reminders.service.runPass();
    await app.features.reminders.service.runner().pass();
    const mine = sent.filter((s) => s.to === TEACHER && text(s.card).includes(childRef));
    expect(mine).toHaveLength(1);
    const card = text(mine[0]!.card);
    expect(card).toContain("Review due");
    expect(card).toContain(`/tabs/casework?case=${caseId}`);
    expect(card).not.toContain("Reminder Test Child");
    const rows = (await app.features.reminders.service.deps.outbox.all()).filter((r) => r.value.key === `review:dover:${caseId}-2026-11-30:due`);
    expect(rows.map((r) => r.value.status)).toEqual(["sent"]);
  });

  it("reminds the lead of overdue reviews, each once", async () => {
    const overdue = sent.filter((s) => s.to === LEAD && text(s.card).includes("Review overdue"));
    const due = await app.features.casework.service.reviewsDue(app.context.now());
    const dover = due.overdue.filter((d) => d.districtSlug === "dover");
    expect(dover.length).toBeGreaterThan(0);
    expect(overdue).toHaveLength(dover.length);
    for (const d of dover) expect(overdue.filter((s) => text(s.card).includes(`case ${d.childRef}`)).length).toBeGreaterThanOrEqual(1);
  });
});
