/**
 * Which district leads the bot can reach: a lead is reachable when the app is installed in their
 * personal scope, i.e. a personal conversation is stored under their object id or sign-in name.
 * Commissioners see the others as "not reachable by the bot" (and the KPI summary reuses this).
 */
import type { ReachabilityItem } from "../../../schemas/reminders/api";
import type { FeatureContext } from "../../core/feature-context";

export type { ReachabilityItem };

export async function reachability(ctx: Pick<FeatureContext, "people" | "bot" | "reference">): Promise<ReachabilityItem[]> {
  const [people, refs, districts] = await Promise.all([ctx.people.list(), ctx.bot.conversations.list(), ctx.reference.districts()]);
  const personal = refs.filter((r) => (r.conversationType ?? "personal") === "personal");
  const oids = new Set(personal.flatMap((r) => (r.user.aadObjectId ? [r.user.aadObjectId.toLowerCase()] : [])));
  const upns = new Set(personal.flatMap((r) => (r.user.upn ? [r.user.upn.toLowerCase()] : [])));
  const order = new Map(districts.map((d, i) => [d.slug, i]));
  return people
    .filter((p) => p.role === "district_lead" && p.districtSlug)
    .map((p) => ({
      districtSlug: p.districtSlug as string,
      leadName: p.displayName,
      upn: p.upn,
      reachable: oids.has(p.oid.toLowerCase()) || upns.has(p.upn.toLowerCase()),
    }))
    .sort((a, b) => (order.get(a.districtSlug) ?? 999) - (order.get(b.districtSlug) ?? 999) || a.leadName.localeCompare(b.leadName));
}
