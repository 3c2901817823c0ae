import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Builds tabs/dist when it is missing or older than its sources (browser tests serve it).
    globalSetup: ["tests/support/build-tabs.ts"],
  },
});
