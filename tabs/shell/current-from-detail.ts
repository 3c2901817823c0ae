/**
 * A 412's `detail.current`, what the server holds now (the editors' "theirs"): the contract says "the
 * same answer shape as a GET", so accept both the bare record and the GET's `{ outcome }` /
 * `{ meeting }` wrapper.
 */
export function currentFromDetail<T extends { eTag: string }>(detail: unknown, wrapperKey?: string): T | undefined {
  if (typeof detail !== "object" || detail === null) return undefined;
  const current = (detail as { current?: unknown }).current;
  if (typeof current !== "object" || current === null) return undefined;
  if (typeof (current as { eTag?: unknown }).eTag === "string") return current as T;
  if (wrapperKey) {
    const inner = (current as Record<string, unknown>)[wrapperKey];
    if (typeof inner === "object" && inner !== null && typeof (inner as { eTag?: unknown }).eTag === "string") return inner as T;
  }
  return undefined;
}
