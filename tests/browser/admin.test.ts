/**
 * The administration tab end to end on a fixed clock (Tuesday 4 May 2027, term 5 of 2026-27, when the
 * calendar holds no term after 2026-27's sixth): the summary tab warns the commissioner; in the admin
 * tab they enter 2027-28's six terms, preview what moves, save, see the KPI due dates the terms imply
 * and import a bank holiday from the GOV.UK file. A reminder pass as at a day in 2027-28 (the
 * reminders feature's runner, as `npm run reminders -- --at` builds it) then plans that year's
 * reminders. Dover's lead keeps Dover's days only. People added, changed and switched off in the tab
 * take effect at their next sign-in. Each view passes axe.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startTestApp } from "../support/test-app";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { apiFor, type Api } from "../support/api-client";
import { expectAccessible, pageRunner } from "./helpers";
import { ReminderRunner } from "../../src/server/features/reminders/runner";
import { TERMS_2027_28, govUkFile } from "../features/admin/fixtures";

const NOW = new Date("2027-05-04T09:00:00Z");
const COMMISSIONER = "commissioner@lift.local";
const LEAD = "lead.dover@lift.local";
const WAIT = { timeout: 20_000 };

let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: TestBrowser;
let api: Api;
const withPage = pageRunner(() => browser);

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { now: () => NOW }), launchBrowser()]);
  api = apiFor(app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openAdmin(page: Page, upn: string, theme = "default"): Promise<void> {
  await page.clock.setFixedTime(NOW);
  await page.goto(`${app.url}/tabs/admin?as=${encodeURIComponent(upn)}&theme=${theme}`);
  await page.getByTestId("signed-in-user").waitFor(WAIT);
}

async function signIn(upn: string): Promise<{ status: number; code?: string; role?: string }> {
  const res = await fetch(`${app.url}/auth/local/token?as=${encodeURIComponent(upn)}`);
  const body = (await res.json()) as { access_token?: string; error?: { code: string } };
  if (!body.access_token) return { status: res.status, code: body.error?.code };
  const me = (await (await fetch(`${app.url}/api/me`, { headers: { Authorization: `Bearer ${body.access_token}` } })).json()) as { role: string };
  return { status: res.status, role: me.role };
}

describe("Administration tab: the calendar", { timeout: 180_000 }, () => {
  it("the summary tab tells the commissioner the calendar is running out", async () => {
    await withPage(async (page) => {
      await page.clock.setFixedTime(NOW);
      await page.goto(`${app.url}/tabs/summary?as=${encodeURIComponent(COMMISSIONER)}`);
      const warning = page.getByTestId("calendar-warning");
      await warning.waitFor(WAIT);
      expect(await warning.textContent()).toContain("2027-28 term 1");
    });
  });

  it("a commissioner adds 2027-28's terms and a bank holiday and sees the due dates they imply", async () => {
    await withPage(async (page) => {
      await openAdmin(page, COMMISSIONER);
      await page.getByTestId("coverage-warning").waitFor(WAIT);
      await expectAccessible(page);
      for (const [i, t] of TERMS_2027_28.entries()) {
        await page.locator(`#field-terms-${i}-start`).fill(t.start);
        await page.locator(`#field-terms-${i}-end`).fill(t.end);
      }
      // A mistake first: term 4 starting before term 3 ends is refused beside the field.
      await page.locator("#field-terms-3-start").fill("2028-02-01");
      await page.getByRole("button", { name: "Preview changes" }).click();
      await page.getByTestId("terms-errors").waitFor(WAIT);
      expect(await page.getByTestId("terms-errors").textContent()).toContain("Term 4 must start after term 3 ends");
      await page.locator("#field-terms-3-start").fill(TERMS_2027_28[3].start);

      await page.getByRole("button", { name: "Preview changes" }).click();
      const preview = page.getByTestId("calendar-preview");
      await preview.waitFor(WAIT);
      // 2026-27's last return had no due date until 2027-28 term 1 existed: the preview shows it appear.
      expect(await preview.getByTestId("preview-2026-27-6").textContent()).toMatch(/none → [^A]*15 Sept? 2027, 17:00/);
      await expectAccessible(page);
      await page.getByRole("button", { name: "Save terms" }).click();
      await page.getByText("2027-28's terms are saved").waitFor(WAIT);

      const table = page.getByTestId("terms-table");
      await table.waitFor(WAIT);
      const rows = await table.locator("tbody tr").allTextContents();
      expect(rows).toHaveLength(6);
      // Term 1's return falls due on the 10th school day of term 2 (1 November 2027 + two weeks).
      expect(rows[0]).toContain("12 Nov 2027, 17:00");
      // Term 6's return waits for 2028-29's first term.
      expect(rows[5]).toContain("Not known until the next term is set");
      const term6Days = Number((await table.locator("tbody tr").nth(5).locator("td").nth(2).textContent()) ?? "0");
      await page.getByTestId("coverage-warning").waitFor({ state: "detached", ...WAIT });

      await page.getByTestId("bank-holidays-file").setInputFiles({
        name: "bank-holidays.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(govUkFile([{ title: "Coronation bank holiday", date: "2028-06-06" }]))),
      });
      const holidays = page.getByTestId("bank-holidays");
      await holidays.getByText("Coronation bank holiday").waitFor(WAIT);
      await expect.poll(async () => Number(await table.locator("tbody tr").nth(5).locator("td").nth(2).textContent())).toBe(term6Days - 1);
    });
  });

  it("a reminder pass as at a day in 2027-28 plans that year's reminders", async () => {
    const at = new Date("2027-11-12T09:30:00Z");
    // As scripts/reminders.ts does: the reminders feature's runner, on a clock set to --at.
    const runner = new ReminderRunner({ ...app.features.reminders.service.deps, now: () => at }, { owner: "cli-admin-test" });
    const report = await runner.pass();
    const keys = [...report.sent, ...report.skipped, ...report.held].map((r) => r.key);
    expect(keys).toContain("return:dover:2027-28-T1:due-day");
    expect(keys.filter((k) => k.endsWith(":2027-28-T1:due-day"))).toHaveLength(12);
    const rows = await app.features.reminders.service.deps.outbox.all({ where: { districtSlug: "thanet" } });
    expect(rows.some((r) => r.value.period === "2027-28-T1" && r.value.payload.dueAt === "2027-11-12T17:00:00Z")).toBe(true);
  });

  it("a district lead keeps their own district's days, and cannot change another district's", async () => {
    await withPage(async (page) => {
      await openAdmin(page, LEAD, "dark");
      await page.getByTestId("terms-table").waitFor(WAIT);
      expect(await page.getByRole("button", { name: "Save terms" }).count()).toBe(0);
      expect(await page.getByTestId("bank-holidays-file").count()).toBe(0);
      const form = page.getByRole("form", { name: "Add an INSET or closure day" });
      await form.getByLabel("Date").fill("2027-09-03");
      await form.getByLabel("Note").fill("Dover INSET");
      await form.getByRole("button", { name: "Add day" }).click();
      await page.getByRole("table", { name: "INSET and closure days" }).getByText("Dover INSET").waitFor(WAIT);
      await expectAccessible(page);
    });
    expect((await api(LEAD, "PUT", "/api/admin/calendar/districts/thanet/days/2027-09-03", { kind: "inset" })).status).toBe(403);
    expect((await api(LEAD, "PUT", "/api/admin/calendar/2027-28", { terms: TERMS_2027_28 })).status).toBe(403);
    const thanet = await api(LEAD, "GET", "/api/admin/people?district=thanet");
    expect(thanet.status).toBe(404);
  });
});

describe("Administration tab: people", { timeout: 180_000 }, () => {
  it("people added, changed and switched off in the tab take effect at their next sign-in", async () => {
    const upn = "new.teacher@lift.local";
    expect((await signIn(upn)).status).toBe(404);
    await withPage(async (page) => {
      await openAdmin(page, COMMISSIONER);
      await page.getByRole("tab", { name: "People" }).click();
      await page.getByTestId("people-table").waitFor(WAIT);
      await page.getByRole("button", { name: "Add a person" }).click();
      const form = page.getByTestId("person-form");
      await form.locator("#directory-query").fill(upn);
      await form.getByRole("button", { name: "Search" }).click();
      await form.getByRole("button", { name: "Choose New Teacher" }).click(WAIT);
      await form.locator("#field-role").selectOption("specialist_teacher");
      await form.getByLabel("District").selectOption("dover");
      await form.getByLabel("Chair of these LIFT groups").fill("Dover primary LIFT");
      await expectAccessible(page);
      await form.getByRole("button", { name: "Add person" }).click();
      await page.getByTestId(`person-${upn}`).waitFor(WAIT);
      expect(await signIn(upn)).toMatchObject({ status: 200, role: "specialist_teacher" });

      await page.getByRole("button", { name: "Change New Teacher" }).click();
      await page.getByTestId("person-form").locator("#field-role").selectOption("lift_member");
      await page.getByTestId("person-form").getByRole("button", { name: "Save changes" }).click();
      await page.getByTestId("person-form").waitFor({ state: "detached", ...WAIT });
      await expect.poll(async () => page.getByTestId(`person-${upn}`).textContent()).toContain("LIFT member");
      expect(await signIn(upn)).toMatchObject({ status: 200, role: "lift_member" });

      await page.getByRole("button", { name: "Switch off New Teacher" }).click();
      await page.getByText("New Teacher is switched off.").waitFor(WAIT);
      expect(await signIn(upn)).toMatchObject({ status: 403, code: "user_deactivated" });
    });
  });

  it("a CSV import with a bad row reports it by row and adds nobody", async () => {
    await withPage(async (page) => {
      await openAdmin(page, COMMISSIONER);
      await page.getByRole("tab", { name: "People" }).click();
      await page.getByTestId("people-table").waitFor(WAIT);
      const csv = ["oid,upn,displayName,role,district", "0c0ffee0-0000-5000-8000-000000000001,exec.csv@lift.local,Exec Csv,LIFT Executive,", "0c0ffee0-0000-5000-8000-000000000002,bad.csv@lift.local,Bad Csv,senco,nowhere"].join("\n");
      await page.getByTestId("people-csv").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
      const message = page.getByTestId("people-message");
      await message.getByText(/Row 3, districtSlug/).waitFor(WAIT);
    });
    expect((await signIn("exec.csv@lift.local")).status).toBe(404);
  });
});
