/**
 * OData system query options as the list endpoints accept them.
 * [§0](../../../docs/reference/graph-sharepoint-lists.md#0-rules-for-every-endpoint): accept both `$expand` and `expand` (likewise select/filter/top/orderby/skiptoken), decode
 * %XX and treat `+` as a space, and accept `select=` or `$select=` inside `fields(...)`.
 */
import { GraphErrors } from "../errors";

export interface ExpandClause {
  name: string;
  select?: string[];
}

export interface OrderClause {
  /** Property path, e.g. ["fields","Title"]. */
  path: string[];
  descending: boolean;
}

export interface QueryOptions {
  /** Decoded parameters keyed by their name without `$`, lower-cased. */
  params: Map<string, string>;
  /** The raw query pairs in order, to echo into nextLink ([§3.5](../../../docs/reference/graph-sharepoint-lists.md#35-paging): "contains all the other query parameters"). */
  rawPairs: Array<{ key: string; raw: string }>;
}

const SYSTEM = new Set(["expand", "select", "filter", "top", "orderby", "skiptoken", "token", "count", "skip", "search", "format"]);

export function parseQuery(rawQuery: string): QueryOptions {
  const params = new Map<string, string>();
  const rawPairs: Array<{ key: string; raw: string }> = [];
  if (!rawQuery) return { params, rawPairs };
  for (const part of rawQuery.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? "" : part.slice(eq + 1);
    const key = decode(rawKey);
    const bare = key.startsWith("$") ? key.slice(1).toLowerCase() : key.toLowerCase();
    if (!SYSTEM.has(bare)) {
      // A misspelt system option ($exapnd) must not be silently ignored (strict by default); other
      // parameters without `$` are not query options, and Graph ignores them.
      if (key.startsWith("$")) throw GraphErrors.invalidRequest(`Unrecognized query option '${key}'`);
      continue;
    }
    if (params.has(bare)) throw GraphErrors.invalidRequest(`Query option '${key}' was specified more than once`);
    params.set(bare, decode(rawValue));
    rawPairs.push({ key: bare, raw: part });
  }
  return { params, rawPairs };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch (err) {
    throw GraphErrors.invalidRequest(`Invalid percent-encoding in query string: ${(err as Error).message}`);
  }
}

/** Splits on commas that are not inside parentheses. */
export function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "," && depth === 0) {
      out.push(s.slice(start, i).trim());
      start = i + 1;
    }
    if (depth < 0) throw GraphErrors.invalidRequest(`Unbalanced parentheses in '${s}'`);
  }
  if (depth !== 0) throw GraphErrors.invalidRequest(`Unbalanced parentheses in '${s}'`);
  out.push(s.slice(start).trim());
  return out.filter((x) => x.length > 0);
}

export function parseExpand(value: string | undefined): ExpandClause[] {
  if (value === undefined) return [];
  return splitTopLevel(value).map((part) => {
    const open = part.indexOf("(");
    if (open < 0) return { name: part };
    if (!part.endsWith(")")) throw GraphErrors.invalidRequest(`The expression "${part}" is not valid.`);
    const name = part.slice(0, open).trim();
    const inner = part.slice(open + 1, -1);
    const clause: ExpandClause = { name };
    for (const opt of splitSemicolons(inner)) {
      const eq = opt.indexOf("=");
      const key = (eq < 0 ? opt : opt.slice(0, eq)).trim().replace(/^\$/, "").toLowerCase();
      if (key === "select") clause.select = parseSelect(opt.slice(eq + 1));
      else throw GraphErrors.notImplemented(`the nested option '${opt}' in $expand=${name}(...)`);
    }
    return clause;
  });
}

function splitSemicolons(s: string): string[] {
  return s
    .split(";")
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

export function parseSelect(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names = value
    .split(",")
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
  return names.length > 0 ? names : undefined;
}

export function parseOrderBy(value: string | undefined): OrderClause[] {
  if (value === undefined) return [];
  return splitTopLevel(value).map((part) => {
    const [prop, dir, extra] = part.split(/\s+/);
    if (!prop || extra !== undefined) throw GraphErrors.invalidRequest(`Invalid $orderby clause '${part}'`);
    const d = (dir ?? "asc").toLowerCase();
    if (d !== "asc" && d !== "desc") throw GraphErrors.invalidRequest(`Invalid $orderby direction '${dir}'`);
    return { path: prop.split("/"), descending: d === "desc" };
  });
}

/** [§3.5](../../../docs/reference/graph-sharepoint-lists.md#35-paging): default page size 200 and a cap of 5000 are the contract's (configurable) guesses. */
export const DEFAULT_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 5000;

export function parseTop(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PAGE_SIZE;
  if (!/^\d+$/.test(value.trim())) throw GraphErrors.invalidRequest(`Invalid $top value '${value}'`);
  const n = Number(value);
  if (n < 1 || n > MAX_PAGE_SIZE) {
    throw GraphErrors.invalidRequest(`$top must be between 1 and ${MAX_PAGE_SIZE} in the emulator (the real limit is undocumented)`);
  }
  return n;
}
