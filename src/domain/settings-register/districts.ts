/**
 * Which STLS district a register row belongs to. The council's districts are its local authority
 * districts, so a school's district is the one DfE records for it (GIAS "DistrictAdministrative
 * (name)"), and an early years provider's the district named in the provider list. Names are matched
 * to a district's name, aliases, slug or code, ignoring case, punctuation and "&" against "and".
 * Postcodes are kept but never used to place a setting: a postcode district (CT, ME, TN…) can
 * straddle two local authority districts.
 */
import type { District } from "../../schemas/reference/district";

export function normaliseDistrictName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/ (district|borough|city) council$| (district|borough)$/, "");
}

/** A lookup from a district as a source names it to the district. */
export function districtMatcher(districts: readonly District[]): (name: string) => District | undefined {
  const byName = new Map<string, District>();
  for (const d of districts) {
    for (const n of [d.name, d.slug, d.code, ...d.aliases]) byName.set(normaliseDistrictName(n.replace(/-/g, " ")), d);
  }
  return (name) => byName.get(normaliseDistrictName(name));
}
