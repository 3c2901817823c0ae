import { z } from "zod";
import { DISTRICT_SLUG } from "./district";

/** A school or early years setting that can refer children to LIFT. */
export const PHASES = ["primary", "secondary", "all-through", "early-years"] as const;
export const Phase = z.enum(PHASES);
export type Phase = z.infer<typeof Phase>;

export const Setting = z.object({
  /** Stable id: district code, phase letter and number, e.g. DOV-P1. */
  id: z.string().regex(/^[A-Z]{3}-[A-Z]\d+$/, "expected an id such as DOV-P1"),
  name: z.string().trim().min(1).max(200),
  districtSlug: z.string().regex(DISTRICT_SLUG).max(60),
  phase: Phase,
  /** Department for Education unique reference number (6 digits). */
  urn: z.string().regex(/^\d{6}$/, "expected a 6-digit URN"),
});
export type Setting = z.infer<typeof Setting>;
