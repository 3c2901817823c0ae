/**
 * `npm run bench:emulator`: throughput of the Graph emulator through the Graph JS client, on a
 * 50,000-item list kept in SQLite in a temporary DATA_DIR. Prints figures only (no assertions).
 *   - batched creates ($batch of 20, 4 batches in flight)
 *   - paged reads ($top=1000, expand=fields)
 *   - filtered reads (indexed eq; non-indexed range with the Prefer header)
 *   - provisioning a fresh site with the app's provisionSite + LIFT_LISTS
 * BENCH_ITEMS overrides the list size.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, PageIterator } from "@microsoft/microsoft-graph-client";
import { Agent } from "undici";
import { GraphEmulator } from "../src/emulator";
import { createEmulatorClient } from "../src/graph/client";
import { GraphApi } from "../src/graph/graph-api";
import { allColumnDefinitions } from "../src/graph/list-definition";
import { LIFT_LISTS } from "../src/server/core/lists";
import { provisionSite } from "../src/graph/provision";

const ITEMS = Number(process.env.BENCH_ITEMS ?? 50_000);
const IN_FLIGHT = 4;
const PREFER = { Prefer: "HonorNonIndexedQueriesWarningMayFailRandomly" };
const SITE = "/sites/lift.sharepoint.com:/sites/lift-hub:";

interface Page {
  value: Array<{ id: string }>;
  "@odata.nextLink"?: string;
}

function rate(n: number, ms: number): string {
  return `${Math.round((n / ms) * 1000).toLocaleString("en-GB")} items/s`;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

async function readAll(client: Client, first: Page, headers?: Record<string, string>): Promise<number> {
  let n = 0;
  await new PageIterator(client, first, () => ++n > 0, headers ? { headers } : undefined).iterate();
  return n;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "graph-emulator-bench-"));
  const emulator = new GraphEmulator({ dataDir, port: 0, faults: {} });
  const { url, ca } = await emulator.start();
  const client = Client.init({
    baseUrl: url,
    defaultVersion: "v1.0",
    customHosts: new Set(["localhost"]),
    fetchOptions: { dispatcher: new Agent({ connect: { ca } }) } as RequestInit,
    authProvider: (done) => done(null, "bench-token"),
  });
  try {
    console.log(`Graph emulator bench: ${ITEMS.toLocaleString("en-GB")} items, SQLite in ${dataDir}`);

    const list = (await client.api(`${SITE}/lists`).post({
      displayName: "Bench",
      columns: [
        { name: "District", text: {}, indexed: true },
        { name: "Score", number: {} },
        { name: "Status", choice: { choices: ["Open", "Closed"] } },
      ],
    })) as { id: string };
    const listPath = `${SITE}/lists/${list.id}`;

    const [, createMs] = await timed(async () => {
      let next = 0;
      const worker = async () => {
        for (;;) {
          const start = next;
          next += 20;
          if (start >= ITEMS) return;
          const requests = [];
          for (let i = start; i < Math.min(ITEMS, start + 20); i++) {
            requests.push({
              id: String(i - start + 1),
              method: "POST",
              url: `${listPath}/items`,
              headers: { "Content-Type": "application/json" },
              body: { fields: { Title: `Item ${i}`, District: `District ${i % 12}`, Score: i % 1000, Status: i % 3 ? "Open" : "Closed" } },
            });
          }
          const r = (await client.api("/$batch").post({ requests })) as { responses: Array<{ status: number }> };
          if (r.responses.some((x) => x.status !== 201)) throw new Error("a batched create failed");
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    });
    console.log(`batched creates ($batch×20, ${IN_FLIGHT} in flight): ${rate(ITEMS, createMs)} (${(createMs / 1000).toFixed(1)} s)`);

    const [paged, pagedMs] = await timed(async () =>
      readAll(client, (await client.api(`${listPath}/items`).top(1000).expand("fields").get()) as Page),
    );
    console.log(`paged reads ($top=1000, expand=fields): ${rate(paged, pagedMs)} (${paged.toLocaleString("en-GB")} items in ${(pagedMs / 1000).toFixed(2)} s)`);

    const [indexed, indexedMs] = await timed(async () =>
      readAll(client, (await client.api(`${listPath}/items`).filter("fields/District eq 'District 5'").top(1000).expand("fields").get()) as Page),
    );
    console.log(
      `filtered reads, indexed eq (1 in 12 match): ${rate(indexed, indexedMs)} returned, ${rate(ITEMS, indexedMs)} scanned (${indexed.toLocaleString("en-GB")} items in ${(indexedMs / 1000).toFixed(2)} s)`,
    );

    const [ranged, rangedMs] = await timed(async () =>
      readAll(
        client,
        (await client.api(`${listPath}/items`).headers(PREFER).filter("fields/Score lt 100 and fields/Status eq 'Open'").top(1000).expand("fields").get()) as Page,
        PREFER,
      ),
    );
    console.log(
      `filtered reads, non-indexed range + Prefer: ${rate(ranged, rangedMs)} returned, ${rate(ITEMS, rangedMs)} scanned (${ranged.toLocaleString("en-GB")} items in ${(rangedMs / 1000).toFixed(2)} s)`,
    );

    const [sorted, sortedMs] = await timed(async () =>
      readAll(
        client,
        (await client.api(`${listPath}/items`).headers(PREFER).filter("fields/Score ge 990").orderby("fields/Score desc").top(1000).expand("fields").get()) as Page,
        PREFER,
      ),
    );
    console.log(`filtered + ordered reads (orderby fields/Score desc): ${rate(sorted, sortedMs)} returned (${sorted.toLocaleString("en-GB")} items in ${(sortedMs / 1000).toFixed(2)} s)`);

    // Provisioning a fresh site: a second emulator on its own empty data directory, provisioned with
    // the app's own code (provisionSite + LIFT_LISTS) through the app's emulator client.
    const freshDir = mkdtempSync(join(tmpdir(), "graph-emulator-bench-fresh-"));
    const fresh = new GraphEmulator({ dataDir: freshDir, port: 0, faults: {} });
    try {
      const api = new GraphApi(createEmulatorClient(await fresh.start()));
      const [report, provisionMs] = await timed(async () => {
        const site = await api.request<{ id: string }>("GET", SITE);
        return provisionSite(api, site.id, LIFT_LISTS);
      });
      const columns = LIFT_LISTS.reduce((n, def) => n + allColumnDefinitions(def).length, 0);
      console.log(
        `provision a fresh site (provisionSite + LIFT_LISTS: ${report.createdLists.length} lists, ${columns} columns): ${provisionMs.toFixed(0)} ms`,
      );
    } finally {
      await fresh.stop();
      rmSync(freshDir, { recursive: true, force: true });
    }
  } finally {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
