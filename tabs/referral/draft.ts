/**
 * The form's working copy of a referral: a plain object in the shared schema's input shape, read
 * and written by dotted path ("child.legalName", "apdrCycles.1.impact") — the same paths the
 * validation messages and the server's fieldErrors use.
 */
import type { Me } from "../shell";
import { variantForPhase, type ReferralDraftInput, type ReferralVariant } from "../../src/schemas/referral";

export type Draft = ReferralDraftInput;
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

/** The element id of a field's control, from its dotted path (error summary links use it). */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** Today's date in the UK (YYYY-MM-DD): the `asOf` for the shared validation rules. */
export function ukToday(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function variantOf(draft: Draft): ReferralVariant | undefined {
  return variantForPhase(draft.setting?.phase);
}

/** A new referral for the SENCo's setting: setting and referrer filled in from their profile. */
export function newDraft(me: Me): Draft {
  const phase = (me.setting?.phase ?? "primary") as Draft["setting"]["phase"];
  return {
    setting: { settingId: me.setting?.id ?? "", phase, name: me.setting?.name ?? "" },
    referrer: { name: me.displayName, role: "SENCo", email: me.upn.includes("@") ? me.upn : "" },
    // Two empty cycles: a complete referral needs at least two.
    apdrCycles: [{}, {}],
  };
}

/** The referral's own setting wins: it comes from the SENCo's record on the server too. */
export function withSetting(draft: Draft, me: Me): Draft {
  if (!me.setting) return draft;
  return { ...draft, setting: { ...draft.setting, settingId: me.setting.id, name: draft.setting?.name || me.setting.name } };
}

const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const DATE = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "short", year: "numeric" });

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_TIME.format(d);
}

export function formatDate(iso: string | undefined): string {
  if (!iso) return "";
  // Plain dates (YYYY-MM-DD) are calendar dates: format them at noon UTC so no zone shifts the day.
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : DATE.format(d);
}

/** A fresh idempotency key for one new referral. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return `referral-${crypto.randomUUID()}`;
  return `referral-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
