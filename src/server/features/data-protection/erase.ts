/**
 * Erasing one kind of record of one child: each item is blanked to what the counts need (the pure
 * rules in src/domain/data-protection/erasure.ts), or deleted for a draft never submitted. Each item's
 * tombstone — an audit entry naming the list, the item id, the case reference and why, never the
 * erased content — is written before the item changes, so no erasure goes unrecorded. Blanking an
 * item twice leaves it the same, so a stopped run is simply run again.
 */
import { erasedCase, erasedClinic, erasedOutcome, erasedReferral, erasedReview, erasedVisit } from "../../../domain/data-protection/erasure";
import type { ErasureTrigger, RecordKind } from "../../../schemas/data-protection/records";
import type { Person } from "../../../schemas/reference/person";
import type { FeatureContext } from "../../core/feature-context";
import type { ChildDataStores } from "./holdings";

export interface ErasureOrder {
  subject: string;
  kind: RecordKind;
  trigger: ErasureTrigger;
  actor: Pick<Person, "oid">;
  /** The request's reason (erasure on request) or the run's date (retention). */
  reason?: string;
  at?: string;
}

const ALL = { pageSize: 5000 } as const;

/** Erases the records; answers how many items were blanked or deleted. */
export async function eraseKind(ctx: Pick<FeatureContext, "audit" | "now">, s: ChildDataStores, order: ErasureOrder): Promise<number> {
  const now = ctx.now().toISOString();
  let count = 0;
  const tombstone = async (listTitle: string, itemId: string) => {
    await ctx.audit.record(order.actor, {
      action: "privacy.erased",
      listTitle,
      itemId,
      detail: { caseReference: order.subject, kind: order.kind, trigger: order.trigger, ...(order.reason ? { reason: order.reason } : {}), ...(order.at ? { runAt: order.at } : {}) },
    });
    count += 1;
  };

  if (order.kind === "draft-referral") {
    const id = order.subject.replace(/^draft-/, "");
    const draft = await s.referrals.find(id);
    if (draft && !draft.value.caseReference) {
      // Its documents first: a file must not outlive the referral it belongs to.
      await s.documents.purge([id], (d) => tombstone(s.documents.listTitle, d.id));
      await tombstone(s.referrals.title, id);
      await s.referrals.delete(id);
    }
    return count;
  }

  const referrals = await s.referrals.all({ where: { caseReference: order.subject }, ...ALL });
  if (order.kind === "referral") {
    // The attached documents go with the referral: they are identifying through and through.
    await s.documents.purge(
      referrals.map((r) => r.id),
      (d) => tombstone(s.documents.listTitle, d.id),
    );
    for (const r of referrals) {
      await tombstone(s.referrals.title, r.id);
      await s.referrals.update(r.id, erasedReferral(r.value, now));
    }
    return count;
  }

  if (order.kind === "lift-outcome") {
    for (const r of referrals) {
      for (const o of await s.outcomes.all({ where: { referralId: r.id }, ...ALL })) {
        await tombstone(s.outcomes.title, o.id);
        await s.outcomes.update(o.id, erasedOutcome(o.value));
      }
    }
    return count;
  }

  // Casework: the cases, then their reviews and visits, then the clinic entries about them.
  const cases = await s.cases.all({ where: { childRef: order.subject }, ...ALL });
  const caseIds = new Set(cases.map((c) => c.id));
  for (const c of cases) {
    await tombstone(s.cases.title, c.id);
    await s.cases.update(c.id, erasedCase(c.value, now));
    for (const r of await s.reviews.all({ where: { caseId: c.id }, ...ALL })) {
      await tombstone(s.reviews.title, r.id);
      await s.reviews.update(r.id, erasedReview(r.value));
    }
    for (const v of await s.visits.all({ where: { caseId: c.id }, ...ALL })) {
      await tombstone(s.visits.title, v.id);
      await s.visits.update(v.id, erasedVisit(v.value));
    }
  }
  const districts = new Set(cases.map((c) => c.value.districtSlug));
  for (const districtSlug of districts) {
    for (const k of await s.clinics.all({ where: { districtSlug }, ...ALL })) {
      if (!k.value.entries.some((e) => e.caseId !== undefined && caseIds.has(e.caseId) && e.question !== undefined)) continue;
      await tombstone(s.clinics.title, k.id);
      await s.clinics.update(k.id, erasedClinic(k.value, caseIds));
    }
  }
  return count;
}
