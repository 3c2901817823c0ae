/**
 * Maps a Graph path (after /v1.0) to a route. Site addressing forms ([§1.1](../../../docs/reference/graph-sharepoint-lists.md#11-site-ids), [§1.2](../../../docs/reference/graph-sharepoint-lists.md#12-site-by-hostname-and-path)):
 *   /sites/root · /sites/{hostname} · /sites/{hostname},{spsite-id}[,{spweb-id}] · /sites/{spsite-id}
 *   /sites/{hostname}:/{server-relative-path}[:[/more/segments]]
 */
import { GraphErrors } from "../errors";

export type SiteRef = { type: "root" } | { type: "path"; hostname: string; path: string } | { type: "id"; value: string };

export type Route = { kind: "batch" } | { kind: "site"; site: SiteRef; segments: string[] };

export function route(path: string): Route {
  const p = path.replace(/^\/+/, "");
  if (p === "$batch") return { kind: "batch" };
  if (!p.startsWith("sites/")) throw GraphErrors.badSegment(decodeSegment(p.split("/")[0] ?? ""));
  const rest = p.slice("sites/".length);
  const firstSlash = rest.indexOf("/");
  const first = firstSlash < 0 ? rest : rest.slice(0, firstSlash);
  if (first.endsWith(":") && firstSlash >= 0) {
    // Path addressing: the site path runs to the next ':' (or the end).
    const hostname = decodeSegment(first.slice(0, -1));
    const afterHost = rest.slice(firstSlash); // "/sites/lift-hub:/lists/x" or "/sites/lift-hub"
    const colon = afterHost.indexOf(":");
    const sitePath = colon < 0 ? afterHost : afterHost.slice(0, colon);
    const tail = colon < 0 ? "" : afterHost.slice(colon + 1);
    return { kind: "site", site: { type: "path", hostname, path: normalizeSitePath(decodeSegment(sitePath)) }, segments: splitSegments(tail) };
  }
  if (first === "") throw GraphErrors.badSegment("sites");
  const site: SiteRef = first.toLowerCase() === "root" ? { type: "root" } : { type: "id", value: decodeSegment(first) };
  return { kind: "site", site, segments: splitSegments(firstSlash < 0 ? "" : rest.slice(firstSlash)) };
}

function splitSegments(s: string): string[] {
  return s
    .split("/")
    .filter((x) => x.length > 0)
    .map(decodeSegment);
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch (err) {
    throw GraphErrors.invalidRequest(`Invalid percent-encoding in path segment '${s}': ${(err as Error).message}`);
  }
}

export function normalizeSitePath(p: string): string {
  const trimmed = p.replace(/\/+$/, "");
  return trimmed === "" ? "/" : trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
}
