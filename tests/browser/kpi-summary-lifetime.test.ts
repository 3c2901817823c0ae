/**
 * The KPI summary tab for a district retired mid-year: in the terms after its retirement it reads
 * "Not a district in this term", in the table and the completeness panel, and is never listed as
 * Missing there (src/domain/structure/lifetime.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startTestApp } from "../support/test-app";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { apiFor } from "../support/api-client";
import { pageRunner } from "./helpers";

const COMMISSIONER = "commissioner@lift.local";

let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: TestBrowser;
const withPage = pageRunner(() => browser);

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  // Swale is retired from the first day of term 2 of 2026-27.
  const retired = await apiFor(app.url)(COMMISSIONER, "POST", "/api/admin/structure/districts/swale/retire", { on: "2026-11-02" });
  expect(retired.status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openSummary(page: Page): Promise<void> {
  await page.goto(`${app.url}/tabs/summary?as=${encodeURIComponent(COMMISSIONER)}`);
  await page.getByTestId("signed-in-user").waitFor({ timeout: 15_000 });
  await page.getByLabel("Academic year", { exact: true }).selectOption("2026-27");
  await page.getByTestId("kpi-table").waitFor({ timeout: 20_000 });
}

describe("a retired district on the KPI summary tab", { timeout: 120_000 }, () => {
  it("reads 'Not a district in this term' after its retirement, and is not missing there", async () => {
    await withPage(async (page) => {
      await openSummary(page);
      await page.getByLabel("Period shown", { exact: true }).selectOption("T2");
      const swale = page.getByTestId("row-district").filter({ has: page.getByRole("button", { name: "Swale", exact: true }) });
      await expect.poll(() => swale.getByTestId("not-expected").count(), { timeout: 15_000 }).toBeGreaterThan(0);
      for (const text of await swale.getByTestId("not-expected").allTextContents()) expect(text).toBe("Not a district in this term");
      expect(await swale.getByTestId("missing-value").count()).toBe(0);

      const term2 = page.getByTestId("completeness").getByRole("region", { name: "Term 2 2026-27" });
      await expect.poll(() => term2.getByTestId("not-expected-districts").textContent(), { timeout: 15_000 }).toBe("Not a district in this term: Swale");
      expect(await term2.getByTestId("missing-district").allTextContents()).not.toContainEqual(expect.stringContaining("Swale"));
      // In term 1 it was still a district: whatever it has, it is not "not a district".
      const term1 = page.getByTestId("completeness").getByRole("region", { name: "Term 1 2026-27" });
      expect(await term1.getByTestId("not-expected-districts").count()).toBe(0);
    });
  });
});
