import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Two files at a time on a 2-core machine (vitest's default there is one): most tests wait on an
    // app, the emulator or Chromium rather than on the CPU, so the suite's wall time nearly halves.
    maxWorkers: 2,
    // Builds tabs/dist when it is missing or older than its sources (browser tests serve it).
    globalSetup: ["tests/support/build-tabs.ts"],
  },
});
