/**
 * Questionnaires over real HTTP with the demo data on a clock the test moves: a LIFT meeting's
 * outcome approved by the lead sends the satisfaction card to the SENCo exactly once (passes run
 * again and at once), the SENCo answers it through the bot's invoke path (problems shown on the
 * card, then "Thank you", then a polite refusal), one reminder and never a second, the parents'
 * end-of-intervention link (single use, altered, expired) and the KPI return's prefill.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appliesIn, MEASURES } from "../../../src/domain/kpi/catalogue";
import { questionFigure, KPI_QUESTIONS } from "../../../src/domain/questionnaires/kpi-questions";
import type { RunningApp } from "../../../src/server/app/start";
import { QUESTIONNAIRE_VERB } from "../../../bot/cards/questionnaire-cards";
import { baseActivity, cardOf, cardText, postActivity } from "../../bot/activities";
import { startLocalConnector, type LocalConnector } from "../../support/local-connector";
import { COMMISSIONER, LEAD, SENCO, addMeeting, createAndSubmit, startReferralApp, type Api, type Json } from "../referrals/helpers";
import { asPerson, install, person } from "../reminders/helpers";

let app: RunningApp;
let api: Api;
let logged: () => string;
let connector: LocalConnector;
let clock = new Date("2026-11-24T10:00:00Z");
let meetingId = "";
const CHILD = "Ottoline Winterbourne";
const subject = () => `meeting:${meetingId}`;
const at = (iso: string) => (clock = new Date(iso));

const invitations = async (query: string) => (await api(LEAD, "GET", `/api/questionnaires/invitations?${query}`)).body.items as Json[];
const pass = async () => {
  const res = await api(COMMISSIONER, "POST", "/api/questionnaires/pass");
  expect(res.status).toBe(200);
  return res.body as { created: number; sent: number; reminded: number; expired: number };
};
/** Cards sent to the SENCo's chat for one invitation. */
const cardsFor = (invitationId: string) =>
  connector.activities.filter((a) => {
    const card = cardOf(a.activity);
    return JSON.stringify(card ?? {}).includes(`"invitationId":"${invitationId}"`);
  });
const answerCard = (invitationId: string, inputs: Record<string, string>, as = person(SENCO)) =>
  postActivity(
    app.url,
    baseActivity(connector.url, {
      type: "invoke",
      name: "adaptiveCard/action",
      ...asPerson(as),
      value: { action: { type: "Action.Execute", verb: QUESTIONNAIRE_VERB, data: { invitationId, ...inputs } }, trigger: "manual" },
    }),
  );

beforeAll(async () => {
  ({ app, api, logged } = await startReferralApp({}, () => clock));
  connector = await startLocalConnector();
  await install(app.url, connector, person(SENCO));
  // A Dover meeting on Thursday 10 December; White Cliffs Primary's SENCo brings a case.
  meetingId = await addMeeting(app, { startsAt: "2026-12-10T13:30:00Z" });
  const submitted = await createAndSubmit(api, meetingId, CHILD);
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status}`);
  const referralId = submitted.body.referral.id as string;
  const url = `/api/lift-meetings/${meetingId}/outcomes/${referralId}`;
  const saved = await api(LEAD, "PUT", url, { outcome: { categories: ["strategies_resolved"], actions: [{ id: "a1", description: "Try the visual timetable", ownerName: "SENCo", dueDate: "2027-01-15" }] } });
  const approved = await api(LEAD, "POST", `${url}/approve`, { eTag: saved.body.outcome.eTag });
  if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${JSON.stringify(approved.body)}`);
}, 120_000);
afterAll(async () => {
  await connector?.stop();
  await app?.stop();
});

describe("LIFT satisfaction, exactly once", () => {
  it("is not sent before the meeting has taken place", async () => {
    await pass();
    expect(await invitations(`subject=${subject()}`)).toEqual([]);
  });

  it("is sent to the SENCo who attended once the meeting is over, once however many passes run", async () => {
    at("2026-12-11T09:00:00Z");
    const reports = await Promise.all([pass(), pass()]);
    await pass();
    const items = await invitations(`subject=${subject()}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ questionnaireId: "lift-satisfaction", channel: "teams", status: "sent", academicYear: "2026-27", term: 2 });
    expect(items[0].link).toBeUndefined();
    expect(reports[0]!.created + reports[1]!.created).toBeGreaterThanOrEqual(1);
    const cards = cardsFor(items[0].id);
    expect(cards).toHaveLength(1);
    const card = cardOf(cards[0]!.activity) as Json;
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5", actions: [{ type: "Action.Execute", verb: QUESTIONNAIRE_VERB }] });
    expect(card.body.filter((b: Json) => b.type === "Input.ChoiceSet").map((b: Json) => b.id)).toEqual(["Q1", "Q2", "Q3", "Q4"]);
    expect(cardText(card)).toContain("10 December 2026");
    for (const part of CHILD.split(" ")) expect(cardText(card)).not.toContain(part);
  });

  it("shows problems on the card, then thanks in place, then refuses a second answer politely", async () => {
    const [inv] = await invitations(`subject=${subject()}`);
    const partial = await answerCard(inv.id, { Q1: "5", Q3: "9" });
    expect(partial.status).toBe(200);
    const problems = cardText((partial.body as Json).value);
    expect(problems).toMatch(/Some answers need attention/);
    expect(problems).toMatch(/Choose an answer/);
    expect(problems).toMatch(/Choose a number from 1 to 5/);
    expect((await invitations(`subject=${subject()}`))[0].status).toBe("sent");

    // Someone else holding the card's data cannot answer it.
    const outsider = await answerCard(inv.id, { Q1: "5", Q2: "5", Q3: "5", Q4: "5" }, person(LEAD));
    expect(cardText((outsider.body as Json).value)).toMatch(/not open to you/);

    const done = await answerCard(inv.id, { Q1: "4", Q2: "5", Q3: "4", Q4: "3", Q5: "More time for questions" });
    expect(done.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    expect(cardText((done.body as Json).value)).toMatch(/Thank you/);
    // The sent message is replaced too, for the SENCo's other devices.
    expect(connector.updates.some((u) => JSON.stringify(u).includes("Thank you"))).toBe(true);
    const again = await answerCard(inv.id, { Q1: "1", Q2: "1", Q3: "1", Q4: "1" });
    expect(cardText((again.body as Json).value)).toMatch(/already answered/);

    const stored = await app.features.questionnaires.service.stores.responses.all({ where: { invitationId: inv.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.value.answers).toEqual({ Q1: 4, Q2: 5, Q3: 4, Q4: 3, Q5: "More time for questions" });
    expect(JSON.stringify(stored[0]!.value)).not.toMatch(/Jo Bennett|senco\.dover/);
    expect((await invitations(`subject=${subject()}`))[0].status).toBe("answered");
  });
});

describe("the parents' end-of-intervention link", () => {
  let link = "";
  let invitationId = "";

  beforeAll(async () => {
    const open = (await invitations("")).filter((i) => i.questionnaireId === "end-of-intervention-parent" && i.link);
    if (open.length === 0) throw new Error("no demo case closed in the last weeks: expected an end-of-intervention link");
    // The app's public address is configured as port 0 in tests: the link's path on the running app.
    link = `${app.url}${new URL(open[0].link).pathname}`;
    invitationId = open[0].id;
  });

  it("opens without signing in and shows nothing personal", async () => {
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const html = await page.text();
    expect(html).toContain("End of specialist teacher support: parents and carers");
    expect(html).toContain('name="Q9"');
    expect(html).not.toMatch(/Primary|School|Academy|Nursery/);
  });

  it("answers 400 with the problems beside each question, keeping what was chosen", async () => {
    const res = await fetch(link, { method: "POST", body: new URLSearchParams({ Q1: "5", Q9: "7" }) });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("There is a problem");
    expect(html).toMatch(/Q2: Choose an answer/);
    expect(html).toMatch(/Q9: Choose a number from 1 to 5/);
    expect(html).toMatch(/id="Q1-5" name="Q1" value="5" checked/);
  });

  it("takes one answer, then says it was already answered (409)", async () => {
    const answers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`Q${i + 1}`, String(i % 2 === 0 ? 5 : 4)]));
    const first = await fetch(link, { method: "POST", body: new URLSearchParams(answers) });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("Thank you");
    const second = await fetch(link, { method: "POST", body: new URLSearchParams(answers) });
    expect(second.status).toBe(409);
    expect(await second.text()).toContain("Already answered");
    expect((await fetch(link)).status).toBe(409);
    expect(await app.features.questionnaires.service.stores.responses.all({ where: { invitationId } })).toHaveLength(1);
    // Audited, with nothing personal in the log.
    const audit = await app.context.stores.auditLog.all({ where: { listTitle: "QuestionnaireResponses" }, allowNonIndexed: true });
    expect(audit.some((e) => e.value.itemId === invitationId && e.value.action === "questionnaire.answered")).toBe(true);
    expect(logged()).not.toContain(CHILD);
  });

  it("refuses an altered link (404) and a link past its time (410)", async () => {
    const token = link.split("/q/")[1]!;
    const [h, p, s] = token.split(".");
    const altered = `${h}.${p}.${s!.slice(0, -2)}${s!.endsWith("AA") ? "BB" : "AA"}`;
    expect((await fetch(`${app.url}/q/${altered}`)).status).toBe(404);
    expect((await fetch(`${app.url}/q/not-a-token`)).status).toBe(404);
    const other = (await invitations("")).find((i) => i.questionnaireId === "end-of-intervention-parent" && i.link && i.id !== invitationId);
    if (!other) throw new Error("expected a second open parents' link");
    const saved = clock;
    at(new Date(Date.parse(other.expiresAt) + 60_000).toISOString());
    try {
      const res = await fetch(`${app.url}${new URL(other.link).pathname}`);
      expect(res.status).toBe(410);
      expect(await res.text()).toContain("has closed");
    } finally {
      clock = saved;
    }
  });
});

describe("reminders", () => {
  it("reminds an unanswered Teams invitation once after five school days, never a second time", async () => {
    const open = (await invitations("")).filter((i) => i.channel === "teams" && i.status === "sent");
    if (open.length === 0) throw new Error("expected an unanswered Teams invitation");
    const before = connector.activities.length;
    at("2026-12-21T09:00:00Z"); // six school days after 11 December
    const first = await pass();
    expect(first.reminded).toBe(open.length);
    const reminders = connector.activities.slice(before).filter((a) => cardText(cardOf(a.activity)).includes("This is the only reminder"));
    expect(reminders).toHaveLength(open.length);
    at("2027-01-08T09:00:00Z");
    expect((await pass()).reminded).toBe(0);
    const after = await invitations("");
    for (const inv of open) expect(after.find((i) => i.id === inv.id)?.status).toBe("reminded");
  });
});

describe("the KPI return's prefill", () => {
  it("fills the questionnaire KPIs from the answers, with the number asked", async () => {
    const ret = (await api(LEAD, "GET", "/api/kpi/returns/dover/2026-27/2")).body.return;
    const { invitations: sent, responses } = await app.features.questionnaires.service.termRecords("dover", "2026-27", 2);
    const answered = KPI_QUESTIONS.filter((q) => q.numeratorId !== "kpi_2_2_num" && responses.some((r) => r.questionnaireId === q.questionnaireId));
    // The demo's LIFT and end-of-intervention answers, with the SENCo's and the parent's above.
    expect(answered.map((k) => k.numeratorId)).toEqual(expect.arrayContaining(["kpi_1_3_num", "kpi_2_3_num"]));
    for (const k of answered) {
      const asked = sent.filter((i) => i.questionnaireId === k.questionnaireId).length;
      const f = questionFigure(k, { asked, responses });
      expect(ret.prefill[k.numeratorId]?.value, k.numeratorId).toBe(f.numerator);
      expect(ret.prefill[k.denominatorId]?.value, k.denominatorId).toBe(f.denominator);
      // Offered only where the catalogue has the "asked" measure (added with the response rates).
      const askedId = k.numeratorId.replace("_num", "_asked");
      expect(ret.prefill[askedId]?.value).toBe(MEASURES.some((m) => m.id === askedId && appliesIn(m, "2026-27")) ? asked : undefined);
      expect(ret.prefill[k.numeratorId].source).toContain(`from ${asked} `);
    }
    // The SENCo's answer (Q2 = 5) is among LIFT satisfaction's.
    expect(ret.prefill.kpi_1_3_num.source).toMatch(/answers to Q2 of the LIFT satisfaction questionnaire scoring 4 or above, from \d+ SENCos asked after LIFT meetings in term 2/);
  });
});

describe("the annual surveys", () => {
  it("in summer term 1 ask every open Dover setting and a 10 % sample of Dover's families, once", async () => {
    const term5 = (await app.context.reference.calendar()).terms.find((t) => t.academicYear === "2026-27" && t.term === 5);
    if (!term5) throw new Error("no summer term 1 in the demo calendar");
    at(`${term5.start}T09:00:00Z`);
    await pass();
    const items = await invitations("");
    const settings = (await app.context.reference.settings()).filter((st) => st.districtSlug === "dover" && st.status !== "closed");
    const survey = items.filter((i) => i.questionnaireId === "annual-senco-survey");
    // DOV-P1's SENCo is asked in Teams; every other setting gets a link labelled with it.
    expect(survey).toHaveLength(settings.length);
    expect(survey.filter((i) => i.channel === "teams")).toHaveLength(1);
    expect(new Set(survey.filter((i) => i.channel === "link").map((i) => i.linkLabel))).toEqual(new Set(settings.filter((st) => st.id !== "DOV-P1").map((st) => `setting-${st.id.toLowerCase()}`)));
    const cases = (await app.features.casework.service.stores.cases.all({ where: { districtSlug: "dover" }, pageSize: 5000 })).filter(
      (c) => c.value.openedAt <= "2027-08-31" && (!c.value.closure || c.value.closure.closedAt >= "2026-09-01"),
    );
    const families = new Set(cases.map((c) => c.value.childRef)).size;
    const sample = items.filter((i) => i.questionnaireId === "annual-parent-questionnaire");
    expect(sample).toHaveLength(Math.max(1, Math.ceil(families / 10)));
    expect(sample.every((i) => i.link && i.subjectKey.startsWith("case:"))).toBe(true);
    // Run again: nobody is asked twice and the sample is not drawn again.
    expect((await pass()).created).toBe(0);
    expect((await invitations("")).filter((i) => i.questionnaireId.startsWith("annual-")).length).toBe(survey.length + sample.length);
  });
});

describe("the link page's rate limit", () => {
  it("answers 429 with Retry-After once one address sends too many requests, and never reaches sign-in", async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => fetch(`${app.url}/q/a.b.c`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses).toContain(404);
    expect(statuses).toContain(429);
    expect(statuses.every((s) => s === 404 || s === 429)).toBe(true);
    expect(Number(answers.find((a) => a.status === 429)!.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
