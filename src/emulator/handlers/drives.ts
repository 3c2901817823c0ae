/**
 * Document libraries through the drive endpoints ([§12](../../../docs/reference/graph-sharepoint-lists.md#12-drives-and-files)): list a site's drives, a library's drive,
 * driveItems by id or by path (`root:/name:` or `items/{parent-id}:/name:`), children, simple
 * upload (`PUT …/content`), download (`GET …/content` → 302 to a pre-authenticated URL), delete,
 * and `createUploadSession`. The session's PUTs go to its uploadUrl (upload-session.ts).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { GraphErrors } from "../errors";
import { noContent, ok } from "../http/respond";
import { nowIso, type EmulatorResponse } from "../http/types";
import { driveItemJson, driveJson, mimeFor } from "../model/drive-json";
import { project } from "../model/serialize";
import { parseSelect, parseTop } from "../query/options";
import { newDriveId, newDriveItemId } from "../store/DriveStore";
import type { ConflictBehavior, DriveItemRecord, DriveRecord, ListRecord, SiteRecord } from "../store/types";
import { allowOnly, requireObject, type HandlerContext } from "./context";

/** Creates the drive of a new document library with its root folder. */
export function createLibraryDrive(ctx: HandlerContext, site: SiteRecord, list: ListRecord): void {
  const rootId = newDriveItemId();
  const drive: DriveRecord = { id: newDriveId(), siteId: site.id, listId: list.id, name: list.displayName, rootId, created: list.created };
  ctx.store.drives.insertDrive(drive, {
    driveId: drive.id,
    id: rootId,
    parentId: null,
    name: "root",
    folder: true,
    size: 0,
    mime: null,
    version: 1,
    created: list.created,
    modified: list.created,
  });
}

const context = (ctx: HandlerContext, site: SiteRecord, tail: string) => `${ctx.req.origin}/v1.0/$metadata#sites('${encodeURIComponent(site.id)}')/${tail}`;

export function listDrives(ctx: HandlerContext, site: SiteRecord): EmulatorResponse {
  allowOnly(ctx, ["select"]);
  const select = parseSelect(ctx.query.params.get("select"));
  return ok({ "@odata.context": context(ctx, site, "drives"), value: ctx.store.drives.drivesOfSite(site.id).map((d) => project(driveJson(d, site), select, ["id"])) });
}

export function libraryDrive(ctx: HandlerContext, site: SiteRecord, list: ListRecord): EmulatorResponse {
  allowOnly(ctx, ["select"]);
  const drive = ctx.store.drives.driveOfList(list.id);
  // A generic list has no drive: Graph answers 404 for /lists/{id}/drive on one ([§12.1](../../../docs/reference/graph-sharepoint-lists.md#121-document-libraries-and-drives)).
  if (!drive) throw GraphErrors.itemNotFound();
  return ok({ "@odata.context": context(ctx, site, "lists/drive/$entity"), ...project(driveJson(drive, site), parseSelect(ctx.query.params.get("select")), ["id"]) });
}

/** Everything under `/sites/{id}/drives/{drive-id}`. */
export function driveRequest(ctx: HandlerContext, site: SiteRecord, driveId: string, rest: string[], method: string): EmulatorResponse {
  const drive = ctx.store.drives.findDrive(site.id, driveId);
  if (!drive) throw GraphErrors.itemNotFound();
  const allow = (...methods: string[]) => {
    if (!methods.includes(method)) throw GraphErrors.methodNotAllowed(method);
  };
  if (rest.length === 0) {
    allow("GET");
    allowOnly(ctx, ["select"]);
    return ok({ "@odata.context": context(ctx, site, "drives/$entity"), ...project(driveJson(drive, site), parseSelect(ctx.query.params.get("select")), ["id"]) });
  }
  const address = parseAddress(rest);
  switch (address.action) {
    case undefined:
      allow("GET", "DELETE");
      if (address.path) {
        const item = resolvePath(ctx, drive, address.base, address.path);
        if (!item) throw GraphErrors.itemNotFound();
        return method === "GET" ? getItem(ctx, site, drive, item) : deleteItem(ctx, drive, item);
      }
      return method === "GET" ? getItem(ctx, site, drive, itemById(ctx, drive, address.base)) : deleteItem(ctx, drive, itemById(ctx, drive, address.base));
    case "children": {
      allow("GET");
      allowOnly(ctx, ["select", "top"]);
      const parent = address.path ? resolvePath(ctx, drive, address.base, address.path) : itemById(ctx, drive, address.base);
      if (!parent || !parent.folder) throw GraphErrors.itemNotFound();
      let children = ctx.store.drives.children(drive.id, parent.id);
      if (ctx.query.params.has("top")) children = children.slice(0, parseTop(ctx.query.params.get("top")));
      const select = parseSelect(ctx.query.params.get("select"));
      return ok({
        "@odata.context": context(ctx, site, "drives/items"),
        value: children.map((c) => project(driveItemJson(c, drive, site, c.folder ? ctx.store.drives.childCount(drive.id, c.id) : 0), select, ["id"])),
      });
    }
    case "content":
      allow("GET", "PUT");
      allowOnly(ctx, []);
      if (method === "GET") {
        const item = address.path ? resolvePath(ctx, drive, address.base, address.path) : itemById(ctx, drive, address.base);
        if (!item) throw GraphErrors.itemNotFound();
        if (item.folder) throw GraphErrors.invalidRequest("Only a file has content to download");
        // [§12.3](../../../docs/reference/graph-sharepoint-lists.md#123-downloading): 302 Found to a short-lived pre-authenticated URL.
        return { status: 302, headers: { Location: ctx.store.drives.downloadUrl(ctx.req.origin, drive.id, item.id) } };
      }
      return simpleUpload(ctx, site, drive, address);
    case "createUploadSession":
      allow("POST");
      allowOnly(ctx, []);
      return createUploadSession(ctx, drive, address);
    default:
      if (["permissions", "versions", "thumbnails", "copy", "invite", "preview", "checkin", "checkout", "delta", "search"].includes(address.action)) {
        throw GraphErrors.notImplemented(`/drives/{id}/items/{id}/${address.action}`);
      }
      throw GraphErrors.badSegment(address.action);
  }
}

interface Address {
  /** The item id the address starts from ("root" for the drive's root). */
  base: string;
  /** A path below `base` (`root:/a/b.pdf:`), as names. */
  path?: string[];
  action?: string;
}

/** `root`, `items/{id}`, `root:/a/b:` or `items/{id}:/a/b:`, then an optional action segment. */
function parseAddress(rest: string[]): Address {
  const [s0, s1] = rest;
  let base: string;
  let i: number;
  if (s0 === "root" || s0 === "root:") {
    base = "root";
    i = 1;
    if (s0 === "root:") return withPath(base, rest, i);
  } else if (s0 === "items" && s1 !== undefined) {
    if (s1.endsWith(":")) return withPath(s1.slice(0, -1), rest, 2);
    base = s1;
    i = 2;
  } else {
    if (["list", "bundles", "following", "special", "recent", "sharedWithMe"].includes(s0 ?? "")) throw GraphErrors.notImplemented(`/drives/{id}/${s0}`);
    throw GraphErrors.badSegment(s0 ?? "");
  }
  if (rest.length > i + 1) throw GraphErrors.badSegment(rest[i + 1] ?? "");
  return { base, action: rest[i] };
}

/** The path runs to the segment that ends with ':' (or to the end); what follows is the action. */
function withPath(base: string, rest: string[], from: number): Address {
  const path: string[] = [];
  let i = from;
  for (; i < rest.length; i++) {
    const seg = rest[i] as string;
    if (seg.endsWith(":")) {
      path.push(seg.slice(0, -1));
      i++;
      break;
    }
    path.push(seg);
  }
  if (path.length === 0 || path.some((p) => p === "")) throw GraphErrors.invalidRequest("The item path is empty");
  if (rest.length > i + 1) throw GraphErrors.badSegment(rest[i + 1] ?? "");
  return { base, path, action: rest[i] };
}

function itemById(ctx: HandlerContext, drive: DriveRecord, id: string): DriveItemRecord {
  const item = ctx.store.drives.getItem(drive.id, id === "root" ? drive.rootId : id);
  if (!item) throw GraphErrors.itemNotFound();
  return item;
}

function resolvePath(ctx: HandlerContext, drive: DriveRecord, base: string, path: string[]): DriveItemRecord | undefined {
  let current: DriveItemRecord | undefined = itemById(ctx, drive, base);
  for (const name of path) {
    if (!current?.folder) return undefined;
    current = ctx.store.drives.childNamed(drive.id, current.id, name);
  }
  return current;
}

/** The folder a path-addressed upload goes into, and the file's name. */
function uploadTarget(ctx: HandlerContext, drive: DriveRecord, address: Address): { parent: DriveItemRecord; name: string } {
  const path = address.path as string[];
  const name = path[path.length - 1] as string;
  validateName(name);
  const parent = resolvePath(ctx, drive, address.base, path.slice(0, -1));
  if (!parent || !parent.folder) throw GraphErrors.itemNotFound();
  return { parent, name };
}

/** [§12.2](../../../docs/reference/graph-sharepoint-lists.md#122-simple-upload): characters SharePoint refuses in a file name. */
function validateName(name: string): void {
  if (/["*:<>?/\\|]/.test(name) || name.trim() !== name || name.length > 400 || name.endsWith(".")) {
    throw GraphErrors.invalidRequest(`The file name '${name}' is not valid`);
  }
}

function getItem(ctx: HandlerContext, site: SiteRecord, drive: DriveRecord, item: DriveItemRecord): EmulatorResponse {
  allowOnly(ctx, ["select"]);
  const body = driveItemJson(item, drive, site, item.folder ? ctx.store.drives.childCount(drive.id, item.id) : 0);
  if (!item.folder) body["@microsoft.graph.downloadUrl"] = ctx.store.drives.downloadUrl(ctx.req.origin, drive.id, item.id);
  return ok({ "@odata.context": context(ctx, site, "drives/items/$entity"), ...project(body, parseSelect(ctx.query.params.get("select")), ["id"]) });
}

function deleteItem(ctx: HandlerContext, drive: DriveRecord, item: DriveItemRecord): EmulatorResponse {
  allowOnly(ctx, []);
  if (item.parentId === null) throw GraphErrors.invalidRequest("The root folder of a drive cannot be deleted");
  const ifMatch = ctx.req.headers["if-match"];
  if (ifMatch && ifMatch !== "*" && ifMatch !== `"{${item.id}},${item.version}"`) throw GraphErrors.resourceModified();
  ctx.store.transaction(() => ctx.store.drives.deleteItem(drive.id, item.id));
  return noContent();
}

/** `@microsoft.graph.conflictBehavior` from the query string ([§12.2](../../../docs/reference/graph-sharepoint-lists.md#122-simple-upload): it goes in the URL for PUT). */
function conflictFromQuery(raw: string): ConflictBehavior | undefined {
  for (const part of raw.split("&")) {
    const [k, v] = part.split("=");
    if (k && decodeURIComponent(k) === "@microsoft.graph.conflictBehavior") return conflictValue(decodeURIComponent(v ?? ""));
  }
  return undefined;
}

function conflictValue(v: unknown): ConflictBehavior {
  if (v === "fail" || v === "replace" || v === "rename") return v;
  throw GraphErrors.invalidRequest(`'@microsoft.graph.conflictBehavior' must be fail, replace or rename, not '${String(v)}'`);
}

/** Where a new file goes under `conflict`: a new name, the item to replace, or a 409. */
export function placeFile(
  ctx: HandlerContext,
  drive: DriveRecord,
  parentId: string,
  name: string,
  conflict: ConflictBehavior,
): { name: string; replace?: DriveItemRecord } {
  const existing = ctx.store.drives.childNamed(drive.id, parentId, name);
  if (!existing) return { name };
  if (conflict === "fail") throw GraphErrors.nameAlreadyExists(`The specified item name '${name}' already exists`);
  if (conflict === "replace") {
    if (existing.folder) throw GraphErrors.nameAlreadyExists(`A folder named '${name}' already exists`);
    return { name, replace: existing };
  }
  const dot = name.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  for (let n = 1; ; n++) {
    const candidate = `${stem} ${n}${ext}`;
    if (!ctx.store.drives.childNamed(drive.id, parentId, candidate)) return { name: candidate };
  }
}

/** Writes a whole file: 201 with the new driveItem, or 200 when it replaced one. */
export function writeFile(
  ctx: HandlerContext,
  site: SiteRecord,
  drive: DriveRecord,
  parentId: string,
  name: string,
  conflict: ConflictBehavior,
  content: Buffer,
): EmulatorResponse {
  return ctx.store.transaction(() => {
    const now = nowIso();
    const placed = placeFile(ctx, drive, parentId, name, conflict);
    if (placed.replace) {
      const updated = ctx.store.drives.replaceContent(placed.replace, content, mimeFor(placed.name), now);
      return ok(driveItemJson(updated, drive, site), 200);
    }
    const item: DriveItemRecord = {
      driveId: drive.id,
      id: newDriveItemId(),
      parentId,
      name: placed.name,
      folder: false,
      size: content.length,
      mime: mimeFor(placed.name),
      content,
      version: 1,
      created: now,
      modified: now,
    };
    ctx.store.drives.insertItem(item);
    return ok(driveItemJson(item, drive, site), 201);
  });
}

function simpleUpload(ctx: HandlerContext, site: SiteRecord, drive: DriveRecord, address: Address): EmulatorResponse {
  const content = ctx.req.rawBody ?? Buffer.alloc(0);
  if (!address.path) {
    // PUT /items/{id}/content replaces an existing file's bytes.
    const item = itemById(ctx, drive, address.base);
    if (item.folder) throw GraphErrors.invalidRequest("A folder has no content to replace");
    return ok(driveItemJson(ctx.store.drives.replaceContent(item, content, item.mime ?? mimeFor(item.name), nowIso()), drive, site), 200);
  }
  const { parent, name } = uploadTarget(ctx, drive, address);
  // [§12.2](../../../docs/reference/graph-sharepoint-lists.md#122-simple-upload): "The default for PUT is replace".
  return writeFile(ctx, site, drive, parent.id, name, conflictFromQuery(ctx.req.query) ?? "replace", content);
}

function createUploadSession(ctx: HandlerContext, drive: DriveRecord, address: Address): EmulatorResponse {
  if (!address.path) throw GraphErrors.notImplemented("createUploadSession on an existing item by id (address the parent and the file name)");
  const { parent, name } = uploadTarget(ctx, drive, address);
  const body = ctx.req.body === undefined ? {} : requireObject(ctx.req.body, "The request body");
  const item = body.item === undefined ? {} : requireObject(body.item, "'item'");
  for (const key of Object.keys(body)) if (key !== "item" && key !== "deferCommit") throw GraphErrors.invalidRequest(`Property '${key}' is not supported in createUploadSession`);
  if (body.deferCommit === true) throw GraphErrors.notImplemented("deferCommit upload sessions");
  // [UNK] default: the emulator takes "replace", the documented default for PUT.
  const conflict = item["@microsoft.graph.conflictBehavior"] === undefined ? "replace" : conflictValue(item["@microsoft.graph.conflictBehavior"]);
  if (typeof item.name === "string" && item.name !== name) throw GraphErrors.invalidRequest("'item.name' differs from the name in the path");
  placeFile(ctx, drive, parent.id, name, conflict); // "fail" is refused now, and again at commit
  const expires = new Date(Date.now() + ctx.store.drives.sessionTtlMs).toISOString();
  const id = randomBytes(24).toString("base64url") + randomUUID().replace(/-/g, "");
  ctx.store.drives.insertSession({ id, driveId: drive.id, parentId: parent.id, name, conflict, received: 0, expires });
  return ok({
    "@odata.context": `${ctx.req.origin}/v1.0/$metadata#microsoft.graph.uploadSession`,
    uploadUrl: `${ctx.req.origin}${UPLOAD_PREFIX}${id}`,
    expirationDateTime: expires,
    nextExpectedRanges: ["0-"],
  });
}

/** Upload and download URLs live outside /v1.0 and carry their own capability, as Graph's do. */
export const UPLOAD_PREFIX = "/_emulator/upload/";
export const DOWNLOAD_PREFIX = "/_emulator/download/";
