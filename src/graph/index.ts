/** The list store layer: Graph client, typed list stores, provisioning, reference data (README.md). */
export { bootstrapGraph, type GraphBootstrap } from "./bootstrap";
export { createGraphClient, createEmulatorClient, createTenantClient, type EmulatorEndpoint, type GraphConnection } from "./client";
export { GraphApi, BATCH_LIMIT } from "./graph-api";
export { defineList, type ListDefinition, type ColumnSpec, IDEMPOTENCY_COLUMN } from "./list-definition";
export { ListStore, type Item, type QueryOptions, type DeltaResult } from "./list-store";
export * from "./lists";
export { provisionSite, formatProvisionReport, type ProvisionReport } from "./provision";
export { loadReferenceData, formatLoadReport, type LoadReport, type LoadOptions } from "./reference-data-loader";
export { ListPeopleDirectory } from "./list-people-directory";
export { ListReferenceData } from "./list-reference-data";
export { retryPolicy, DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry";
export { connectSite, openListStores, openListStore, resolveSiteId, type LiftSite, type LiftStores } from "./site";
