/** The generic list store layer: Graph client, retry, typed list stores, list definitions, provisioning (README.md). */
export { createGraphClient, createEmulatorClient, createTenantClient, type EmulatorEndpoint, type GraphConnection } from "./client";
export { GraphApi, BATCH_LIMIT } from "./graph-api";
export { defineList, type ListDefinition, type ColumnSpec, IDEMPOTENCY_COLUMN } from "./list-definition";
export { ListStore, type Item, type QueryOptions, type DeltaResult } from "./list-store";
export { provisionSite, formatProvisionReport, type ProvisionReport } from "./provision";
export { retryPolicy, DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry";
export { connectSite, openListStore, resolveSiteId, type LiftSite } from "./site";
export { LibraryDrive, defineLibrary, provisionLibraries, SIMPLE_UPLOAD_MAX, type DriveFile, type LibraryDefinition } from "./library";
