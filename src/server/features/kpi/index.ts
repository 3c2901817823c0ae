/** The KPI returns feature: lists, API, demo data, summary list refresh. README.md explains the design. */
import type { RouteTable } from "../../app/define-routes";
import type { BackgroundJob, FeatureContext } from "../../core/feature-context";
import { openListStore } from "../../../graph/site";
import { KpiReturnsList, KpiSummaryList, type KpiReturnItem } from "./lists";
import { KpiAggregator, type RefreshReport } from "./aggregation";
import type { ReturnRecord } from "../../../domain/reminders/plan";
import type { TermNumber } from "../../../domain/time/calendar";
import { measuresFor } from "../../../domain/kpi/catalogue";
import { seedKpiDemo } from "./demo";
import type { PrefillSource } from "./prefill";
import { noTimeToSupport, type TimeToSupportSource } from "./time-to-support";
// The reminders' port this feature implements (a type only: the composition root connects the two).
import type { ReturnStatusSource } from "../reminders/return-status";
import { kpiRoutes } from "./routes";
import { KpiService } from "./service";

export const KPI_LISTS = [KpiReturnsList, KpiSummaryList] as const;

/** How often the background job looks for changed returns (one delta request) when nothing nudged it. */
const REFRESH_EVERY_MS = 60_000;

/** The KPI services: the returns, the summary aggregation and its refresh. */
export interface KpiServices {
  service: KpiService;
  aggregator: KpiAggregator;
  /** Refresh the summary list soon (coalesced); resolves when the refresh that covers this call is done. */
  nudge(): Promise<RefreshReport | undefined>;
  /** Resolves when no refresh is running. */
  idle(): Promise<void>;
}

/** Without `timeToSupport` the summary answers no waits. */
export async function createKpiServices(ctx: FeatureContext, deps: { prefill: PrefillSource; timeToSupport?: TimeToSupportSource }): Promise<KpiServices> {
  const returns = await openListStore(ctx.site, KpiReturnsList);
  const summary = await openListStore(ctx.site, KpiSummaryList);
  const aggregator = new KpiAggregator({
    api: ctx.site.api,
    returns,
    summary,
    districts: async () => (await ctx.reference.districts()).map((d) => ({ slug: d.slug, name: d.name, area: d.area, startsOn: d.startsOn, retiredOn: d.retiredOn })),
    terms: async () => (await ctx.reference.calendar()).terms,
  });
  let pending: Promise<RefreshReport | undefined> | undefined;
  let last: Promise<unknown> = Promise.resolve();
  const nudge = () => {
    // Coalesce: changes made while a refresh is queued are picked up by that refresh's delta.
    pending ??= (async () => {
      await Promise.resolve();
      pending = undefined;
      try {
        const report = await aggregator.refresh();
        if (report.created + report.updated + report.deleted > 0) ctx.log.info({ ...report }, "kpi: summary list refreshed");
        return report;
      } catch (err) {
        ctx.log.error({ err }, "kpi: summary list refresh failed; the next change or tick retries");
        return undefined;
      }
    })();
    last = pending;
    return pending;
  };
  const service = new KpiService(ctx, returns, aggregator, deps.prefill, () => void nudge(), deps.timeToSupport ?? noTimeToSupport);
  return { service, aggregator, nudge, idle: async () => void (await last) };
}

/** The KPI feature: its services, the returns' state the reminders read, API, demo data and the summary refresh job. */
export interface KpiFeature extends KpiServices {
  returnStatus: ReturnStatusSource;
  routes: RouteTable;
  seedDemo(): Promise<string[]>;
  start(): BackgroundJob;
}

/**
 * `prefill` supplies the figures the app already records (the referrals and meetings lists, casework);
 * `timeToSupport` the waits the summary and its export show (casework).
 */
export async function createKpiFeature(ctx: FeatureContext, deps: { prefill: PrefillSource; timeToSupport: TimeToSupportSource }): Promise<KpiFeature> {
  const services = await createKpiServices(ctx, deps);
  return {
    ...services,
    returnStatus: kpiReturnStatusSource(services.aggregator),
    routes: kpiRoutes(services.service),
    async seedDemo() {
      const lines = await seedKpiDemo(ctx, services.service);
      const report = await services.nudge();
      if (report && report.created + report.updated + report.deleted > 0) {
        lines.push(`KPI summary list: ${report.created} items created, ${report.updated} updated, ${report.deleted} deleted (${report.years.join(", ")})`);
      }
      return lines;
    },
    start() {
      const timer = setInterval(() => void services.nudge(), REFRESH_EVERY_MS);
      timer.unref();
      return {
        stop: async () => {
          clearInterval(timer);
          await services.idle();
        },
      };
    },
  };
}

/**
 * The returns' state for the reminders: the latest version of each
 * district's return for a term, read through the aggregator (one delta request), so a return
 * submitted in the tab or imported by another process stops its reminders at the next pass.
 */
function kpiReturnStatusSource(aggregator: KpiAggregator): ReturnStatusSource {
  const records = async (): Promise<ReturnRecord[]> => {
    await aggregator.sync();
    // Per district and term: the latest version, except that an amendment being drafted after a
    // submission does not make the return "not in" again (README "What counts in the summary").
    const latest = new Map<string, KpiReturnItem>();
    const latestSent = new Map<string, KpiReturnItem>();
    for (const { value: v } of aggregator.returnItems()) {
      const key = `${v.districtSlug}|${v.academicYear}|${v.term}`;
      if ((latest.get(key)?.version ?? 0) < v.version) latest.set(key, v);
      if (v.status !== "draft" && (latestSent.get(key)?.version ?? 0) < v.version) latestSent.set(key, v);
    }
    return [...latest.entries()].map(([key, newest]) => {
      const v = latestSent.get(key) ?? newest;
      const counts = measuresFor(v.academicYear).filter((m) => m.kind === "count" && !m.optional);
      return {
        districtSlug: v.districtSlug,
        academicYear: v.academicYear,
        term: v.term as TermNumber,
        status: v.status,
        missing: v.status === "draft" ? counts.filter((m) => v.values[m.id] === null || v.values[m.id] === undefined).map((m) => m.label) : [],
      };
    });
  };
  return {
    returns: async (years) => (await records()).filter((x) => !years || years.includes(x.academicYear)),
    returnFor: async (slug, year, term) => (await records()).find((x) => x.districtSlug === slug && x.academicYear === year && x.term === term),
  };
}
