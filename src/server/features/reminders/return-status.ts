/**
 * Where the reminders learn the state of each district's termly return. The KPI returns feature
 * (issue 7) owns that data; this small port keeps the reminder code independent of it. The KPI
 * feature plugs its implementation in with `provideReturnStatusSource(ctx, source)` from its
 * `init`; an app started without that feature gets an in-memory source (every return "not started").
 */
import type { ReturnRecord, ReturnStatus } from "../../../domain/reminders/plan";
import type { TermNumber } from "../../../domain/time/calendar";
import type { FeatureContext } from "../../core/feature-context";

export interface ReturnStatusSource {
  /** Every return of these academic years (all years when omitted). */
  returns(academicYears?: readonly string[]): Promise<ReturnRecord[]>;
  /** One district's return for a term, or undefined when none has been started. */
  returnFor(districtSlug: string, academicYear: string, term: TermNumber): Promise<ReturnRecord | undefined>;
}

export class InMemoryReturnStatusSource implements ReturnStatusSource {
  private readonly records = new Map<string, ReturnRecord>();

  set(record: ReturnRecord): void {
    this.records.set(idOf(record.districtSlug, record.academicYear, record.term), { ...record, missing: [...(record.missing ?? [])] });
  }

  setStatus(districtSlug: string, academicYear: string, term: TermNumber, status: ReturnStatus, missing: string[] = []): void {
    this.set({ districtSlug, academicYear, term, status, missing });
  }

  clear(): void {
    this.records.clear();
  }

  async returns(academicYears?: readonly string[]): Promise<ReturnRecord[]> {
    return [...this.records.values()].filter((r) => !academicYears || academicYears.includes(r.academicYear));
  }

  async returnFor(districtSlug: string, academicYear: string, term: TermNumber): Promise<ReturnRecord | undefined> {
    return this.records.get(idOf(districtSlug, academicYear, term));
  }
}

function idOf(districtSlug: string, academicYear: string, term: number): string {
  return `${districtSlug}|${academicYear}|${term}`;
}

const provided = new WeakMap<FeatureContext, ReturnStatusSource>();
const fallback = new WeakMap<FeatureContext, InMemoryReturnStatusSource>();

/** The KPI feature (or a test) supplies the real source for this running app. */
export function provideReturnStatusSource(ctx: FeatureContext, source: ReturnStatusSource): void {
  provided.set(ctx, source);
}

/** The source in use: the one provided, else this app's in-memory stand-in. */
export function returnStatusSourceFor(ctx: FeatureContext): ReturnStatusSource {
  const found = provided.get(ctx);
  if (found) return found;
  let memory = fallback.get(ctx);
  if (!memory) {
    memory = new InMemoryReturnStatusSource();
    fallback.set(ctx, memory);
  }
  return memory;
}
