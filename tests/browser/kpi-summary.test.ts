/**
 * The KPI summary tab end to end against the real API (startTestApp): a commissioner filters the
 * districts × KPIs table, drills down to a district's return and history, opens the printable
 * monitoring pack, exports the summary as CSV, and reads a district by locality and LIFT group; a
 * district lead is told the summary is for commissioners only and reads their own district's
 * localities. Axe in light and dark themes.
 */
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startTestApp } from "../support/test-app";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { apiFor } from "../support/api-client";
import { monitoringPackLink } from "../../src/domain/kpi/pack-link";
import { pageRunner, seriousAxeViolations } from "./helpers";

const COMMISSIONER = "commissioner@lift.local";
const LEAD = "lead.dover@lift.local";
const CSV_HEADER = "level,name,academic_year,period,measure,value,numerator,denominator,percent,rag,districts_reporting";
const SOUTH = ["Ashford", "Dover", "Folkestone and Hythe"];

let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: TestBrowser;
const withPage = pageRunner(() => browser, { acceptDownloads: true });

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openSummary(page: Page, upn: string, theme = "default"): Promise<void> {
  await page.goto(`${app.url}/tabs/summary?as=${encodeURIComponent(upn)}&theme=${theme}`);
  await page.getByTestId("signed-in-user").waitFor({ timeout: 15_000 });
}

async function districtNames(page: Page): Promise<string[]> {
  const links = page.getByTestId("kpi-table").getByTestId("district-link");
  return (await links.allTextContents()).map((t) => t.trim());
}

/** Wait until the table shows exactly these districts (a filter change reloads it). */
async function expectDistricts(page: Page, names: string[]): Promise<void> {
  await expect.poll(() => districtNames(page), { timeout: 15_000 }).toEqual(names);
}

describe("KPI summary as the commissioner", { timeout: 120_000 }, () => {
  it("filters by area, district and terms; ratings say their name in words; missing is never 0", async () => {
    await withPage(async (page) => {
      await openSummary(page, COMMISSIONER);
      await page.getByTestId("kpi-table").waitFor({ timeout: 20_000 });
      await expect.poll(() => districtNames(page).then((n) => n.length), { timeout: 15_000 }).toBe(12);

      // Every rating badge says Green, Amber, Red, No rating or Too few answers to rate; a district with no figure says Missing.
      for (const text of await page.getByTestId("kpi-table").getByTestId("rag").allTextContents()) {
        expect(["Green", "Amber", "Red", "No rating", "Too few answers to rate"]).toContain(text);
      }
      // A questionnaire figure says how many answered out of those asked, or that it is not recorded.
      for (const text of await page.getByTestId("kpi-table").getByTestId("response-rate").allTextContents()) {
        expect(text).toMatch(/^answered \d+( of \d+ asked( \(\d+(\.\d)?%\))?|; how many were asked is not recorded)$/);
      }
      for (const text of await page.getByTestId("kpi-table").getByTestId("missing-value").allTextContents()) {
        expect(text).toBe("Missing");
      }

      await page.getByLabel("Area", { exact: true }).selectOption("South");
      await expectDistricts(page, SOUTH);
      expect(await page.getByTestId("row-area").allTextContents()).toEqual([expect.stringContaining("South area")]);

      await page.getByLabel("District", { exact: true }).selectOption({ label: "Dover" });
      await expectDistricts(page, ["Dover"]);
      // The district list follows the area.
      expect((await page.getByLabel("District", { exact: true }).locator("option").allTextContents()).slice(1)).toEqual(SOUTH);

      // Terms: leave out Term 6; the year column says which terms it covers.
      await page.getByRole("checkbox", { name: "Term 6" }).uncheck();
      await expect
        .poll(() => page.getByLabel("Period shown", { exact: true }).locator("option").allTextContents(), { timeout: 15_000 })
        .toContain("Whole year (terms 1, 2, 3, 4, 5)");

      // The completeness panel lists missing returns as "Missing", never as 0.
      const completeness = page.getByTestId("completeness");
      for (const text of await completeness.getByTestId("missing-district").allTextContents()) {
        expect(text).toMatch(/^Missing/);
      }

      // Time to support follows the filters: only Dover, only the terms chosen, a median with its count or "No children".
      const waits = page.getByTestId("time-to-support").getByTestId("time-to-support-row");
      await expect.poll(() => waits.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      for (const row of await waits.all()) {
        const cells = await row.locator("td").allTextContents();
        expect(cells[0]).toBe("Dover");
        expect(cells[1]).not.toBe("Term 6");
        for (const wait of cells.slice(2)) expect(wait).toMatch(/^(\d+(\.\d)? days? \(n = \d+\)|No children)$/);
      }
    });
  });

  it("drills down to a district's return and history, and opens the printable monitoring pack", async () => {
    await withPage(async (page) => {
      await openSummary(page, COMMISSIONER);
      await page.getByTestId("kpi-table").getByTestId("district-link").filter({ hasText: /^Dover$/ }).click();
      const drilldown = page.getByTestId("drilldown");
      await drilldown.waitFor();
      expect(await drilldown.getByRole("heading", { level: 2 }).textContent()).toMatch(/^Dover · \d{4}-\d{2}$/);
      await drilldown.getByTestId("return-status").waitFor({ timeout: 15_000 });
      expect(await drilldown.getByRole("heading", { name: "History" }).count()).toBe(1);
      // Another term.
      await drilldown.getByRole("tab", { name: "Term 1" }).click();
      await expect.poll(() => drilldown.getByRole("tab", { selected: true }).textContent()).toBe("Term 1");
      await drilldown.getByTestId("return-status").waitFor({ timeout: 15_000 });

      await drilldown.getByRole("button", { name: "Terms 1 and 2" }).click();
      const pack = page.getByTestId("monitoring-pack");
      await pack.getByRole("heading", { level: 2 }).waitFor({ timeout: 15_000 });
      expect(await pack.getByRole("heading", { level: 2 }).textContent()).toMatch(/^Dover monitoring meeting: Term 1 and Term 2, \d{4}-\d{2}$/);
      for (const heading of ["Figures", "Anomalies to discuss", "Narrative"]) {
        expect(await pack.getByRole("heading", { name: heading }).count(), heading).toBe(1);
      }
      const violations = await seriousAxeViolations(page);
      expect(violations, `axe on the pack:\n${violations}`).toBe("");

      // Printed, the pack is all there is: no app header, no buttons.
      const appHeader = page.locator("header").first();
      expect(await appHeader.isVisible()).toBe(true);
      await page.emulateMedia({ media: "print" });
      expect(await appHeader.isVisible()).toBe(false);
      expect(await pack.getByRole("button", { name: "Print the pack" }).isVisible()).toBe(false);
      expect(await pack.getByRole("heading", { level: 2 }).isVisible()).toBe(true);
      await page.emulateMedia({ media: "screen" });
      expect(await pack.getByRole("button", { name: "Print the pack" }).isVisible()).toBe(true);
    });
  });

  it("shows a district's work by locality and by LIFT group, as the API counts it, only for a district that has them", async () => {
    // The demo puts Canterbury's schools in two localities and two LIFT groups; Dover has neither.
    await withPage(async (page) => {
      await openSummary(page, COMMISSIONER);
      await page.getByTestId("kpi-table").waitFor({ timeout: 20_000 });
      await page.getByLabel("District", { exact: true }).selectOption({ label: "Canterbury" });
      await expectDistricts(page, ["Canterbury"]);
      const byLocality = page.getByTestId("by-locality");
      await byLocality.waitFor({ timeout: 20_000 });
      const shownYear = await page.getByLabel("Academic year", { exact: true }).inputValue();
      const answer = await apiFor(app.url)(COMMISSIONER, "GET", `/api/kpi/locality-report?district=canterbury&year=${shownYear}`);
      expect(answer.status).toBe(200);
      await expect.poll(() => byLocality.getByTestId("by-locality-row").count(), { timeout: 15_000 }).toBe(answer.body.byLocality.length);
      const names = (await byLocality.getByTestId("by-locality-row").locator("td:first-child").allTextContents()).map((t) => t.trim());
      expect(names.slice(0, 3)).toEqual(["Canterbury city", "Whitstable and Herne Bay", "No locality"]);
      // Each row's figures are the API's, in the order of the column headers.
      const headers = (await byLocality.locator("th").allTextContents()).map((t) => t.trim());
      expect(headers.slice(0, 3)).toEqual(["Locality", "Settings", "Referrals received"]);
      for (const [i, row] of (answer.body.byLocality as Array<{ figures: Record<string, number> }>).entries()) {
        const cells = (await byLocality.getByTestId("by-locality-row").nth(i).locator("td").allTextContents()).map((t) => t.trim());
        expect(cells[2]).toBe(String(row.figures.referralsReceived));
        expect(cells[4]).toBe(String(row.figures.casesDiscussed));
      }
      const total = (await byLocality.getByTestId("by-locality-total").locator("td").allTextContents()).map((t) => t.trim());
      expect(total[0]).toBe("All of Canterbury");
      expect(total[2]).toBe(String(answer.body.total.figures.referralsReceived));
      const groups = (await page.getByTestId("by-lift-group-row").locator("td:first-child").allTextContents()).map((t) => t.trim());
      expect(groups.slice(0, 2).sort()).toEqual(["Canterbury early years LIFT", "Canterbury schools LIFT"]);
      expect(await page.getByRole("table", { name: /^Canterbury by locality, / }).count()).toBe(1);
      // Axe over the report's card only (the whole page is scanned in the accessibility test below).
      const axe = await new AxeBuilder({ page }).include("[data-testid=locality-report]").options({ resultTypes: ["violations"] }).analyze();
      expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

      await page.getByLabel("District", { exact: true }).selectOption({ label: "Dover" });
      await expectDistricts(page, ["Dover"]);
      await page.getByTestId("time-to-support").waitFor();
      await expect.poll(() => page.getByTestId("by-locality").count(), { timeout: 15_000 }).toBe(0);
      expect(await page.getByTestId("locality-report").count()).toBe(0);
    });
  });

  it("exports the summary as CSV with exactly the documented columns", async () => {
    await withPage(async (page) => {
      await openSummary(page, COMMISSIONER);
      await page.getByTestId("kpi-table").waitFor({ timeout: 20_000 });
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 20_000 }), page.getByRole("button", { name: "Export CSV" }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const file = await download.path();
      const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
      expect(text.split(/\r?\n/)[0]).toBe(CSV_HEADER);
    });
  });
});

describe("KPI summary: access and accessibility", { timeout: 120_000 }, () => {
  it("a district lead is told it is for commissioners only, and the API answers 403", async () => {
    await withPage(async (page) => {
      await openSummary(page, LEAD);
      const message = page.getByTestId("commissioners-only");
      await message.waitFor();
      expect(await message.textContent()).toContain("Commissioners only");
      expect(await page.getByTestId("kpi-table").count()).toBe(0);
    });
    const res = await apiFor(app.url)(LEAD, "GET", "/api/kpi/summary?year=2025-26");
    expect(res.status).toBe(403);
  });

  it("a district lead whose district has localities reads its work by locality under the notice; a SENCo does not", async () => {
    await withPage(async (page) => {
      await openSummary(page, "lead.canterbury@lift.local");
      await page.getByTestId("commissioners-only").waitFor();
      const rows = page.getByTestId("by-locality-row");
      await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
      expect((await rows.locator("td:first-child").allTextContents()).slice(0, 3)).toEqual(["Canterbury city", "Whitstable and Herne Bay", "No locality"]);
      expect(await page.getByTestId("kpi-table").count()).toBe(0);
    });
    await withPage(async (page) => {
      await openSummary(page, "senco.dover@lift.local");
      await page.getByTestId("commissioners-only").waitFor();
      expect(await page.getByTestId("locality-report").count()).toBe(0);
    });
  });

  it("the monitoring-meeting reminder's pack link opens the pack for the district's own lead, and not for another district's", async () => {
    const link = new URL(monitoringPackLink(app.url, "dover", "2025-26", [1, 2]));
    await withPage(async (page) => {
      await page.goto(`${link.href}&as=${encodeURIComponent(LEAD)}`);
      const pack = page.getByTestId("monitoring-pack");
      await pack.getByRole("heading", { level: 2 }).waitFor({ timeout: 15_000 });
      expect(await pack.getByRole("heading", { level: 2 }).textContent()).toBe("Dover monitoring meeting: Term 1 and Term 2, 2025-26");
      await pack.getByRole("heading", { name: "Figures" }).waitFor({ timeout: 15_000 });
      // Demo data: the transition survey has 1-4 answers outside the summer terms, and term 1 has no count of those asked.
      const transition = pack.getByRole("row").filter({ hasText: "High confidence after a transition event" });
      await expect.poll(() => transition.getByTestId("rag").allTextContents(), { timeout: 15_000 }).toEqual(["Too few answers to rate", "Too few answers to rate"]);
      const rates = await transition.getByTestId("response-rate").allTextContents();
      expect(rates[0]).toMatch(/^answered [1-4]; how many were asked is not recorded$/);
      expect(rates[1]).toMatch(/^answered [1-4] of \d+ asked \(\d+(\.\d)?%\)$/);
    });
    await withPage(async (page) => {
      await page.goto(`${link.href}&as=${encodeURIComponent("lead.thanet@lift.local")}`);
      await page.getByTestId("commissioners-only").waitFor({ timeout: 15_000 });
      expect(await page.getByTestId("monitoring-pack").count()).toBe(0);
    });
  });

  it("has no serious or critical axe violations in light and dark themes", async () => {
    for (const theme of ["default", "dark"]) {
      await withPage(async (page) => {
        await openSummary(page, COMMISSIONER, theme);
        await page.getByTestId("kpi-table").waitFor({ timeout: 20_000 });
        await page.getByTestId("completeness").waitFor();
        await page.getByRole("progressbar").first().waitFor({ state: "detached", timeout: 20_000 });
        const violations = await seriousAxeViolations(page);
        expect(violations, `axe on the summary (${theme}):\n${violations}`).toBe("");
      }, theme);
    }
    // Axe over the full districts × KPIs table and its charts takes tens of seconds on a busy 2-core machine.
  }, 300_000);
});
