/** The KPI returns feature (issue 7): lists, API, demo data, summary list refresh. README.md explains the design. */
import type { BackgroundJob, Feature, FeatureContext } from "../../core/feature-context";
import { openListStore } from "../../../graph/site";
import { KpiReturnsList, KpiSummaryList, type KpiReturnItem } from "./lists";
import { KpiAggregator, type RefreshReport } from "./aggregation";
import { referralServiceFor } from "../referrals";
import { provideReturnStatusSource, type ReturnStatusSource } from "../reminders/return-status";
import type { ReturnRecord } from "../../../domain/reminders/plan";
import type { TermNumber } from "../../../domain/time/calendar";
import { measuresFor } from "../../../domain/kpi/catalogue";
import { seedKpiDemo } from "./demo";
import { noPrefill, referralListsPrefill, type PrefillSource } from "./prefill";
import { kpiRoutes } from "./routes";
import { KpiService } from "./service";

/** How often the background job looks for changed returns (one delta request) when nothing nudged it. */
const REFRESH_EVERY_MS = 60_000;

interface Running {
  service: KpiService;
  aggregator: KpiAggregator;
  /** Refresh the summary list soon (coalesced); resolves when the refresh that covers this call is done. */
  nudge(): Promise<RefreshReport | undefined>;
  /** Resolves when no refresh is running. */
  idle(): Promise<void>;
}

const running = new WeakMap<FeatureContext, Running>();

function runningFor(ctx: FeatureContext): Running {
  const found = running.get(ctx);
  if (!found) throw new Error("kpi feature used before init");
  return found;
}

/** Prefill from the referrals feature's lists when it runs in this app; nothing otherwise. */
function prefillFor(ctx: FeatureContext): PrefillSource {
  let stores;
  try {
    stores = referralServiceFor(ctx).stores;
  } catch (err) {
    ctx.log.debug({ err: (err as Error).message }, "kpi: referrals feature not running, no prefill");
    return noPrefill;
  }
  return referralListsPrefill({
    referrals: async (districtSlug) => (await stores.referrals.all({ where: { districtSlug }, pageSize: 5000 })).map((i) => i.value),
    meetings: async (districtSlug) => (await stores.meetings.all({ where: { districtSlug }, pageSize: 5000 })).map((i) => ({ id: i.id, ...i.value })),
  });
}

export async function createKpiServices(ctx: FeatureContext): Promise<Running> {
  const returns = await openListStore(ctx.site, KpiReturnsList);
  const summary = await openListStore(ctx.site, KpiSummaryList);
  const aggregator = new KpiAggregator({
    api: ctx.site.api,
    returns,
    summary,
    districts: async () => (await ctx.reference.districts()).map((d) => ({ slug: d.slug, name: d.name, area: d.area })),
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
  const service = new KpiService(ctx, returns, aggregator, prefillFor(ctx), () => void nudge());
  return { service, aggregator, nudge, idle: async () => void (await last) };
}

export const kpiFeature: Feature = {
  name: "kpi",
  lists: [KpiReturnsList, KpiSummaryList],
  async init(ctx) {
    const r = await createKpiServices(ctx);
    running.set(ctx, r);
    // The reminders ask the returns themselves whether a return is started, missing parts or in.
    provideReturnStatusSource(ctx, kpiReturnStatusSource(ctx));
  },
  api: (ctx) => kpiRoutes(runningFor(ctx).service),
  async seedDemo(ctx) {
    const r = runningFor(ctx);
    const lines = await seedKpiDemo(ctx, r.service);
    const report = await r.nudge();
    if (report && report.created + report.updated + report.deleted > 0) {
      lines.push(`KPI summary list: ${report.created} items created, ${report.updated} updated, ${report.deleted} deleted (${report.years.join(", ")})`);
    }
    return lines;
  },
  background(ctx): BackgroundJob {
    const r = runningFor(ctx);
    const timer = setInterval(() => void r.nudge(), REFRESH_EVERY_MS);
    timer.unref();
    return {
      stop: async () => {
        clearInterval(timer);
        await r.idle();
      },
    };
  },
};

/** The running app's KPI service (commands and tests). */
export function kpiServicesFor(ctx: FeatureContext): Running {
  return runningFor(ctx);
}

/**
 * The returns' state for the reminders (their `ReturnStatusSource` port): the latest version of each
 * district's return for a term, read through the aggregator (one delta request), so a return
 * submitted in the tab or imported by another process stops its reminders at the next pass.
 */
export function kpiReturnStatusSource(ctx: FeatureContext): ReturnStatusSource {
  const r = runningFor(ctx);
  const records = async (): Promise<ReturnRecord[]> => {
    await r.aggregator.sync();
    // Per district and term: the latest version, except that an amendment being drafted after a
    // submission does not make the return "not in" again (README "What counts in the summary").
    const latest = new Map<string, KpiReturnItem>();
    const latestSent = new Map<string, KpiReturnItem>();
    for (const { value: v } of r.aggregator.returnItems()) {
      const key = `${v.districtSlug}|${v.academicYear}|${v.term}`;
      if ((latest.get(key)?.version ?? 0) < v.version) latest.set(key, v);
      if (v.status !== "draft" && (latestSent.get(key)?.version ?? 0) < v.version) latestSent.set(key, v);
    }
    return [...latest.entries()].map(([key, newest]) => {
      const v = latestSent.get(key) ?? newest;
      const counts = measuresFor(v.academicYear).filter((m) => m.kind === "count");
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
