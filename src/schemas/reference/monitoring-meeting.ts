import { z } from "zod";
import { DistrictSlug } from "./district";
import { AcademicYear } from "./term";

/**
 * A district's monitoring meeting as a commissioner set it: when, and the link to its pack. Where
 * none is set the calendar proposes the default (second Tuesday of February, May and September).
 */
export const MONITORING_COVERS = ["1-2", "3-4", "5-6"] as const;
export const MonitoringMeetingRecord = z.object({
  districtSlug: DistrictSlug,
  academicYear: AcademicYear,
  covers: z.enum(MONITORING_COVERS),
  at: z.iso.datetime({ offset: true }),
  packUrl: z.url({ protocol: /^https?$/ }).max(500).optional(),
});
export type MonitoringMeetingRecord = z.infer<typeof MonitoringMeetingRecord>;
