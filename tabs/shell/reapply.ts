/**
 * Re-applying my edits onto someone else's newer version (after a save is refused as stale, HTTP
 * 412): whatever I changed since I opened the record takes my value; whatever I left alone takes
 * theirs. Objects merge key by key; lists whose items carry an `id` merge item by item (theirs in
 * their order, then the items only I added); any other value, a list of strings included, is one
 * answer, mine if I changed it.
 */

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const hasIds = (v: unknown): v is Array<Obj & { id: string }> =>
  Array.isArray(v) && v.every((item) => isObject(item) && typeof item.id === "string");

/** The same answer: JSON equality, with a missing value the same as null. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function reapplyEdits<T>(base: T, mine: T, theirs: T): T;
export function reapplyEdits(base: unknown, mine: unknown, theirs: unknown): unknown {
  if (sameValue(base, mine)) return theirs;
  // An object they removed but I changed stays as I have it (the fall-through below).
  if (isObject(mine) && (base === undefined || isObject(base)) && isObject(theirs)) {
    const b: Obj = base ?? {};
    const t: Obj = theirs;
    const out: Obj = {};
    for (const key of new Set([...Object.keys(t), ...Object.keys(mine)])) {
      const value = reapplyEdits(b[key], mine[key], t[key]);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  if (hasIds(mine) && (base === undefined || hasIds(base)) && hasIds(theirs)) {
    const byId = (list: Array<Obj & { id: string }>) => new Map(list.map((item) => [item.id, item]));
    const [b, m, t] = [byId(base ?? []), byId(mine), byId(theirs)];
    const order = [...theirs.map((i) => i.id), ...mine.map((i) => i.id).filter((id) => !t.has(id))];
    return order.map((id) => reapplyEdits(b.get(id), m.get(id), t.get(id))).filter((item) => item !== undefined);
  }
  return mine;
}
