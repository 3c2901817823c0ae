/**
 * `npm run bench:reminders`: one reminder to each of 2,000 simulated district leads through a local
 * Bot Framework connector that allows 50 requests a second (Teams' per-app limit,
 * [teams-platform.md §4.3](../docs/reference/teams-platform.md#43-rate-limits)) and answers 429 with Retry-After beyond it. The whole app runs in-process on
 * the in-memory Graph emulator; prints messages/second, 429s, duplicates and losses (both must be 0).
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { loadConfig } from "../src/config/config";
import { DISTRICTS } from "../src/domain/reference/districts";
import { createLogger } from "../src/server/core/logger";
import { startApp } from "../src/server/app/start";

const USERS = Number(process.env.BENCH_USERS ?? 2000);
const LIMIT_PER_SECOND = 50;

async function rateLimitedConnector() {
  const windowStarts: number[] = [];
  const received = new Map<string, number>();
  let throttled = 0;
  let firstAt = 0;
  let lastAt = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const now = performance.now();
      while (windowStarts.length > 0 && now - windowStarts[0]! >= 1000) windowStarts.shift();
      if (windowStarts.length >= LIMIT_PER_SECOND) {
        throttled++;
        res.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
        res.end(JSON.stringify({ error: { code: "Throttled", message: "Too many requests" } }));
        return;
      }
      windowStarts.push(now);
      const parts = new URL(req.url ?? "/", "http://c").pathname.split("/").filter(Boolean).map(decodeURIComponent);
      if (req.method === "POST" && parts[0] === "v3" && parts[1] === "conversations" && parts[3] === "activities") {
        received.set(parts[2]!, (received.get(parts[2]!) ?? 0) + 1);
        if (!firstAt) firstAt = now;
        lastAt = now;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ id: randomUUID() }));
        return;
      }
      res.writeHead(404, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    stats: () => ({ throttled, seconds: (lastAt - firstAt) / 1000 }),
    stop: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lift-bench-reminders-"));
  const connector = await rateLimitedConnector();
  const clock = new Date("2025-11-07T09:00:00Z"); // due day of term 1 2025-26
  const config = loadConfig({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent", REMINDERS: "off", DEMO_DATA: "off" });
  const app = await startApp(config, { inMemory: true, log: createLogger("silent"), now: () => clock });
  try {
    console.log(`Seeding ${USERS} district leads and their conversations…`);
    const people = Array.from({ length: USERS }, (_, i) => ({
      oid: randomUUID(),
      upn: `bench.lead${i}@lift.local`,
      displayName: `Bench Lead ${i}`,
      role: "district_lead" as const,
      districtSlug: DISTRICTS[i % DISTRICTS.length]!.slug,
    }));
    await app.graph.stores.people.createMany(people.map((p) => ({ value: p, idempotencyKey: `person:${p.oid}` })));
    app.graph.people.invalidate();
    await app.graph.stores.conversationReferences.createMany(
      people.map((p) => ({
        idempotencyKey: `conversation:a:${p.oid}`,
        value: {
          conversationId: `a:${p.oid}`,
          conversationType: "personal" as const,
          userOid: p.oid,
          userUpn: p.upn,
          channelId: "msteams",
          serviceUrl: connector.url,
          bot: { id: "28:bench-bot" },
          user: { id: `29:${p.oid}`, aadObjectId: p.oid, upn: p.upn },
        },
      })),
    );

    console.log(`Running one pass (sends paced by the token bucket; the connector allows ${LIMIT_PER_SECOND}/s)…`);
    const started = performance.now();
    const report = await app.features.reminders.service.runPass();
    const passSeconds = (performance.now() - started) / 1000;
    const { throttled, seconds } = connector.stats();
    const delivered = [...connector.received.values()].reduce((a, b) => a + b, 0);
    const duplicates = [...connector.received.values()].reduce((a, n) => a + Math.max(0, n - 1), 0);
    const losses = people.filter((p) => !connector.received.has(`a:${p.oid}`)).length;
    console.log(`Users:                ${USERS}`);
    console.log(`Delivered:            ${delivered} (runner reports ${report.sent.length} sent, ${report.failed.length} failed)`);
    console.log(`Messages/second:      ${(delivered / Math.max(seconds, 0.001)).toFixed(1)} (first to last delivery, ${seconds.toFixed(1)} s; whole pass ${passSeconds.toFixed(1)} s)`);
    console.log(`429s received:        ${throttled}`);
    console.log(`Duplicates:           ${duplicates}`);
    console.log(`Losses:               ${losses}`);
    process.exitCode = duplicates === 0 && losses === 0 ? 0 : 1;
  } finally {
    await app.stop();
    await connector.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error("bench:reminders failed:", error);
  process.exit(1);
});
