/** Records the store keeps. Wire shapes are built from these in handlers/serialize.ts. */

export interface SiteRecord {
  id: string; // composite "{hostname},{spsite-guid},{spweb-guid}" ([§1.1](../../../docs/reference/graph-sharepoint-lists.md#11-site-ids))
  hostname: string;
  path: string; // server-relative, "/" for the root site
  name: string;
  displayName: string;
  isRoot: boolean;
  created: string;
  modified: string;
}

export interface ListRecord {
  id: string; // GUID
  siteId: string;
  displayName: string;
  name: string;
  description: string;
  template: string;
  created: string;
  modified: string;
  version: number;
}

/** Type facets the emulator stores and validates values for ([§2.4](../../../docs/reference/graph-sharepoint-lists.md#24-column-definitions)). */
export type ColumnType =
  | "text"
  | "number"
  | "currency"
  | "boolean"
  | "dateTime"
  | "choice"
  | "lookup"
  | "personOrGroup"
  | "hyperlinkOrPicture"
  | "counter";

export interface ColumnRecord {
  id: string;
  listId: string;
  name: string;
  position: number;
  type: ColumnType;
  /** The columnDefinition as served (common properties + its type facet), without `id`. */
  definition: Record<string, unknown>;
  builtIn: boolean;
}

export interface ItemRecord {
  listId: string;
  id: number;
  uid: string; // stable GUID used in the eTag ([§3.2](../../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource))
  version: number;
  created: string;
  modified: string;
  seq: number; // the list's change counter at the item's last write (delta)
  /** Stored field values keyed by column name; lookups keyed by name as strings or string arrays. */
  fields: Record<string, unknown>;
}

export interface Tombstone {
  id: number;
  seq: number;
}

/** A document library's drive ([§12](../../../docs/reference/graph-sharepoint-lists.md#12-drives-and-files)): one per library list. */
export interface DriveRecord {
  id: string; // "b!…"
  siteId: string;
  listId: string;
  name: string;
  rootId: string;
  created: string;
}

/** A folder or a file of a drive; `content` is read separately (it may be large). */
export interface DriveItemRecord {
  driveId: string;
  id: string;
  parentId: string | null;
  name: string;
  folder: boolean;
  size: number;
  mime: string | null;
  content?: Buffer;
  version: number;
  created: string;
  modified: string;
}

export type ConflictBehavior = "fail" | "replace" | "rename";

export interface UploadSessionRecord {
  id: string;
  driveId: string;
  parentId: string;
  name: string;
  conflict: ConflictBehavior;
  /** The file's size, known from the first fragment's Content-Range. */
  total?: number;
  /** Bytes received so far (fragments arrive in order). */
  received: number;
  expires: string;
}
