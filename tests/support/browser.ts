import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from "playwright-core";

/** Debian's Chromium: browser tests never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface TestBrowser {
  browser: Browser;
  /** A fresh, isolated context (own cookies and sessionStorage) for one test case. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * Launch Chromium once per test file; each case then takes its own context.
 *
 * Profile: `browserType.launch()` refuses a `--user-data-dir` argument (it is reserved for
 * `launchPersistentContext`, which allows only one context). Instead Playwright gives every
 * launch its own fresh temporary profile (`--user-data-dir=<tmp>/playwright_chromiumdev_profile-*`,
 * deleted on close). Downloads go to a temp directory of our own, removed on close. `extraArgs`
 * adds flags (the Teams-host test maps teams.microsoft.com to its local host).
 */
export async function launchBrowser(options: { extraArgs?: string[] } = {}): Promise<TestBrowser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  const downloadsDir = fs.mkdtempSync(path.join(os.tmpdir(), "lift-hub-chromium-"));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    downloadsPath: downloadsDir,
  });
  return {
    browser,
    // Reduced motion: Fluent shortens its colour transitions to nothing under it, so an accessibility
    // scan never measures a button half-way from its disabled colours to its enabled ones.
    newContext: (options) =>
      browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 800 }, reducedMotion: "reduce", ...options }),
    close: async () => {
      await browser.close();
      fs.rmSync(downloadsDir, { recursive: true, force: true });
    },
  };
}
