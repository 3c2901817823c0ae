/**
 * Runs the conformance suite against the in-process emulator (always) and against a real tenant
 * when GRAPH_TEST_* settings are present; otherwise the tenant block is reported as skipped.
 */
import { describe } from "vitest";
import { defineConformance } from "./conformance.suite";
import { defineDriveConformance } from "./drives.suite";
import { emulatorTarget, hasTenant, tenantTarget } from "./harness";

describe("Graph conformance: emulator", () => {
  defineConformance(emulatorTarget);
});

describe.skipIf(!hasTenant)(
  hasTenant ? "Graph conformance: real tenant" : "Graph conformance: real tenant — skipped: set GRAPH_TEST_* to run",
  () => {
    defineConformance(tenantTarget);
  },
);

describe("Graph drive conformance: emulator", () => {
  defineDriveConformance(emulatorTarget);
});

describe.skipIf(!hasTenant)(
  hasTenant ? "Graph drive conformance: real tenant" : "Graph drive conformance: real tenant — skipped: set GRAPH_TEST_* to run",
  () => {
    defineDriveConformance(tenantTarget);
  },
);
