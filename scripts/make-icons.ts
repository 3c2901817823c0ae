/**
 * Renders the Teams app icons from their SVG sources:
 *   appPackage/color.svg   -> appPackage/color.png   (192x192, full colour, opaque)
 *   appPackage/outline.svg -> appPackage/outline.png (32x32, white on transparent)
 *
 * Usage: npx tsx scripts/make-icons.ts
 *
 * The PNGs are committed, so neither packaging nor the tests need a browser; run this only after
 * editing an SVG. It renders with Debian's Chromium through playwright-core (the project's browser
 * for tests, [Tests and benchmarks](../docs/reference/architecture.md#tests-and-benchmarks)), then normalises the outline icon: Teams tints the
 * outline itself and requires it to be white on transparent ([teams-platform.md §1.2](../docs/reference/teams-platform.md#12-required-root-fields)), so every pixel
 * is forced to pure white and only its alpha (the anti-aliasing) is kept.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { PNG } from "pngjs";
import { readPngInfo } from "../src/teams-app/png-info";

const root = path.resolve(import.meta.dirname, "..");
const appPackage = path.join(root, "appPackage");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

interface IconJob {
  svg: string;
  png: string;
  size: number;
  /** Force every pixel to white, keeping alpha (outline icons are tinted by Teams). */
  whiteOnly: boolean;
  /** Transparent page background (outline) or not (colour icon is opaque, full bleed). */
  transparent: boolean;
}

const jobs: IconJob[] = [
  { svg: "color.svg", png: "color.png", size: 192, whiteOnly: false, transparent: false },
  { svg: "outline.svg", png: "outline.png", size: 32, whiteOnly: true, transparent: true },
];

async function main(): Promise<void> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  // Flags from the machine notes: without the background-networking ones Chromium keeps trying to
  // reach Google's hosts on this closed network.
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    for (const job of jobs) {
      const svg = readFileSync(path.join(appPackage, job.svg), "utf8");
      const page = await browser.newPage({ viewport: { width: job.size, height: job.size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}svg{display:block}</style></head><body>${svg}</body></html>`,
      );
      const shot = await page.screenshot({ omitBackground: job.transparent, clip: { x: 0, y: 0, width: job.size, height: job.size } });
      await page.close();

      const png = PNG.sync.read(shot);
      if (job.whiteOnly) {
        for (let i = 0; i < png.data.length; i += 4) {
          png.data[i] = 255;
          png.data[i + 1] = 255;
          png.data[i + 2] = 255;
          if ((png.data[i + 3] ?? 0) < 8) png.data[i + 3] = 0; // drop near-invisible fringe
        }
      }
      const out = PNG.sync.write(png, { colorType: 6 });
      const target = path.join(appPackage, job.png);
      writeFileSync(target, out);
      const info = readPngInfo(out);
      console.log(`wrote ${path.relative(root, target)} (${info.width}x${info.height}, ${out.length} bytes)`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(`make-icons failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
