/**
 * `/tabs/summary?pack=<district>&year=<yyyy-yy>&terms=<a>,<b>` opens that district's printable
 * monitoring pack for a pair of terms. The bot's monitoring-meeting reminders link here
 * (src/domain/kpi/pack-link.ts builds and parses the same address).
 */
import { parseMonitoringPackLink } from "../../../src/domain/kpi/pack-link";
import type { DistrictRef } from "../../shell";

export function packLinkFrom(search: string, districts: readonly DistrictRef[]): { slug: string; year: string; terms: [number, number] } | undefined {
  const link = parseMonitoringPackLink(search);
  return link && districts.some((d) => d.slug === link.slug) ? link : undefined;
}
