import { z } from "zod";

/**
 * A STLS district ([12 districts in 4 areas](../../../docs/reference/service.md#districts-and-areas)). The grouping is data, not code: features
 * read districts from the Districts list and never switch on a district's name.
 */
export const AREAS = ["East", "West", "North", "South"] as const;
export const AreaName = z.enum(AREAS);
export type AreaName = z.infer<typeof AreaName>;

export const DISTRICT_SLUG = /^[a-z]+(-[a-z]+)*$/;
/** A district's slug as other records refer to it. */
export const DistrictSlug = z.string().regex(DISTRICT_SLUG).max(60);

export const District = z.object({
  /** Three-letter code used in case references, e.g. DOV-2526-0042. */
  code: z.string().regex(/^[A-Z]{3}$/, "expected three capital letters"),
  /** Lower case, words joined by "-": used in sign-in names (lead.<slug>@lift.local). */
  slug: z.string().regex(DISTRICT_SLUG, "expected lower-case words joined by -").max(60),
  name: z.string().trim().min(1).max(120),
  area: AreaName,
  /** Other names seen in council papers (the SLA calls Gravesham "Gravesend"). */
  aliases: z.array(z.string().trim().min(1).max(120)),
});
export type District = z.infer<typeof District>;
