/**
 * Generated values from the API's JSON Schemas (the OpenAPI document's), with fast-check: values
 * of the declared shape, and the same values mutated — a field of the wrong type, a huge or odd
 * unicode string, null, extra fields, deep nesting, prototype-pollution keys.
 */
import fc from "fast-check";
import { consistent, domainFor, noneKnown } from "./domain";

export type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
};

const DATE = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true });

/**
 * One arbitrary per pattern: building one parses the expression into a tree of generators (zod's
 * ISO date pattern alone is ~500 characters), and a route's body is rebuilt for every request (it
 * is offered the eTags of the path's records), so built once they are kept.
 */
const matchingByPattern = new Map<string, fc.Arbitrary<string>>();
function matchingFor(source: string, pattern: RegExp): fc.Arbitrary<string> {
  let matching = matchingByPattern.get(source);
  if (!matching) matchingByPattern.set(source, (matching = fc.stringMatching(pattern)));
  return matching;
}

function stringFor(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === "date") return DATE.map((d) => d.toISOString().slice(0, 10));
  if (s.format === "date-time") return DATE.map((d) => d.toISOString());
  if (s.format === "email") return fc.emailAddress();
  if (s.format === "uri" || s.format === "url") return fc.webUrl();
  if (s.pattern) {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(s.pattern);
    } catch {
      pattern = undefined;
    }
    if (pattern) {
      const max = s.maxLength ?? Infinity;
      const min = s.minLength ?? 0;
      const matching = matchingFor(s.pattern, pattern);
      // Mostly within the length bounds, so the deeper code is reached; now and then not.
      return fc.oneof({ weight: 4, arbitrary: matching.filter((t) => t.length >= min && t.length <= max) }, { weight: 1, arbitrary: matching });
    }
  }
  const minLength = s.minLength ?? 0;
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(s.maxLength ?? 40, 60)) });
}

/**
 * Values the app holds, offered for fields named like them (an `eTag`, a `meetingId`) so that some
 * generated writes get past the version and existence checks and reach the code behind them.
 */
export interface Known {
  ids: readonly string[];
  eTags: readonly string[];
  /** Items by list title, for aiming a request's path at a record of the list it names. */
  items: ReadonlyMap<string, ReadonlyArray<{ id: string; eTag?: string }>>;
}

let known: Known = { ids: [], eTags: [], items: new Map() };

/** What is known now. */
export function knownValues(): Known {
  return known;
}

/** Sets what `valid` offers for id and eTag fields (the run refreshes it as records change). */
export function useKnown(next: Known): void {
  known = next;
}

/** The record a request is aimed at (its path's id): its eTag is the likeliest one to get past the check. */
export interface Focus {
  eTag?: string;
  /** Draw named fields from the domain's own values (scripts/fuzz/domain.ts), and plain text readable. */
  domain?: boolean;
  /** Who sends a domain-aimed request: their district's records and settings are offered first. */
  user?: string;
  /** A domain-aimed upload of a document: a small PDF named like one. */
  document?: boolean;
}

/** Words within a string schema's length bounds: text a form would send (no blank, no control characters). */
function words(s: JsonSchema): fc.Arbitrary<string> {
  const min = Math.max(1, s.minLength ?? 1);
  const max = Math.max(min, Math.min(s.maxLength ?? 60, 60));
  return fc
    .array(fc.constantFrom("Dover", "review", "plan", "school", "family", "support", "notes", "Ms", "Lee", "Year", "two", "reading"), { minLength: 1, maxLength: 6 })
    .map((w) => {
      let text = w.join(" ");
      while (text.length < min) text += " notes";
      return text.slice(0, max).trim().padEnd(min, "x");
    });
}

function field(name: string, schema: JsonSchema, depth: number, focus: Focus): fc.Arbitrary<unknown> {
  if (focus.domain) {
    if (/^eTag$/i.test(name) && focus.eTag) return fc.constant(focus.eTag);
    const aimed = domainFor(name, schema, focus.user);
    if (aimed) return aimed;
  }
  const generated = valid(schema, depth, focus);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type !== "string" && type !== undefined) return generated;
  // Read when each value is drawn, not when the arbitrary is built: the run refreshes `known`.
  const pick = (list: () => readonly string[]) => fc.nat().map((n) => list()[n % Math.max(1, list().length)] ?? "1");
  if (/^eTag$/i.test(name)) {
    const aimed = focus.eTag ? [{ weight: 6, arbitrary: fc.constant(focus.eTag) }] : [];
    return fc.oneof(...aimed, { weight: 2, arbitrary: pick(() => known.eTags) }, { weight: 1, arbitrary: generated });
  }
  if (/(^id$|Id$)/.test(name) && !/Oid$/.test(name)) return fc.oneof({ weight: 3, arbitrary: pick(() => known.ids) }, { weight: 1, arbitrary: generated });
  return generated;
}

/** Values of the schema's shape (bounded in size). */
export function valid(schema: JsonSchema | undefined, depth = 0, focus: Focus = {}): fc.Arbitrary<unknown> {
  const s = schema ?? {};
  if ("const" in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const options = s.anyOf ?? s.oneOf;
  if (options && options.length > 0) return fc.oneof(...options.map((o) => valid(o, depth, focus)));
  if (s.allOf && s.allOf.length > 0) return valid(Object.assign({}, ...s.allOf) as JsonSchema, depth, focus);
  const type = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ["object"] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => valid({ ...s, type: t }, depth, focus)));
  switch (type[0]) {
    case "string":
      return focus.domain && !s.pattern && !s.format && !s.enum ? words(s) : stringFor(s);
    case "integer":
      return fc.integer({ min: s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000), max: s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 100000) });
    case "number":
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return depth > 6 ? fc.constant([]) : fc.array(valid(s.items, depth + 1, focus), { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 4, 6)) });
    case "object": {
      const required = new Set(s.required ?? []);
      // A domain-aimed object leaves out the optional fields the domain has nothing for (no LIFT groups yet).
      const props = Object.fromEntries(Object.entries(s.properties ?? {}).filter(([k]) => !(focus.domain && !required.has(k) && noneKnown(k))));
      const record = fc.record(Object.fromEntries(Object.entries(props).map(([k, p]) => [k, field(k, p, depth + 1, focus)])), { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
      if (Object.keys(props).length === 0 && s.additionalProperties !== false && depth <= 6) {
        const extra = typeof s.additionalProperties === "object" ? valid(s.additionalProperties, depth + 1, focus) : fc.jsonValue({ maxDepth: 2 });
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), extra, { maxKeys: 6 });
      }
      return focus.domain ? record.map(consistent) : record;
    }
    default:
      return depth > 6 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  }
}

// ---- odd values ----

/** Text a careless parser or renderer may choke on. */
const ODD_TEXT = [
  "",
  " ",
  "\u0000",
  "\uD800",
  "\uDFFF\uD800",
  "\u202E\u0041\u202D",
  "\u200B\uFEFF",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🧒🏽👨‍👩‍👧",
  "=HYPERLINK(\"https://x\")",
  "<script>alert(1)</script>",
  "**bold** [link](javascript:alert(1))",
  "'; DROP TABLE x; --",
  "../../etc/passwd",
  "%00%2e%2e%2f",
  "1e309",
  "-0",
  "NaN",
  "2025-02-30",
  "0000-00-00T00:00:00Z",
  "9999-12-31T23:59:59.999Z",
  "true",
  "null",
  "__proto__",
  "constructor",
  "$filter=1 eq 1",
  "fields/Title eq 'x'",
];

export const oddText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("x", "é", "🧒", "\uD800", ","), fc.integer({ min: 1_000, max: 200_000 })).map(([c, n]) => c.repeat(n)) },
);

const oddNumber = fc.constantFrom(0, -1, 1.5, -0.000001, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 31) - 1);

/** Nested arrays or objects `depth` levels deep. */
function nested(depth: number, asObject: boolean): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
  return value;
}

/** An object holding prototype-pollution keys as its own properties (as JSON.parse makes them). */
function pollution(inner: unknown): unknown {
  return JSON.parse(`{"__proto__":{"polluted":true,"isAdmin":true},"constructor":{"prototype":{"polluted":true}},"prototype":${JSON.stringify(inner ?? null)}}`);
}

/** A value of a type the schema may not expect. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  oddNumber,
  oddText,
  fc.constant([]),
  fc.constant({}),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 20, max: 3000 }).chain((d) => fc.boolean().map((o) => nested(d, o))),
  fc.jsonValue({ maxDepth: 1 }).map(pollution),
);

// ---- mutation ----

type Path = Array<string | number>;

function containers(value: unknown, path: Path = [], out: Path[] = [], depth = 0): Path[] {
  if (depth > 8 || value === null || typeof value !== "object") return out;
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => containers(v, [...path, i], out, depth + 1));
  else for (const [k, v] of Object.entries(value)) containers(v, [...path, k], out, depth + 1);
  return out;
}

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
}

interface Mutation {
  kind: "replace" | "drop" | "extra" | "pollute";
  pick: number;
  key: string;
  value: unknown;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom("replace", "replace", "replace", "drop", "extra", "pollute"),
  pick: fc.nat(),
  key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("__proto__", "constructor", "prototype", "id", "eTag", "role", "district", "oid", "isAdmin")),
  value: oddValue,
});

function apply(original: unknown, mutations: readonly Mutation[]): unknown {
  // Structured clone keeps the own __proto__ keys JSON.parse made; a plain spread would not.
  let value: unknown = JSON.parse(JSON.stringify(original ?? null));
  for (const original of mutations) {
    // A fresh copy each time: fast-check hands out the same instance for a constant.
    const m = { ...original, value: JSON.parse(JSON.stringify(original.value ?? null)) as unknown };
    const spots = containers(value);
    if (spots.length === 0) {
      value = m.kind === "pollute" ? pollution(value) : m.value;
      continue;
    }
    const path = spots[m.pick % spots.length] as Path;
    const target = at(value, path) as Record<string | number, unknown> | unknown[];
    const keys = Array.isArray(target) ? target.map((_, i) => i) : Object.keys(target);
    const key = keys.length > 0 ? keys[m.pick % keys.length] : undefined;
    if (m.kind === "replace" && key !== undefined) (target as Record<string | number, unknown>)[key] = m.value;
    else if (m.kind === "drop" && key !== undefined) {
      if (Array.isArray(target)) target.splice(key as number, 1);
      else delete (target as Record<string, unknown>)[key as string];
    } else if (m.kind === "pollute" && !Array.isArray(target)) Object.assign(target, pollution(m.value));
    else if (Array.isArray(target)) target.push(m.value);
    else Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  }
  return value;
}

/** Mostly well-shaped values, a third of them mutated one to three times. */
export function fuzzed(schema: JsonSchema | undefined, focus: Focus = {}): fc.Arbitrary<unknown> {
  const base = valid(schema, 0, focus);
  return fc.oneof({ weight: 2, arbitrary: base }, { weight: 1, arbitrary: fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([v, ms]) => apply(v, ms)) });
}
