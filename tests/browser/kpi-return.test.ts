/**
 * The KPI return tab end to end against the real API (startTestApp): the Dover lead fills in figures,
 * sees a percentage worked out with its rating in words, is told when a numerator is above its
 * denominator, saves a draft, submits, amends (every version kept in the history); a commissioner
 * returns the submission with a comment, which the lead then sees at the top of the return. Axe in
 * light and dark themes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startTestApp } from "../support/test-app";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { apiFor, type Api } from "../support/api-client";
import { pageRunner, seriousAxeViolations } from "./helpers";

const LEAD = "lead.dover@lift.local";
const COMMISSIONER = "commissioner@lift.local";

let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: TestBrowser;
let api: Api;
const withPage = pageRunner(() => browser);

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  api = apiFor(app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openReturn(page: Page, upn: string, theme = "default", query = ""): Promise<void> {
  await page.goto(`${app.url}/tabs/kpi-return?as=${encodeURIComponent(upn)}&theme=${theme}${query}`);
  await page.getByTestId("signed-in-user").waitFor({ timeout: 15_000 });
  await page.getByTestId("return-status").waitFor({ timeout: 15_000 });
}

/** The period the tab opened on: the selected academic year and term. */
async function shownPeriod(page: Page): Promise<{ year: string; term: number }> {
  const year = await page.getByLabel("Academic year").inputValue();
  const selected = (await page.getByRole("tab", { selected: true }).textContent()) ?? "";
  const term = Number(/Term (\d)/.exec(selected)?.[1]);
  expect(term, `selected term tab: ${selected}`).toBeGreaterThanOrEqual(1);
  return { year, term };
}

async function fill(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.blur();
}

// ---------------------------------------------------------------------------------------------

describe("KPI return: fill, validate, save, submit, amend, return", { timeout: 120_000 }, () => {
  let period = { year: "", term: 0 };
  let submittedVersion = 0;

  it("as lead.dover: a percentage is worked out with its rating in words, a numerator over its denominator is refused, draft, submit, history", async () => {
    await withPage(async (page) => {
      await openReturn(page, LEAD);
      period = await shownPeriod(page);
      const before = await api(LEAD, "GET", `/api/kpi/returns/dover/${period.year}/${period.term}`);
      expect(before.status).toBe(200);
      const versionBefore: number = before.body.return.version ?? 0;

      // Prefilled figures say where they came from and stay editable.
      for (const [id, prefill] of Object.entries(before.body.return.prefill ?? {}) as [string, { source: string }][]) {
        expect(await page.getByTestId(`prefill-${id}`).textContent()).toContain(prefill.source);
        expect(await page.locator(`#kpi-field-${id}`).isEditable()).toBe(true);
      }

      // Percent: worked out, read-only, with the rating as a word.
      await fill(page, "Pupils reviewed who achieved or made significant progress", "30");
      await fill(page, "Pupils reviewed", "40");
      const percent = page.getByTestId("percent-kpi_2_1");
      await expect.poll(() => percent.textContent()).toContain("75%");
      expect(await percent.getByTestId("rag").textContent()).toBe("Green");
      expect(await percent.evaluate((el) => el.tagName)).toBe("OUTPUT");
      await fill(page, "Pupils reviewed", "50");
      await expect.poll(() => percent.textContent()).toContain("60%");
      expect(await percent.getByTestId("rag").textContent()).toBe("Red");

      // Numerator above its denominator: a message on the numerator's field, and the save is refused.
      await fill(page, "LIFT satisfaction: scoring 4 or above (Q2)", "12");
      await fill(page, "LIFT satisfaction: responses to Q2", "10");
      const numerator = page.getByLabel("LIFT satisfaction: scoring 4 or above (Q2)", { exact: true });
      await expect.poll(() => numerator.getAttribute("aria-invalid")).toBe("true");
      const message = page.getByText("LIFT satisfaction: scoring 4 or above (Q2) (12) cannot be more than LIFT satisfaction: responses to Q2 (10).");
      await message.first().waitFor();
      await page.getByRole("button", { name: "Save draft" }).click();
      await page.getByTestId("error-summary").waitFor();
      expect(await page.getByTestId("error-summary").textContent()).toContain("cannot be more than");

      // Whole numbers only.
      await fill(page, "Requests resolved at LIFT", "2.5");
      await page.getByText("Requests resolved at LIFT must be a whole number.").waitFor();

      // Corrected: the draft saves.
      await fill(page, "LIFT satisfaction: scoring 4 or above (Q2)", "8");
      await fill(page, "Requests resolved at LIFT", "7");
      await expect.poll(() => page.getByTestId("percent-kpi_1_3").textContent()).toContain("80%");
      // From 4 answers a questionnaire figure is not rated; its response rate says how many were asked.
      const satisfaction = page.getByTestId("percent-kpi_1_3");
      await fill(page, "LIFT satisfaction: scoring 4 or above (Q2)", "3");
      await fill(page, "LIFT satisfaction: responses to Q2", "4");
      await expect.poll(() => satisfaction.getByTestId("rag").textContent()).toBe("Too few answers to rate");
      await fill(page, "LIFT satisfaction: questionnaires sent (optional)", "40");
      await expect.poll(() => satisfaction.getByTestId("response-rate").textContent()).toContain("answered 4 of 40 asked (10%)");
      await fill(page, "LIFT satisfaction: responses to Q2", "10");
      await fill(page, "LIFT satisfaction: scoring 4 or above (Q2)", "8");
      await expect.poll(() => satisfaction.getByTestId("rag").textContent()).toBe("Green");
      await page.getByLabel("Narrative").fill("Two new specialist teachers joined this term.");
      await page.getByRole("button", { name: "Save draft" }).click();
      await page.getByTestId("form-notice").filter({ hasText: "Draft saved" }).waitFor({ timeout: 15_000 });
      expect(await page.getByTestId("return-status").textContent()).toBe("Draft");

      const draft = await api(LEAD, "GET", `/api/kpi/returns/dover/${period.year}/${period.term}`);
      expect(draft.body.return.status).toBe("draft");
      expect(draft.body.return.values).toMatchObject({ kpi_2_1_num: 30, kpi_2_1_den: 50, kpi_1_3_num: 8, kpi_1_3_den: 10, kpi_1_3_asked: 40, kpi_1_1: 7 });
      expect(draft.body.return.values.kpi_2_1 ?? null, "percentages are never stored as typed").toBeNull();

      // Submit needs every percentage's denominator: the district's number of settings comes from
      // the settings register, prefilled with its source, so the lead need not type it.
      for (const phase of ["primary", "secondary"]) {
        expect(draft.body.return.prefill[`settings_in_district_${phase}`]?.source, phase).toMatch(/register/i);
      }

      // Submit: a new version, shown in the history.
      await page.getByRole("button", { name: /^Submit (amended )?return$/ }).click();
      submittedVersion = versionBefore + 1;
      await page.getByTestId("form-notice").filter({ hasText: `Version ${submittedVersion} submitted` }).waitFor({ timeout: 15_000 });
      expect(await page.getByTestId("return-status").textContent()).toBe("Submitted");
      const history = page.getByTestId("return-history");
      await history.getByRole("row").filter({ hasText: `Version ${submittedVersion}` }).filter({ hasText: "Submitted" }).first().waitFor();
      // The term's tab says where the return stands.
      await expect.poll(() => page.getByRole("tab", { selected: true }).textContent()).toContain("Submitted");

      // Amend after submission: change a figure and submit again; both versions are kept.
      await fill(page, "Requests resolved at LIFT", "9");
      await page.getByRole("button", { name: "Submit amended return" }).click();
      await page.getByTestId("form-notice").filter({ hasText: `Version ${submittedVersion + 1} submitted` }).waitFor({ timeout: 15_000 });
      await history.getByRole("row").filter({ hasText: `Version ${submittedVersion + 1}` }).first().waitFor();
      expect(await history.getByRole("row").filter({ hasText: `Version ${submittedVersion}` }).count()).toBeGreaterThanOrEqual(1);
      submittedVersion += 1;
    });

    const after = await api(LEAD, "GET", `/api/kpi/returns/dover/${period.year}/${period.term}`);
    expect(after.body.return.status).toBe("submitted");
    expect(after.body.return.version).toBe(submittedVersion);
    expect(after.body.return.values.kpi_1_1).toBe(9);
    const versions = (after.body.return.history as { version: number; status: string }[]).filter((h) => h.status === "submitted").map((h) => h.version);
    expect(versions).toEqual(expect.arrayContaining([submittedVersion - 1, submittedVersion]));
  });

  it("as the commissioner: return the submission with a comment; the lead sees it at the top of the return", async () => {
    expect(submittedVersion).toBeGreaterThan(0);
    const comment = "Please check KPI 1.3: the responses look low for Dover.";
    await withPage(async (page) => {
      await openReturn(page, COMMISSIONER, "default", "&district=dover");
      await page.getByLabel("Academic year").selectOption(period.year);
      await page.getByRole("tab", { name: new RegExp(`^Term ${period.term}\\b`) }).click();
      await expect.poll(() => page.getByTestId("return-status").textContent()).toBe("Submitted");
      await page.getByRole("button", { name: "Return with comment" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Comment for the district lead").fill(comment);
      await dialog.getByRole("button", { name: "Return to lead" }).click();
      await expect.poll(() => page.getByTestId("return-status").textContent()).toBe("Returned");
    });
    await withPage(async (page) => {
      await openReturn(page, LEAD);
      await page.getByLabel("Academic year").selectOption(period.year);
      await page.getByRole("tab", { name: new RegExp(`^Term ${period.term}\\b`) }).click();
      const notice = page.getByTestId("returned-comment");
      await notice.waitFor({ timeout: 15_000 });
      expect(await notice.textContent()).toContain(comment);
      expect(await page.getByTestId("return-history").textContent()).toContain(comment);
    });
  });

  it("another district's return is not the Dover lead's to read (404)", async () => {
    const res = await api(LEAD, "GET", `/api/kpi/returns/thanet/${period.year || "2025-26"}/1`);
    expect(res.status).toBe(404);
  });
});

describe("KPI return: accessibility", { timeout: 120_000 }, () => {
  it("has no serious or critical axe violations, with a validation error showing, in light and dark themes", async () => {
    for (const theme of ["default", "dark"]) {
      await withPage(async (page) => {
        await openReturn(page, LEAD, theme);
        const empty = await seriousAxeViolations(page);
        expect(empty, `axe on the return (${theme}):\n${empty}`).toBe("");
        await fill(page, "Transition confidence: scoring 4 or above (Q1)", "5");
        await fill(page, "Transition confidence: responses to Q1", "4");
        await page.getByText("cannot be more than").first().waitFor();
        const withErrors = await seriousAxeViolations(page);
        expect(withErrors, `axe with an error showing (${theme}):\n${withErrors}`).toBe("");
      }, theme);
    }
  });
});
