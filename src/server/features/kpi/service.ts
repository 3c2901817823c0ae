/**
 * KPI returns: reading, saving drafts, submitting, amending, returning with a comment, importing
 * past returns, and the commissioners' summary. Access is checked here for every call (a lead sees
 * only their own district: another district is 404; the summary is commissioners only: 403).
 *
 * Storage (README.md): one KpiReturns item per version. Reads go through the aggregator's in-memory
 * copy of the list, brought up to date by one delta request per call, so a read after a write sees it.
 */
import { AppError } from "../../../errors";
import type { Person } from "../../../schemas/reference/person";
import type { District } from "../../../domain/reference/districts";
import { isAcademicYear, measureById, measuresFor, type Measure } from "../../../domain/kpi/catalogue";
import { validateReturnValues } from "../../../domain/kpi/return-validation";
import { percentOf, ragFor } from "../../../domain/kpi/rag";
import type { SummaryRow } from "../../../domain/kpi/aggregate";
import { districtCalendar, returnDueAt, type ReportingCalendar, type Term, type TermNumber } from "../../../domain/time/calendar";
import { expectedInTerm, notExpectedReason } from "../../../domain/structure/lifetime";
import { summaryScopeOf, type SummaryScope } from "../../../domain/kpi/oversight-scope";
import { createManyParallel } from "../../../graph/bulk-io";
import { countsInSummary, type KpiAggregator, type ReturnsStore } from "./aggregation";
import { returnVersionKey, type KpiReturnItem } from "./lists";
import type { Item } from "../../../graph/list-store";
import type { FeatureContext } from "../../core/feature-context";
import { parseTable, type FileFormat } from "./files";
import type { PrefillSource } from "./prefill";
import { noTimeToSupport, waitsToCsvRows, type SupportWait, type TimeToSupportSource } from "./time-to-support";
import type { ImportRowError, KpiReturnView, Prefill, ReturnHistoryEntry, ReturnListItem, SummaryAnswer } from "../../../schemas/kpi/api";

export type { ImportRowError, KpiReturnView, ReturnHistoryEntry, ReturnListItem, ReturnStatus, SummaryAnswer } from "../../../schemas/kpi/api";

function invalid(message: string, fieldErrors: Record<string, string[]>): AppError {
  return new AppError("validation_failed", message, { fieldErrors });
}

function isKpiUser(p: Person): boolean {
  return p.role === "commissioner" || p.role === "district_lead";
}

/** Only counts are typed; percentages are worked out. */
function countMeasures(year: string): Measure[] {
  return measuresFor(year).filter((m) => m.kind === "count");
}

function sameValues(a: Readonly<Record<string, number | null>>, b: Readonly<Record<string, number | null>>): boolean {
  const clean = (v: Readonly<Record<string, number | null>>) =>
    Object.entries(v)
      .filter(([, x]) => x !== null && x !== undefined)
      .sort(([x], [y]) => x.localeCompare(y));
  return JSON.stringify(clean(a)) === JSON.stringify(clean(b));
}

export class KpiService {
  constructor(
    private readonly ctx: FeatureContext,
    readonly returns: ReturnsStore,
    readonly aggregator: KpiAggregator,
    private readonly prefillSource: PrefillSource,
    /** Called after returns change (the summary list refresh); errors are the callee's to report. */
    private readonly onChange: () => void = () => undefined,
    private readonly timeToSupport: TimeToSupportSource = noTimeToSupport,
  ) {}

  /** Now, to the second: list date-times keep no fractions ([§0](../../../../docs/reference/graph-sharepoint-lists.md#0-rules-for-every-endpoint)), so a stamp reads back as written. */
  private stamp(): string {
    return this.ctx.now().toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  // ---- access ----

  private requireKpiUser(p: Person): void {
    if (!isKpiUser(p)) throw new AppError("forbidden", "KPI returns are for district leads and commissioners.");
  }

  private requireCommissioner(p: Person, what: string): void {
    if (p.role !== "commissioner") throw new AppError("forbidden", `${what} is for commissioners only.`);
  }

  /** The district, if this person may see its returns; another district (or an unknown one) is 404. */
  private async districtFor(p: Person, slug: string): Promise<District> {
    this.requireKpiUser(p);
    const district = (await this.ctx.reference.districts()).find((d) => d.slug === slug);
    if (!district || (p.role === "district_lead" && p.districtSlug !== slug)) {
      throw new AppError("not_found", "There is no such district return.");
    }
    return district;
  }

  private async visibleDistricts(p: Person): Promise<District[]> {
    this.requireKpiUser(p);
    const all = await this.ctx.reference.districts();
    return p.role === "commissioner" ? all : all.filter((d) => d.slug === p.districtSlug);
  }

  // ---- calendar ----

  /** The reporting calendar (terms, bank holidays, due dates) from the reference data. */
  calendar(): Promise<ReportingCalendar> {
    return this.ctx.reference.calendar();
  }

  /**
   * A new or changed return only for a term the district was open in (`expectedIn`); a return made
   * before the district's dates were recorded stays readable through `get`.
   */
  private async requireOpenIn(district: District, year: string, term: TermNumber): Promise<void> {
    const reason = notExpectedReason(district, { academicYear: year, term }, (await this.calendar()).terms);
    if (reason) throw invalid(reason, { term: [reason] });
  }

  // ---- versions ----

  private versionsOf(slug: string, year: string, term: number): Item<KpiReturnItem>[] {
    return this.aggregator
      .returnItems()
      .filter((i) => i.value.districtSlug === slug && i.value.academicYear === year && i.value.term === term)
      .sort((a, b) => a.value.version - b.value.version);
  }

  private async view(district: District, year: string, term: TermNumber, versions: Item<KpiReturnItem>[], withPrefill = true): Promise<KpiReturnView> {
    const latest = versions[versions.length - 1];
    const values: Record<string, number | null> = {};
    const counts = countMeasures(year);
    for (const m of counts) values[m.id] = latest?.value.values[m.id] ?? null;
    const computed: KpiReturnView["computed"] = {};
    for (const m of measuresFor(year)) {
      if (m.kind !== "percent" || !m.numeratorId || !m.denominatorId) continue;
      const numerator = values[m.numeratorId] ?? null;
      const denominator = values[m.denominatorId] ?? null;
      computed[m.id] = {
        numerator,
        denominator,
        percent: percentOf(numerator, denominator),
        rag: ragFor(m, numerator, denominator),
        ...(m.askedId ? { asked: values[m.askedId] ?? null } : {}),
      };
    }
    const history: ReturnHistoryEntry[] = [];
    for (const v of versions) {
      const x = v.value;
      if (x.submittedAt) history.push({ version: x.version, status: "submitted", at: x.submittedAt, byName: x.submittedByName ?? "" });
      if (x.returnedAt) history.push({ version: x.version, status: "returned", at: x.returnedAt, byName: x.returnedByName ?? "", ...(x.comment ? { comment: x.comment } : {}) });
      if (x.status === "draft") history.push({ version: x.version, status: "draft", at: x.savedAt, byName: x.savedByName });
    }
    history.sort((a, b) => a.at.localeCompare(b.at) || a.version - b.version);
    // The comment stays visible while the lead amends the returned submission.
    const lastReturned = [...versions].reverse().find((v) => v.value.status === "returned");
    const returnedComment =
      lastReturned && !versions.some((v) => v.value.version > lastReturned.value.version && v.value.status !== "draft") ? lastReturned.value.comment : undefined;
    let prefill: Prefill = {};
    if (withPrefill) {
      const termRecord = (await this.calendar()).terms.find((t) => t.academicYear === year && t.term === term);
      if (termRecord) prefill = await this.prefillSource.prefill(district.slug, district.name, termRecord, this.ctx.now());
    }
    return {
      districtSlug: district.slug,
      academicYear: year,
      term,
      status: latest?.value.status ?? "not_started",
      version: latest?.value.version ?? 0,
      ...(latest ? { eTag: latest.eTag } : {}),
      values,
      narrative: latest?.value.narrative ?? "",
      prefill,
      computed,
      history,
      ...(returnedComment ? { returnedComment } : {}),
      // An optional count (questionnaires sent) never makes a return incomplete.
      missing: counts.filter((m) => !m.optional && values[m.id] === null).map((m) => m.id),
    };
  }

  // ---- API ----

  async list(p: Person, year: string): Promise<ReturnListItem[]> {
    const districts = await this.visibleDistricts(p);
    await this.aggregator.sync();
    const calendar = await this.calendar();
    const items: ReturnListItem[] = [];
    for (const d of districts) {
      for (const term of [1, 2, 3, 4, 5, 6] as const) {
        const versions = this.versionsOf(d.slug, year, term);
        // No row to fill in (or chase) for a term the district was not open in, unless a return was made.
        if (versions.length === 0 && !expectedInTerm(d, { academicYear: year, term }, calendar.terms)) continue;
        const latest = versions[versions.length - 1]?.value;
        const lastSubmitted = [...versions].reverse().find((v) => v.value.submittedAt)?.value;
        const termRecord = calendar.terms.find((t) => t.academicYear === year && t.term === term);
        const dueAt = termRecord ? returnDueAt(termRecord, districtCalendar(calendar, d.slug)) : undefined;
        items.push({
          districtSlug: d.slug,
          districtName: d.name,
          academicYear: year,
          term,
          status: latest?.status ?? "not_started",
          version: latest?.version ?? 0,
          ...(lastSubmitted?.submittedAt ? { submittedAt: lastSubmitted.submittedAt } : {}),
          ...(dueAt ? { dueAt } : {}),
        });
      }
    }
    return items;
  }

  async get(p: Person, slug: string, year: string, term: TermNumber): Promise<KpiReturnView> {
    const district = await this.districtFor(p, slug);
    await this.aggregator.sync();
    return this.view(district, year, term, this.versionsOf(slug, year, term));
  }

  private checkValues(raw: Record<string, unknown>, year: string): Record<string, number | null> {
    const errors: Record<string, string[]> = {};
    const values: Record<string, number | null> = {};
    for (const [id, v] of Object.entries(raw)) {
      if (v === null || v === undefined || v === "") values[id] = null;
      else if (typeof v === "number" && Number.isFinite(v)) values[id] = v;
      else errors[id] = [`${measureById(id)?.label ?? id} must be a number.`];
    }
    const result = validateReturnValues(values, year, { mode: "draft" });
    for (const [id, message] of Object.entries(result.errors)) (errors[id || "values"] ??= []).push(message);
    if (Object.keys(errors).length > 0) throw invalid("Some figures need correcting.", errors);
    // Keep only the measures collected that year (blank ones as null).
    const out: Record<string, number | null> = {};
    for (const m of countMeasures(year)) out[m.id] = values[m.id] ?? null;
    return out;
  }

  private stale(current: KpiReturnView): AppError {
    return new AppError("precondition_failed", "Someone else changed this return; reload it and try again.", { detail: { current } });
  }

  /** Updates the draft version if nobody changed it meanwhile; otherwise 412 with the current return. */
  private async updateDraft(draft: Item<KpiReturnItem>, patch: Partial<KpiReturnItem>, district: District, year: string, term: TermNumber): Promise<string> {
    try {
      return (await this.returns.update(draft.id, patch, { eTag: draft.eTag })).id;
    } catch (err) {
      if (AppError.isAppError(err) && err.code === "precondition_failed") {
        await this.aggregator.sync();
        throw this.stale(await this.view(district, year, term, this.versionsOf(district.slug, year, term), false));
      }
      throw err;
    }
  }

  async save(p: Person, slug: string, year: string, term: TermNumber, body: { eTag?: string; values: Record<string, unknown>; narrative?: string }): Promise<KpiReturnView> {
    const district = await this.districtFor(p, slug);
    await this.requireOpenIn(district, year, term);
    const values = this.checkValues(body.values, year);
    const narrative = typeof body.narrative === "string" ? body.narrative : "";
    await this.aggregator.sync();
    const versions = this.versionsOf(slug, year, term);
    const latest = versions[versions.length - 1];
    if (latest && body.eTag !== undefined && body.eTag !== latest.eTag) throw this.stale(await this.view(district, year, term, versions, false));
    const now = this.stamp();
    const stamp = { savedAt: now, savedByName: p.displayName, narrative, values };
    await this.ctx.audit.change(p, this.returnEvent("kpi.return.save", slug, year, term), async () => {
      if (latest?.value.status === "draft") {
        return this.updateDraft(latest, stamp, district, year, term);
      } else {
        // First save, or an amendment after submission: a new version, the earlier ones kept.
        const version = (latest?.value.version ?? 0) + 1;
        const key = returnVersionKey(slug, year, term, version);
        const created = await this.returns.create(
          { returnKey: key, districtSlug: slug, academicYear: year, term, version, status: "draft", source: "form", ...stamp },
          { idempotencyKey: key },
        );
        // The key was taken by a concurrent save: ours is a conflict, not a silent overwrite.
        if (created.value.savedByName !== p.displayName || created.value.savedAt !== now) {
          await this.aggregator.sync();
          throw this.stale(await this.view(district, year, term, this.versionsOf(slug, year, term), false));
        }
        return created.id;
      }
    }, (itemId) => ({ itemId }));
    await this.aggregator.sync();
    return this.view(district, year, term, this.versionsOf(slug, year, term));
  }

  async submit(p: Person, slug: string, year: string, term: TermNumber, body: { eTag?: string }): Promise<KpiReturnView> {
    const district = await this.districtFor(p, slug);
    await this.requireOpenIn(district, year, term);
    await this.aggregator.sync();
    const versions = this.versionsOf(slug, year, term);
    const latest = versions[versions.length - 1];
    if (!latest) throw new AppError("conflict", "Save the return before submitting it.");
    if (body.eTag !== undefined && body.eTag !== latest.eTag) throw this.stale(await this.view(district, year, term, versions, false));
    // Submitting what is already submitted changes nothing (a repeated click, a retried request).
    if (latest.value.status === "submitted") return this.view(district, year, term, versions);
    const check = validateReturnValues(latest.value.values, year);
    if (!check.ok) {
      throw invalid("Some figures need correcting before the return can be submitted.", Object.fromEntries(Object.entries(check.errors).map(([k, v]) => [k || "values", [v]])));
    }
    const now = this.stamp();
    await this.ctx.audit.change(p, this.returnEvent("kpi.return.submit", slug, year, term), async () => {
      if (latest.value.status === "draft") {
        return this.updateDraft(latest, { status: "submitted", submittedAt: now, submittedByName: p.displayName }, district, year, term);
      } else {
        // Resubmitting a returned submission unchanged: a new version, the returned one kept.
        const version = latest.value.version + 1;
        const key = returnVersionKey(slug, year, term, version);
        return (
          await this.returns.create(
            {
              returnKey: key,
              districtSlug: slug,
              academicYear: year,
              term,
              version,
              status: "submitted",
              values: latest.value.values,
              narrative: latest.value.narrative,
              source: "form",
              savedAt: now,
              savedByName: p.displayName,
              submittedAt: now,
              submittedByName: p.displayName,
            },
            { idempotencyKey: key },
          )
        ).id;
      }
    }, (itemId) => ({ itemId }));
    await this.aggregator.sync();
    this.onChange();
    return this.view(district, year, term, this.versionsOf(slug, year, term));
  }

  private returnEvent(action: string, slug: string, year: string, term: TermNumber) {
    return { action, listTitle: this.returns.title, detail: { district: slug, academicYear: year, term } };
  }

  async sendBack(p: Person, slug: string, year: string, term: TermNumber, body: { comment: string }): Promise<KpiReturnView> {
    this.requireKpiUser(p);
    this.requireCommissioner(p, "Returning a submission");
    const district = await this.districtFor(p, slug);
    const { comment } = body;
    await this.aggregator.sync();
    const versions = this.versionsOf(slug, year, term);
    const latest = versions[versions.length - 1];
    if (!latest || latest.value.status !== "submitted") throw new AppError("conflict", "Only a submitted return can be returned.");
    await this.ctx.audit.change(p, { ...this.returnEvent("kpi.return.return", slug, year, term), itemId: latest.id }, () =>
      this.returns.update(latest.id, { status: "returned", returnedAt: this.stamp(), returnedByName: p.displayName, comment }, { eTag: latest.eTag }),
    );
    await this.aggregator.sync();
    this.onChange();
    return this.view(district, year, term, this.versionsOf(slug, year, term));
  }

  // ---- import ----

  /**
   * Imports past returns. Every row is checked first; any error → nothing is written. A row whose
   * figures equal the latest submitted version is unchanged, so importing the same file twice
   * changes nothing. Otherwise the row becomes the next submitted version (earlier ones kept).
   */
  async importFile(p: Person, format: FileFormat, body: Buffer): Promise<{ imported: number; unchanged: number }> {
    this.requireKpiUser(p);
    const table = await parseTable(format, body);
    const districts = await this.ctx.reference.districts();
    const { rows, errors } = checkImportTable(table, districts, p, (await this.calendar()).terms);
    if (errors.length > 0) {
      throw new AppError("validation_failed", `The file has ${errors.length} error${errors.length === 1 ? "" : "s"}; nothing was imported.`, { detail: { errors } });
    }
    await this.aggregator.sync();
    const now = this.stamp();
    const creates: Array<{ value: KpiReturnItem; idempotencyKey: string }> = [];
    const drafts: Array<{ item: Item<KpiReturnItem>; values: Record<string, number | null> }> = [];
    let unchanged = 0;
    for (const row of rows) {
      const versions = this.versionsOf(row.districtSlug, row.academicYear, row.term);
      const latest = versions[versions.length - 1];
      const lastCounted = [...versions].reverse().find((v) => countsInSummary(v.value));
      if (lastCounted && sameValues(lastCounted.value.values, row.values) && latest?.value.status !== "draft") {
        unchanged++;
        continue;
      }
      if (latest?.value.status === "draft") {
        drafts.push({ item: latest, values: row.values });
        continue;
      }
      const version = (latest?.value.version ?? 0) + 1;
      const key = returnVersionKey(row.districtSlug, row.academicYear, row.term, version);
      creates.push({
        idempotencyKey: key,
        value: {
          returnKey: key,
          districtSlug: row.districtSlug,
          academicYear: row.academicYear,
          term: row.term,
          version,
          status: "submitted",
          values: row.values,
          narrative: latest?.value.narrative ?? "",
          source: "import",
          savedAt: now,
          savedByName: p.displayName,
          submittedAt: now,
          submittedByName: p.displayName,
        },
      });
    }
    const imported = creates.length + drafts.length;
    await this.ctx.audit.change(p, { action: "kpi.return.import", listTitle: this.returns.title, detail: { imported, unchanged, rows: rows.length } }, async () => {
      await createManyParallel(this.returns, creates, 8);
      for (const d of drafts) {
        await this.returns.update(d.item.id, { values: d.values, status: "submitted", source: "import", savedAt: now, savedByName: p.displayName, submittedAt: now, submittedByName: p.displayName }, { eTag: d.item.eTag });
      }
    });
    await this.aggregator.sync();
    if (imported > 0) this.onChange();
    return { imported, unchanged };
  }

  // ---- summary ----

  /**
   * Whose figures a person reads on the summary: commissioners the county's; the SLA's read-only roles
   * only their own part, whatever they ask for ([Oversight](../../../../docs/reference/service.md#oversight-lift-executives-area-forums-sla-holding-heads)).
   */
  private summaryScope(p: Person): SummaryScope {
    const scope = summaryScopeOf(p);
    if (!scope) throw new AppError("forbidden", "The KPI summary is for commissioners and the LIFT Executives.");
    return scope;
  }


  async summary(p: Person, query: { year: string; terms?: TermNumber[]; area?: string; district?: string }): Promise<SummaryAnswer> {
    const scope = this.summaryScope(p);
    const { year, terms } = query;
    const districts = await this.ctx.reference.districts();
    const district = query.district ? districts.find((d) => d.slug === query.district) : undefined;
    // Outside the caller's part is as if it did not exist.
    const outside = (query.district && (!district || (scope.district && district.slug !== scope.district) || (scope.area && district.area !== scope.area))) || (query.area && scope.area && query.area !== scope.area);
    if ((query.district && !district) || outside) throw new AppError("not_found", "There is no such district.");
    const area = query.area ?? scope.area;
    if (area && !districts.some((d) => d.area === area)) throw invalid("There is no such area.", { area: ["Choose an area"] });
    const only = district ?? (scope.district ? districts.find((d) => d.slug === scope.district) : undefined);
    if (scope.district && !only) throw new AppError("not_found", "There is no such district.");
    await this.aggregator.sync();
    const result = await this.aggregator.compute(year, terms);
    const inScope = (d: District) => (!only || d.slug === only.slug) && (!area || d.area === area);
    const scoped = districts.filter(inScope);
    const names = new Set(scoped.map((d) => d.name));
    const areas = new Set<string>(scoped.map((d) => d.area));
    const slugs = new Set(scoped.map((d) => d.slug));
    const rows = result.rows.filter((r) => r.level === "county" || (r.level === "area" && areas.has(r.name)) || (r.level === "district" && names.has(r.name)));
    const anomalies = result.anomalies.filter((a) => a.level === "county" || (a.level === "area" && areas.has(a.scope)) || (a.level === "district" && slugs.has(a.scope)));
    const timeToSupport = await this.timeToSupport.waits([...slugs], year, terms);
    // Whether the bot reaches each lead is the commissioners' to chase; the read-only roles get none.
    const reachability = p.role === "commissioner" ? await this.reachability(scoped) : [];
    const mine = (d: string) => slugs.has(d) || names.has(d);
    const completeness = p.role === "commissioner" ? result.completeness : result.completeness.map((c) => ({ ...c, missingDistricts: c.missingDistricts.filter(mine), submittedDistricts: c.submittedDistricts.filter(mine), notExpectedDistricts: c.notExpectedDistricts.filter(mine) }));
    return { rows, timeToSupport, completeness, anomalies, reachability, generatedAt: this.stamp() };
  }

  private async reachability(districts: readonly District[]): Promise<SummaryAnswer["reachability"]> {
    const people = await this.ctx.people.list();
    return Promise.all(
      districts.map(async (d) => {
        const lead = people.find((x) => x.role === "district_lead" && x.districtSlug === d.slug);
        const ref = lead ? await this.ctx.bot.conversations.findByUser({ aadObjectId: lead.oid, upn: lead.upn }) : undefined;
        return { districtSlug: d.slug, leadName: lead?.displayName ?? "", reachable: ref !== undefined };
      }),
    );
  }

  /** All summary rows of a year (what the export and the summary list hold). */
  async summaryRows(p: Person | undefined, year: string): Promise<SummaryRow[]> {
    if (p) {
      this.requireKpiUser(p);
      this.requireCommissioner(p, "The countywide summary");
    }
    await this.aggregator.sync();
    return (await this.aggregator.compute(year)).rows;
  }

  /** The summary export's rows for time to support, every district and term of the year (commissioners). */
  async timeToSupportRows(p: Person, year: string, columns: number): Promise<string[][]> {
    this.requireKpiUser(p);
    this.requireCommissioner(p, "The countywide summary");
    const districts = await this.ctx.reference.districts();
    const waits: SupportWait[] = await this.timeToSupport.waits(
      districts.map((d) => d.slug),
      year,
    );
    const names = new Map(districts.map((d) => [d.slug, d.name]));
    return waitsToCsvRows(waits, year, columns, (slug) => names.get(slug) ?? slug);
  }

  async monitoringPack(p: Person, slug: string, query: { year: string; terms?: TermNumber[] }) {
    const district = await this.districtFor(p, slug);
    const year = query.year;
    await this.aggregator.sync();
    // Terms the district was open in (or has a return for): none is shown as owed before it began or after it retired.
    const calendarTerms = (await this.calendar()).terms;
    const terms = (query.terms ?? ([1, 2, 3, 4, 5, 6] as TermNumber[])).filter((t) => this.versionsOf(slug, year, t).length > 0 || expectedInTerm(district, { academicYear: year, term: t }, calendarTerms));
    const result = await this.aggregator.compute(year, terms);
    const rows = result.rows.filter((r) => (r.level === "district" && r.name === district.name) || (r.level === "area" && r.name === district.area) || r.level === "county");
    const returns = await Promise.all(terms.map((t) => this.view(district, year, t, this.versionsOf(slug, year, t), false)));
    return {
      district: { slug: district.slug, name: district.name, area: district.area, code: district.code },
      academicYear: year,
      terms,
      rows,
      returns,
      anomalies: result.anomalies.filter((a) => a.districtSlug === slug),
      narrative: returns.map((r) => ({ term: r.term, narrative: r.narrative })),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Import rows

export interface ImportRow {
  row: number;
  districtSlug: string;
  academicYear: string;
  term: TermNumber;
  values: Record<string, number | null>;
}

function matchDistrict(text: string, districts: readonly District[]): District | undefined {
  const t = text.trim().toLowerCase();
  return districts.find((d) => d.slug === t || d.name.toLowerCase() === t || d.code.toLowerCase() === t || d.aliases.some((a) => a.toLowerCase() === t));
}

/** Checks a whole table; rows are numbered as in the spreadsheet (the header is row 1). */
export function checkImportTable(table: string[][], districts: readonly District[], p: Person, terms: readonly Term[] = []): { rows: ImportRow[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const rows: ImportRow[] = [];
  const header = (table[0] ?? []).map((h) => h.trim());
  if (table.length === 0) return { rows, errors: [{ row: 1, column: "", message: "The file is empty: download the template and fill it in." }] };
  for (const required of ["district", "academic_year", "term"]) {
    if (!header.includes(required)) errors.push({ row: 1, column: required, message: `The column "${required}" is missing.` });
  }
  const seenColumns = new Set<string>();
  header.forEach((h) => {
    if (h === "") return;
    if (seenColumns.has(h)) errors.push({ row: 1, column: h, message: `The column "${h}" appears twice.` });
    seenColumns.add(h);
    if (["district", "academic_year", "term"].includes(h)) return;
    const m = measureById(h);
    if (!m) errors.push({ row: 1, column: h, message: `"${h}" is not a measure id (see the template).` });
    else if (m.kind === "percent") errors.push({ row: 1, column: h, message: `${m.label} is worked out, not typed: remove this column and give ${m.numeratorId} and ${m.denominatorId}.` });
  });
  if (errors.length > 0) return { rows, errors };
  if (table.length < 2) return { rows, errors: [{ row: 2, column: "", message: "The file has no returns below the header." }] };

  const seen = new Map<string, number>();
  for (let r = 1; r < table.length; r++) {
    const rowNumber = r + 1;
    const cells = table[r] ?? [];
    const cell = (name: string) => (cells[header.indexOf(name)] ?? "").trim();
    const rowErrors: ImportRowError[] = [];
    const add = (column: string, message: string) => rowErrors.push({ row: rowNumber, column, message });
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== "")) add("", "The row has more cells than the header has columns.");

    const district = matchDistrict(cell("district"), districts);
    if (!district) add("district", cell("district") === "" ? "Give the district." : `"${cell("district")}" is not a district.`);
    else if (p.role === "district_lead" && district.slug !== p.districtSlug) add("district", `You can import only your own district's returns, not ${district.name}'s.`);
    const year = cell("academic_year");
    const yearOk = isAcademicYear(year);
    if (!yearOk) add("academic_year", `"${year}" is not an academic year (expected the form 2022-23).`);
    const termText = cell("term");
    const term = /^[1-6]$/.test(termText) ? (Number(termText) as TermNumber) : undefined;
    if (!term) add("term", `"${termText}" is not a term (1 to 6).`);

    const values: Record<string, number | null> = {};
    for (const [c, h] of header.entries()) {
      if (h === "" || ["district", "academic_year", "term"].includes(h)) continue;
      const text = (cells[c] ?? "").trim();
      if (text === "") continue;
      const n = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
      if (Number.isNaN(n)) add(h, `"${text}" is not a number.`);
      else values[h] = n;
    }
    if (yearOk) {
      const check = validateReturnValues(values, year);
      for (const [id, message] of Object.entries(check.errors)) if (!rowErrors.some((e) => e.column === id)) add(id || "academic_year", message);
    }
    const notOpen = district && yearOk && term ? notExpectedReason(district, { academicYear: year, term }, terms) : undefined;
    if (notOpen) add("term", notOpen);
    if (district && yearOk && term) {
      const key = `${district.slug}|${year}|${term}`;
      const first = seen.get(key);
      if (first !== undefined) add("term", `${district.name} ${year} term ${term} is already on row ${first}.`);
      else seen.set(key, rowNumber);
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else if (district && term) {
      const full: Record<string, number | null> = {};
      for (const m of countMeasures(year)) full[m.id] = values[m.id] ?? null;
      rows.push({ row: rowNumber, districtSlug: district.slug, academicYear: year, term, values: full });
    }
  }
  return { rows, errors };
}
