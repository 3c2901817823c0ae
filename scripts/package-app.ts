/**
 * `npm run package [-- --env <name>] [--out <dir>]`
 *
 * Builds the Teams app package from appPackage/manifest.json and env/.env.<name> (default "local"):
 * fills the ${{VAR}} placeholders, validates the manifest offline against the schema bundled with
 * @microsoft/app-manifest plus LIFT Hub's rules, checks the icons and writes
 * build/appPackage.<name>.zip with manifest.json, color.png and outline.png at its root.
 * The logic lives in src/teams-app so the tests exercise the same code.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { buildAppPackage } from "../src/teams-app/build-package";

const root = path.resolve(import.meta.dirname, "..");

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { env: { type: "string", default: "local" }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
    strict: true,
  });
  if (values.help) {
    console.log("usage: npm run package [-- --env <name>] [--out <dir>]   (reads env/.env.<name>, default local)");
    return;
  }
  const envName = values.env ?? "local";
  const result = await buildAppPackage({ root, envName, outDir: values.out ? path.resolve(values.out) : undefined });
  const m = result.manifest as { id: string; version: string; manifestVersion: string; name: { short: string } };
  console.log(`filled appPackage/manifest.json from ${result.envFile}`);
  console.log(`validated manifest v${m.manifestVersion} offline against the schema bundled with @microsoft/app-manifest: ok`);
  console.log("checked LIFT Hub manifest rules and icons (color 192x192, outline 32x32 white on transparent): ok");
  console.log(`wrote ${path.relative(process.cwd(), result.zipPath) || result.zipPath} (${result.entries.join(", ")})`);
  console.log(`app "${m.name.short}" id ${m.id} version ${m.version}`);
}

main().catch((err: unknown) => {
  console.error(`package failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
