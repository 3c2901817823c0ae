/**
 * The 12 STLS districts in 4 areas (DOMAIN.md). Data, not code: since September 2025 the service is
 * in-house and the grouping may change, so features read this through the reference lists and never
 * switch on a district's name.
 */
export const AREAS = ["East", "West", "North", "South"] as const;
export type AreaName = (typeof AREAS)[number];

export interface District {
  /** Three-letter code used in case references, e.g. DOV-2526-0042. */
  code: string;
  /** Lower case, words joined by "-": used in sign-in names (lead.<slug>@lift.local). */
  slug: string;
  name: string;
  area: AreaName;
  /** Other names seen in council papers (the SLA calls Gravesham "Gravesend"). */
  aliases: string[];
}

export const DISTRICTS: readonly District[] = [
  { code: "CAN", slug: "canterbury", name: "Canterbury", area: "East", aliases: [] },
  { code: "SWA", slug: "swale", name: "Swale", area: "East", aliases: [] },
  { code: "THA", slug: "thanet", name: "Thanet", area: "East", aliases: [] },
  { code: "MAI", slug: "maidstone", name: "Maidstone", area: "West", aliases: [] },
  { code: "TAM", slug: "tonbridge-and-malling", name: "Tonbridge and Malling", area: "West", aliases: ["Tonbridge & Malling"] },
  { code: "TUN", slug: "tunbridge-wells", name: "Tunbridge Wells", area: "West", aliases: [] },
  { code: "DAR", slug: "dartford", name: "Dartford", area: "North", aliases: [] },
  { code: "GRA", slug: "gravesham", name: "Gravesham", area: "North", aliases: ["Gravesend"] },
  { code: "SEV", slug: "sevenoaks", name: "Sevenoaks", area: "North", aliases: [] },
  { code: "ASH", slug: "ashford", name: "Ashford", area: "South", aliases: [] },
  { code: "DOV", slug: "dover", name: "Dover", area: "South", aliases: [] },
  { code: "FAH", slug: "folkestone-and-hythe", name: "Folkestone and Hythe", area: "South", aliases: ["Shepway", "Folkestone & Hythe"] },
];

export function districtBySlug(slug: string): District | undefined {
  return DISTRICTS.find((d) => d.slug === slug);
}

export function districtByCode(code: string): District | undefined {
  return DISTRICTS.find((d) => d.code === code);
}
