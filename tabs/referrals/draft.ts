/**
 * The form's working copy of a referral: a plain object in the shared schema's input shape, read
 * and written by dotted path ("child.legalName", "apdrCycles.1.impact") — the same paths the
 * validation messages and the server's fieldErrors use.
 */
import type { Me } from "../shell";
import { newKey } from "../shell/format";
import { variantForPhase, type ReferralDraftInput, type ReferralVariant } from "../../src/schemas/referrals/referral";

export type Draft = ReferralDraftInput;
// Shared with the other tab pages; re-exported so the form's modules keep one import.
export { fieldId, formatDate, formatDateTime, ukToday } from "../shell/format";
export { getAt, setAt } from "../shell/paths";

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

/** A fresh idempotency key for one new referral. */
export function newIdempotencyKey(): string {
  return newKey("referral");
}
