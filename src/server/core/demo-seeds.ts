/**
 * Demo seeding (DEMO_DATA=on) that costs one probe per feature once it has run. Each feature's seed
 * is idempotent but proves it by re-reading whole lists and re-sending every create (seconds per
 * feature); instead, a DemoSeeds item is written after a feature's seed returned, and a start that
 * finds it skips the seed. The item is written last, so a start stopped half-way through a seed
 * runs that seed again and completes it.
 */
import type { ListStore } from "../../graph/list-store";
import type { DemoSeedsList } from "./lists";

export interface DemoSeedStep {
  /** Names the marker, e.g. `casework`. */
  feature: string;
  /** Raise it when the feature's demo changes: data directories seeded before get the new demo. */
  version: number;
  /** What else the seed depends on (e.g. a flag that switches part of it off), in the marker's key. */
  variant?: string;
  seed: () => Promise<string[]>;
}

/**
 * Runs the steps in order, skipping those seeded on `day` (the demo places activity around "today",
 * so a new day checks again). Once one step runs, every later one runs too: later seeds build on
 * earlier ones' data. The probes go out together.
 */
export async function runDemoSeeds(store: ListStore<typeof DemoSeedsList.schema>, steps: readonly DemoSeedStep[], day: string, now: () => Date): Promise<string[]> {
  const keyOf = (s: DemoSeedStep) => ["demo-seed", s.feature, `v${s.version}`, day, ...(s.variant ? [s.variant] : [])].join(":");
  const seeded = await Promise.all(steps.map(async (s) => (await store.findByKey(keyOf(s))) !== undefined));
  const lines: string[] = [];
  let rest = false;
  for (const [i, step] of steps.entries()) {
    if (seeded[i] && !rest) {
      lines.push(`Demo data (${step.feature}): already seeded`);
      continue;
    }
    rest = true;
    lines.push(...(await step.seed()));
    await store.create({ feature: step.feature, version: step.version, day, seededAt: now().toISOString() }, { idempotencyKey: keyOf(step) });
  }
  return lines;
}
