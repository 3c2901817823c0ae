/**
 * Questionnaires end to end against the real app, on a clock the test moves (Tuesday 24 November
 * 2026, then Friday 11 December, both in term 2 of 2026-27): the Dover lead approves a LIFT
 * meeting's outcome and a specialist teacher closes a case; after the meeting, the job's pass sends
 * the SENCo the LIFT satisfaction card, which they answer through the bot's invoke path ("Thank
 * you" in place). A parent opens the end-of-intervention link in a fresh browser context on a
 * phone-sized screen with no sign-in, meets the problems page once, answers; the link used again is
 * refused. Dover's KPI return then shows one more answer for KPIs 1.3 and 2.3, prefilled with
 * their sources, in the API and on the tab.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUESTIONNAIRE_VERB } from "../../bot/cards/questionnaire-cards";
import type { RunningApp } from "../../src/server/app/start";
import { baseActivity, cardOf, cardText, postActivity } from "../bot/activities";
import { addMeeting, createAndSubmit, key } from "../features/referrals/helpers";
import { asPerson, install, person } from "../features/reminders/helpers";
import { apiFor, type Api, type Json } from "../support/api-client";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { startLocalConnector, type LocalConnector } from "../support/local-connector";
import { startTestApp } from "../support/test-app";
import { pageRunner, seriousAxeViolations } from "./helpers";

const LEAD = "lead.dover@lift.local";
const TEACHER = "teacher.dover@lift.local";
const SENCO = "senco.dover@lift.local";
const COMMISSIONER = "commissioner@lift.local";
const WAIT = { timeout: 20_000 };
const CHILD = "Araminta Pockleton";

let app: RunningApp;
let browser: TestBrowser;
let connector: LocalConnector;
let api: Api;
let clock = new Date("2026-11-24T10:00:00Z");
let meetingId = "";
let caseId = "";
type Prefill = Record<string, { value: number; source: string }>;
let before: Prefill = {};
const phone = pageRunner(() => browser, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
const desktop = pageRunner(() => browser);

const prefill = async (): Promise<Prefill> => (await api(LEAD, "GET", "/api/kpi/returns/dover/2026-27/2")).body.return.prefill;

beforeAll(async () => {
  [app, browser, connector] = await Promise.all([startTestApp({}, { now: () => clock }), launchBrowser(), startLocalConnector()]);
  api = apiFor(app.url);
  await install(app.url, connector, person(SENCO));
  // A Dover meeting on Thursday 10 December with a case from White Cliffs Primary, decided and approved.
  meetingId = await addMeeting(app, { startsAt: "2026-12-10T13:30:00Z" });
  const submitted = await createAndSubmit(api, meetingId, CHILD);
  const url = `/api/lift-meetings/${meetingId}/outcomes/${submitted.body.referral.id}`;
  const saved = await api(LEAD, "PUT", url, { outcome: { categories: ["strategies_resolved"], actions: [{ id: "a1", description: "Try the visual timetable", ownerName: "SENCo", dueDate: "2027-01-15" }] } });
  const approved = await api(LEAD, "POST", `${url}/approve`, { eTag: saved.body.outcome.eTag });
  if (approved.status !== 200) throw new Error(`approve: ${approved.status}`);
  // A specialist teacher closes one of their open Dover cases today, after its final review.
  const open = ((await api(TEACHER, "GET", "/api/casework/cases?teacher=me&status=open")).body.items as Json[]).find((c) => c.view === "full");
  if (!open) throw new Error("no open demo case for teacher.dover");
  caseId = open.id;
  const current = (await api(TEACHER, "GET", `/api/casework/cases/${caseId}`)).body.case;
  const live = (current.targets as Json[]).filter((t) => !t.endedAt);
  const review = await api(TEACHER, "POST", `/api/casework/cases/${caseId}/reviews`, {
    idempotencyKey: key("final-review"),
    review: { date: "2026-11-24", results: live.map((t) => ({ targetId: t.id, result: "achieved" })), targetsAmended: false, final: true },
  });
  if (review.status !== 201) throw new Error(`review: ${review.status} ${JSON.stringify(review.body)}`);
  const fresh = (await api(TEACHER, "GET", `/api/casework/cases/${caseId}`)).body.case;
  const closed = await api(TEACHER, "POST", `/api/casework/cases/${caseId}/close`, { eTag: fresh.eTag, closure: { reason: "targets-achieved", closedAt: "2026-11-24", finalReviewId: review.body.review.id } });
  if (closed.status !== 200) throw new Error(`close: ${closed.status} ${JSON.stringify(closed.body)}`);
  before = await prefill();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await connector?.stop();
  await app?.stop();
});

describe("questionnaires: sent after the event, answered in Teams and by link, counted on the return", { timeout: 180_000 }, () => {
  let link = "";

  it("the SENCo gets the LIFT satisfaction card after the meeting and answers it in place", async () => {
    clock = new Date("2026-12-11T09:00:00Z");
    expect((await api(COMMISSIONER, "POST", "/api/questionnaires/pass")).status).toBe(200);
    const [inv] = (await api(LEAD, "GET", `/api/questionnaires/invitations?subject=meeting:${meetingId}`)).body.items as Json[];
    expect(inv).toMatchObject({ questionnaireId: "lift-satisfaction", channel: "teams", status: "sent" });
    const sent = connector.activities.filter((a) => JSON.stringify(cardOf(a.activity) ?? {}).includes(`"invitationId":"${inv.id}"`));
    expect(sent).toHaveLength(1);
    const answer = await postActivity(
      app.url,
      baseActivity(connector.url, {
        type: "invoke",
        name: "adaptiveCard/action",
        ...asPerson(person(SENCO)),
        value: { action: { type: "Action.Execute", verb: QUESTIONNAIRE_VERB, data: { invitationId: inv.id, Q1: "5", Q2: "4", Q3: "4", Q4: "5" } }, trigger: "manual" },
      }),
    );
    expect(answer.status).toBe(200);
    expect(cardText((answer.body as Json).value)).toMatch(/^LIFT satisfaction\nThank you/);
  });

  it("a parent answers the end-of-intervention questionnaire by link on a phone, with no sign-in", async () => {
    const items = (await api(TEACHER, "GET", `/api/questionnaires/invitations?subject=case:${caseId}`)).body.items as Json[];
    const parents = items.find((i) => i.questionnaireId === "end-of-intervention-parent");
    expect(parents?.link).toMatch(/\/q\/[\w-]+\.[\w-]+\.[\w-]+$/);
    // The configured public address has port 0 in tests: the same path on the running app.
    link = `${app.url}${new URL(parents.link).pathname}`;
    await phone(async (page) => {
      const opened = await page.goto(link);
      expect(opened?.status()).toBe(200);
      await page.getByRole("heading", { level: 1, name: "End of specialist teacher support: parents and carers" }).waitFor(WAIT);
      expect(await page.getByTestId("signed-in-user").count()).toBe(0);
      expect(await page.textContent("body")).toContain("24 November 2026");
      expect(await seriousAxeViolations(page)).toBe("");

      // Sent with a question left out: the problem is listed at the top and beside the question.
      for (let q = 1; q <= 8; q++) await page.getByRole("group", { name: new RegExp(`^Q${q}\\.`) }).getByLabel(q % 3 === 0 ? /^4/ : /^5/).check();
      await page.getByRole("button", { name: "Send my answers" }).click();
      await page.getByRole("heading", { name: "There is a problem" }).waitFor(WAIT);
      expect(await page.getByRole("alert").textContent()).toContain("Q9: Choose an answer");
      expect(await page.title()).toMatch(/^Error:/);
      expect(await page.getByRole("group", { name: /^Q1\./ }).getByLabel(/^5/).isChecked()).toBe(true);

      await page.getByRole("group", { name: /^Q9\./ }).getByLabel(/^4/).check();
      await page.getByRole("button", { name: "Send my answers" }).click();
      await page.getByRole("heading", { level: 1, name: "Thank you" }).waitFor(WAIT);
      const body = (await page.textContent("body")) ?? "";
      for (const part of CHILD.split(" ")) expect(body).not.toContain(part);
    });
  });

  it("the same link used again is refused, in a fresh context", async () => {
    await phone(async (page) => {
      const again = await page.goto(link);
      expect(again?.status()).toBe(409);
      await page.getByRole("heading", { level: 1, name: "Already answered" }).waitFor(WAIT);
    });
  });

  it("Dover's return shows the new numerators and denominators as prefilled, with the number asked", async () => {
    const after = await prefill();
    // The SENCo's Q2 = 4 and the parent's Q9 = 4: one more answer, scoring 4 or above, in each.
    expect(after.kpi_1_3_den!.value).toBe((before.kpi_1_3_den?.value ?? 0) + 1);
    expect(after.kpi_1_3_num!.value).toBe((before.kpi_1_3_num?.value ?? 0) + 1);
    expect(after.kpi_2_3_den!.value).toBe((before.kpi_2_3_den?.value ?? 0) + 1);
    expect(after.kpi_2_3_num!.value).toBe((before.kpi_2_3_num?.value ?? 0) + 1);
    expect(after.kpi_1_3_num!.source).toMatch(/SENCos asked after LIFT meetings in term 2 \(\d+ answered, response rate \d+ %/);
    await desktop(async (page) => {
      await page.clock.setFixedTime(clock);
      await page.goto(`${app.url}/tabs/kpi-return?as=${encodeURIComponent(LEAD)}`);
      await page.getByTestId("signed-in-user").waitFor(WAIT);
      for (const id of ["kpi_1_3_num", "kpi_1_3_den", "kpi_2_3_num", "kpi_2_3_den"]) {
        const shown = page.getByTestId(`prefill-${id}`);
        await shown.waitFor(WAIT);
        expect(await shown.textContent()).toContain(`Prefilled ${after[id]!.value} from LIFT Hub: ${after[id]!.source}`);
      }
    });
  });
});
