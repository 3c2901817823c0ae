/**
 * The reporting calendar as the reminders use it: the reference data's calendar (src/server/core),
 * with each monitoring meeting linked to the district's printable pack for its two terms in the
 * summary tab, which the reminders send with the meeting.
 */
import { monitoringPackLink } from "../../../domain/kpi/pack-link";
import type { ReportingCalendar } from "../../../domain/time/calendar";
import type { FeatureContext } from "../../core/feature-context";

export async function loadReportingCalendar(ctx: Pick<FeatureContext, "reference" | "config">): Promise<ReportingCalendar> {
  const calendar = await ctx.reference.calendar();
  return {
    ...calendar,
    monitoringMeetings: calendar.monitoringMeetings.map((m) => ({
      ...m,
      packUrl: m.packUrl ?? monitoringPackLink(ctx.config.publicUrl, m.districtSlug, m.academicYear, m.covers),
    })),
  };
}
