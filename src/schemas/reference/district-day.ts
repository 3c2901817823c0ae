import { z } from "zod";
import { DistrictSlug } from "./district";

/**
 * A day a district's schools are closed when others are open (an INSET day, a local closure), where
 * the district's calendar differs from the county's.
 */
export const DISTRICT_DAY_KINDS = ["inset", "closure"] as const;
export const DistrictDay = z.object({
  districtSlug: DistrictSlug,
  date: z.iso.date(),
  kind: z.enum(DISTRICT_DAY_KINDS),
  note: z.string().trim().max(200).optional(),
});
export type DistrictDay = z.infer<typeof DistrictDay>;
