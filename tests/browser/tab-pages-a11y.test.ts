/**
 * Every tab page, as every demo role, in the light and dark themes: the header shows who is signed in
 * and their role, the theme is applied, and axe finds no serious or critical accessibility violations.
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { startTestApp } from "../support/test-app";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { fetchMe, luminance, pageBackground, seriousAxeViolations, type Me } from "./helpers";

const ROLES = ["commissioner@lift.local", "lead.dover@lift.local", "teacher.dover@lift.local", "senco.dover@lift.local"];
const PAGES = [
  { slug: "referral", title: "My referrals" },
  { slug: "lift-meeting", title: "LIFT meeting" },
  { slug: "kpi-return", title: "KPI return" },
  { slug: "summary", title: "KPI summary" },
  { slug: "casework", title: "Casework" },
  { slug: "training", title: "Training and transition" },
  { slug: "config", title: "Set up the LIFT Hub tab" },
];
const THEMES = ["default", "dark"] as const;

let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: TestBrowser;
const people = new Map<string, Me>();

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  for (const upn of ROLES) people.set(upn, await fetchMe(app.url, upn));
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const cases = ROLES.flatMap((upn) => PAGES.flatMap((page) => THEMES.map((theme) => ({ upn, page, theme }))));

describe.concurrent("tab pages: signed-in header and accessibility", { timeout: 150_000 }, () => {
  for (const { upn, page: tab, theme } of cases) it(`/tabs/${tab.slug} as ${upn} (${theme} theme)`, async ({ expect }) => {
    const me = people.get(upn);
    if (!me) throw new Error(`no /api/me for ${upn}`);
    const context = await browser.newContext({ colorScheme: theme === "dark" ? "dark" : "light" });
    try {
      const page = await context.newPage();
      const url = `${app.url}/tabs/${tab.slug}?as=${encodeURIComponent(upn)}&theme=${theme}`;
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);

      const user = page.getByTestId("signed-in-user");
      await user.waitFor({ state: "visible", timeout: 15_000 });
      await expect.poll(() => page.locator("h1").textContent()).toBe(tab.title);
      const header = page.getByRole("banner");
      expect(await header.textContent()).toContain(me.displayName);
      expect(await header.textContent()).toContain(me.roleLabel);
      expect(await page.getByRole("main").count()).toBe(1);

      const background = luminance(await pageBackground(page));
      if (theme === "dark") expect(background, "dark theme background").toBeLessThan(0.1);
      else expect(background, "light theme background").toBeGreaterThan(0.8);

      const violations = await seriousAxeViolations(page);
      expect(violations, `axe found serious/critical violations on ${url}:\n${violations}`).toBe("");
    } finally {
      await context.close();
    }
  });
});
