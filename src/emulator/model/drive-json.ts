/** Wire shapes of drives and driveItems ([§12](../../../docs/reference/graph-sharepoint-lists.md#12-drives-and-files)). */
import type { DriveItemRecord, DriveRecord, SiteRecord } from "../store/types";
import { siteUrl } from "./serialize";

export function driveJson(drive: DriveRecord, site: SiteRecord): Record<string, unknown> {
  return {
    id: drive.id,
    name: drive.name,
    description: "",
    driveType: "documentLibrary",
    createdDateTime: drive.created,
    lastModifiedDateTime: drive.created,
    webUrl: `${siteUrl(site)}/${encodeURIComponent(drive.name)}`,
  };
}

export function driveItemJson(item: DriveItemRecord, drive: DriveRecord, site: SiteRecord, childCount = 0): Record<string, unknown> {
  const isRoot = item.parentId === null;
  const body: Record<string, unknown> = {
    id: item.id,
    name: item.name,
    size: item.size,
    createdDateTime: item.created,
    lastModifiedDateTime: item.modified,
    eTag: `"{${item.id}},${item.version}"`,
    cTag: `"c:{${item.id}},${item.version}"`,
    webUrl: isRoot ? `${siteUrl(site)}/${encodeURIComponent(drive.name)}` : `${siteUrl(site)}/${encodeURIComponent(drive.name)}/${encodeURIComponent(item.name)}`,
    parentReference: isRoot ? { driveId: drive.id, driveType: "documentLibrary" } : { driveId: drive.id, driveType: "documentLibrary", id: item.parentId },
  };
  if (isRoot) body.root = {};
  if (item.folder) body.folder = { childCount };
  else body.file = { mimeType: item.mime ?? "application/octet-stream" };
  return body;
}

const MIME: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  txt: "text/plain",
  csv: "text/csv",
};

/** SharePoint sets a file's mimeType from its extension, not from the request's Content-Type. */
export function mimeFor(name: string): string {
  const ext = name.includes(".") ? name.split(".").pop()!.toLowerCase() : "";
  return MIME[ext] ?? "application/octet-stream";
}
