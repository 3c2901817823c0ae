import { expect } from "vitest";
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContextOptions, Page } from "playwright-core";
import type { TestBrowser } from "../support/browser";

export interface Me {
  upn: string;
  displayName: string;
  role: string;
  roleLabel: string;
  district?: { slug: string; name: string };
  setting?: { id: string; name: string };
}

interface ErrorBody {
  error: { code: string; message: string };
}

async function getJson<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json()) as T };
}

/** Who the server says a demo user is, through the same endpoints the tab pages use. */
export async function fetchMe(baseUrl: string, upn: string): Promise<Me> {
  const token = await getJson<{ access_token: string }>(`${baseUrl}/auth/local/token?as=${encodeURIComponent(upn)}`);
  if (token.status !== 200) throw new Error(`No token for ${upn}: HTTP ${token.status} ${JSON.stringify(token.body)}`);
  const me = await getJson<Me>(`${baseUrl}/api/me`, { headers: { Authorization: `Bearer ${token.body.access_token}` } });
  if (me.status !== 200) throw new Error(`/api/me for ${upn}: HTTP ${me.status} ${JSON.stringify(me.body)}`);
  return me.body;
}

/** The error message the server gives for a sign-in name (e.g. an unknown user). */
export async function tokenErrorMessage(baseUrl: string, upn: string): Promise<{ status: number; message: string }> {
  const res = await getJson<ErrorBody>(`${baseUrl}/auth/local/token?as=${encodeURIComponent(upn)}`);
  return { status: res.status, message: res.body.error.message };
}

export async function fetchAuthConfig(
  baseUrl: string,
): Promise<{ mode: string; demoUsers?: { upn: string; displayName: string; roleLabel: string }[] }> {
  return (await getJson<{ mode: string; demoUsers?: { upn: string; displayName: string; roleLabel: string }[] }>(`${baseUrl}/auth/config`))
    .body;
}

/**
 * A file's `withPage(run, theme?)`: runs `run` on a page in a fresh context (its own cookies and
 * sessionStorage), closed afterwards; theme "dark" emulates a dark colour scheme. `browser` is a
 * getter because the file launches its browser in beforeAll.
 */
export function pageRunner(browser: () => TestBrowser, options: BrowserContextOptions = {}) {
  return async function withPage<T>(run: (page: Page) => Promise<T>, theme = "default"): Promise<T> {
    const context = await browser().newContext({ colorScheme: theme === "dark" ? "dark" : "light", ...options });
    try {
      return await run(await context.newPage());
    } finally {
      await context.close();
    }
  };
}

/**
 * Fluent UI's keyboard navigation (Tabster: TabList, DataGrid, charts) puts `<i data-tabster-dummy
 * tabindex="0" aria-hidden="true">` sentinels at the edges of arrow-key groups; they hand focus on to a
 * real element the moment they get it, and are aria-hidden so screen readers never announce them. A
 * documented false positive of aria-hidden-focus (Fluent v9 known issues, microsoft/tabster#288;
 * Accessibility Insights suppresses it the same way), so those nodes, and only those, are left out.
 */
function isTabsterDummy(html: string): boolean {
  return /^<i\b[^>]*\bdata-tabster-dummy\b/.test(html);
}

/** Axe violations with impact serious or critical, formatted for a failure message ("" when none). */
export async function seriousAxeViolations(page: Page): Promise<string> {
  // Only violations are reported (not passes): a faster scan, the same findings.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
  const serious = results.violations
    .map((v) => (v.id === "aria-hidden-focus" ? { ...v, nodes: v.nodes.filter((n) => !isTabsterDummy(n.html)) } : v))
    .filter((v) => (v.impact === "serious" || v.impact === "critical") && v.nodes.length > 0);
  return serious
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}\n` +
        v.nodes.map((n) => `    at ${n.target.join(" ")}: ${n.failureSummary?.replace(/\n/g, " ") ?? ""}`).join("\n"),
    )
    .join("\n");
}

/** Fails the test with axe's own words when the page has a serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect(violations, violations).toBe("");
}

/** Opens the administration tab's Structure section signed in as `upn`, the page's clock fixed at `now`. */
export async function openStructure(page: Page, baseUrl: string, upn: string, now: Date): Promise<void> {
  await page.clock.setFixedTime(now);
  await page.goto(`${baseUrl}/tabs/admin?as=${encodeURIComponent(upn)}`);
  await page.getByTestId("signed-in-user").waitFor({ timeout: 20_000 });
  await page.getByRole("tab", { name: "Structure" }).click();
  await page.getByTestId("districts-table").waitFor({ timeout: 20_000 });
}

/** Relative luminance (0 black … 1 white) of a CSS rgb()/rgba() colour. */
export function luminance(cssColor: string): number {
  const m = cssColor.match(/rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/);
  if (!m) throw new Error(`Not an rgb() colour: ${cssColor}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The background colour the Fluent theme paints the page with. */
export async function pageBackground(page: Page): Promise<string> {
  return page.locator(".fui-FluentProvider").first().evaluate((el) => getComputedStyle(el).backgroundColor);
}
