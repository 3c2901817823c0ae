/**
 * The local Teams host (`npm run teams-host`) end to end: Chromium resolves teams.microsoft.com to
 * the host (its self-signed certificate accepted), so teams-js in the framed tab accepts it as Teams.
 * The KPI return tab runs as a district lead with Teams single sign-on (getAuthToken, never `?as=`),
 * saves a figure, follows a theme change; the configuration page saves its content URL through the
 * host's Save button.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FrameLocator, Page, Request } from "playwright-core";
import { chromiumFlags } from "../../scripts/teams-host";
import { createHostCert } from "../../src/teams-host/cert";
import { startTeamsHost, type RunningTeamsHost } from "../../src/teams-host/server";
import { startTestApp } from "../support/test-app";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { apiFor, type Api } from "../support/api-client";
import { luminance } from "./helpers";

const LEAD = "lead.dover@lift.local";
const TEAMS = "https://teams.microsoft.com";
/** Allowed to frame the app (its CSP frame-ancestors) but not on teams-js's list of Teams hosts. */
const NOT_TEAMS = "contoso.sharepoint.com";

let app: Awaited<ReturnType<typeof startTestApp>>;
let host: RunningTeamsHost;
let browser: TestBrowser;
let api: Api;

beforeAll(async () => {
  const [started, cert] = await Promise.all([startTestApp(), createHostCert()]);
  app = started;
  host = await startTeamsHost({ appUrl: app.url, cert, port: 0 });
  browser = await launchBrowser({ extraArgs: chromiumFlags(host.port, "ignore-errors", ["teams.microsoft.com", NOT_TEAMS]) });
  api = apiFor(app.url);
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await app?.stop();
});

interface Seen {
  page: Page;
  tab: FrameLocator;
  /** Every address the tab's frame loaded. */
  tabUrls: string[];
  /** The Authorization header of every API call the tab made. */
  authorizations: string[];
  close(): Promise<void>;
}

/** A fresh browser context on the host page with `query`; records the tab's addresses and API calls. */
async function openHost(query: Record<string, string>, origin = TEAMS): Promise<Seen> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  // teams-js fetches its valid-origins list from the Office CDN; the test stays offline (it falls
  // back to the list it ships, which has teams.microsoft.com).
  await context.route("https://res.cdn.office.net/**", (route) => route.fulfill({ status: 503, body: "offline" }));
  const page = await context.newPage();
  const tabUrls: string[] = [];
  const authorizations: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame()) tabUrls.push(frame.url());
  });
  page.on("request", (request: Request) => {
    if (request.url().startsWith(`${app.url}/api/`)) authorizations.push(request.headers().authorization ?? "");
  });
  await page.goto(`${origin}/?${new URLSearchParams(query).toString()}`);
  return { page, tab: page.frameLocator("#tab-frame"), tabUrls, authorizations, close: () => context.close() };
}

function claimsOf(authorization: string): Record<string, unknown> {
  const token = /^Bearer (\S+)$/.exec(authorization)?.[1] ?? "";
  return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
}

async function loggedFuncs(page: Page): Promise<string[]> {
  return page.locator("#host-log li[data-direction=tab]").evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.func ?? ""));
}

describe("the local Teams host frames tabs with Teams single sign-on", { timeout: 120_000 }, () => {
  it("the KPI return tab runs as the Dover lead on getAuthToken's token, saves a figure and follows a theme change", async () => {
    const seen = await openHost({ tab: "kpi-return", user: LEAD, frame: "content", theme: "default" });
    try {
      const { page, tab } = seen;
      expect(new URL(page.url()).origin, "the host page is Teams by name").toBe(TEAMS);
      await tab.getByTestId("signed-in-user").waitFor({ timeout: 20_000 });
      await tab.getByTestId("return-status").waitFor({ timeout: 15_000 });
      expect(await tab.getByTestId("signed-in-user").textContent()).toContain("District STLS lead");
      // In Teams there is no demo-user switch: the host says who is signed in.
      expect(await tab.getByRole("button", { name: "Switch user" }).count()).toBe(0);

      // A figure saved on the return, as the lead.
      const year = await tab.getByLabel("Academic year").inputValue();
      const term = Number(/Term (\d)/.exec((await tab.getByRole("tab", { selected: true }).textContent()) ?? "")?.[1]);
      const field = tab.getByLabel("Requests resolved at LIFT", { exact: true });
      await field.fill("7");
      await field.blur();
      await tab.getByRole("button", { name: "Save draft" }).click();
      await tab.getByTestId("form-notice").filter({ hasText: "Draft saved" }).waitFor({ timeout: 15_000 });
      const saved = await api(LEAD, "GET", `/api/kpi/returns/dover/${year}/${term}`);
      expect(saved.body.return.values.kpi_1_1).toBe(7);
      const me = await api(LEAD, "GET", "/api/me");
      const drafts = (saved.body.return.history as { status: string; byName: string }[]).filter((h) => h.status === "draft");
      expect(drafts.at(-1)?.byName, "the server wrote the draft as the lead").toBe(me.body.displayName);

      // The token came from the host's getAuthToken, not from `?as=`.
      const funcs = await loggedFuncs(page);
      expect(funcs[0]).toBe("initialize");
      expect(funcs).toContain("getContext");
      expect(funcs).toContain("authentication.getAuthToken");
      expect(seen.tabUrls.length).toBeGreaterThan(0);
      for (const url of seen.tabUrls) expect(new URL(url).searchParams.has("as"), url).toBe(false);
      expect(host.tokensIssued).toContain(LEAD);
      expect(seen.authorizations.length).toBeGreaterThan(0);
      for (const authorization of seen.authorizations) {
        expect(authorization).toMatch(/^Bearer \S+$/);
        expect(claimsOf(authorization)).toMatchObject({ preferred_username: LEAD, scp: "access_as_user" });
      }

      // Teams' theme changes reach the tab while it runs.
      const lightBackground = luminance(await tab.locator(".fui-FluentProvider").first().evaluate((el) => getComputedStyle(el).backgroundColor));
      await page.locator("#theme").selectOption("dark");
      await expect.poll(() => tab.locator("html").getAttribute("data-theme")).toBe("dark");
      const darkBackground = luminance(await tab.locator(".fui-FluentProvider").first().evaluate((el) => getComputedStyle(el).backgroundColor));
      expect(darkBackground).toBeLessThan(lightBackground);
      expect(await loggedFuncs(page)).toContain("registerHandler");
      expect(await page.locator("#host-log li[data-direction=host][data-func=themeChange]").count()).toBe(1);
    } finally {
      await seen.close();
    }
  });

  it("the configurable tab's settings page saves its content URL through the host", async () => {
    const seen = await openHost({ tab: "config", user: LEAD, frame: "settings", theme: "default" });
    try {
      const { page, tab } = seen;
      await tab.getByTestId("signed-in-user").waitFor({ timeout: 20_000 });
      await tab.getByText("What should this tab show?").waitFor();
      // The lead's default view (the district's referrals) is complete: Teams' Save is enabled.
      const save = page.locator("#settings-save");
      await expect.poll(() => save.isEnabled()).toBe(true);
      await save.click();
      await expect.poll(() => page.locator("#saved-content-url").textContent()).not.toBe("");
      const contentUrl = new URL((await page.locator("#saved-content-url").textContent()) ?? "");
      expect(contentUrl.origin).toBe(new URL(app.url).origin);
      expect(contentUrl.pathname).toBe("/tabs/referral");
      expect(Object.fromEntries(contentUrl.searchParams)).toEqual({ view: "referrals", district: "dover" });
      const funcs = await loggedFuncs(page);
      expect(funcs).toEqual(expect.arrayContaining(["settings.setValidityState", "settings.setSettings", "settings.save.success"]));
      for (const url of seen.tabUrls) expect(new URL(url).searchParams.has("as"), url).toBe(false);
    } finally {
      await seen.close();
    }
  });

  it("the LIFT meeting side panel shares the stage view to the meeting stage, which the host then opens", async () => {
    const seen = await openHost({ tab: "lift-meeting", query: "view=agenda&district=dover", user: LEAD, frame: "sidePanel" });
    try {
      const { page, tab } = seen;
      await tab.getByRole("button", { name: "Share to stage" }).click({ timeout: 20_000 });
      await tab.getByText("Shared to the meeting stage.").waitFor();
      const shared = new URL((await page.locator("#shared-url").textContent()) ?? "");
      expect(shared.origin).toBe(new URL(app.url).origin);
      expect(shared.pathname).toBe("/tabs/lift-meeting");
      expect(await loggedFuncs(page)).toContain("meeting.shareAppContentToStage");

      await page.locator("#open-stage").click();
      await tab.getByTestId("stage").waitFor({ timeout: 20_000 });
      expect(await page.locator("#host-log li[data-direction=host][data-func=load]").last().textContent()).toContain("meetingStage");
      for (const url of seen.tabUrls) expect(new URL(url).searchParams.has("as"), url).toBe(false);
    } finally {
      await seen.close();
    }
  });

  it("at an origin not on teams-js's allow-list (the same host as https://contoso.sharepoint.com) the tab does not trust the host", async () => {
    const seen = await openHost({ tab: "kpi-return", user: LEAD, frame: "content" }, `https://${NOT_TEAMS}`);
    try {
      const { page, tab } = seen;
      // teams-js ignores the answers, the shell gives up after its timeout and runs standalone: the
      // demo-user picker, and no token was asked of the host.
      await tab.getByRole("heading", { name: "Choose who to sign in as" }).waitFor({ timeout: 20_000 });
      const funcs = await loggedFuncs(page);
      expect(funcs).toContain("initialize");
      expect(funcs).not.toContain("getContext");
      expect(funcs).not.toContain("authentication.getAuthToken");
    } finally {
      await seen.close();
    }
  });
});
