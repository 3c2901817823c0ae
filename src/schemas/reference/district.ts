import { z } from "zod";

/**
 * A STLS district ([12 districts in 4 areas](../../../docs/reference/service.md#districts-and-areas)). The grouping is data, not code: features
 * read districts from the Districts list and never switch on a district's name.
 */
/** The areas the service started with, in their usual order; commissioners may add others (an area is data too). */
export const AREAS = ["East", "West", "North", "South"] as const;
/** An area's name: one or more words (letters, spaces, hyphens). Any name a district carries is an area. */
export const AreaName = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z' -]*$/, "Expected an area name such as East")
  .max(60);
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
  /**
   * From this date the district takes no new referrals or meetings; its records, returns and people
   * stay and keep their meaning (a retired district is still named in past summaries).
   */
  retiredOn: z.iso.date().optional(),
  /** A district made by splitting another: which one (`startsOn` says from when its settings and groups moved). */
  splitFrom: z.string().regex(DISTRICT_SLUG).max(60).optional(),
  /** The first day of a district added after the service began (a split or a new district). */
  startsOn: z.iso.date().optional(),
});
export type District = z.infer<typeof District>;
