/**
 * Start-up in one call: connect, provision, load reference data, and build the list-backed people
 * directory and reference-data reader. `npm start` and `npm run provision` both go through here.
 */
import type { AppConfig } from "../../config/config";
import type { EmulatorEndpoint } from "../../graph/client";
import type { ListDefinition } from "../../graph/list-definition";
import { ListPeopleDirectory, type ListPeopleDirectoryOptions } from "./list-people-directory";
import { ListReferenceData } from "./list-reference-data";
import { LIFT_LISTS } from "./lists";
import { provisionSite, type ProvisionReport } from "../../graph/provision";
import { provisionLibraries, type LibraryDefinition } from "../../graph/library";
import { loadReferenceData, type LoadReport } from "./reference-data-loader";
import type { RetryPolicy } from "../../graph/retry";
import type { RowReports } from "../../graph/row-reports";
import { connectSite, type LiftSite } from "../../graph/site";
import { openListStores, type LiftStores } from "./lists";

export interface GraphBootstrap {
  site: LiftSite;
  stores: LiftStores;
  provisioned: ProvisionReport;
  loaded: LoadReport;
  people: ListPeopleDirectory;
  referenceData: ListReferenceData;
}

export async function bootstrapGraph(
  config: AppConfig,
  options: { emulator?: EmulatorEndpoint; retry?: RetryPolicy; people?: ListPeopleDirectoryOptions; extraLists?: readonly ListDefinition[]; libraries?: readonly LibraryDefinition[]; rows?: RowReports } = {},
): Promise<GraphBootstrap> {
  const site = await connectSite(config, { emulator: options.emulator, retry: options.retry, rows: options.rows });
  // Feature lists (referrals, meetings, returns…) are provisioned in the same pass as the core lists.
  const provisioned = await provisionSite(site.api, site.siteId, [...LIFT_LISTS, ...(options.extraLists ?? [])]);
  // Document libraries (referral documents) are lists too: created in the same pass, reported with them.
  provisioned.createdLists.push(...(await provisionLibraries(site.api, site.siteId, options.libraries ?? [])));
  const stores = await openListStores(site);
  // Demo schools and @lift.local people belong to local mode only ([Local sign-in](../../../docs/reference/architecture.md#local-sign-in)).
  const loaded = await loadReferenceData(stores, { demoData: config.demoData, demoDirectory: config.graph.mode === "emulator" });
  return {
    site,
    stores,
    provisioned,
    loaded,
    people: new ListPeopleDirectory(stores.people, options.people),
    referenceData: new ListReferenceData(stores),
  };
}
