/** The $filter syntax tree (see README.md in this folder). */
export type Literal = string | number | boolean | null;

export type CompareOp = "eq" | "ne" | "lt" | "gt" | "le" | "ge";

/** A property reference: `fields/Title` → {path:["fields","Title"]}; `id` → {path:["id"]}. */
export interface PropertyRef {
  path: string[];
}

export type FilterNode =
  | { kind: "and" | "or"; left: FilterNode; right: FilterNode }
  | { kind: "not"; operand: FilterNode }
  | { kind: "compare"; op: CompareOp; property: PropertyRef; value: Literal }
  | { kind: "startswith"; property: PropertyRef; value: string };

/** Every property a tree refers to, in order of appearance (used for the indexed-column rule). */
export function referencedProperties(node: FilterNode): PropertyRef[] {
  switch (node.kind) {
    case "and":
    case "or":
      return [...referencedProperties(node.left), ...referencedProperties(node.right)];
    case "not":
      return referencedProperties(node.operand);
    default:
      return [node.property];
  }
}
