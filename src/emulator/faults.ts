/**
 * Fault injection for tests and benchmarks: a fixed or random latency per request, and a rate of
 * 429/503 answers with Retry-After ([§7.2](../../docs/reference/graph-sharepoint-lists.md#72-graph-throttling), [§7.3](../../docs/reference/graph-sharepoint-lists.md#73-sharepoint-throttling)). Set by options, or by the environment:
 *   GRAPH_EMULATOR_LATENCY_MS="100" | "50-150"   GRAPH_EMULATOR_FAULT_RATE="0.2"
 *   GRAPH_EMULATOR_FAULT_STATUS="429" | "503" | "mixed"   GRAPH_EMULATOR_RETRY_AFTER="1"
 */
import { setTimeout as sleep } from "node:timers/promises";
import { GraphErrors, type GraphError } from "./errors";

export interface FaultOptions {
  latencyMs?: number | [number, number];
  faultRate?: number;
  faultStatus?: 429 | 503 | "mixed";
  retryAfterSeconds?: number;
}

export function faultsFromEnv(env: NodeJS.ProcessEnv): FaultOptions | undefined {
  const out: FaultOptions = {};
  const latency = env.GRAPH_EMULATOR_LATENCY_MS?.trim();
  if (latency) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(latency);
    if (!m) throw new Error(`GRAPH_EMULATOR_LATENCY_MS must be "N" or "MIN-MAX" milliseconds, got "${latency}"`);
    out.latencyMs = m[2] === undefined ? Number(m[1]) : [Number(m[1]), Number(m[2])];
  }
  const rate = env.GRAPH_EMULATOR_FAULT_RATE?.trim();
  if (rate) out.faultRate = Number(rate);
  const status = env.GRAPH_EMULATOR_FAULT_STATUS?.trim();
  if (status) {
    if (status !== "429" && status !== "503" && status !== "mixed") {
      throw new Error(`GRAPH_EMULATOR_FAULT_STATUS must be 429, 503 or mixed, got "${status}"`);
    }
    out.faultStatus = status === "mixed" ? "mixed" : (Number(status) as 429 | 503);
  }
  const retry = env.GRAPH_EMULATOR_RETRY_AFTER?.trim();
  if (retry) out.retryAfterSeconds = Number(retry);
  return Object.keys(out).length > 0 ? out : undefined;
}

export class FaultInjector {
  constructor(private readonly options: FaultOptions = {}) {
    const rate = options.faultRate ?? 0;
    if (!(rate >= 0 && rate <= 1)) throw new Error(`faultRate must be between 0 and 1, got ${rate}`);
    const l = options.latencyMs;
    if (Array.isArray(l) ? !(l[0] >= 0 && l[1] >= l[0]) : l !== undefined && !(l >= 0)) {
      throw new Error(`latencyMs must be a non-negative number or [min, max], got ${JSON.stringify(l)}`);
    }
    const ra = options.retryAfterSeconds ?? 1;
    if (!(Number.isInteger(ra) && ra >= 0)) throw new Error(`retryAfterSeconds must be a whole number ≥ 0, got ${ra}`);
  }

  async delay(): Promise<void> {
    const l = this.options.latencyMs;
    if (l === undefined) return;
    const ms = Array.isArray(l) ? l[0] + Math.random() * (l[1] - l[0]) : l;
    if (ms > 0) await sleep(ms);
  }

  /** A throttling error for this request, or undefined to let it through. */
  fault(): GraphError | undefined {
    const rate = this.options.faultRate ?? 0;
    if (rate <= 0 || Math.random() >= rate) return undefined;
    const retryAfter = this.options.retryAfterSeconds ?? 1;
    const status = this.options.faultStatus ?? 429;
    const pick = status === "mixed" ? (Math.random() < 0.5 ? 429 : 503) : status;
    return pick === 429 ? GraphErrors.tooManyRequests(retryAfter) : GraphErrors.serviceNotAvailable(retryAfter);
  }
}
