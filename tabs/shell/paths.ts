/**
 * Reading and writing a form's working copy by dotted path ("child.legalName", "actions.1.dueDate"):
 * the same paths the shared validation messages and the server's fieldErrors use.
 */
type Json = Record<string, unknown> | unknown[];

function isContainer(v: unknown): v is Json {
  return typeof v === "object" && v !== null;
}

export function getAt(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const key of path.split(".")) {
    if (!isContainer(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * A copy of `root` with the value at `path` replaced; `undefined` removes the key (an unanswered
 * choice must be absent, not "", for the schema). Array indexes are numeric path segments.
 */
export function setAt<T>(root: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split(".") as [string, ...string[]];
  const base: Json = isContainer(root) ? root : /^\d+$/.test(head) ? [] : {};
  const copy: Json = Array.isArray(base) ? [...base] : { ...base };
  const next = rest.length === 0 ? value : setAt((copy as Record<string, unknown>)[head], rest.join("."), value);
  if (next === undefined && !Array.isArray(copy)) delete (copy as Record<string, unknown>)[head];
  else (copy as Record<string, unknown>)[head] = next;
  return copy as T;
}
