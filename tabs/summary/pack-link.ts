/**
 * `/tabs/summary?pack=<district>&year=<yyyy-yy>&terms=<a>,<b>` opens that district's printable
 * monitoring pack for a pair of terms. The bot's monitoring-meeting reminders link here
 * (src/domain/kpi/pack-link.ts builds and parses the same address).
 */
import { DISTRICTS } from "../../src/domain/reference/districts";
import { parseMonitoringPackLink } from "../../src/domain/kpi/pack-link";

export function packLinkFrom(search: string): { slug: string; year: string; terms: [number, number] } | undefined {
  const link = parseMonitoringPackLink(search);
  return link && DISTRICTS.some((d) => d.slug === link.slug) ? link : undefined;
}
