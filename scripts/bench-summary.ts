/**
 * `npm run bench:summary`: the KPI summary over Graph against the emulator with 100 ms latency per
 * request.
 *
 * Seeds (at 0 ms latency, through `$batch`) 5 academic years of returns (12 districts × 6 terms)
 * and about 20,000 referrals with outcomes, and the KpiSummary list; then restarts the emulator on
 * the same data with 100 ms injected latency and measures:
 *   1. cold: a fresh aggregator (no cache) reads the returns (one paged delta, $top=5000) and, beside
 *      it, the stored summary's keys and input fingerprints (one query, measures left out); every
 *      fingerprint matches, so nothing is computed or written;
 *   2. incremental: one return changes; delta → that year's fingerprints → recompute the year → write
 *      the items whose fingerprint changed;
 *   3. a naive baseline: one query per district, year and term, and one PATCH per summary item, one
 *      request after another, no `$batch`.
 * Graph requests are counted from the emulator's request log (a `$batch` is one request).
 * Targets: cold ≤ 1.0 s, incremental ≤ 0.25 s, ≥ 10× fewer requests than the baseline.
 *
 * Options: --referrals N (default 20000), --years N (default 5), --latency MS (default 100),
 * --scale N (default 1: N × the referrals, and N submitted versions of every district × term return,
 * so N × the returns), --baseline off (skip the naive baseline, which takes minutes).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { GraphEmulator } from "../src/emulator";
import { createEmulatorClient } from "../src/graph/client";
import { GraphApi } from "../src/graph/graph-api";
import { provisionSite } from "../src/graph/provision";
import { LIFT_LISTS } from "../src/server/core/lists";
import { openListStore, resolveSiteId, type LiftSite } from "../src/graph/site";
import { openListStores } from "../src/server/core/lists";
import { retryPolicy } from "../src/graph/retry";
import { createManyParallel } from "../src/graph/bulk-io";
import { KpiAggregator, rowsToItem, normaliseRow, setKeyOf } from "../src/server/features/kpi/aggregation";
import { KpiReturnsList, KpiSummaryList, returnVersionKey, type KpiReturnItem } from "../src/server/features/kpi/lists";
import { aggregateKpis, type SummaryRow } from "../src/domain/kpi/aggregate";
import { DISTRICTS } from "../src/domain/reference/districts";
import { ReferralsList, type ReferralItem } from "../src/server/features/referrals/lists";
import { LiftMeetingsList } from "../src/server/features/lift-meetings/lists";
import { demoFigures } from "../src/server/features/kpi/demo-figures";
import { toReturnVersion } from "../src/server/features/kpi/aggregation";
import type { TermNumber } from "../src/domain/time/calendar";

const SITE = { hostname: "lift.sharepoint.com", path: "/sites/lift-hub", displayName: "LIFT Hub" };
const SITE_URL = "https://lift.sharepoint.com/sites/lift-hub";
const { values: args } = parseArgs({
  options: {
    referrals: { type: "string", default: "20000" },
    years: { type: "string", default: "5" },
    latency: { type: "string", default: "100" },
    scale: { type: "string", default: "1" },
    baseline: { type: "string", default: "on" },
  },
});
const SCALE = Number(args.scale);
if (!Number.isInteger(SCALE) || SCALE < 1) throw new Error(`--scale must be a whole number ≥ 1 (got '${args.scale}')`);
const REFERRALS = Number(args.referrals) * SCALE;
const YEARS = Array.from({ length: Number(args.years) }, (_, i) => {
  const start = 2025 - Number(args.years) + 1 + i;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
});
const LATENCY = Number(args.latency);
const districts = DISTRICTS.map((d) => ({ slug: d.slug, name: d.name, area: d.area }));

let requests = 0;
async function startEmulator(dataDir: string, latencyMs: number): Promise<{ emulator: GraphEmulator; site: LiftSite }> {
  const emulator = new GraphEmulator({ port: 0, dataDir, sites: [SITE], faults: { latencyMs }, log: () => void requests++ });
  const endpoint = await emulator.start();
  const api = new GraphApi(createEmulatorClient(endpoint), retryPolicy({ maxAttempts: 8, baseDelayMs: 50, maxDelayMs: 2000 }));
  return { emulator, site: { api, siteId: await resolveSiteId(api, SITE_URL) } };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

async function measure<T>(run: () => Promise<T>): Promise<{ result: T; ms: number; requests: number }> {
  const before = requests;
  const t = performance.now();
  const result = await run();
  return { result, ms: performance.now() - t, requests: requests - before };
}

/** Version `version` of a district's return; every version is submitted, so the latest counts. */
function returnItem(slug: string, year: string, term: number, version: number): KpiReturnItem {
  const at = `${Number(year.slice(0, 4)) + (term > 2 ? 1 : 0)}-0${((term * 2) % 9) + 1}-15T10:${String(version % 60).padStart(2, "0")}:00Z`;
  return {
    returnKey: returnVersionKey(slug, year, term, version),
    districtSlug: slug,
    academicYear: year,
    term,
    version,
    status: "submitted",
    values: demoFigures(slug, year, term),
    narrative: "",
    source: "import",
    savedAt: at,
    savedByName: "bench",
    submittedAt: at,
    submittedByName: "bench",
  };
}

function referral(i: number): { value: ReferralItem; idempotencyKey: string } {
  const d = DISTRICTS[i % DISTRICTS.length]!;
  const year = YEARS[i % YEARS.length]!;
  const phase = (["primary", "primary", "secondary", "early-years"] as const)[i % 4];
  const month = String(((i * 7) % 12) + 1).padStart(2, "0");
  const calendarYear = Number(year.slice(0, 4)) + (Number(month) < 9 ? 1 : 0);
  return {
    idempotencyKey: `bench-referral-${i}`,
    value: {
      settingId: `${d.code}-${phase === "early-years" ? "E" : phase === "secondary" ? "S" : "P"}${(i % 9) + 1}`,
      districtSlug: d.slug,
      variant: phase === "early-years" ? "early-years" : "school",
      status: "outcome_recorded",
      meetingId: String(1 + (i % 500)),
      createdByOid: "00000000-0000-4000-8000-000000000001",
      submittedAt: `${calendarYear}-${month}-10T09:00:00Z`,
      body: { setting: { settingId: `${d.code}-P1`, phase }, needs: { primaryArea: ["CI", "CL", "SEMH", "SP"][i % 4] } },
      outcome: { categories: [i % 3 === 0 ? "Advice and strategies to try (resolved at LIFT)" : "Specialist teacher allocated"], actions: [] },
      history: [],
    },
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "lift-bench-summary-"));
  try {
    // ---- seed at 0 ms ----
    console.log(`Seeding ${YEARS.length} academic years (${YEARS.join(", ")}) × ${districts.length} districts × 6 terms of returns × ${SCALE} version(s) and ${REFERRALS} referrals (scale ${SCALE})…`);
    const t = performance.now();
    {
      const { emulator, site } = await startEmulator(dataDir, 0);
      await provisionSite(site.api, site.siteId, [...LIFT_LISTS, KpiReturnsList, KpiSummaryList, LiftMeetingsList, ReferralsList]);
      const returns = await openListStore(site, KpiReturnsList);
      const summary = await openListStore(site, KpiSummaryList);
      const referrals = await openListStore(site, ReferralsList);
      const items = YEARS.flatMap((year) => districts.flatMap((d) => [1, 2, 3, 4, 5, 6].flatMap((term) => Array.from({ length: SCALE }, (_, v) => returnItem(d.slug, year, term, v + 1)))));
      await createManyParallel(returns, items.map((value) => ({ value, idempotencyKey: value.returnKey })), 8);
      for (let start = 0; start < REFERRALS; start += 2000) {
        await createManyParallel(referrals, Array.from({ length: Math.min(2000, REFERRALS - start) }, (_, k) => referral(start + k)), 8);
      }
      const seeded = await new KpiAggregator({ api: site.api, returns, summary, districts: async () => districts }).refresh();
      console.log(`  ${items.length} returns, ${REFERRALS} referrals, ${seeded.created} KpiSummary items in ${seconds(performance.now() - t)}`);
      await emulator.stop();
    }

    // ---- measure at LATENCY ms ----
    const { emulator, site } = await startEmulator(dataDir, LATENCY);
    try {
      await openListStores(site);
      const returns = await openListStore(site, KpiReturnsList);
      const summary = await openListStore(site, KpiSummaryList);
      console.log(`\nEmulator restarted on the same data with ${LATENCY} ms latency per request.`);

      const aggregator = new KpiAggregator({ api: site.api, returns, summary, districts: async () => districts });
      const cold = await measure(() => aggregator.refresh());
      // Rows the list holds (counted outside the measurement: the cold refresh found them up to date without computing them).
      let rows = 0;
      for (const y of YEARS) rows += (await aggregator.compute(y)).rows.length;
      console.log(`Cold summary (${YEARS.length} years, ${rows} rows; returns read with paged delta beside the stored fingerprints, nothing to compute or write): ${seconds(cold.ms)}, ${cold.requests} Graph requests`);

      // One return changes (outside the measurement: that is the district lead's write).
      const year = YEARS[YEARS.length - 1]!;
      const target = (await returns.all({ where: { districtSlug: "dover", academicYear: year, term: 2 }, pageSize: 10 })).reduce((a, b) => (b.value.version > a.value.version ? b : a));
      await returns.update(target.id, { values: { ...target.value.values, referrals_primary: (target.value.values.referrals_primary ?? 0) + 3 } });
      const incremental = await measure(() => aggregator.refresh());
      const r = incremental.result;
      console.log(`Incremental after one return changed (delta → ${r.years.join(", ")} recomputed → ${r.updated + r.created + r.deleted} items rewritten in $batch): ${seconds(incremental.ms)}, ${incremental.requests} Graph requests`);

      if (args.baseline === "off") {
        console.log(`\nTargets: cold ≤ 1.0 s: ${cold.ms <= 1000 ? "met" : "NOT met"} (${seconds(cold.ms)}); incremental ≤ 0.25 s: ${incremental.ms <= 250 ? "met" : "NOT met"} (${seconds(incremental.ms)}); naive baseline skipped.`);
        return;
      }
      // Naive: each district × year × term queried on its own, each summary item written on its own.
      const naive = await measure(async () => {
        const versions = [];
        for (const y of YEARS) {
          for (const d of districts) {
            for (const term of [1, 2, 3, 4, 5, 6]) {
              for await (const item of returns.query({ where: { districtSlug: d.slug, academicYear: y, term } })) versions.push(toReturnVersion(item.value));
            }
          }
        }
        const stored = await summary.all({ pageSize: 200 });
        const byKey = new Map(stored.map((s) => [s.value.setKey, s]));
        let writes = 0;
        for (const y of YEARS) {
          const computed = aggregateKpis({ districts, terms: ([1, 2, 3, 4, 5, 6] as TermNumber[]).map((term) => ({ academicYear: y, term })), returns: versions.filter((v) => v.academicYear === y) });
          const sets = new Map<string, SummaryRow[]>();
          for (const row of computed.rows.map(normaliseRow)) sets.set(setKeyOf(row), [...(sets.get(setKeyOf(row)) ?? []), row]);
          for (const [key, set] of sets) {
            const existing = byKey.get(key);
            if (existing) await summary.update(existing.id, rowsToItem(set));
            writes++;
          }
        }
        return writes;
      });
      console.log(`Naive baseline (per district/term queries, one write per summary item, no $batch): ${seconds(naive.ms)}, ${naive.requests} Graph requests`);

      const ratio = naive.requests / Math.max(1, cold.requests);
      console.log(`\nTargets: cold ≤ 1.0 s: ${cold.ms <= 1000 ? "met" : "NOT met"} (${seconds(cold.ms)}); incremental ≤ 0.25 s: ${incremental.ms <= 250 ? "met" : "NOT met"} (${seconds(incremental.ms)}); ≥ 10× fewer requests than the baseline: ${ratio >= 10 ? "met" : "NOT met"} (${ratio.toFixed(0)}× fewer).`);
    } finally {
      await emulator.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`bench:summary failed: ${(err as Error)?.stack ?? String(err)}`);
  process.exit(1);
});
