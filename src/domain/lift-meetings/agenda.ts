/**
 * A LIFT meeting's running order. The cases are the referrals scheduled on the meeting;
 * the saved order (the meeting's `agenda`) keeps the chair's arrangement and any non-case items, and
 * cases that arrived since it was saved are appended in submission order. Pure: no I/O, no clock.
 */

export const DEFAULT_SLOT_MINUTES = 20;

export type SavedEntry =
  | { kind: "case"; referralId: string; minutes?: number }
  | { kind: "item"; id: string; title: string; minutes: number };

export interface SavedAgenda {
  slotMinutes: number;
  entries: SavedEntry[];
}

export interface CaseOnMeeting {
  referralId: string;
  submittedAt?: string;
}

export const entryId = (e: SavedEntry): string => (e.kind === "case" ? e.referralId : e.id);

function bySubmission(a: CaseOnMeeting, b: CaseOnMeeting): number {
  // A case without a submission time (should not happen) goes last; ties by id keep the order stable.
  const at = (c: CaseOnMeeting) => c.submittedAt ?? "\uffff";
  return at(a).localeCompare(at(b)) || Number(a.referralId) - Number(b.referralId) || a.referralId.localeCompare(b.referralId);
}

/**
 * The running order: saved entries whose case is still on the meeting (items always), then the
 * cases not in the saved order, earliest submitted first.
 */
export function orderEntries(saved: readonly SavedEntry[] | undefined, cases: readonly CaseOnMeeting[]): SavedEntry[] {
  const onMeeting = new Set(cases.map((c) => c.referralId));
  const placed = new Set<string>();
  const out: SavedEntry[] = [];
  for (const e of saved ?? []) {
    if (e.kind === "case") {
      if (!onMeeting.has(e.referralId) || placed.has(e.referralId)) continue;
      placed.add(e.referralId);
    }
    out.push(e);
  }
  for (const c of [...cases].filter((c) => !placed.has(c.referralId)).sort(bySubmission)) out.push({ kind: "case", referralId: c.referralId });
  return out;
}

export interface ScheduledEntry {
  entry: SavedEntry;
  id: string;
  startsAt: string;
  minutes: number;
}

/** Start times one after another from the meeting's start; a case without its own minutes takes the slot. */
export function scheduleEntries(meetingStartsAt: string, slotMinutes: number, entries: readonly SavedEntry[]): ScheduledEntry[] {
  let at = Date.parse(meetingStartsAt);
  if (Number.isNaN(at)) throw new RangeError(`meeting start is not a date-time: ${JSON.stringify(meetingStartsAt)}`);
  return entries.map((entry) => {
    const minutes = entry.kind === "case" ? (entry.minutes ?? slotMinutes) : entry.minutes;
    const scheduled = { entry, id: entryId(entry), startsAt: new Date(at).toISOString(), minutes };
    at += minutes * 60_000;
    return scheduled;
  });
}

export type ReorderEntry =
  | { kind: "case"; referralId: string; minutes?: number }
  | { kind: "item"; id?: string; title: string; minutes: number };

export type ReorderCheck = { ok: true; entries: SavedEntry[] } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

/**
 * A new running order must name exactly the cases on the meeting, each once; items keep their id
 * or get a new one from `newItemId`. Field errors name the unknown or repeated entry, or (under
 * `entries`) the case left out.
 */
export function checkReorder(input: readonly ReorderEntry[], caseIds: readonly string[], newItemId: () => string): ReorderCheck {
  const expected = new Set(caseIds);
  const seen = new Set<string>();
  const itemIds = new Set<string>();
  const fieldErrors: Record<string, string[]> = {};
  const add = (path: string, message: string) => (fieldErrors[path] ??= []).push(message);
  const entries: SavedEntry[] = [];
  input.forEach((e, i) => {
    if (e.kind === "case") {
      if (!expected.has(e.referralId)) add(`entries.${i}.referralId`, `Referral ${e.referralId} is not on this meeting's agenda`);
      else if (seen.has(e.referralId)) add(`entries.${i}.referralId`, `Referral ${e.referralId} is on the agenda twice`);
      seen.add(e.referralId);
      entries.push({ kind: "case", referralId: e.referralId, ...(e.minutes !== undefined ? { minutes: e.minutes } : {}) });
      return;
    }
    let id = e.id;
    if (id !== undefined && (itemIds.has(id) || expected.has(id))) add(`entries.${i}.id`, `Two agenda entries have the id ${id}`);
    if (id === undefined) {
      do id = newItemId();
      while (itemIds.has(id) || expected.has(id));
    }
    itemIds.add(id);
    entries.push({ kind: "item", id, title: e.title, minutes: e.minutes });
  });
  const missing = caseIds.filter((id) => !seen.has(id));
  if (missing.length > 0) add("entries", `The agenda leaves out referral${missing.length === 1 ? "" : "s"} ${missing.join(", ")}: every case on the meeting must be in the running order`);
  if (Object.keys(fieldErrors).length > 0) {
    const first = Object.values(fieldErrors)[0]?.[0] ?? "The agenda is not valid";
    return { ok: false, message: first, fieldErrors };
  }
  return { ok: true, entries };
}
