/**
 * The settings register's API (commissioners): the register by district and phase, and imports of
 * the DfE establishment CSV (GIAS) and the early years provider list. Design:
 * src/server/features/settings-register/README.md.
 */
import { z } from "zod";
import { route } from "../core/contract";
import { REGISTER_PHASES, Setting } from "../reference/setting";

export const REGISTER_FILE_SOURCES = ["gias", "early-years"] as const;
export const RegisterFileSource = z.enum(REGISTER_FILE_SOURCES);
export const UPLOAD_TYPES = ["text/csv", "text/plain", "application/csv", "application/octet-stream"] as const;

const Count = z.number().int().nonnegative();

export const ImportReport = z.object({
  source: RegisterFileSource,
  dryRun: z.boolean(),
  rows: Count,
  created: Count,
  updated: Count,
  unchanged: Count,
  skipped: z.array(z.object({ reason: z.string(), rows: Count })),
  /** Settings whose district changed, as "name (id): from → to". */
  moved: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ImportReport>;

const PhaseCounts = z.object(Object.fromEntries(REGISTER_PHASES.map((p) => [p, Count])) as Record<(typeof REGISTER_PHASES)[number], typeof Count>);

export const RegisterDistrict = z.object({
  districtSlug: z.string(),
  districtName: z.string(),
  /** Open settings by the register's phase. */
  open: PhaseCounts,
  /** The "% of settings" totals on this date: open mainstream early years, primary and secondary settings. */
  totals: z.object({ ey: Count, primary: Count, secondary: Count }),
  closed: Count,
});

export const RegisterView = z.object({
  asOf: z.string(),
  districts: z.array(RegisterDistrict),
  settings: z.array(Setting).optional(),
});
export type RegisterView = z.infer<typeof RegisterView>;

export const settingsRegisterApi = {
  register: route("GET /settings-register", "The settings register by district and phase (commissioners; a district lead their own district); `district` adds that district's settings", {
    query: z.object({ district: z.string().regex(/^[a-z]+(-[a-z]+)*$/).max(60).optional() }),
    responses: { 200: RegisterView },
    errors: [403, 404],
  }),
  importRegister: route("POST /settings-register/import", "Import the GIAS establishment CSV or the early years provider list: all rows or none (400 with detail.errors by row and column); idempotent, keyed by URN", {
    query: z.object({ source: RegisterFileSource, dryRun: z.enum(["true", "false"]).optional().transform((v) => v === "true") }),
    upload: UPLOAD_TYPES,
    responses: { 200: ImportReport },
    errors: [403, 413],
  }),
} as const;
