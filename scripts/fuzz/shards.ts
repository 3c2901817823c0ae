/**
 * A fuzz run shared among processes: each runs every K-th route against an app of its own (the app
 * is single-threaded, so one process per core), writes its report as JSON, and the reports are
 * added up. The requests of a route are the same as in a single-process run with the same seed.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FuzzReport, StatusClass } from "./run";

export interface ShardOptions {
  perEndpoint: number;
  seed: number;
  only?: string;
  count: number;
  /** The fuzz command's own script, run again with `--shard i/K`. */
  script: string;
}

export async function runShards(options: ShardOptions): Promise<FuzzReport[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lift-hub-fuzz-shards-"));
  try {
    return await Promise.all(
      Array.from({ length: options.count }, (_, index) => {
        const json = path.join(dir, `shard-${index}.json`);
        const args = [...process.execArgv, options.script, "--per-endpoint", String(options.perEndpoint), "--seed", String(options.seed), "--shard", `${index}/${options.count}`, "--json", json, ...(options.only ? ["--only", options.only] : [])];
        return new Promise<FuzzReport>((resolve, reject) => {
          const child = spawn(process.execPath, args, { stdio: ["ignore", "inherit", "inherit"] });
          child.on("error", reject);
          child.on("exit", (code, signal) => {
            if (code === 0 && fs.existsSync(json)) resolve(JSON.parse(fs.readFileSync(json, "utf8")) as FuzzReport);
            else reject(new Error(`Fuzz shard ${index + 1} of ${options.count} stopped (${signal ?? `exit ${code}`})`));
          });
        });
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One report for the whole run: routes in the order of the shards, counts added, the worst health. */
export function mergeReports(reports: readonly FuzzReport[]): FuzzReport {
  const [first] = reports;
  if (!first) throw new Error("No shard reports to merge");
  const total: Record<StatusClass, number> = { "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0 };
  for (const r of reports) for (const k of Object.keys(total) as StatusClass[]) total[k] += r.total[k];
  return {
    seed: first.seed,
    perEndpoint: first.perEndpoint,
    routes: reports.flatMap((r) => r.routes),
    total,
    failures: reports.flatMap((r) => r.failures),
    healthAfter: reports.find((r) => r.healthAfter !== 200)?.healthAfter ?? 200,
    requests: reports.reduce((n, r) => n + r.requests, 0),
  };
}
