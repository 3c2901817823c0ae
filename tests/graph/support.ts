/** Starts an in-memory emulator and connects the real Graph client to it. */
import { GraphEmulator, type FaultOptions } from "../../src/emulator";
import { createEmulatorClient } from "../../src/graph/client";
import { GraphApi } from "../../src/graph/graph-api";
import { resolveSiteId, type LiftSite } from "../../src/graph/site";
import { retryPolicy, type RetryPolicy } from "../../src/graph/retry";

export const SITE_URL = "https://lift.sharepoint.com/sites/lift-hub";

export interface TestSite extends LiftSite {
  emulator: GraphEmulator;
  stop: () => Promise<void>;
}

/** Retries without real waiting: tests never depend on wall-clock time. */
export const FAST_RETRY: Partial<RetryPolicy> = { maxAttempts: 12, baseDelayMs: 1, maxDelayMs: 5 };

export async function startSite(
  options: { faults?: FaultOptions; retry?: Partial<RetryPolicy>; log?: (line: string) => void } = {},
): Promise<TestSite> {
  const emulator = new GraphEmulator({ port: 0, inMemory: true, faults: options.faults ?? {}, log: options.log });
  const endpoint = await emulator.start();
  const api = new GraphApi(createEmulatorClient(endpoint), retryPolicy({ ...FAST_RETRY, ...options.retry }));
  const siteId = await resolveSiteId(api, SITE_URL);
  return { emulator, api, siteId, stop: () => emulator.stop() };
}
