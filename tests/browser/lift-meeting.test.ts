/**
 * The LIFT meeting tab end to end against the real API, on a fixed clock (Tuesday 24 November
 * 2026): the Dover specialist teacher runs the meeting from the side panel (?frame=sidePanel), moves
 * through the agenda with Next to a case of senco.dover's, records an outcome (specialist teacher
 * allocated, the teacher, a complete support plan, an action) and saves it; the Dover lead, the chair,
 * approves it; senco.dover then sees the outcome and the action in My referrals. The stage
 * (?frame=meetingStage) shows none of the child names on the members' agenda. axe finds no serious or
 * critical violations on the side panel, the stage and the content agenda. The lead reorders the
 * agenda with the keyboard and saves it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startTestApp } from "../support/test-app";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { apiFor, type Api } from "../support/api-client";
import { pageRunner, seriousAxeViolations } from "./helpers";

const NOW = new Date("2026-11-24T10:00:00Z");
const TEACHER = "teacher.dover@lift.local";
const LEAD = "lead.dover@lift.local";
const SENCO = "senco.dover@lift.local";
const ACTION = "Share the visual timetable with home";
const WAIT = { timeout: 20_000 };

let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: TestBrowser;
let api: Api;
const withPage = pageRunner(() => browser);

/** The meeting the tests run, and the case on it that is senco.dover's and has no outcome yet. */
let meetingId = "";
let target = { id: "", caseReference: "", settingName: "" };
let childNames: string[] = [];

interface AgendaEntryJson {
  kind: "case" | "item";
  id: string;
  caseReference?: string;
  settingName?: string;
  childName?: string;
  outcomeStatus?: string;
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { now: () => NOW }), launchBrowser()]);
  api = apiFor(app.url);

  const mine = await api(SENCO, "GET", "/api/referrals?scope=mine");
  expect(mine.status).toBe(200);
  const sencoCases = new Set((mine.body.items as { caseReference?: string }[]).map((r) => r.caseReference).filter(Boolean));
  const meetings = await api(TEACHER, "GET", "/api/lift-meetings?district=dover&from=2026-11-24");
  expect(meetings.status).toBe(200);
  for (const m of meetings.body.items as { id: string; status: string }[]) {
    if (m.status === "cancelled") continue;
    const agenda = await api(TEACHER, "GET", `/api/lift-meetings/${m.id}/agenda`);
    expect(agenda.status).toBe(200);
    const entries = agenda.body.entries as AgendaEntryJson[];
    const found = entries.find((e) => e.kind === "case" && sencoCases.has(e.caseReference) && e.outcomeStatus === "none");
    if (found) {
      meetingId = m.id;
      target = { id: found.id, caseReference: found.caseReference ?? "", settingName: found.settingName ?? "" };
      childNames = entries.map((e) => e.childName ?? "").filter((n) => n !== "");
      break;
    }
  }
  expect(meetingId, "a Dover meeting with one of senco.dover's cases still to discuss").not.toBe("");
  expect(childNames.length, "the members' agenda names the children").toBeGreaterThan(0);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openMeeting(page: Page, upn: string, frame: "sidePanel" | "meetingStage" | "content"): Promise<void> {
  const params = new URLSearchParams({ as: upn, view: "agenda", district: "dover", meeting: meetingId, frame });
  await page.goto(`${app.url}/tabs/lift-meeting?${params.toString()}`);
  await page.getByTestId("signed-in-user").waitFor(WAIT);
}

/** The entry the running order marks as current ("" before the meeting starts). */
async function currentEntry(page: Page): Promise<string> {
  const current = page.getByTestId("running-order").locator('li[aria-current="step"]');
  return (await current.count()) === 0 ? "" : ((await current.getAttribute("data-entry-id")) ?? "");
}

describe("LIFT meeting tab: run a case, approve it, the SENCo sees it", { timeout: 180_000 }, () => {
  it("as teacher.dover in the side panel: Next through the agenda to the case, record the outcome and save it", async () => {
    await withPage(async (page) => {
      await openMeeting(page, TEACHER, "sidePanel");
      await page.getByTestId("running-order").waitFor(WAIT);

      let presses = 0;
      while ((await currentEntry(page)) !== target.id) {
        const before = await currentEntry(page);
        expect(presses, `Next reached ${target.caseReference}`).toBeLessThan(60);
        await page.getByTestId("next-case").click();
        presses++;
        await expect.poll(() => currentEntry(page), WAIT).not.toBe(before);
      }
      expect(presses, "moved with Next at least once").toBeGreaterThan(0);

      const currentCase = page.getByTestId("current-case");
      await currentCase.getByRole("heading", { name: `Now: ${target.caseReference}` }).waitFor(WAIT);
      expect(await page.getByTestId("case-details").textContent()).toContain(target.settingName);
      // The prompts and both clocks are there for the case.
      expect(await page.getByRole("list", { name: "Solution-focused steps" }).count()).toBe(1);
      expect(await page.getByTestId("case-timer").textContent()).toMatch(/^−?\d{2}:\d{2}$/);

      const form = page.getByTestId("outcome-section");
      await form.getByRole("checkbox", { name: "Specialist teacher allocated" }).check(WAIT);
      await form.getByLabel("Allocated specialist teacher").selectOption({ label: "Sam Patel" });
      const plan = form.getByTestId("support-plan");
      await plan.waitFor(WAIT);
      const planAnswers: [string, string][] = [
        ["Support to be provided", "Weekly specialist teacher visit"],
        ["Entrance criteria", "Struggles to stay in class"],
        ["Exit criteria", "Stays in class for a whole lesson"],
        ["Potential duration", "One term"],
        ["Focus and purpose", "Self-regulation in class"],
        ["Progress measures and evidence", "Time in class each week"],
      ];
      for (const [label, value] of planAnswers) await plan.getByLabel(label).fill(value);
      await plan.getByLabel("Review date").fill("2027-02-15");
      await form.getByRole("button", { name: "Add an action" }).click();
      const action = form.getByRole("group", { name: "Action 1" });
      await action.getByLabel("What will be done").fill(ACTION);
      await action.getByLabel("Owner").fill("Jo Bennett");
      await action.getByLabel("Due date").fill("2026-12-18");
      await form.getByLabel("Notes").fill("Agreed a term of specialist teacher support.");

      const panel = await seriousAxeViolations(page);
      expect(panel, `axe on the side panel:\n${panel}`).toBe("");

      // A LIFT member records the outcome; only the chair or lead approves it.
      expect(await form.getByRole("button", { name: "Approve" }).count()).toBe(0);
      await form.getByRole("button", { name: "Save draft" }).click();
      await form.getByText("Draft saved", { exact: true }).waitFor(WAIT);
    });

    const saved = await api(TEACHER, "GET", `/api/lift-meetings/${meetingId}/outcomes/${target.id}`);
    expect(saved.status).toBe(200);
    expect(saved.body.outcome.status).toBe("draft");
    expect(saved.body.outcome.outcome.categories).toEqual(["specialist_teacher_allocated"]);
    expect(saved.body.outcome.outcome.allocatedTeacherOid).toBe("b11bc9f2-df69-50f8-aac7-fed91b6aeb27");
    expect(saved.body.outcome.outcome.supportPlan.reviewDate).toBe("2027-02-15");
    expect(saved.body.outcome.outcome.actions.map((a: { description: string }) => a.description)).toEqual([ACTION]);
  });

  it("as lead.dover, the chair: approve it", async () => {
    expect(meetingId).not.toBe("");
    await withPage(async (page) => {
      await openMeeting(page, LEAD, "sidePanel");
      const currentCase = page.getByTestId("current-case");
      await currentCase.getByRole("heading", { name: `Now: ${target.caseReference}` }).waitFor(WAIT);
      const form = page.getByTestId("outcome-section");
      await expect.poll(() => form.getByRole("checkbox", { name: "Specialist teacher allocated" }).isChecked(), WAIT).toBe(true);
      await form.getByRole("button", { name: "Approve" }).click();
      await form.getByTestId("outcome-approved").waitFor(WAIT);
      await form.getByText("Outcome approved").waitFor(WAIT);
    });
    const approved = await api(LEAD, "GET", `/api/lift-meetings/${meetingId}/outcomes/${target.id}`);
    expect(approved.body.outcome.status).toBe("approved");
  });

  it("as senco.dover in My referrals: the outcome and the action for the case", async () => {
    expect(target.caseReference).not.toBe("");
    await withPage(async (page) => {
      await page.goto(`${app.url}/tabs/referral?as=${encodeURIComponent(SENCO)}`);
      await page.getByTestId("signed-in-user").waitFor(WAIT);
      const item = page.getByTestId("referral-item").filter({ hasText: target.caseReference });
      await item.waitFor(WAIT);
      await expect.poll(async () => (await item.textContent()) ?? "", WAIT).toContain("Specialist teacher allocated");
      expect(await item.getByRole("list", { name: "Actions for the school" }).textContent()).toContain(ACTION);
    });
  });
});

describe("LIFT meeting tab: the stage and the content agenda", { timeout: 180_000 }, () => {
  it("the stage shows the current case but none of the children's names, and passes axe", async () => {
    expect(childNames.length).toBeGreaterThan(0);
    await withPage(async (page) => {
      await openMeeting(page, TEACHER, "meetingStage");
      const current = page.getByTestId("stage-current");
      await current.getByText(target.caseReference, { exact: true }).waitFor(WAIT);
      expect(await current.textContent()).toContain(target.settingName);
      const text = await page.locator("body").innerText();
      for (const name of childNames) {
        expect(text, "no child's name on the stage").not.toContain(name);
        for (const part of name.split(/\s+/).filter((p) => p.length > 2)) {
          expect(text.toLowerCase(), `no part of a child's name (${part}) on the stage`).not.toMatch(new RegExp(`\\b${part.toLowerCase()}\\b`));
        }
      }
      const stage = await seriousAxeViolations(page);
      expect(stage, `axe on the stage:\n${stage}`).toBe("");
    });
  });

  it("the content agenda: read-only for a member, editable by the lead with the keyboard; axe on both", async () => {
    await withPage(async (page) => {
      await openMeeting(page, TEACHER, "content");
      const table = page.getByTestId("agenda-table");
      await table.waitFor(WAIT);
      expect(await table.textContent()).toContain(target.caseReference);
      expect(await page.getByRole("button", { name: /^Move .* up$/ }).count(), "members do not reorder").toBe(0);
      const member = await seriousAxeViolations(page);
      expect(member, `axe on the member's agenda:\n${member}`).toBe("");
    });

    const before = await api(LEAD, "GET", `/api/lift-meetings/${meetingId}/agenda`);
    const order = (before.body.entries as AgendaEntryJson[]).map((e) => e.id);
    expect(order.length).toBeGreaterThan(1);
    const last = (before.body.entries as AgendaEntryJson[]).at(-1) as AgendaEntryJson;
    const lastName = last.kind === "case" ? (last.caseReference ?? "") : "";

    await withPage(async (page) => {
      await openMeeting(page, LEAD, "content");
      await page.getByTestId("agenda-editor").waitFor(WAIT);
      const lead = await seriousAxeViolations(page);
      expect(lead, `axe on the lead's agenda:\n${lead}`).toBe("");

      // Move the last entry up one place with the keyboard, then save.
      const up = page.getByRole("button", { name: lastName ? `Move ${lastName} up` : /^Move .* up$/ }).last();
      await up.focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? ""), WAIT).toMatch(/^Move .* (up|down)$/);
      await page.getByRole("button", { name: "Save agenda" }).click();
      await page.getByTestId("agenda-result").filter({ hasText: "Agenda saved." }).waitFor(WAIT);
    });

    const after = await api(LEAD, "GET", `/api/lift-meetings/${meetingId}/agenda`);
    const expected = [...order];
    const moved = expected.splice(expected.length - 1, 1)[0] as string;
    expected.splice(expected.length - 1, 0, moved);
    expect((after.body.entries as AgendaEntryJson[]).map((e) => e.id)).toEqual(expected);
  });

  it("the lead plans two meetings in one go; a row's problem is shown against that row", async () => {
    await withPage(async (page) => {
      await openMeeting(page, LEAD, "content");
      const plan = page.getByRole("form", { name: "Plan meetings" });
      await plan.waitFor(WAIT);
      const rows = plan.getByTestId("plan-row");
      await rows.nth(0).getByLabel("Date").fill("2027-01-14");
      await plan.getByRole("button", { name: "Add another meeting" }).click();
      await expect.poll(() => rows.count(), WAIT).toBe(2);
      // The new row follows the last one a week later; end it before it starts.
      expect(await rows.nth(1).getByLabel("Date").inputValue()).toBe("2027-01-21");
      await rows.nth(1).getByLabel("Ends").fill("09:00");
      await plan.getByRole("button", { name: "Plan 2 meetings" }).click();
      const summary = page.getByTestId("plan-errors");
      await summary.waitFor(WAIT);
      expect(await summary.textContent()).toMatch(/Meeting 2: /);
      expect(await rows.nth(0).locator('[aria-invalid="true"]').count(), "the first row is fine").toBe(0);
      expect(await rows.nth(1).getByLabel("Ends").getAttribute("aria-invalid")).toBe("true");

      await rows.nth(1).getByLabel("Ends").fill("12:00");
      await plan.getByRole("button", { name: "Plan 2 meetings" }).click();
      await plan.getByText("2 meetings planned").waitFor(WAIT);
    });
    const planned = await api(LEAD, "GET", "/api/lift-meetings?district=dover&from=2027-01-01");
    const starts = (planned.body.items as { startsAt: string }[]).map((m) => m.startsAt.slice(0, 10));
    expect(starts).toEqual(expect.arrayContaining(["2027-01-14", "2027-01-21"]));
  });
});

describe("LIFT meeting tab: two people on one case", { timeout: 180_000 }, () => {
  it("a stale outcome save (412) names who changed it, keeps my edits, and re-applies them onto theirs", async () => {
    const agenda = await api(TEACHER, "GET", `/api/lift-meetings/${meetingId}/agenda`);
    const other = (agenda.body.entries as AgendaEntryJson[]).find((e) => e.kind === "case" && e.id !== target.id && e.outcomeStatus === "none");
    expect(other, "a second case without an outcome").toBeDefined();
    const { id, caseReference } = other as AgendaEntryJson;
    expect((await api(TEACHER, "POST", `/api/lift-meetings/${meetingId}/current`, { entryId: id })).status).toBe(200);

    await withPage(async (page) => {
      await openMeeting(page, TEACHER, "sidePanel");
      await page.getByTestId("current-case").getByRole("heading", { name: `Now: ${caseReference}` }).waitFor(WAIT);
      const form = page.getByTestId("outcome-section");
      await form.getByLabel("Notes").fill("My notes from the discussion");

      // The lead saves the case meanwhile.
      const theirs = await api(LEAD, "PUT", `/api/lift-meetings/${meetingId}/outcomes/${id}`, { outcome: { categories: ["training"], actions: [] } });
      expect(theirs.status).toBe(201);

      await form.getByRole("button", { name: "Save draft" }).click();
      const stale = form.getByTestId("outcome-stale");
      await stale.waitFor(WAIT);
      expect(await stale.textContent()).toContain("Helen Marsh changed this case");
      expect(await stale.textContent()).toContain("Training");
      expect(await form.getByLabel("Notes").inputValue(), "my edit is kept").toBe("My notes from the discussion");

      await stale.getByRole("button", { name: "Re-apply my changes to theirs and save" }).click();
      await form.getByText("Draft saved", { exact: true }).waitFor(WAIT);
      expect(await form.getByRole("checkbox", { name: "Training" }).isChecked(), "their category is kept").toBe(true);
    });

    const merged = await api(TEACHER, "GET", `/api/lift-meetings/${meetingId}/outcomes/${id}`);
    expect(merged.body.outcome.outcome.categories).toEqual(["training"]);
    expect(merged.body.outcome.outcome.notes).toBe("My notes from the discussion");
  });
});
