/**
 * Builds the Teams app package: fill `appPackage/manifest.json` from `env/.env.<name>`, validate it
 * offline, check the icons, and zip manifest + icons flat ([teams-platform.md §1.9](../../docs/reference/teams-platform.md#19-app-package-zip)).
 */
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { once } from "node:events";
import yazl from "yazl";
import { loadEnvFile } from "./env-file";
import { fillPlaceholders } from "./fill-placeholders";
import { readPngInfo, summarisePixels } from "./png-info";
import { checkLiftRules, validateAgainstSchema } from "./validate-manifest";

export class PackageError extends Error {
  readonly problems: string[];
  constructor(summary: string, problems: string[] = []) {
    super(problems.length ? `${summary}\n${problems.map((p) => `  - ${p}`).join("\n")}` : summary);
    this.name = "PackageError";
    this.problems = problems;
  }
}

export interface BuildOptions {
  /** Repository root (holds appPackage/ and env/). */
  root: string;
  /** Environment name: reads env/.env.<envName>. */
  envName: string;
  /** Where the zip goes; default <root>/build. */
  outDir?: string;
  /** Override the variables instead of reading env/.env.<envName> (tests). */
  vars?: Record<string, string>;
  /** Override the manifest template text instead of reading appPackage/manifest.json (tests). */
  template?: string;
}

export interface BuildResult {
  zipPath: string;
  manifest: Record<string, unknown>;
  /** Names of the files at the root of the zip. */
  entries: string[];
  envFile: string;
}

/** Size and transparency rules for the two icons ([teams-platform.md §1.2](../../docs/reference/teams-platform.md#12-required-root-fields)). */
export function checkIcons(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const c = readPngInfo(color);
  if (c.width !== 192 || c.height !== 192) problems.push(`color icon must be 192x192 pixels, is ${c.width}x${c.height}`);
  const o = readPngInfo(outline);
  if (o.width !== 32 || o.height !== 32) problems.push(`outline icon must be 32x32 pixels, is ${o.width}x${o.height}`);
  const px = summarisePixels(outline);
  if (px.transparent === 0) problems.push("outline icon must have a transparent background");
  if (px.nonWhiteVisible > 0) problems.push(`outline icon must be white on transparent (${px.nonWhiteVisible} visible pixels are not white)`);
  return problems;
}

/** Fills and validates the manifest; returns it parsed. Throws `PackageError` listing every problem. */
export async function fillAndValidateManifest(template: string, vars: Record<string, string>, source: string): Promise<Record<string, unknown>> {
  const filled = fillPlaceholders(template, vars, { source, jsonString: true });
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(filled) as Record<string, unknown>;
  } catch (err) {
    throw new PackageError(`appPackage/manifest.json is not valid JSON after filling placeholders: ${(err as Error).message}`);
  }
  // TAB_DOMAIN and BOT_DOMAIN are the same host when one server serves tabs and bot ([Layout](../../docs/reference/architecture.md#layout):
  // src/server serves both), so drop the repeat rather than ship a duplicate entry.
  if (Array.isArray(manifest.validDomains)) manifest.validDomains = [...new Set(manifest.validDomains)];

  const schemaErrors = await validateAgainstSchema(manifest);
  if (schemaErrors.length) throw new PackageError("the manifest does not match the Teams manifest schema:", schemaErrors);
  const ruleErrors = checkLiftRules(manifest);
  if (ruleErrors.length) throw new PackageError("the manifest breaks LIFT Hub's manifest rules:", ruleErrors);
  return manifest;
}

/** Writes a flat zip. Fixed timestamps make the same inputs give the same bytes. */
export async function writeZip(zipPath: string, files: ReadonlyArray<{ name: string; data: Buffer }>): Promise<void> {
  mkdirSync(path.dirname(zipPath), { recursive: true });
  const zip = new yazl.ZipFile();
  const mtime = new Date("2026-01-01T00:00:00Z");
  for (const f of files) zip.addBuffer(f.data, f.name, { mtime, mode: 0o100644 });
  zip.end();
  const out = createWriteStream(zipPath);
  zip.outputStream.pipe(out);
  await once(out, "close");
}

export async function buildAppPackage(options: BuildOptions): Promise<BuildResult> {
  const { root, envName } = options;
  const env = options.vars
    ? { path: `env/.env.${envName}`, vars: options.vars }
    : loadEnvFile(root, envName);
  const envFile = path.isAbsolute(env.path) ? path.relative(root, env.path) : env.path;
  const appPackage = path.join(root, "appPackage");
  const template = options.template ?? readFileSync(path.join(appPackage, "manifest.json"), "utf8");
  const manifest = await fillAndValidateManifest(template, env.vars, envFile);

  const icons = manifest.icons as { color: string; outline: string };
  const color = readFileSync(path.join(appPackage, icons.color));
  const outline = readFileSync(path.join(appPackage, icons.outline));
  const iconProblems = checkIcons(color, outline);
  if (iconProblems.length) throw new PackageError("the icons do not meet Teams' rules:", iconProblems);

  const zipPath = path.join(options.outDir ?? path.join(root, "build"), `appPackage.${envName}.zip`);
  const files = [
    { name: "manifest.json", data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8") },
    { name: path.basename(icons.color), data: color },
    { name: path.basename(icons.outline), data: outline },
  ];
  await writeZip(zipPath, files);
  return { zipPath, manifest, entries: files.map((f) => f.name), envFile };
}
