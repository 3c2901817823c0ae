/**
 * Declaring a route contract and filling in a route's URL: the parts of src/schemas/core/contract.ts
 * that hold no schema, kept apart so that what only calls routes (the tab pages' API clients) does
 * not depend on the module whose schemas (ids, eTags, error bodies) every form's schema uses.
 * contract.ts re-exports both; import them from there.
 */
import type { HttpMethod, MethodOf, PathOf, RouteContract } from "./contract";

/**
 * Declares a route contract on one line, as a routing table reads: its request line
 * (`"GET /referrals/:id"`), a summary for the OpenAPI document, and its schemas. Literal types are
 * kept for inference.
 */
export function route<const E extends `${HttpMethod} /${string}`, const S extends Omit<RouteContract, "method" | "path" | "summary">>(
  endpoint: E,
  summary: string,
  spec: S,
): S & { method: MethodOf<E>; path: PathOf<E>; summary: string } {
  const space = endpoint.indexOf(" ");
  return { ...spec, method: endpoint.slice(0, space) as MethodOf<E>, path: endpoint.slice(space + 1) as PathOf<E>, summary };
}

/** `/api` + the route's path with its parameters filled in (encoded) and the query (empty values left out). */
export function routeUrl(contract: Pick<RouteContract, "path">, input: { params?: object; query?: object } = {}): string {
  const params = (input.params ?? {}) as Record<string, unknown>;
  const path = contract.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(String(params[name] ?? "")));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(input.query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  const text = search.toString();
  return `/api${path}${text ? `?${text}` : ""}`;
}
