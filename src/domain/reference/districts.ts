/**
 * The 12 STLS districts in 4 areas ([Districts and areas](../../../docs/reference/service.md#districts-and-areas)). Data, not code: since September 2025 the service is
 * in-house and the grouping may change, so features read this through the reference lists and never
 * switch on a district's name.
 */
import type { District } from "../../schemas/reference/district";

// The shape lives with its zod schema (src/schemas/reference/district.ts), which the Districts list derives from.
export { AREAS, type AreaName, type District } from "../../schemas/reference/district";

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
