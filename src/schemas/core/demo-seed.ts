import { z } from "zod";

/**
 * "This feature's demo data was seeded completely": written after a feature's demo seed finished, so
 * the next start checks one item instead of re-reading the feature's lists. Names no person.
 */
export const DemoSeed = z.object({
  feature: z.string().regex(/^[a-z-]+$/).max(40),
  /** Raised when a feature's demo changes, so existing data directories get the new demo once. */
  version: z.number().int().min(1),
  /** The UK date the seed ran for: demo data placed around "today" is checked again on a new day. */
  day: z.iso.date(),
  seededAt: z.iso.datetime(),
});
export type DemoSeed = z.infer<typeof DemoSeed>;
