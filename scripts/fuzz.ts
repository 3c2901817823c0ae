/**
 * `npm run fuzz -- --per-endpoint N [--seed S] [--only "POST /api/referrals"] [--json file]`: starts
 * the app on its embedded default (Graph emulator, demo data, a fresh temporary DATA_DIR), sends
 * every API route N generated requests (bodies, query strings, path values; well-shaped and
 * mutated) as the demo users of each role, and prints the answers per status class, per route and
 * overall. Exits 1 when any answer was a 5xx, a request got no answer, a refused request changed a
 * record, or /healthz is not 200 at the end. See scripts/fuzz/README.md.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { runFuzz, type StatusClass } from "./fuzz/run";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { "per-endpoint": { type: "string", default: "100" }, seed: { type: "string" }, only: { type: "string" }, json: { type: "string" } }, allowPositionals: false });
  const perEndpoint = Number(values["per-endpoint"]);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (!Number.isInteger(perEndpoint) || perEndpoint < 1) throw new Error(`--per-endpoint needs a whole number of at least 1 (got ${values["per-endpoint"]})`);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`--seed needs a whole number (got ${values.seed})`);
  const started = process.hrtime.bigint();
  const report = await runFuzz({ perEndpoint, ...(seed !== undefined ? { seed } : {}), ...(values.only ? { only: values.only } : {}), say: (line) => console.log(line) });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const classes: StatusClass[] = ["2xx", "3xx", "4xx", "5xx"];
  console.log("");
  console.log(`Overall: ${report.requests} requests to ${report.routes.length} routes (${perEndpoint} each, seed ${report.seed}) in ${seconds.toFixed(0)} s — ${classes.map((k) => `${k} ${report.total[k]}`).join(", ")}`);
  console.log(`/healthz after the run: ${report.healthAfter}`);
  const refusedChanges = report.failures.filter((f) => f.problem.startsWith("a refused request")).length;
  console.log(`Refused requests that changed a record: ${refusedChanges}`);
  for (const f of report.failures.slice(0, 30)) console.log(`FAIL ${f.route} → ${f.status}: ${f.problem}\n     ${JSON.stringify(f.request)}`);
  if (report.failures.length > 30) console.log(`… and ${report.failures.length - 30} more`);
  if (values.json) fs.writeFileSync(values.json, JSON.stringify({ ...report, seconds }, null, 2));
  return report.failures.length === 0 && report.total["5xx"] === 0 && report.healthAfter === 200 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
