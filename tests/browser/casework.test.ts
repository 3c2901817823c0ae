/**
 * The Casework tab end to end against the real API, on a fixed clock (Tuesday 24 November 2026, term
 * 2 of 2026-27). Set-up through the API: a Dover referral goes to a LIFT meeting that is then held,
 * and the lead approves its outcome allocating teacher.dover (Sam Patel) with a support plan. In the
 * browser, teacher.dover finds the outcome under "Outcomes allocated to me without a case", opens the
 * case (the outcome's plan on it), sets two targets, records a visit and a final review, and closes the
 * case with "Targets achieved". Dover's KPI return for the term then shows the changed figures as
 * prefilled, with their source, in the API and on the KPI return tab. A stale save of the targets
 * offers theirs or mine; the case page passes axe and never names the child; the setting's SENCo
 * reads the case without forms; the lead records a clinic; a commissioner gets a plain message.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DEMO_PEOPLE } from "../../src/domain/reference/people";
import { startTestApp } from "../support/test-app";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { apiFor, type Api } from "../support/api-client";
import { addMeeting, createAndSubmit } from "../features/referrals/helpers";
import { pageRunner, seriousAxeViolations } from "./helpers";

const NOW = new Date("2026-11-24T10:00:00Z");
const TODAY = "2026-11-24";
const TEACHER = "teacher.dover@lift.local";
const LEAD = "lead.dover@lift.local";
const CHILD = "Peregrine Alcott-Swithin";
const WAIT = { timeout: 20_000 };
const PLAN = {
  supportToBeProvided: "Fortnightly specialist teacher visits",
  entranceCriteria: "Below reading targets after two cycles",
  exitCriteria: "Targets met at review",
  potentialDuration: "One term",
  focusAndPurpose: "Reading fluency",
  progressMeasures: "Running records each half term",
  reviewDate: "2027-02-01",
};
const CHANGED = ["closed_achieved_num", "closed_achieved_den", "kpi_2_1_num", "kpi_2_1_den", "targets_amended_den"];

type Prefill = Record<string, { value: number; source: string }>;

let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: TestBrowser;
let api: Api;
const withPage = pageRunner(() => browser);
let caseRef = "";
let caseId = "";
let before: Prefill = {};

const returnPrefill = async (): Promise<Prefill> => {
  const res = await api(LEAD, "GET", "/api/kpi/returns/dover/2026-27/2");
  expect(res.status).toBe(200);
  return res.body.return.prefill;
};

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { now: () => NOW }), launchBrowser()]);
  api = apiFor(app.url);
  const lead = DEMO_PEOPLE.find((p) => p.upn === LEAD)?.oid as string;
  const teacher = DEMO_PEOPLE.find((p) => p.upn === TEACHER)?.oid as string;
  // A December meeting takes the referral; it is then moved to a day already past and held.
  const meetingId = await addMeeting(app, { startsAt: "2026-12-10T13:30:00Z", chairOid: lead });
  const submitted = await createAndSubmit(api, meetingId, CHILD);
  expect(submitted.status).toBe(200);
  const referralId = submitted.body.referral.id;
  caseRef = submitted.body.referral.caseReference;
  await app.features.referrals.service.stores.meetings.update(meetingId, { startsAt: "2026-11-12T13:30:00Z", endsAt: "2026-11-12T15:30:00Z", status: "held" });
  const url = `/api/lift-meetings/${meetingId}/outcomes/${referralId}`;
  const saved = await api(LEAD, "PUT", url, { outcome: { categories: ["specialist_teacher_allocated"], allocatedTeacherOid: teacher, supportPlan: PLAN, actions: [] } });
  expect(saved.status).toBe(201);
  expect((await api(LEAD, "POST", `${url}/approve`, { eTag: saved.body.outcome.eTag })).status).toBe(200);
  before = await returnPrefill();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openCasework(page: Page, upn: string, query = ""): Promise<void> {
  // The page's "today" (dates the forms start from) is the server's fixed day.
  await page.clock.setFixedTime(NOW);
  await page.goto(`${app.url}/tabs/casework?as=${encodeURIComponent(upn)}${query}`);
  await page.getByTestId("signed-in-user").waitFor(WAIT);
}

async function expectNoChildName(page: Page): Promise<void> {
  const text = await page.locator("body").innerText();
  for (const part of CHILD.split(/[\s-]+/)) expect(text, `no part of the child's name (${part})`).not.toContain(part);
}

describe("Casework tab: from an approved outcome to a closed case, and the KPI return", { timeout: 180_000 }, () => {
  it("as teacher.dover: opens the case from the outcome, sets targets, records a visit and a final review, closes it", async () => {
    await withPage(async (page) => {
      await openCasework(page, TEACHER);
      const waiting = page.getByTestId("outcomes-without-case");
      await waiting.getByRole("button", { name: `Open a case for ${caseRef}` }).click(WAIT);

      // The case page, at its own address, with the outcome's plan.
      await page.getByRole("heading", { name: new RegExp(`Case ${caseRef}`) }).waitFor(WAIT);
      caseId = new URL(page.url()).searchParams.get("case") ?? "";
      expect(caseId).not.toBe("");
      expect(await page.getByTestId("case-status").textContent()).toBe("Open: actively supported");
      expect(await page.getByTestId("support-plan").textContent()).toContain(PLAN.focusAndPurpose);
      await expectNoChildName(page);

      // The support plan: its review date changes, and the case's next review follows it.
      await page.getByRole("button", { name: "Edit the support plan" }).click();
      const planForm = page.getByTestId("plan-form");
      await planForm.getByLabel("Review date").fill("2027-03-01");
      await planForm.getByRole("button", { name: "Save the support plan" }).click();
      await planForm.getByText("Support plan saved").waitFor(WAIT);
      expect((await api(TEACHER, "GET", `/api/casework/cases/${caseId}`)).body.case).toMatchObject({ supportPlan: { reviewDate: "2027-03-01" }, nextReviewDue: "2027-03-01" });

      // Targets: a save without the answers is refused with a summary linking to the fields.
      const targets = page.getByTestId("targets-form");
      await targets.getByRole("button", { name: "Add a target" }).click();
      await targets.getByRole("button", { name: "Save targets" }).click();
      const summary = page.getByTestId("targets-errors");
      await summary.waitFor(WAIT);
      await summary.getByRole("link", { name: "Enter the target" }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-targets-0-text");
      const texts = ["Reads a short passage with fewer than five errors", "Uses the phonics mat unprompted"];
      await targets.getByRole("button", { name: "Add a target" }).click();
      for (const [i, text] of texts.entries()) {
        const box = targets.getByRole("group", { name: `Target ${i + 1}` });
        await box.getByLabel("Target", { exact: true }).fill(text);
        await box.getByRole("checkbox", { name: "School or setting" }).check();
      }
      await targets.getByRole("button", { name: "Save targets" }).click();
      await targets.getByText("Targets saved").waitFor(WAIT);

      // A visit, short: the date is today by default.
      const visit = page.getByTestId("visit-form");
      await visit.getByRole("checkbox", { name: "The child" }).check();
      await visit.getByRole("checkbox", { name: "SENCo" }).check();
      await visit.getByLabel("Graduated approach stage").selectOption({ label: "Do" });
      await visit.getByLabel(/Mainstream Core Standards: section/).fill("Cognition and learning");
      await visit.getByLabel("Advice given").fill("Modelled paired reading");
      await visit.getByLabel("Next steps").fill("Daily paired reading");
      await visit.getByRole("button", { name: "Record the visit" }).click();
      await visit.getByText("Visit recorded").waitFor(WAIT);
      await page.getByTestId("visits").getByRole("cell", { name: "Modelled paired reading" }).waitFor(WAIT);

      // The final review: every target achieved, not amended.
      const review = page.getByTestId("review-form");
      await review.getByRole("radiogroup", { name: /Target 1/ }).waitFor(WAIT);
      for (const i of [1, 2]) await review.getByRole("radiogroup", { name: new RegExp(`Target ${i}`) }).getByRole("radio", { name: "Achieved" }).check();
      await review.getByRole("radiogroup", { name: "Were the targets amended?" }).getByRole("radio", { name: "No" }).check();
      await review.getByRole("checkbox", { name: /final review/ }).check();
      await review.getByRole("button", { name: "Record the review" }).click();
      await review.getByText("Review recorded").waitFor(WAIT);
      await page.getByTestId("reviews").getByRole("heading", { name: /\(final\)/ }).waitFor(WAIT);

      const axe = await seriousAxeViolations(page);
      expect(axe, `axe on the case page:\n${axe}`).toBe("");

      // Close: targets achieved, on the final review.
      const close = page.getByTestId("close-case");
      await close.getByLabel("Why is the case closing?").selectOption({ label: "Targets achieved" });
      await close.getByRole("button", { name: "Close the case" }).click();
      await expect.poll(() => page.getByTestId("case-status").textContent(), WAIT).toBe("Closed");
      expect(await page.getByTestId("case-facts").textContent()).toContain("Targets achieved");
      await expectNoChildName(page);
    });

    const saved = await api(TEACHER, "GET", `/api/casework/cases/${caseId}`);
    expect(saved.body.case).toMatchObject({ childRef: caseRef, status: "closed", closure: { reason: "targets-achieved", closedAt: TODAY } });
    expect(saved.body.case.targets).toHaveLength(2);
    expect(saved.body.visits).toHaveLength(1);
    expect(saved.body.reviews[0]).toMatchObject({ final: true, targetsAmended: false });
  });

  it("Dover's KPI return for the term shows the changed figures as prefilled, with their source", async () => {
    expect(caseId).not.toBe("");
    const after = await returnPrefill();
    for (const id of CHANGED) expect(after[id]?.value, id).toBe((before[id]?.value ?? 0) + 1);
    expect(after.closed_achieved_num!.source).toMatch(/closed because the targets were achieved/);
    await withPage(async (page) => {
      await page.clock.setFixedTime(NOW);
      await page.goto(`${app.url}/tabs/kpi-return?as=${encodeURIComponent(LEAD)}`);
      await page.getByTestId("signed-in-user").waitFor(WAIT);
      const prefill = page.getByTestId("prefill-closed_achieved_num");
      await prefill.waitFor(WAIT);
      expect(await prefill.textContent()).toContain(`Prefilled ${after.closed_achieved_num!.value} from LIFT Hub: ${after.closed_achieved_num!.source}`);
    });
  });
});

describe("Casework tab: the caseload, a stale save, and who sees what", { timeout: 180_000 }, () => {
  it("a stale targets save offers their version or mine re-applied; mine is saved over theirs", async () => {
    const mine = await api(TEACHER, "GET", "/api/casework/cases?teacher=me&status=open");
    const open = (mine.body.items as { id: string; view: string; childRef: string }[]).find((c) => c.view === "full");
    expect(open, "an open case on teacher.dover's demo caseload").toBeDefined();
    await withPage(async (page) => {
      await openCasework(page, TEACHER, `&case=${open!.id}`);
      const targets = page.getByTestId("targets-form");
      await targets.waitFor(WAIT);
      // The lead changes the case meanwhile.
      const current = (await api(LEAD, "GET", `/api/casework/cases/${open!.id}`)).body.case;
      const theirs = { id: "lead-1", text: "Joins a small group for ten minutes", agreedWith: ["school"], setAt: TODAY };
      expect((await api(LEAD, "PUT", `/api/casework/cases/${open!.id}`, { eTag: current.eTag, changes: { targets: [...current.targets, theirs] } })).status).toBe(200);

      await targets.getByRole("button", { name: "Add a target" }).click();
      const count = await targets.getByTestId("target").count();
      const box = targets.getByRole("group", { name: `Target ${count}` });
      await box.getByLabel("Target", { exact: true }).fill("Asks for help with a card");
      await box.getByRole("checkbox", { name: "Child or young person" }).check();
      await targets.getByRole("button", { name: "Save targets" }).click();
      const stale = page.getByTestId("targets-stale");
      await stale.waitFor(WAIT);
      expect(await stale.textContent()).toContain(theirs.text);
      await stale.getByRole("button", { name: "Re-apply my changes to theirs and save" }).click();
      await targets.getByText("Targets saved").waitFor(WAIT);
    });
    const saved = (await api(TEACHER, "GET", `/api/casework/cases/${open!.id}`)).body.case;
    const texts = saved.targets.map((t: { text: string }) => t.text);
    expect(texts).toContain("Joins a small group for ten minutes");
    expect(texts).toContain("Asks for help with a card");
  });

  it("the reviews-due view and the clinic log load; the caseload passes axe in the dark theme", async () => {
    await withPage(async (page) => {
      await openCasework(page, LEAD, "&theme=dark");
      await page.getByTestId("caseload-table").waitFor(WAIT);
      await page.getByRole("tab", { name: "Reviews due" }).click();
      await page.getByRole("heading", { name: "Reviews due and overdue" }).waitFor(WAIT);
      await page.getByRole("tab", { name: "Clinic log" }).click();
      await page.getByTestId("clinic-form").waitFor(WAIT);
      const axe = await seriousAxeViolations(page);
      expect(axe, `axe on the clinic log:\n${axe}`).toBe("");
    }, "dark");
  });

  it("the setting's SENCo reads the closed case (targets, visit, reviews) without forms or the child's name", async () => {
    expect(caseId).not.toBe("");
    await withPage(async (page) => {
      await openCasework(page, "senco.dover@lift.local", `&case=${caseId}`);
      await page.getByRole("heading", { name: new RegExp(`Case ${caseRef}`) }).waitFor(WAIT);
      expect(await page.getByTestId("case-status").textContent()).toBe("Closed");
      expect(await page.getByRole("list", { name: "Targets" }).textContent()).toContain("Uses the phonics mat unprompted");
      expect(await page.getByTestId("visits").textContent()).toContain("Modelled paired reading");
      expect(await page.getByRole("button", { name: /Record the|Save targets|Close the case/ }).count()).toBe(0);
      await expectNoChildName(page);
    });
  });

  it("the lead records a clinic with an anonymised question; a missing answer links to its field", async () => {
    await withPage(async (page) => {
      await openCasework(page, LEAD);
      await page.getByRole("tab", { name: "Clinic log" }).click();
      const form = page.getByTestId("clinic-form");
      await form.getByRole("button", { name: "Add a question" }).click();
      await form.getByRole("button", { name: "Record the clinic" }).click();
      const summary = page.getByTestId("clinic-errors");
      await summary.waitFor(WAIT);
      await summary.getByRole("link", { name: /Enter the anonymised question/ }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-clinic-entries-0-question");
      const question = "Ideas for a Year 2 pupil who avoids writing tasks";
      await form.getByLabel("Anonymised question").fill(question);
      await form.getByLabel("Outcome").selectOption({ label: "Advice given" });
      await form.getByRole("button", { name: "Record the clinic" }).click();
      await form.getByText("Clinic recorded").waitFor(WAIT);
      await page.getByTestId("clinics-table").getByText(question, { exact: false }).waitFor(WAIT);
    });
    const clinics = await api(LEAD, "GET", "/api/casework/clinics");
    expect(clinics.body.items.some((c: { entries: { question?: string }[] }) => c.entries.some((e) => e.question?.startsWith("Ideas for a Year 2 pupil")))).toBe(true);
  });

  it("a commissioner is told casework is figures only", async () => {
    await withPage(async (page) => {
      await openCasework(page, "commissioner@lift.local");
      await page.getByText("Casework figures are in the KPI summary").waitFor(WAIT);
    });
  });
});

