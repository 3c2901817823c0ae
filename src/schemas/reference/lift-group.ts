import { z } from "zod";
import { DistrictSlug } from "./district";
import { LocalitySlug } from "./locality";

/**
 * A LIFT group: a named meeting series for a set of schools or early years settings within one
 * district (and, optionally, one locality or cluster). The SLA sets its cadence
 * ([LIFT](../../../docs/reference/service.md#lift)): school LIFT six times a year per group, early years LIFT two or
 * three times a term; `cadence` overrides that for a group the commissioners agreed otherwise.
 */
export const LIFT_GROUP_PHASES = ["school", "early-years"] as const;
export const LiftGroupPhase = z.enum(LIFT_GROUP_PHASES);
export type LiftGroupPhase = z.infer<typeof LiftGroupPhase>;

export const LIFT_GROUP_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const LiftGroupId = z.string().regex(LIFT_GROUP_ID, "expected lower-case words or numbers joined by -").max(80);

/** How often a group meets: between `min` and `max` meetings in each `per` (a year, or a term of two half-terms). */
export const Cadence = z
  .object({
    per: z.enum(["year", "term"]),
    min: z.number().int().min(0).max(60),
    max: z.number().int().min(1).max(60),
  })
  .refine((c) => c.min <= c.max, { path: ["max"], message: "The most meetings cannot be fewer than the least" });
export type Cadence = z.infer<typeof Cadence>;

export const LiftGroup = z.object({
  id: LiftGroupId,
  name: z.string().trim().min(1, "Give the group a name").max(80),
  districtSlug: DistrictSlug,
  localitySlug: LocalitySlug.optional(),
  phase: LiftGroupPhase,
  /** The schools or settings the group serves (setting ids such as DOV-P1). */
  settingIds: z.array(z.string().regex(/^[A-Z]{3}-[A-Z]\d+$/, "expected a setting id such as DOV-P1")).max(200),
  cadence: Cadence.optional(),
  retiredOn: z.iso.date().optional(),
});
export type LiftGroup = z.infer<typeof LiftGroup>;
