/**
 * Demo schools and early years settings: fictitious names, at least one primary, one secondary and
 * one early years setting in every district, so that every district has work for LIFT. The two SENCo
 * demo users belong to the first primary school of Dover and of Thanet.
 */
import { DISTRICTS } from "./districts";

import type { Setting } from "../../schemas/reference/setting";

// The shape lives with its zod schema (src/schemas/reference/setting.ts), which the Settings list derives from.
export { PHASES, type Phase, type Setting } from "../../schemas/reference/setting";

const NAMES: Record<string, [primary: string, primary2: string, secondary: string, earlyYears: string]> = {
  canterbury: ["Westgate Hill Primary School", "Stour Meadow Primary School", "Cathedral View Academy", "Little Acorns Pre-School"],
  swale: ["Milton Creek Primary School", "Sheppey Marsh Primary School", "Faversham Road Academy", "Rainbow Day Nursery"],
  thanet: ["Seabrook Bay Primary School", "Viking Coast Primary School", "Margate Harbour Academy", "Sandcastles Nursery"],
  maidstone: ["Medway Bank Primary School", "Mote Park Primary School", "County Town Grammar School", "Riverside Tots Pre-School"],
  "tonbridge-and-malling": ["Castle Fields Primary School", "Malling Abbey Primary School", "Medway Valley Academy", "Bluebell Wood Nursery"],
  "tunbridge-wells": ["Pantiles Primary School", "High Weald Primary School", "Spa Valley Academy", "Common Corner Pre-School"],
  dartford: ["Darent Vale Primary School", "Riverside Heath Primary School", "Thames Gateway Academy", "Busy Bees Community Nursery"],
  gravesham: ["Windmill Hill Primary School", "Riverview Primary School", "Northfleet Park Academy", "Little Explorers Pre-School"],
  sevenoaks: ["Knole Park Primary School", "Darent Meadow Primary School", "Weald Ridge Academy", "Oak Tree Day Nursery"],
  ashford: ["Great Stour Primary School", "Orchard Lane Primary School", "Wye Downs Academy", "Ladybird Pre-School"],
  dover: ["White Cliffs Primary School", "Castle Hill Primary School", "Channel View Academy", "Harbour Lights Nursery"],
  "folkestone-and-hythe": ["Leas Cliff Primary School", "Romney Marsh Primary School", "Hythe Bay Academy", "Seashells Pre-School"],
};

function buildSettings(): Setting[] {
  const out: Setting[] = [];
  DISTRICTS.forEach((d, i) => {
    const names = NAMES[d.slug];
    if (!names) throw new Error(`No demo settings for district ${d.slug}`);
    const urn = (n: number) => String(900000 + i * 10 + n);
    out.push(
      { id: `${d.code}-P1`, name: names[0], districtSlug: d.slug, phase: "primary", urn: urn(1) },
      { id: `${d.code}-P2`, name: names[1], districtSlug: d.slug, phase: "primary", urn: urn(2) },
      { id: `${d.code}-S1`, name: names[2], districtSlug: d.slug, phase: "secondary", urn: urn(3) },
      { id: `${d.code}-E1`, name: names[3], districtSlug: d.slug, phase: "early-years", urn: urn(4) },
    );
  });
  return out;
}

export const SETTINGS: readonly Setting[] = buildSettings();
