/** Wire shapes for sites, lists and items ([§1.2](../../../docs/reference/graph-sharepoint-lists.md#12-site-by-hostname-and-path), [§2.1](../../../docs/reference/graph-sharepoint-lists.md#21-listing-lists), [§3.2](../../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource)). */
import type { ItemRecord, ListRecord, SiteRecord } from "../store/types";
import { APP_USER_LOOKUP_ID, etagOf } from "./fields";

/** App-only writes are recorded as "SharePoint App" ([UNK] [§3.2](../../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource): the exact app-only shape). */
export const APP_IDENTITY = { user: { displayName: "SharePoint App", id: APP_USER_LOOKUP_ID } };

export function siteUrl(site: SiteRecord): string {
  return `https://${site.hostname}${site.path === "/" ? "" : site.path}`;
}

export function siteJson(site: SiteRecord, origin: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    "@odata.context": `${origin}/v1.0/$metadata#sites/$entity`,
    createdDateTime: site.created,
    description: "",
    id: site.id,
    lastModifiedDateTime: site.modified,
    name: site.name,
    webUrl: siteUrl(site),
    displayName: site.displayName,
  };
  // site.md: `root` only on a collection's root web; siteCollection "available only on the root site".
  if (site.isRoot) {
    out.root = {};
    out.siteCollection = { hostname: site.hostname };
  }
  return out;
}

export function listJson(list: ListRecord, site: SiteRecord): Record<string, unknown> {
  const etag = `"${list.id},${list.version}"`;
  return {
    "@odata.etag": etag,
    createdDateTime: list.created,
    description: list.description,
    eTag: etag,
    id: list.id,
    lastModifiedDateTime: list.modified,
    name: list.name,
    webUrl: `${siteUrl(site)}/Lists/${encodeURIComponent(list.name)}`,
    displayName: list.displayName,
    createdBy: APP_IDENTITY,
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
  };
}

export function itemJson(item: ItemRecord, list: ListRecord, site: SiteRecord): Record<string, unknown> {
  const etag = etagOf(item);
  return {
    "@odata.etag": etag,
    createdDateTime: item.created,
    eTag: etag,
    id: String(item.id), // [§3.2](../../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource): ids are JSON strings
    lastModifiedDateTime: item.modified,
    webUrl: `${siteUrl(site)}/Lists/${encodeURIComponent(list.name)}/${item.id}_.000`,
    createdBy: APP_IDENTITY,
    lastModifiedBy: APP_IDENTITY,
    parentReference: { id: list.id, siteId: site.id },
    contentType: { id: "0x0100", name: "Item" },
  };
}

/** [§5](../../../docs/reference/graph-sharepoint-lists.md#5-delta): the shape delta uses for a deleted item. */
export function deletedItemJson(id: number, site: SiteRecord): Record<string, unknown> {
  return {
    id: String(id),
    parentReference: { siteId: site.id },
    contentType: { id: "0x0100", name: "Item" },
    deleted: { state: "deleted" },
  };
}

/** `$select` on item, list and site properties: keeps OData annotations and the named properties. */
export function project(obj: Record<string, unknown>, select: string[] | undefined, keep: string[] = []): Record<string, unknown> {
  if (!select) return obj;
  const wanted = new Set([...select, ...keep]);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k.startsWith("@odata.") || wanted.has(k)) out[k] = v;
  }
  return out;
}
