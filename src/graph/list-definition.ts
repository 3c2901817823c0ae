/**
 * One declaration per SharePoint list, derived from the record's zod schema ([principle 3](../../docs/reference/architecture.md#3-one-schema-per-record):
 * "the SharePoint column definitions and the list mapping all derive from it"). From it come the
 * column definitions provisioning creates ([§2.3](../../docs/reference/graph-sharepoint-lists.md#23-creating-a-list), [§2.4](../../docs/reference/graph-sharepoint-lists.md#24-column-definitions)) and the mapping between a validated value and
 * the `fields` of a listItem ([§3.2](../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource), [§4.1](../../docs/reference/graph-sharepoint-lists.md#41-creating-an-item)).
 */
import { z } from "zod";
import { AppError, fieldErrorsFromIssues } from "../errors";

/**
 * How a field is stored.
 * - text: single line, ≤ 255 characters, indexable ([§2.4](../../docs/reference/graph-sharepoint-lists.md#24-column-definitions) text facet).
 * - note: multiple lines, unbounded, not indexable.
 * - json: a note holding JSON, for arrays and objects; parsed back through the schema.
 * - date: dateTime facet with format dateOnly; dateTime: with format dateTime.
 */
export type ColumnKind = "text" | "note" | "json" | "number" | "integer" | "boolean" | "date" | "dateTime" | "choice";

export interface ColumnSpec {
  /** The schema's field name. */
  field: string;
  /** The column's internal name, used in `fields`, `$filter` and `$orderby` ([§4.1](../../docs/reference/graph-sharepoint-lists.md#41-creating-an-item): use columns[].name). */
  name: string;
  kind: ColumnKind;
  maxLength?: number;
  choices?: readonly string[];
  indexed: boolean;
  unique: boolean;
  /** Whether the schema allows the field to be absent. */
  optional: boolean;
}

export interface ColumnOverride {
  name?: string;
  kind?: ColumnKind;
  maxLength?: number;
}

/** Every list carries this column: the client-generated key that makes a retried create safe. */
export const IDEMPOTENCY_COLUMN = "IdempotencyKey";
export const IDEMPOTENCY_KEY_MAX = 255;

// Internal names of genericList's own columns and fields ([§2.4](../../docs/reference/graph-sharepoint-lists.md#24-column-definitions) "What a genericList returns",
// [§3.2](../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource) sample); a schema field must not take one of them. Compared case-insensitively.
const RESERVED = new Set(
  [
    "ID", "Title", "ContentType", "ContentTypeId", "Created", "Modified", "Author", "Editor", "Attachments", "Edit",
    "LinkTitle", "LinkTitleNoMenu", "DocIcon", "ItemChildCount", "FolderChildCount", "AppAuthor", "AppEditor",
    "ComplianceAssetId", "Order", "GUID", "Path", "FileRef", "FileLeafRef", "UniqueId", "FSObjType", "Version",
    "Owshiddenversion", "WorkflowVersion", "InstanceID", "ScopeId", "MetaInfo", "Restricted", "SelectTitle",
    IDEMPOTENCY_COLUMN,
  ].map((n) => n.toLowerCase()),
);

/** Letters and digits, starting with a letter: [§4.1](../../docs/reference/graph-sharepoint-lists.md#41-creating-an-item) warns that `_`-prefixed names fail on write. */
const COLUMN_NAME = /^[A-Za-z][A-Za-z0-9]{0,31}$/;
const TEXT_MAX = 255;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyObjectSchema = z.ZodObject<any>;

export interface ListDefinition<S extends AnyObjectSchema = AnyObjectSchema> {
  title: string;
  description: string;
  schema: S;
  /** The derived columns, schema fields first, in schema order. */
  columns: readonly ColumnSpec[];
  /** What goes into the built-in Title column (shown by SharePoint's own views). */
  itemTitle: (value: z.infer<S>) => string;
  /** The natural key of a record, if it has one: reference data is upserted by it. */
  naturalKey?: (value: z.infer<S>) => string;
}

export interface DefineListInput<S extends AnyObjectSchema> {
  title: string;
  description: string;
  schema: S;
  itemTitle: (value: z.infer<S>) => string;
  naturalKey?: (value: z.infer<S>) => string;
  /** Fields to index: filter and orderby on them need no Prefer header ([§3.3](../../docs/reference/graph-sharepoint-lists.md#33-filtering)). */
  indexed?: ReadonlyArray<keyof z.infer<S> & string>;
  /** Fields whose values must be unique in the list (enforceUniqueValues; implies indexed). */
  unique?: ReadonlyArray<keyof z.infer<S> & string>;
  /** Per-field storage overrides, e.g. a different internal name or `text` for a short regex string. */
  columns?: Partial<Record<keyof z.infer<S> & string, ColumnOverride>>;
}

export function defineList<S extends AnyObjectSchema>(input: DefineListInput<S>): ListDefinition<S> {
  const indexed = new Set<string>(input.indexed ?? []);
  const unique = new Set<string>(input.unique ?? []);
  const overrides = (input.columns ?? {}) as Record<string, ColumnOverride | undefined>;
  const shape = input.schema.shape as Record<string, z.ZodType>;
  for (const f of [...indexed, ...unique, ...Object.keys(overrides)]) {
    if (!(f in shape)) throw new Error(`List ${input.title}: '${f}' is not a field of its schema`);
  }
  const columns: ColumnSpec[] = Object.entries(shape).map(([field, type]) => {
    const o = overrides[field] ?? {};
    // An explicit kind wins, so types the derivation does not cover (unions…) can still be stored.
    const derived: Derived = o.kind ? { field, name: field, kind: o.kind, optional: unwrap(type).optional } : deriveColumn(input.title, field, type);
    const spec: ColumnSpec = {
      ...derived,
      name: o.name ?? field,
      kind: o.kind ?? derived.kind,
      maxLength: o.maxLength ?? (o.kind === "text" ? TEXT_MAX : derived.maxLength),
      indexed: indexed.has(field) || unique.has(field),
      unique: unique.has(field),
    };
    checkColumn(input.title, spec);
    return spec;
  });
  const names = new Set<string>();
  for (const c of columns) {
    if (names.has(c.name.toLowerCase())) throw new Error(`List ${input.title}: two fields map to the column '${c.name}'`);
    names.add(c.name.toLowerCase());
  }
  return {
    title: input.title,
    description: input.description,
    schema: input.schema,
    columns,
    itemTitle: input.itemTitle,
    naturalKey: input.naturalKey,
  };
}

function checkColumn(list: string, c: ColumnSpec): void {
  if (!COLUMN_NAME.test(c.name)) {
    throw new Error(`List ${list}: column name '${c.name}' must be letters and digits, starting with a letter, at most 32 characters`);
  }
  if (RESERVED.has(c.name.toLowerCase())) {
    throw new Error(`List ${list}: '${c.name}' is a built-in SharePoint column; give the field another column name (columns: { ${c.field}: { name } })`);
  }
  // Multi-line text cannot be indexed in SharePoint; [§3.3](../../docs/reference/graph-sharepoint-lists.md#33-filtering) filters need an index.
  if (c.indexed && (c.kind === "note" || c.kind === "json")) {
    throw new Error(`List ${list}: '${c.field}' is stored as multi-line text and cannot be indexed; bound it with .max(≤255) or override kind: "text"`);
  }
}

/** Looks through optional/nullable/default wrappers; records whether the field may be absent. */
function unwrap(type: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let t = type;
  let optional = false;
  for (;;) {
    const def = t._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if ((def.type === "optional" || def.type === "nullable" || def.type === "default" || def.type === "prefault") && def.innerType) {
      optional = true;
      t = def.innerType;
    } else if (def.type === "pipe" && def.in) {
      t = def.in;
    } else if (def.type === "readonly" && def.innerType) {
      t = def.innerType;
    } else {
      return { inner: t, optional };
    }
  }
}

type Derived = Omit<ColumnSpec, "indexed" | "unique">;

/** zod 4 type → column kind. Anything not covered needs an explicit override. */
export function deriveColumn(list: string, field: string, type: z.ZodType): Derived {
  const { inner, optional } = unwrap(type);
  const def = inner._zod.def as { type: string; values?: unknown[]; entries?: Record<string, unknown> };
  const base = { field, name: field, optional };
  switch (def.type) {
    case "string": {
      const s = inner as z.ZodString;
      if (s.format === "date") return { ...base, kind: "date" };
      if (s.format === "datetime") return { ...base, kind: "dateTime" };
      const max = s.maxLength ?? undefined;
      if (max !== null && max !== undefined && max <= TEXT_MAX) return { ...base, kind: "text", maxLength: max };
      // Identifiers with a bounded format fit a single line.
      if (s.format === "guid" || s.format === "uuid" || s.format === "email") return { ...base, kind: "text", maxLength: TEXT_MAX };
      return { ...base, kind: "note" };
    }
    case "number":
      return { ...base, kind: (inner as z.ZodNumber).isInt ? "integer" : "number" };
    case "boolean":
      return { ...base, kind: "boolean" };
    case "enum":
      return { ...base, kind: "choice", choices: Object.values(def.entries ?? {}).map(String) };
    case "literal": {
      const values = def.values ?? [];
      if (values.every((v) => typeof v === "number")) {
        return { ...base, kind: values.every((v) => Number.isInteger(v)) ? "integer" : "number" };
      }
      if (values.every((v) => typeof v === "string")) return { ...base, kind: "choice", choices: values as string[] };
      break;
    }
    case "array":
    case "object":
    case "record":
    case "tuple":
      return { ...base, kind: "json" };
  }
  throw new Error(`List ${list}: cannot derive a column for '${field}' (zod type ${def.type}); add columns: { ${field}: { kind } }`);
}

/** The Graph columnDefinition body for a derived column ([§2.4](../../docs/reference/graph-sharepoint-lists.md#24-column-definitions) facets). */
export function columnDefinition(c: ColumnSpec): Record<string, unknown> {
  const common = { name: c.name, displayName: c.name, indexed: c.indexed, enforceUniqueValues: c.unique };
  switch (c.kind) {
    case "text":
      return { ...common, text: { maxLength: c.maxLength ?? TEXT_MAX } };
    case "note":
    case "json":
      return { ...common, text: { allowMultipleLines: true, textType: "plain", linesForEditing: 6 } };
    case "number":
      return { ...common, number: {} };
    case "integer":
      return { ...common, number: { decimalPlaces: "none" } };
    case "boolean":
      return { ...common, boolean: {} };
    case "date":
      return { ...common, dateTime: { format: "dateOnly", displayAs: "default" } };
    case "dateTime":
      return { ...common, dateTime: { format: "dateTime", displayAs: "default" } };
    case "choice":
      return { ...common, choice: { choices: [...(c.choices ?? [])], allowTextEntry: false, displayAs: "dropDownMenu" } };
  }
}

/** The IdempotencyKey column every list carries: indexed and unique, so a second create with the same key fails. */
export function idempotencyColumnDefinition(): Record<string, unknown> {
  return {
    name: IDEMPOTENCY_COLUMN,
    displayName: "Idempotency key",
    description: "Client-generated key of the request that created this item; a retried create finds it instead of adding a second item.",
    indexed: true,
    enforceUniqueValues: true,
    text: { maxLength: IDEMPOTENCY_KEY_MAX },
  };
}

/** Every column definition of a list: schema columns plus IdempotencyKey (Title comes with genericList, [§2.3](../../docs/reference/graph-sharepoint-lists.md#23-creating-a-list)). */
export function allColumnDefinitions(def: ListDefinition): Record<string, unknown>[] {
  return [...def.columns.map(columnDefinition), idempotencyColumnDefinition()];
}

// ---------------------------------------------------------------------------------------------
// Values ↔ fields

export interface FieldMappingOptions {
  /**
   * The site's time zone. [§3.2](../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource): a dateOnly column comes back as midnight of the site's time zone in
   * UTC (e.g. the previous day T23:00:00Z for a UTC+1 site), so dates are read in this zone.
   */
  siteTimeZone?: string;
}

export const DEFAULT_SITE_TIME_ZONE = "Europe/London";

const dayFormatters = new Map<string, Intl.DateTimeFormat>();
function dateIn(zone: string, instant: string): string {
  let f = dayFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormatters.set(zone, f);
  }
  return f.format(new Date(instant));
}

function toFieldValue(c: ColumnSpec, value: unknown): unknown {
  switch (c.kind) {
    case "json":
      return JSON.stringify(value);
    case "date":
      // Midnight UTC of the date lands on that same date in any site zone at or east of UTC ([§3.2](../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource)).
      return `${String(value)}T00:00:00Z`;
    case "dateTime":
      return new Date(String(value)).toISOString().replace(/\.\d{3}Z$/, "Z");
    default:
      return value;
  }
}

function fromFieldValue(c: ColumnSpec, raw: unknown, zone: string): unknown {
  if (raw === undefined || raw === null || raw === "") return undefined;
  switch (c.kind) {
    case "json":
      if (typeof raw !== "string") return raw;
      try {
        return JSON.parse(raw) as unknown;
      } catch (err) {
        // Leave the text for the schema to reject, with the parse failure as the reason.
        return { unreadableJson: raw, reason: (err as Error).message };
      }
    case "date":
      return typeof raw === "string" && !Number.isNaN(Date.parse(raw)) ? dateIn(zone, raw) : raw;
    case "dateTime":
      return typeof raw === "string" && !Number.isNaN(Date.parse(raw)) ? new Date(raw).toISOString().replace(/\.\d{3}Z$/, "Z") : raw;
    default:
      return raw;
  }
}

/** Validates a value against the list's schema; field-level messages on failure. */
export function validateValue<S extends AnyObjectSchema>(def: ListDefinition<S>, value: unknown): z.infer<S> {
  const parsed = def.schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError("validation_failed", `The ${def.title} record is not valid`, { fieldErrors: fieldErrorsFromIssues(parsed.error.issues) });
  }
  return parsed.data;
}

/**
 * The `fields` to write for a validated value ([§4.1](../../docs/reference/graph-sharepoint-lists.md#41-creating-an-item)). Absent optional fields are left out on create
 * and cleared (null) on a full update, so an update can remove a value.
 */
export function toFields<S extends AnyObjectSchema>(
  def: ListDefinition<S>,
  value: z.infer<S>,
  mode: "create" | "update",
): Record<string, unknown> {
  const out: Record<string, unknown> = { Title: def.itemTitle(value).slice(0, TEXT_MAX) };
  const record = value as Record<string, unknown>;
  for (const c of def.columns) {
    const v = record[c.field];
    if (v === undefined || v === null) {
      if (mode === "update") out[c.name] = null;
      continue;
    }
    out[c.name] = toFieldValue(c, v);
  }
  return out;
}

/** The raw value read from `fields`, before validation. */
export function fromFields(def: ListDefinition, fields: Record<string, unknown>, options: FieldMappingOptions = {}): Record<string, unknown> {
  const zone = options.siteTimeZone ?? DEFAULT_SITE_TIME_ZONE;
  const out: Record<string, unknown> = {};
  for (const c of def.columns) {
    const v = fromFieldValue(c, fields[c.name], zone);
    if (v !== undefined) out[c.field] = v;
  }
  return out;
}

/** An OData literal for comparing a column with a value in `$filter` ([§0](../../docs/reference/graph-sharepoint-lists.md#0-rules-for-every-endpoint) quoting, [§3.3](../../docs/reference/graph-sharepoint-lists.md#33-filtering) literals). */
export function filterLiteral(c: ColumnSpec, value: unknown): string {
  switch (c.kind) {
    case "number":
    case "integer":
      if (typeof value !== "number" || !Number.isFinite(value)) throw new AppError("bad_request", `'${c.field}' compares with a number`);
      return String(value);
    case "boolean":
      // [§3.3](../../docs/reference/graph-sharepoint-lists.md#33-filtering): Yes/No columns compare with 1/0.
      return value ? "1" : "0";
    default: {
      const text = String(toFieldValue(c, value));
      return `'${text.replace(/'/g, "''")}'`;
    }
  }
}
