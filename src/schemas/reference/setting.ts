import { z } from "zod";
import { DISTRICT_SLUG } from "./district";

/** A school or early years setting that can refer children to LIFT. */
export const PHASES = ["primary", "secondary", "all-through", "early-years"] as const;
export const Phase = z.enum(PHASES);
export type Phase = z.infer<typeof Phase>;

/**
 * The register's finer phase (the council's settings register, README of
 * src/domain/settings-register): `phase` above stays how LIFT places a setting's referrals; this
 * says which "% of settings" totals the setting belongs to. Special schools and post-16
 * institutions are in the register but in no mainstream total.
 */
export const REGISTER_PHASES = ["primary", "secondary", "all-through", "special", "post-16", "early-years"] as const;
export const RegisterPhase = z.enum(REGISTER_PHASES);
export type RegisterPhase = z.infer<typeof RegisterPhase>;

export const SETTING_STATUSES = ["open", "closed"] as const;
export const REGISTER_SOURCES = ["gias", "early-years-list"] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");

export const Setting = z.object({
  /** Stable id: district code, a letter and a number, e.g. DOV-P1 (demo) or DOV-U118532 (imported, from the URN). */
  id: z.string().regex(/^[A-Z]{3}-[A-Z]\d+$/, "expected an id such as DOV-P1").max(16),
  name: z.string().trim().min(1).max(200),
  districtSlug: z.string().regex(DISTRICT_SLUG).max(60),
  phase: Phase,
  /** Department for Education unique reference number (6 digits), or an early years provider's Ofsted number (EY and 6 digits). */
  urn: z.string().regex(/^(\d{6}|EY\d{6})$/, "expected a 6-digit URN or an Ofsted number such as EY123456"),
  // --- The settings register (all optional: settings entered before the register keep parsing) ---
  registerPhase: RegisterPhase.optional(),
  /** Open or closed; none = open. A closed setting stays (referrals and people point at it) but leaves every total. */
  status: z.enum(SETTING_STATUSES).optional(),
  /** State-funded mainstream (maintained school, academy, free school, or an early years provider): counted in the district's "% of settings" totals. None = true. */
  mainstream: z.boolean().optional(),
  /** As the source names it, e.g. "Academy converter", "Childminder". */
  establishmentType: z.string().trim().max(120).optional(),
  postcode: z.string().trim().max(10).optional(),
  openedOn: isoDate.optional(),
  closedOn: isoDate.optional(),
  /** The locality or cluster within its district, where the district has them (src/schemas/reference/locality.ts). */
  localitySlug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(60).optional(),
  /** Which import last wrote the record. */
  registerSource: z.enum(REGISTER_SOURCES).optional(),
});
export type Setting = z.infer<typeof Setting>;
