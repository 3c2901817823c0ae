/**
 * Connecting to the LIFT Hub site: resolve its id from the configured URL ([§1.2](../../docs/reference/graph-sharepoint-lists.md#12-site-by-hostname-and-path)) and open a typed
 * store per list. Generic: which lists exist is the caller's business.
 */
import type { AppConfig } from "../config/config";
import { AppError } from "../errors";
import { createGraphClient, type EmulatorEndpoint } from "./client";
import { GraphApi, statusOf, toAppError } from "./graph-api";
import type { FieldMappingOptions, ListDefinition } from "./list-definition";
import { ListStore } from "./list-store";
import { InvalidRowLog, type RowReports } from "./row-reports";
import { resolveListIds } from "./provision";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry";

export interface LiftSite {
  api: GraphApi;
  siteId: string;
  /** Told about rows the stores skip because they do not match their schema (health warnings). */
  rows?: RowReports;
}

/** `GET /sites/{hostname}:/{path}` ([§1.2](../../docs/reference/graph-sharepoint-lists.md#12-site-by-hostname-and-path)) → the composite site id. */
export async function resolveSiteId(api: GraphApi, siteUrl: string): Promise<string> {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch (err) {
    throw new AppError("config_invalid", `SHAREPOINT_SITE_URL is not a URL: ${siteUrl}`, { cause: err });
  }
  const path = url.pathname.replace(/\/+$/, "");
  const address = path ? `/sites/${url.hostname}:${path}` : `/sites/${url.hostname}`;
  try {
    const site = await api.request<{ id?: string }>("GET", `${address}?$select=id`);
    if (!site?.id) throw new AppError("upstream_failed", `Graph returned no id for the site ${siteUrl}`);
    return site.id;
  } catch (err) {
    if (statusOf(err) === 404) {
      throw new AppError("not_found", `The SharePoint site ${siteUrl} was not found (or the app has no access to it)`, { cause: err });
    }
    throw toAppError(err, `Finding the site ${siteUrl}`);
  }
}

/** The Graph client for this configuration and the site id of SHAREPOINT_SITE_URL. */
export async function connectSite(
  config: AppConfig,
  options: { emulator?: EmulatorEndpoint; retry?: RetryPolicy; rows?: RowReports } = {},
): Promise<LiftSite> {
  const api = new GraphApi(createGraphClient(config, { emulator: options.emulator }), options.retry ?? DEFAULT_RETRY_POLICY);
  return { api, siteId: await resolveSiteId(api, config.graph.siteUrl), rows: options.rows ?? new InvalidRowLog() };
}

/** A store for any one declared list (used by later features and tests). */
export async function openListStore<D extends ListDefinition>(site: LiftSite, def: D, mapping: FieldMappingOptions = {}): Promise<ListStore<D["schema"]>> {
  const ids = await resolveListIds(site.api, site.siteId, [def.title]);
  return new ListStore(site.api, site.siteId, ids.get(def.title) as string, def as ListDefinition<D["schema"]>, mapping, site.rows);
}
