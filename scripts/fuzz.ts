/**
 * `npm run fuzz -- --per-endpoint N [--seed S] [--only "POST /api/referrals"] [--shards K] [--json file]`:
 * starts the app on its embedded default (Graph emulator, demo data, a fresh temporary DATA_DIR),
 * sends every API route N generated requests (bodies, query strings, path values; well-shaped and
 * mutated) as the demo users of each role, and prints the answers per status class, per route and
 * overall. Exits 1 when any answer was a 5xx, a request got no answer, a refused request changed a
 * record, or /healthz is not 200 at the end. `--shards K` shares the routes among K processes, each
 * with its own app (one per core). See scripts/fuzz/README.md.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { runFuzz, type FuzzReport, type StatusClass } from "./fuzz/run";
import { mergeReports, runShards } from "./fuzz/shards";

const CLASSES: StatusClass[] = ["2xx", "3xx", "4xx", "5xx"];

function wholeNumber(name: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} needs a whole number${min > 0 ? ` of at least ${min}` : ""} (got ${text})`);
  return n;
}

function summarise(report: FuzzReport, seconds: number): number {
  console.log("");
  console.log(`Overall: ${report.requests} requests to ${report.routes.length} routes (${report.perEndpoint} each, seed ${report.seed}) in ${seconds.toFixed(0)} s — ${CLASSES.map((k) => `${k} ${report.total[k]}`).join(", ")}`);
  console.log(`/healthz after the run: ${report.healthAfter}`);
  const refusedChanges = report.failures.filter((f) => f.problem.startsWith("a refused request")).length;
  console.log(`Refused requests that changed a record: ${refusedChanges}`);
  for (const f of report.failures.slice(0, 30)) console.log(`FAIL ${f.route} → ${f.status}: ${f.problem}\n     ${JSON.stringify(f.request)}`);
  if (report.failures.length > 30) console.log(`… and ${report.failures.length - 30} more`);
  return report.failures.length === 0 && report.total["5xx"] === 0 && report.healthAfter === 200 ? 0 : 1;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { "per-endpoint": { type: "string", default: "100" }, seed: { type: "string" }, only: { type: "string" }, json: { type: "string" }, shards: { type: "string", default: "1" }, shard: { type: "string" } },
    allowPositionals: false,
  });
  const perEndpoint = wholeNumber("per-endpoint", values["per-endpoint"], 1) as number;
  const seed = wholeNumber("seed", values.seed, Number.MIN_SAFE_INTEGER) ?? Date.now() % 2 ** 31;
  const shards = wholeNumber("shards", values.shards, 1) as number;
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  const common = { perEndpoint, seed, ...(values.only ? { only: values.only } : {}) };

  if (values.shard !== undefined) {
    // One shard of a shared run (started by the parent below): route lines, then its report as JSON.
    const m = /^(\d+)\/(\d+)$/.exec(values.shard);
    if (!m || Number(m[1]) >= Number(m[2])) throw new Error(`--shard needs i/K with i < K (got ${values.shard})`);
    if (!values.json) throw new Error("--shard needs --json");
    const report = await runFuzz({ ...common, shard: { index: Number(m[1]), count: Number(m[2]) }, say: (line) => console.log(line) });
    fs.writeFileSync(values.json, JSON.stringify(report));
    return 0;
  }

  const report = shards > 1 ? mergeReports(await runShards({ ...common, count: shards, script: process.argv[1] as string })) : await runFuzz({ ...common, say: (line) => console.log(line) });
  const seconds = elapsed();
  const code = summarise(report, seconds);
  if (values.json) fs.writeFileSync(values.json, JSON.stringify({ ...report, seconds }, null, 2));
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
