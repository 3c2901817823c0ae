/**
 * Column definitions: the built-in columns of a genericList and POST /columns bodies ([§2.3](../../../docs/reference/graph-sharepoint-lists.md#23-creating-a-list), [§2.4](../../../docs/reference/graph-sharepoint-lists.md#24-column-definitions)).
 */
import { randomUUID } from "node:crypto";
import { GraphErrors } from "../errors";
import type { ColumnRecord, ColumnType } from "../store/types";

/** Facets the emulator accepts in a POST ([§2.4](../../../docs/reference/graph-sharepoint-lists.md#24-column-definitions) table). Others (calculated, term, …) → 501. */
const SUPPORTED_FACETS: ColumnType[] = [
  "text",
  "number",
  "currency",
  "boolean",
  "dateTime",
  "choice",
  "lookup",
  "personOrGroup",
  "hyperlinkOrPicture",
];
const KNOWN_UNSUPPORTED_FACETS = ["calculated", "term", "thumbnail", "contentApprovalStatus", "geolocation", "sourceColumn"];
const COMMON_PROPS = new Set([
  "name",
  "displayName",
  "description",
  "columnGroup",
  "enforceUniqueValues",
  "hidden",
  "indexed",
  "readOnly",
  "required",
  "defaultValue",
  "isDeletable",
  "isReorderable",
  "isSealed",
  "propagateChanges",
  "validation",
]);

/** [§2.4](../../../docs/reference/graph-sharepoint-lists.md#24-column-definitions): GET /columns omits these properties and facets. */
const OMITTED_ON_GET = [
  "isDeletable",
  "propagateChanges",
  "isReorderable",
  "isSealed",
  "validation",
  "hyperlinkOrPicture",
  "term",
  "sourceContentType",
  "thumbnail",
  "type",
  "contentApprovalStatus",
  "sourceColumn",
];

/** The text facet's defaults (textcolumn.md). */
const TEXT_DEFAULTS = { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255, textType: "plain" };

function base(name: string, displayName: string, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    columnGroup: "Custom Columns",
    description: "",
    displayName,
    enforceUniqueValues: false,
    hidden: false,
    indexed: false,
    name,
    readOnly: false,
    required: false,
    ...extra,
  };
}

/** [§2.4](../../../docs/reference/graph-sharepoint-lists.md#24-column-definitions) "genericList … includes a Title column", plus the read-only system columns real lists carry. ID is indexed ([§3.3](../../../docs/reference/graph-sharepoint-lists.md#33-filtering)). */
export function builtInColumns(listId: string): ColumnRecord[] {
  const defs: Array<[string, ColumnType, Record<string, unknown>]> = [
    ["ID", "counter", base("ID", "ID", { columnGroup: "_Hidden", indexed: true, readOnly: true })],
    ["Title", "text", base("Title", "Title", { columnGroup: "Custom Columns", required: true, text: { ...TEXT_DEFAULTS } })],
    ["Modified", "dateTime", base("Modified", "Modified", { columnGroup: "_Hidden", readOnly: true, dateTime: { displayAs: "default", format: "dateTime" } })],
    ["Created", "dateTime", base("Created", "Created", { columnGroup: "_Hidden", readOnly: true, dateTime: { displayAs: "default", format: "dateTime" } })],
    ["Author", "personOrGroup", base("Author", "Created By", { columnGroup: "_Hidden", readOnly: true, personOrGroup: { allowMultipleSelection: false, chooseFromType: "peopleAndGroups", displayAs: "nameWithPresence" } })],
    ["Editor", "personOrGroup", base("Editor", "Modified By", { columnGroup: "_Hidden", readOnly: true, personOrGroup: { allowMultipleSelection: false, chooseFromType: "peopleAndGroups", displayAs: "nameWithPresence" } })],
    ["Attachments", "boolean", base("Attachments", "Attachments", { columnGroup: "_Hidden", readOnly: true, boolean: {} })],
  ];
  return defs.map(([name, type, definition], position) => ({
    id: randomUUID(),
    listId,
    name,
    position,
    type,
    definition,
    builtIn: true,
  }));
}

/** Validates a POST /columns (or POST /lists `columns[]`) body and builds the record. */
export function columnFromRequest(listId: string, body: unknown, position: number): ColumnRecord {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw GraphErrors.invalidRequest("A columnDefinition object is required");
  }
  const b = body as Record<string, unknown>;
  const name = b.name;
  if (typeof name !== "string" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw GraphErrors.invalidRequest("A column needs a 'name' made of letters, digits and underscores");
  }
  for (const key of Object.keys(b)) {
    if (KNOWN_UNSUPPORTED_FACETS.includes(key)) throw GraphErrors.notImplemented(`the '${key}' column type`);
    if (!COMMON_PROPS.has(key) && !SUPPORTED_FACETS.includes(key as ColumnType) && key !== "id") {
      throw GraphErrors.invalidRequest(`Property '${key}' is not a columnDefinition property`);
    }
  }
  const facets = SUPPORTED_FACETS.filter((f) => b[f] !== undefined);
  // [§2.4](../../../docs/reference/graph-sharepoint-lists.md#24-column-definitions): "a column can only have one of them specified".
  if (facets.length !== 1) {
    throw GraphErrors.invalidRequest(`A column must specify exactly one type facet (got ${facets.length === 0 ? "none" : facets.join(", ")})`);
  }
  const type = facets[0] as ColumnType;
  const facet = b[type];
  if (typeof facet !== "object" || facet === null || Array.isArray(facet)) {
    throw GraphErrors.invalidRequest(`The '${type}' facet must be an object`);
  }
  for (const flag of ["enforceUniqueValues", "hidden", "indexed", "readOnly", "required"] as const) {
    if (b[flag] !== undefined && typeof b[flag] !== "boolean") throw GraphErrors.invalidRequest(`'${flag}' must be a boolean`);
  }
  const unique = b.enforceUniqueValues === true;
  if (unique && !["text", "number", "currency", "dateTime", "choice", "lookup", "personOrGroup"].includes(type)) {
    throw GraphErrors.invalidRequest(`enforceUniqueValues is not supported on a ${type} column`);
  }
  const facetValue: Record<string, unknown> = type === "text" ? { ...TEXT_DEFAULTS, ...(facet as object) } : { ...(facet as object) };
  if (type === "choice" && facetValue.choices !== undefined && !Array.isArray(facetValue.choices)) {
    throw GraphErrors.invalidRequest("choice.choices must be an array of strings");
  }
  const definition = base(name, typeof b.displayName === "string" ? b.displayName : name, {
    description: typeof b.description === "string" ? b.description : "",
    columnGroup: typeof b.columnGroup === "string" ? b.columnGroup : "Custom Columns",
    enforceUniqueValues: unique,
    hidden: b.hidden === true,
    // SharePoint requires an index to enforce unique values and creates one when asked (list settings UI);
    // the emulator does the same so that the indexed-column rule ([§3.3](../../../docs/reference/graph-sharepoint-lists.md#33-filtering)) then allows filtering on it.
    indexed: b.indexed === true || unique,
    readOnly: b.readOnly === true,
    required: b.required === true,
    [type]: facetValue,
  });
  if (b.defaultValue !== undefined) definition.defaultValue = b.defaultValue;
  return { id: randomUUID(), listId, name, position, type, definition, builtIn: false };
}

/**
 * A PATCH body applied to a column ([§2.4](../../../docs/reference/graph-sharepoint-lists.md#24-column-definitions),
 * "Changing a column"): the common properties it names are replaced, and properties of the column's
 * own type facet are merged into it (so `{ choice: { allowTextEntry: true } }` keeps the choices).
 * Whether Graph changes a column's type is not settled, so a different facet is refused (501): code
 * must not depend on it. Renaming (`name`) and uniqueness are refused as the emulator cannot check
 * existing items against them.
 */
export function patchColumn(c: ColumnRecord, body: unknown): ColumnRecord {
  if (c.builtIn) throw GraphErrors.invalidRequest(`The built-in column '${c.name}' cannot be changed`);
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw GraphErrors.invalidRequest("The request body must be a columnDefinition object");
  const b = body as Record<string, unknown>;
  const definition: Record<string, unknown> = { ...c.definition };
  for (const [key, value] of Object.entries(b)) {
    if (key === "id") throw GraphErrors.invalidRequest("A column's id cannot be changed");
    if (KNOWN_UNSUPPORTED_FACETS.includes(key) || (SUPPORTED_FACETS.includes(key as ColumnType) && key !== c.type)) {
      throw GraphErrors.notImplemented(`changing the '${c.type}' column '${c.name}' into a '${key}' column`);
    }
    if (key === c.type) {
      if (typeof value !== "object" || value === null || Array.isArray(value)) throw GraphErrors.invalidRequest(`The '${key}' facet must be an object`);
      const facet = { ...(definition[key] as object), ...(value as object) } as Record<string, unknown>;
      if (key === "choice" && facet.choices !== undefined && !(Array.isArray(facet.choices) && facet.choices.every((x) => typeof x === "string"))) {
        throw GraphErrors.invalidRequest("choice.choices must be an array of strings");
      }
      if (key === "choice" && facet.allowTextEntry !== undefined && typeof facet.allowTextEntry !== "boolean") throw GraphErrors.invalidRequest("choice.allowTextEntry must be a boolean");
      definition[key] = facet;
      continue;
    }
    if (!COMMON_PROPS.has(key)) throw GraphErrors.invalidRequest(`Property '${key}' is not a columnDefinition property`);
    if (key === "name" && value !== c.name) throw GraphErrors.notImplemented("renaming a column's internal name");
    if (key === "enforceUniqueValues" && value !== definition.enforceUniqueValues) throw GraphErrors.notImplemented("changing enforceUniqueValues on an existing column");
    if (["hidden", "indexed", "readOnly", "required"].includes(key) && typeof value !== "boolean") throw GraphErrors.invalidRequest(`'${key}' must be a boolean`);
    definition[key] = value;
  }
  return { ...c, definition };
}

/** The columnDefinition as GET /columns serves it ([§2.4](../../../docs/reference/graph-sharepoint-lists.md#24-column-definitions) omissions applied). */
export function columnForGet(c: ColumnRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { ...c.definition, id: c.id };
  for (const key of OMITTED_ON_GET) delete out[key];
  return out;
}

/** The columnDefinition as a POST answers it (the full definition). */
export function columnForCreate(c: ColumnRecord): Record<string, unknown> {
  return { ...c.definition, id: c.id };
}

export function isMulti(c: ColumnRecord): boolean {
  const facet = c.definition[c.type] as Record<string, unknown> | undefined;
  if (!facet) return false;
  if (c.type === "lookup") return facet.allowMultipleValues === true;
  if (c.type === "personOrGroup") return facet.allowMultipleSelection === true;
  // choicecolumn.md: displayAs "checkBoxes" is the multi-select choice.
  if (c.type === "choice") return facet.displayAs === "checkBoxes";
  return false;
}

export function isLookup(c: ColumnRecord): boolean {
  return c.type === "lookup" || c.type === "personOrGroup";
}
