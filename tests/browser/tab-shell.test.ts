/**
 * The tabs shell's behaviour outside Teams: the sign-in picker, unknown users, remembering the demo
 * user between pages, the configuration page, and the fallback when a non-Teams page frames a tab.
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { startTestApp } from "../support/test-app";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { fetchAuthConfig, fetchMe, pageBackground, pageRunner, seriousAxeViolations, tokenErrorMessage } from "./helpers";

let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: TestBrowser;
const withPage = pageRunner(() => browser);

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe.concurrent("tabs shell", { timeout: 60_000 }, () => {
  it("without ?as= lists the demo users as sign-in links, in both themes without axe findings", async ({ expect }) => {
    const config = await fetchAuthConfig(app.url);
    expect(config.mode).toBe("local");
    const demoUsers = config.demoUsers ?? [];
    expect(demoUsers.length).toBeGreaterThanOrEqual(4);
    await withPage(async (page) => {
      for (const theme of ["default", "dark"]) {
        await page.goto(`${app.url}/tabs/referral?theme=${theme}`);
        const picker = page.getByRole("navigation", { name: "Demo users" });
        await picker.waitFor({ timeout: 15_000 });
        expect(await page.getByRole("heading", { level: 2 }).first().textContent()).toBe("Choose who to sign in as");
        for (const user of demoUsers) {
          const link = picker.getByRole("link", { name: user.displayName, exact: true });
          expect(await link.count(), user.upn).toBe(1);
          const href = new URL((await link.getAttribute("href")) ?? "", app.url);
          expect(href.pathname).toBe("/tabs/referral");
          expect(href.searchParams.get("as")).toBe(user.upn);
          expect(href.searchParams.get("theme")).toBe(theme);
        }
        const violations = await seriousAxeViolations(page);
        expect(violations, `axe (${theme}):\n${violations}`).toBe("");
      }
      // Following a link signs in as that user.
      const senco = demoUsers.find((u) => u.upn === "senco.dover@lift.local");
      if (!senco) throw new Error("senco.dover@lift.local is not a demo user");
      await page.getByRole("link", { name: senco.displayName, exact: true }).click();
      await page.getByTestId("signed-in-user").waitFor({ timeout: 15_000 });
      expect(await page.getByRole("banner").textContent()).toContain(senco.roleLabel);
    });
  });

  it("an unknown ?as= shows the server's error in a message bar and offers the picker", async ({ expect }) => {
    const upn = "nobody@lift.local";
    const expected = await tokenErrorMessage(app.url, upn);
    expect(expected.status).toBe(404);
    await withPage(async (page) => {
      await page.goto(`${app.url}/tabs/summary?as=${encodeURIComponent(upn)}`);
      const error = page.getByText(expected.message);
      await error.waitFor({ timeout: 15_000 });
      expect(await page.locator(".fui-MessageBar").filter({ hasText: expected.message }).count(), "in a MessageBar").toBe(1);
      expect(await page.getByTestId("signed-in-user").count()).toBe(0);
      const violations = await seriousAxeViolations(page);
      expect(violations, `axe:\n${violations}`).toBe("");
      // The bad name is not remembered: "Choose a demo user" leads to the picker.
      await page.getByRole("button", { name: "Choose a demo user" }).click();
      await page.getByRole("navigation", { name: "Demo users" }).waitFor({ timeout: 15_000 });
      expect(new URL(page.url()).searchParams.get("as")).toBeNull();
    });
  });

  it("remembers the demo user for the browser tab when moving between pages, until Switch user", async ({ expect }) => {
    const me = await fetchMe(app.url, "lead.dover@lift.local");
    await withPage(async (page) => {
      await page.goto(`${app.url}/tabs/kpi-return?as=${encodeURIComponent(me.upn)}`);
      await page.getByTestId("signed-in-user").waitFor({ timeout: 15_000 });
      await page.goto(`${app.url}/tabs/lift-meeting`);
      await page.getByTestId("signed-in-user").waitFor({ timeout: 15_000 });
      expect(await page.getByRole("banner").textContent()).toContain(me.displayName);
      await page.getByRole("button", { name: "Switch user" }).click();
      await page.getByRole("navigation", { name: "Demo users" }).waitFor({ timeout: 15_000 });
    });
  });

  it("the config page lists the views and, standalone, says it belongs in Teams' tab configuration dialog", async ({ expect }) => {
    await withPage(async (page) => {
      await page.goto(`${app.url}/tabs/config?as=commissioner@lift.local`);
      await page.getByTestId("signed-in-user").waitFor({ timeout: 15_000 });
      expect(await page.getByText("meant to run inside Teams' tab configuration dialog").count()).toBe(1);
      const views = page.getByRole("radiogroup");
      for (const name of ["LIFT meeting agenda", "District referrals", "KPI summary"]) {
        expect(await views.getByRole("radio", { name: new RegExp(`^${name}`) }).count(), name).toBe(1);
      }
      // The commissioner has no district: the KPI summary is the default choice.
      expect(await views.getByRole("radio", { name: /^KPI summary/ }).isChecked()).toBe(true);
      expect(await page.getByRole("link", { name: "/tabs/summary?view=kpi-summary" }).count()).toBe(1);

      // A district view needs a district before it can be saved.
      await views.getByRole("radio", { name: /^LIFT meeting agenda/ }).check();
      const district = page.getByRole("combobox", { name: "District" });
      expect(await page.getByRole("definition").count()).toBe(0);
      await district.selectOption("dover");
      const link = page.getByRole("link", { name: "/tabs/lift-meeting?view=agenda&district=dover" });
      expect(await link.count()).toBe(1);
      expect(await page.getByText("LIFT agenda – Dover").count()).toBe(1);
    });
  });

  it("a district lead's config page starts from their district, and its link opens that view", async ({ expect }) => {
    await withPage(async (page) => {
      await page.goto(`${app.url}/tabs/config?as=lead.dover@lift.local`);
      await page.getByTestId("signed-in-user").waitFor({ timeout: 15_000 });
      expect(await page.getByRole("radio", { name: /^District referrals/ }).isChecked()).toBe(true);
      expect(await page.getByRole("combobox", { name: "District" }).inputValue()).toBe("dover");
      await page.getByRole("link", { name: "/tabs/referral?view=referrals&district=dover" }).click();
      await page.getByTestId("signed-in-user").waitFor({ timeout: 15_000 });
      expect(await page.getByRole("heading", { name: "Referrals for Dover" }).count()).toBe(1);
    });
  });

  it("framed by a page that is not Teams, a tab gives up on Teams after a short timeout and runs standalone", async ({ expect }) => {
    const me = await fetchMe(app.url, "teacher.dover@lift.local");
    await withPage(async (page) => {
      // A same-origin parent (CSP frame-ancestors allows 'self') that never answers the Teams handshake.
      await page.route(`${app.url}/not-teams`, (route) =>
        route.fulfill({
          contentType: "text/html",
          body: `<!doctype html><html lang="en"><title>Not Teams</title><iframe title="tab" style="width:100%;height:600px"
            src="/tabs/summary?as=${encodeURIComponent(me.upn)}"></iframe></html>`,
        }),
      );
      const started = Date.now();
      await page.goto(`${app.url}/not-teams`);
      const tab = page.frameLocator("iframe");
      await tab.getByTestId("signed-in-user").waitFor({ timeout: 15_000 });
      const waited = Date.now() - started;
      expect(waited, "waited for the Teams handshake before falling back").toBeGreaterThanOrEqual(2_000);
      expect(waited, "fell back well before teams-js's own 60 s timeout").toBeLessThan(15_000);
      expect(await tab.getByRole("banner").textContent()).toContain(me.displayName);
      expect(await tab.locator("footer summary").textContent()).toContain("Standalone");
    });
  });

  it("follows the high-contrast theme without axe findings", async ({ expect }) => {
    const me = await fetchMe(app.url, "lead.dover@lift.local");
    await withPage(async (page) => {
      await page.goto(`${app.url}/tabs/kpi-return?as=${encodeURIComponent(me.upn)}&theme=contrast`);
      await page.getByTestId("signed-in-user").waitFor({ timeout: 15_000 });
      expect(await pageBackground(page)).toBe("rgb(0, 0, 0)");
      const violations = await seriousAxeViolations(page);
      expect(violations, `axe (contrast):\n${violations}`).toBe("");
    });
  });
});

describe("tabs shell in Entra mode outside Teams", () => {
  it("explains that sign-in happens through Teams instead of showing demo users", async ({ expect }) => {
    await withPage(async (page) => {
      // The server's answer in Entra mode (it needs a real tenant to start that way).
      await page.route(`${app.url}/auth/config`, (route) =>
        route.fulfill({ json: { mode: "entra", clientId: "66666666-7777-4888-8999-000000000000" } }),
      );
      await page.goto(`${app.url}/tabs/referral?as=senco.dover@lift.local`);
      await page.getByText("Open LIFT Hub in Microsoft Teams").waitFor({ timeout: 15_000 });
      expect(await page.getByRole("navigation", { name: "Demo users" }).count()).toBe(0);
      expect(await page.getByTestId("signed-in-user").count()).toBe(0);
      const violations = await seriousAxeViolations(page);
      expect(violations, `axe:\n${violations}`).toBe("");
    });
  });
});
