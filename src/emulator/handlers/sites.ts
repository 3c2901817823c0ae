/** Sites: resolution of every addressing form and GET ([§1](../../../docs/reference/graph-sharepoint-lists.md#1-sites)). */
import { randomUUID } from "node:crypto";
import { GraphErrors } from "../errors";
import { ok } from "../http/respond";
import { nowIso, type EmulatorResponse } from "../http/types";
import type { SiteRef } from "../http/router";
import { normalizeSitePath } from "../http/router";
import { parseSelect } from "../query/options";
import { project, siteJson } from "../model/serialize";
import type { SqliteStore } from "../store/SqliteStore";
import type { SiteRecord } from "../store/types";
import { allowOnly, type HandlerContext } from "./context";

export interface HostedSite {
  hostname: string;
  path: string;
  displayName?: string;
}

/** Creates the root site and the configured sites on first start; ids then persist ([§1.1](../../../docs/reference/graph-sharepoint-lists.md#11-site-ids) composite ids). */
export function ensureSites(store: SqliteStore, rootHostname: string, sites: HostedSite[]): void {
  const wanted: Array<HostedSite & { isRoot: boolean }> = [
    { hostname: rootHostname, path: "/", displayName: "Communication site", isRoot: true },
    ...sites.map((s) => ({ ...s, path: normalizeSitePath(s.path), isRoot: false })),
  ];
  for (const s of wanted) {
    if (store.findSiteByHostPath(s.hostname, s.path)) continue;
    const now = nowIso();
    const name = s.path === "/" ? "" : (s.path.split("/").pop() ?? "");
    // Each site is its own site collection here, so it is also that collection's root web.
    const record: SiteRecord = {
      id: `${s.hostname.toLowerCase()},${randomUUID()},${randomUUID()}`,
      hostname: s.hostname.toLowerCase(),
      path: s.path,
      name,
      displayName: s.displayName ?? name,
      isRoot: true,
      created: now,
      modified: now,
    };
    store.insertSite(record);
  }
}

export function resolveSite(store: SqliteStore, ref: SiteRef, rootHostname: string): SiteRecord {
  let found: SiteRecord | undefined;
  if (ref.type === "root") found = store.findSiteByHostPath(rootHostname, "/");
  else if (ref.type === "path") found = store.findSiteByHostPath(ref.hostname.toLowerCase(), ref.path);
  else {
    const parts = ref.value.toLowerCase().split(",");
    const all = store.allSites();
    if (parts.length === 1 && parts[0]?.includes(".")) found = store.findSiteByHostPath(parts[0], "/");
    else if (parts.length === 1) found = all.find((s) => s.id.toLowerCase().split(",")[1] === parts[0]);
    else if (parts.length === 2) found = all.find((s) => s.id.toLowerCase().startsWith(`${parts[0]},${parts[1]},`));
    else found = store.findSiteById(ref.value);
  }
  if (!found) throw GraphErrors.siteNotFound();
  return found;
}

export function getSite(ctx: HandlerContext, site: SiteRecord): EmulatorResponse {
  allowOnly(ctx, ["select"]);
  return ok(project(siteJson(site, ctx.req.origin), parseSelect(ctx.query.params.get("select")), ["id"]));
}
