import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import { buildAppPackage, checkIcons, PackageError } from "../../src/teams-app/build-package";
import { MissingPlaceholderError } from "../../src/teams-app/fill-placeholders";
import { readPngInfo, summarisePixels } from "../../src/teams-app/png-info";
import { localVars, readZip, root } from "./helpers";

const run = promisify(execFile);
const outDir = mkdtempSync(path.join(tmpdir(), "lift-teams-app-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const colorPng = readFileSync(path.join(root, "appPackage/color.png"));
const outlinePng = readFileSync(path.join(root, "appPackage/outline.png"));

describe("app package", () => {
  it("builds a flat zip with exactly manifest.json, color.png and outline.png", async () => {
    const result = await buildAppPackage({ root, envName: "local", outDir });
    expect(result.zipPath).toBe(path.join(outDir, "appPackage.local.zip"));
    const entries = readZip(readFileSync(result.zipPath));
    expect(entries.map((e) => e.name).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    for (const e of entries) expect(e.name).not.toContain("/");

    const manifest = JSON.parse(entries.find((e) => e.name === "manifest.json")!.data.toString("utf8")) as Record<string, unknown>;
    expect(manifest).toEqual(result.manifest);
    expect(JSON.stringify(manifest)).not.toContain("${{");
    expect(manifest.id).toBe(localVars().TEAMS_APP_ID);
    // TAB_DOMAIN and BOT_DOMAIN are the same host locally: listed once.
    expect(manifest.validDomains).toEqual(["localhost:3978"]);
    expect(entries.find((e) => e.name === "color.png")!.data.equals(colorPng)).toBe(true);
    expect(entries.find((e) => e.name === "outline.png")!.data.equals(outlinePng)).toBe(true);
  });

  it("builds the same bytes twice (fixed timestamps)", async () => {
    const a = await buildAppPackage({ root, envName: "local", outDir: path.join(outDir, "a") });
    const b = await buildAppPackage({ root, envName: "local", outDir: path.join(outDir, "b") });
    expect(readFileSync(a.zipPath).equals(readFileSync(b.zipPath))).toBe(true);
  });

  it("fails with a message naming a placeholder that has no value", async () => {
    const vars = { ...localVars(), BOT_ID: "" };
    const build = buildAppPackage({ root, envName: "local", outDir, vars });
    await expect(build).rejects.toBeInstanceOf(MissingPlaceholderError);
    await expect(buildAppPackage({ root, envName: "local", outDir, vars })).rejects.toThrow(
      "no value for placeholder ${{BOT_ID}} (set BOT_ID in env/.env.local)",
    );
    const { TAB_ENDPOINT: _drop, ...withoutEndpoint } = localVars();
    await expect(buildAppPackage({ root, envName: "local", outDir, vars: withoutEndpoint })).rejects.toThrow("${{TAB_ENDPOINT}}");
  });

  it("refuses the unfilled env/.env.dev template, naming what to set", async () => {
    await expect(buildAppPackage({ root, envName: "dev", outDir })).rejects.toThrow(/\$\{\{TEAMS_APP_ID\}\}.*in env\/\.env\.dev/);
  });

  it("builds for a filled dev env with its own host in validDomains and URLs", async () => {
    const vars = {
      ...localVars(),
      TAB_DOMAIN: "lift-hub-dev.azurewebsites.net",
      TAB_ENDPOINT: "https://lift-hub-dev.azurewebsites.net",
      BOT_DOMAIN: "lift-hub-dev.azurewebsites.net",
    };
    const result = await buildAppPackage({ root, envName: "dev", outDir, vars });
    const m = result.manifest as { validDomains: string[]; configurableTabs: Array<{ configurationUrl: string }> };
    expect(m.validDomains).toEqual(["lift-hub-dev.azurewebsites.net"]);
    expect(m.configurableTabs[0]!.configurationUrl).toBe("https://lift-hub-dev.azurewebsites.net/tabs/config");
  });

  it("reports schema errors from a broken template", async () => {
    const template = readFileSync(path.join(root, "appPackage/manifest.json"), "utf8").replace('"${{TEAMS_APP_ID}}"', '"lift-hub"');
    const build = buildAppPackage({ root, envName: "local", outDir, template });
    await expect(build).rejects.toBeInstanceOf(PackageError);
    await expect(buildAppPackage({ root, envName: "local", outDir, template })).rejects.toThrow(/schema:\n {2}- \/id must match pattern/);
  });
});

describe("icons", () => {
  it("colour icon is 192x192 and opaque", () => {
    expect(readPngInfo(colorPng)).toMatchObject({ width: 192, height: 192 });
    const px = summarisePixels(colorPng);
    expect(px.opaque).toBe(px.total);
  });

  it("outline icon is 32x32, has transparent pixels and only white or transparent ones", () => {
    expect(readPngInfo(outlinePng)).toMatchObject({ width: 32, height: 32 });
    const px = summarisePixels(outlinePng);
    expect(px.transparent).toBeGreaterThan(px.total / 2);
    expect(px.nonWhiteVisible).toBe(0);
    expect(px.total - px.transparent).toBeGreaterThan(50); // a symbol, not an empty image
    expect(checkIcons(colorPng, outlinePng)).toEqual([]);
  });

  it("the icon check rejects swapped or coloured icons", () => {
    const problems = checkIcons(outlinePng, colorPng);
    expect(problems).toContain("color icon must be 192x192 pixels, is 32x32");
    expect(problems).toContain("outline icon must be 32x32 pixels, is 192x192");
    expect(problems).toContain("outline icon must have a transparent background");
    expect(problems.some((p) => p.startsWith("outline icon must be white on transparent"))).toBe(true);

    const grey = new PNG({ width: 32, height: 32 });
    grey.data.fill(0);
    grey.data[3] = 255; // one visible black pixel
    expect(checkIcons(colorPng, PNG.sync.write(grey))).toEqual(["outline icon must be white on transparent (1 visible pixels are not white)"]);
  });

  it("rejects a file that is not a PNG", () => {
    expect(() => readPngInfo(Buffer.from("GIF89a................................"))).toThrow("not a PNG file");
  });
});

describe("npm run package (CLI)", () => {
  const tsx = path.join(root, "node_modules/.bin/tsx");
  const script = path.join(root, "scripts/package-app.ts");

  it("prints what it did and writes the zip to --out", async () => {
    const out = path.join(outDir, "cli");
    const { stdout } = await run(tsx, [script, "--out", out], { cwd: root });
    expect(stdout).toContain("filled appPackage/manifest.json from env/.env.local");
    expect(stdout).toContain("validated manifest v1.29 offline");
    expect(readZip(readFileSync(path.join(out, "appPackage.local.zip")))).toHaveLength(3);
  });

  it("exits 1 with a clear message for an unknown environment", async () => {
    const failure = await run(tsx, [script, "--env", "nosuch", "--out", outDir], { cwd: root }).then(
      () => undefined,
      (err: { code?: number; stderr?: string }) => err,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("package failed: environment file not found: env/.env.nosuch");
  });
});
