/**
 * Generated requests for one API route, from its OpenAPI operation: path values (real record ids,
 * district slugs and odd text), query strings (declared parameters, repeated or unknown ones) and
 * bodies (well-shaped, mutated, or not JSON at all), sent as one of the demo users or nobody.
 */
import fc from "fast-check";
import { domainFor, domainValues, itemsFor, personOf } from "./domain";
import { fuzzed, knownValues, oddText, valid, type Focus, type JsonSchema } from "./values";

export interface Operation {
  method: string;
  /** OpenAPI style: /api/referrals/{id}. */
  path: string;
  parameters?: Array<{ name: string; in: "path" | "query"; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}

export interface FuzzRequest {
  method: string;
  /** Path and query, already encoded. */
  url: string;
  /** A demo user's sign-in name, or how an unsigned request is made. */
  as: string;
  contentType?: string;
  body?: string | Uint8Array<ArrayBuffer>;
}

/** Sent without a token, or with one that is not a token. */
export const ANONYMOUS = "(no token)";
export const BAD_TOKEN = "(bad token)";

/** Path values worth trying besides generated ones: the district slugs (record ids come from `knownValues`). */
export interface PathPool {
  slugs: readonly string[];
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z]/g, "");

/**
 * The list a path parameter names: the segment before it (`/referrals/{id}` → Referrals) or the
 * parameter's own name (`{referralId}` → Referrals).
 */
function listFor(path: string, param: string): string | undefined {
  const segments = path.split("/");
  const at = segments.indexOf(`{${param}}`);
  const before = at > 0 ? squash(segments[at - 1] ?? "") : "";
  const own = squash(param.replace(/Id$/, "")) + "s";
  const titles = [...knownValues().items.keys()];
  return titles.find((t) => squash(t) === before) ?? titles.find((t) => squash(t) === own) ?? titles.find((t) => before !== "" && (squash(t).endsWith(before) || squash(t).startsWith(before)));
}

/** A path value and, when it is a record's id, that record's eTag. */
function pathValue(path: string, param: string, schema: JsonSchema | undefined, pool: PathPool, domain: boolean, user?: string): fc.Arbitrary<{ value: string; eTag?: string }> {
  // Drawn from the records the app holds when the route's requests are made (the run keeps them current).
  const aimed = fc.nat().map((n) => {
    const list = listFor(path, param);
    const items = (list ? knownValues().items.get(list) : undefined) ?? [];
    const item = items[n % Math.max(1, items.length)];
    if (item) return { value: item.id, ...(item.eTag ? { eTag: item.eTag } : {}) };
    const ids = knownValues().ids;
    return { value: ids[n % Math.max(1, ids.length)] ?? "1" };
  });
  const plain = (a: fc.Arbitrary<string>) => a.map((value) => ({ value }));
  if (domain) {
    // A record's id where the path names one; else the domain's value for the name (a district's
    // slug, a known academic year, a day in a term, a person's oid); else one of the declared shape.
    // Records first of the sender's own district, where the list says which district a record is in.
    const list = listFor(path, param);
    const mine = list ? itemsFor(list, user).map((i) => (i ? { value: i.id, ...(i.eTag ? { eTag: i.eTag } : {}) } : { value: "1" })) : aimed;
    if (/(^id$|Id$)/.test(param) && list) return mine;
    // The fuzz users' own districts are not retired or split: the routes after still need them.
    if (param === "district" && /\/(retire|split)(\/|$)/.test(path)) return fc.nat().map((n) => otherDistricts()[n % Math.max(1, otherDistricts().length)] ?? "swale").map((value) => ({ value, ...districtETag(value) }));
    // A person the path names is one the directory holds, of the sender's district first.
    if (param === "oid") return personOf(user ? domainValues().users.get(user)?.district : undefined).map((value) => ({ value, ...itemETag("People", domainValues().personItems.get(value)) }));
    const fromDomain = domainFor(param, schema ?? { type: "string" }, user);
    // A district the path names as the record to change goes with its eTag, for a body's eTag field.
    if (fromDomain && param === "district" && path.includes("/structure/districts/")) return fromDomain.map((v) => ({ value: String(v), ...districtETag(String(v)) }));
    if (fromDomain) return plain(fromDomain.map((v) => String(v)));
    return list ? mine : plain(valid(schema, 0, { domain: true }).map((v) => String(v)));
  }
  return fc.oneof(
    { weight: 6, arbitrary: aimed },
    { weight: 1, arbitrary: plain(pool.slugs.length > 0 ? fc.constantFrom(...pool.slugs) : fc.constant("dover")) },
    { weight: 2, arbitrary: plain(valid(schema).map((v) => String(v))) },
    { weight: 1, arbitrary: plain(oddText.map((t) => t.slice(0, 3000))) },
    { weight: 1, arbitrary: plain(fc.constantFrom("0", "-1", "1.5", "99999999999999999999", "%zz", "%", "..", ".", "%2F", "%00", "1%20OR%201=1", "1,2")) },
  );
}

/** The current eTag of a list's item, when the record watch has seen it. */
function itemETag(list: string, id: string | undefined): { eTag?: string } {
  const eTag = id ? knownValues().items.get(list)?.find((i) => i.id === id)?.eTag : undefined;
  return eTag ? { eTag } : {};
}

function districtETag(slug: string): { eTag?: string } {
  return itemETag("Districts", domainValues().districtItems.get(slug));
}

function otherDistricts(): readonly string[] {
  const d = domainValues();
  return d.districts.filter((slug) => !d.homeDistricts.includes(slug));
}

/** `encodeURIComponent`, except for the raw escapes the fuzz sends on purpose (%zz, %00…). */
function encodeSegment(value: string): string {
  if (/^[%0-9A-Za-z.=,]*$/.test(value) && value.includes("%")) return value;
  try {
    return encodeURIComponent(value);
  } catch {
    // A lone surrogate cannot be encoded as UTF-8: send its replacement.
    return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));
  }
}

function queryText(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(",");
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

function query(params: NonNullable<Operation["parameters"]>, focus: Focus): fc.Arbitrary<string> {
  const declared = params.filter((p) => p.in === "query");
  if (focus.domain) {
    // The declared parameters only, each of the domain's values or the declared shape, mostly present.
    const eTagged = (p: (typeof declared)[number]) => (p.name === "eTag" && focus.eTag ? fc.constant(focus.eTag) : p.name === "name" && focus.document ? fc.constantFrom("letter.pdf", "Report from school.pdf", "plan.pdf") : undefined);
    return fc
      .tuple(...declared.map((p) => fc.option((eTagged(p) ?? domainFor(p.name, p.schema ?? { type: "string" }, focus.user) ?? valid(p.schema, 0, focus)).map(queryText), { freq: p.required ? 1_000_000 : 4 }).map((v) => (v === null ? [] : [[p.name, v] as [string, string]]))))
      .map((pairs) => pairs.flat().map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`).join("&"));
  }
  const pairs = fc.tuple(
    ...declared.map((p) =>
      fc.option(
        fc.oneof({ weight: 4, arbitrary: valid(p.schema).map(queryText) }, { weight: 1, arbitrary: fuzzed(p.schema).map(queryText) }, { weight: 1, arbitrary: oddText.map((t) => t.slice(0, 5000)) }),
        { freq: 3 },
      ).map((v) => (v === null ? [] : [[p.name, v] as [string, string]])),
    ),
  );
  // Repeated keys arrive as arrays; unknown ones and prototype keys must be ignored.
  const extra = fc.array(
    fc.tuple(fc.oneof(fc.constantFrom(...declared.map((p) => p.name), "__proto__", "constructor", "__proto__[polluted]", "$filter", "a[b]"), fc.string({ maxLength: 8 })), fc.oneof(fc.string({ maxLength: 20 }), oddText.map((t) => t.slice(0, 200)))),
    { maxLength: 3 },
  );
  return fc.tuple(pairs, extra).map(([declaredPairs, more]) => {
    const all = [...declaredPairs.flat(), ...more];
    return all.map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`).join("&");
  });
}

function jsonText(value: unknown): string {
  return JSON.stringify(value) ?? "null";
}

function body(op: Operation, focus: Focus): fc.Arbitrary<{ contentType?: string; body?: string | Uint8Array<ArrayBuffer> }> {
  const content = op.requestBody?.content ?? {};
  const json = content["application/json"];
  const uploads = Object.keys(content).filter((t) => t !== "application/json");
  const notJson = fc.oneof(
    fc.constant({}),
    fc.constantFrom("{", "{\"a\":", "[1,2", "nul", "\"text\"", "42", "null", "[]", "{\"__proto__\":{\"x\":1}}", "\uFEFF{}").map((b) => ({ contentType: "application/json", body: b })),
    fc.string({ maxLength: 50 }).map((b) => ({ contentType: "text/plain", body: b })),
    fc.constant({ contentType: "application/json; charset=latin1", body: "{}" }),
    fc.integer({ min: 1, max: 3 }).map((mb) => ({ contentType: "application/json", body: `{"x":"${"a".repeat(mb * 1024 * 1024)}"}` })),
    fc.integer({ min: 1000, max: 100_000 }).map((d) => ({ contentType: "application/json", body: "[".repeat(d) + "]".repeat(d) })),
  );
  if (json && focus.domain) return valid(json.schema, 0, focus).map((v) => ({ contentType: "application/json", body: jsonText(v) }));
  if (json) {
    return fc.oneof({ weight: 8, arbitrary: fuzzed(json.schema, focus).map((v) => ({ contentType: "application/json", body: jsonText(v) })) }, { weight: 1, arbitrary: notJson });
  }
  // A document upload aimed at getting through: the bytes a PDF starts and ends with.
  if (focus.domain && focus.document) return fc.constant({ contentType: "application/pdf", body: new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")) });
  if (uploads.length > 0) {
    const csvCell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("dover", "2024-25", "1", "-1", "=1+1", "\"", "\"a,b\"", "9".repeat(400)), oddText.map((t) => t.slice(0, 2000)));
    const csv = fc
      .tuple(fc.constantFrom("district,academic_year,term,referrals_primary", "district,academic_year,term", ""), fc.array(fc.array(csvCell, { maxLength: 6 }), { maxLength: 6 }))
      .map(([header, rows]) => [header, ...rows.map((r) => r.join(","))].join("\r\n"));
    return fc.oneof(
      fc.tuple(fc.constantFrom(...uploads), csv).map(([contentType, text]) => ({ contentType, body: text })),
      fc.tuple(fc.constantFrom(...uploads), fc.uint8Array({ maxLength: 2000 })).map(([contentType, bytes]) => ({ contentType, body: bytes })),
      fc.constantFrom(...uploads).map((contentType) => ({ contentType, body: new Uint8Array([0x50, 0x4b, 3, 4, ...new Array<number>(64).fill(1)]) })),
      notJson,
    );
  }
  // No body declared: mostly none, sometimes one anyway.
  return fc.oneof({ weight: 6, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => ({ contentType: "application/json", body: jsonText(v) })) }, { weight: 1, arbitrary: notJson });
}

/**
 * Requests for one route, as one of `users` (or unsigned, now and then). Half are aimed with the
 * domain's own values (scripts/fuzz/domain.ts): signed in, well-formed, their named fields and path
 * values drawn from what the app holds. The other half are fully generated and mutated.
 */
export function requestsFor(op: Operation, users: readonly string[], pool: PathPool): fc.Arbitrary<FuzzRequest> {
  return fc.boolean().chain((domain) => requestsOfKind(op, users, pool, domain));
}

/** Requests for one route of one kind: domain-aimed, or fully generated. */
export function requestsOfKind(op: Operation, users: readonly string[], pool: PathPool, domain: boolean): fc.Arbitrary<FuzzRequest> {
  const params = op.parameters ?? [];
  const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  const signedIn = fc.constantFrom(...users);
  // A domain-aimed request is signed in, and its sender is chosen first: their district's records come first.
  const as = domain ? signedIn : fc.oneof({ weight: 12, arbitrary: signedIn }, { weight: 1, arbitrary: fc.constantFrom(ANONYMOUS, BAD_TOKEN) });
  const request = as.chain((user) => {
    const values = fc.tuple(...names.map((n) => pathValue(op.path, n, params.find((p) => p.in === "path" && p.name === n)?.schema, pool, domain, user)));
    return values.chain((vals) => {
      // The body's eTag fields favour the eTag of the record the path names (the first one that has one).
      const document = domain && Object.keys(op.requestBody?.content ?? {}).includes("application/pdf");
      const focus: Focus = { eTag: vals.find((v) => v.eTag)?.eTag, ...(domain ? { domain, user } : {}), ...(document ? { document } : {}) };
      return fc.tuple(fc.constant(vals), query(params, focus), body(op, focus), fc.constant(user));
    });
  });
  return request.map(([vals, q, b, user]) => {
    let i = 0;
    const path = op.path.replace(/\{[^}]+\}/g, () => encodeSegment(vals[i++]?.value ?? ""));
    return { method: op.method.toUpperCase(), url: q ? `${path}?${q}` : path, as: user, ...b };
  });
}
