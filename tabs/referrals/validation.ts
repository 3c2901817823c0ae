/**
 * Field messages for the form: the shared rules (`referralValidationMessages`, the same call the
 * server makes) plus the server's own fieldErrors, keyed by dotted path, and the order the error
 * summary lists them in (the order the fields appear on the form).
 */
import {
  referralFormSections,
  referralValidationMessages,
  type ReferralField,
  type ReferralVariant,
} from "../../src/schemas/referrals/referral";
import type { SummaryEntry } from "../shell/ErrorSummary";
import { getAt, type Draft } from "./draft";

export type Messages = Record<string, string[]>;

export function validateDraft(draft: Draft, mode: "draft" | "submit", asOf: string): { messages: Messages; warnings: Messages } {
  const result = referralValidationMessages(draft, { asOf, mode });
  return { messages: result.messages, warnings: result.warnings };
}

/** Client messages and server messages together (a path's messages de-duplicated). */
export function mergeMessages(...sources: Messages[]): Messages {
  const out = new Map<string, string[]>();
  for (const source of sources) {
    for (const [path, list] of Object.entries(source)) {
      const existing = out.get(path) ?? [];
      for (const message of list) if (!existing.includes(message)) existing.push(message);
      if (existing.length > 0) out.set(path, existing);
    }
  }
  return Object.fromEntries(out);
}

/** Server messages minus the paths the user has edited since (a list edit clears its items too). */
export function withoutEdited(messages: Messages, editedPath: string): Messages {
  const out: Messages = {};
  for (const [path, list] of Object.entries(messages)) {
    const edited = path === editedPath || editedPath.startsWith(`${path}.`) || path.startsWith(`${editedPath}.`);
    if (!edited) out[path] = list;
  }
  return out;
}

/** Every path the form shows, in display order, for a variant and the current list lengths. */
export function displayOrder(variant: ReferralVariant, draft: Draft): string[] {
  const paths: string[] = [];
  for (const section of referralFormSections(variant)) {
    for (const field of section.fields as readonly ReferralField[]) {
      paths.push(field.path);
      if (field.kind === "list") {
        const items = getAt(draft, field.path);
        const count = Array.isArray(items) ? items.length : 0;
        for (let i = 0; i < count; i++) for (const item of field.itemFields ?? []) paths.push(`${field.path}.${i}.${item.path}`);
      }
    }
  }
  return paths;
}

export type { SummaryEntry };

/** The error summary's entries: messages in the order their fields appear, then any others. */
export function summaryEntries(messages: Messages, order: readonly string[]): SummaryEntry[] {
  const rank = new Map(order.map((p, i) => [p, i]));
  return Object.entries(messages)
    .filter(([, list]) => list.length > 0)
    .sort(([a], [b]) => (rank.get(a) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b) ?? Number.MAX_SAFE_INTEGER))
    .flatMap(([path, list]) => list.map((message) => ({ path, message })));
}
