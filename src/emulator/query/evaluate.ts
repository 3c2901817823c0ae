/**
 * Evaluates a $filter tree against one item. `resolve` maps a property to its value and says how
 * to compare it. Comparison rules (README.md in this folder):
 * - text compares case-insensitively, as SharePoint's CAML Eq/BeginsWith do on its CI collation;
 * - dateTime values compare as instants (literals are quoted ISO strings, [§3.3](../../../docs/reference/graph-sharepoint-lists.md#33-filtering));
 * - booleans equal true/false or 1/0 ([§3.3](../../../docs/reference/graph-sharepoint-lists.md#33-filtering): "Yes/No compared to 1/0");
 * - a missing value equals null and is neither less nor greater than anything;
 * - a multi-value field matches if any element matches.
 */
import type { CompareOp, FilterNode, Literal, PropertyRef } from "./ast";

export type ValueKind = "text" | "number" | "boolean" | "dateTime";

export interface ResolvedValue {
  value: unknown;
  kind: ValueKind;
}

export type Resolver = (property: PropertyRef) => ResolvedValue;

export function evaluateFilter(node: FilterNode, resolve: Resolver): boolean {
  switch (node.kind) {
    case "and":
      return evaluateFilter(node.left, resolve) && evaluateFilter(node.right, resolve);
    case "or":
      return evaluateFilter(node.left, resolve) || evaluateFilter(node.right, resolve);
    case "not":
      return !evaluateFilter(node.operand, resolve);
    case "startswith": {
      const { value } = resolve(node.property);
      const prefix = node.value.toLowerCase();
      return anyOf(value, (v) => typeof v === "string" && v.toLowerCase().startsWith(prefix));
    }
    case "compare": {
      const { value, kind } = resolve(node.property);
      if (Array.isArray(value)) {
        if (node.op === "ne") return !value.some((v) => compare("eq", v, node.value, kind));
        return value.some((v) => compare(node.op, v, node.value, kind));
      }
      return compare(node.op, value, node.value, kind);
    }
  }
}

function anyOf(value: unknown, test: (v: unknown) => boolean): boolean {
  return Array.isArray(value) ? value.some(test) : test(value);
}

/** Orders two stored values of the same kind; undefined/null sort first (used by $orderby too). */
export function compareValues(a: unknown, b: unknown, kind: ValueKind): number {
  const x = normalize(a, kind);
  const y = normalize(b, kind);
  if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

function compare(op: CompareOp, stored: unknown, literal: Literal, kind: ValueKind): boolean {
  const a = normalize(stored, kind);
  const b = normalize(literal, kind);
  if (op === "eq") return a === b;
  if (op === "ne") return a !== b;
  if (a === null || b === null || typeof a !== typeof b) return false;
  switch (op) {
    case "lt":
      return a < b;
    case "gt":
      return a > b;
    case "le":
      return a <= b;
    case "ge":
      return a >= b;
  }
}

function normalize(v: unknown, kind: ValueKind): string | number | null {
  if (v === undefined || v === null || v === "") return null;
  switch (kind) {
    case "number":
      return typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" && !isNaN(Number(v)) ? Number(v) : String(v);
    case "boolean":
      return v === true || v === 1 || v === "1" || v === "true" ? 1 : v === false || v === 0 || v === "0" || v === "false" ? 0 : String(v);
    case "dateTime": {
      const t = typeof v === "string" ? Date.parse(v) : NaN;
      return isNaN(t) ? String(v) : t;
    }
    case "text":
      return typeof v === "string" ? v.toLowerCase() : typeof v === "number" ? String(v) : String(v).toLowerCase();
  }
}
