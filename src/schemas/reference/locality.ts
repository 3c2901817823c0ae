import { z } from "zod";
import { DistrictSlug } from "./district";

/**
 * An optional level beneath a district: a locality or a cluster of schools (the 2024 options
 * workshops weigh both models, [Districts and areas](../../../docs/reference/service.md#districts-and-areas)).
 * Settings and LIFT groups may name one; reports group by it where it exists.
 */
export const LOCALITY_KINDS = ["locality", "cluster"] as const;
export const LOCALITY_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const LocalitySlug = z.string().regex(LOCALITY_SLUG, "expected lower-case words or numbers joined by -").max(60);

export const Locality = z.object({
  slug: LocalitySlug,
  name: z.string().trim().min(1, "Give the locality a name").max(120),
  kind: z.enum(LOCALITY_KINDS),
  districtSlug: DistrictSlug,
  retiredOn: z.iso.date().optional(),
});
export type Locality = z.infer<typeof Locality>;
