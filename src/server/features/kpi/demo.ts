/**
 * Demo returns (DEMO_DATA on): every district's submitted returns for 2025-26 terms 1–6 and 2026-27
 * term 1, with gaps so completeness and reminders have something to show: Sevenoaks has no return
 * for 2025-26 term 4, Thanet's 2026-27 term 1 return is a draft, Dover amended its 2025-26 term 3
 * return (two versions) and Ashford's 2025-26 term 6 return was sent back with a comment.
 * Idempotent: versions are keyed, and keys already in the list are skipped.
 */
import type { KpiReturnItem } from "./lists";
import { returnVersionKey } from "./lists";
import { createManyParallel } from "../../../graph/bulk-io";
import type { Term } from "../../../domain/time/calendar";
import type { FeatureContext } from "../../core/feature-context";
import { demoFigures } from "./demo-figures";
import type { KpiService } from "./service";

const YEARS: Array<{ year: string; terms: number[] }> = [
  { year: "2025-26", terms: [1, 2, 3, 4, 5, 6] },
  { year: "2026-27", terms: [1] },
];

function afterTerm(terms: readonly Term[], year: string, term: number, days: number): string {
  const t = terms.find((x) => x.academicYear === year && x.term === term);
  const end = t ? Date.parse(`${t.end}T10:00:00Z`) : Date.parse(`${year.slice(0, 4)}-09-01T10:00:00Z`) + term * 60 * 86_400_000;
  return new Date(end + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function demoReturnItems(districts: ReadonlyArray<{ slug: string; name: string }>, terms: readonly Term[]): KpiReturnItem[] {
  const items: KpiReturnItem[] = [];
  const lead = (name: string) => `${name} district lead`;
  for (const { year, terms: termNumbers } of YEARS) {
    for (const d of districts) {
      for (const term of termNumbers) {
        if (d.slug === "sevenoaks" && year === "2025-26" && term === 4) continue;
        const values = demoFigures(d.slug, year, term);
        const at = afterTerm(terms, year, term, 7);
        const base = {
          districtSlug: d.slug,
          academicYear: year,
          term,
          values,
          narrative: `${d.name}: LIFT meetings ran as planned in term ${term}. Demand from primary schools stayed high; early years referrals were mostly Communication and Interaction.`,
          source: "demo" as const,
          savedAt: at,
          savedByName: lead(d.name),
        };
        if (d.slug === "thanet" && year === "2026-27" && term === 1) {
          items.push({ ...base, returnKey: returnVersionKey(d.slug, year, term, 1), version: 1, status: "draft" });
          continue;
        }
        const submitted = { ...base, status: "submitted" as const, submittedAt: at, submittedByName: lead(d.name) };
        if (d.slug === "dover" && year === "2025-26" && term === 3) {
          const first = { ...values, referrals_primary: (values.referrals_primary ?? 0) + 6 };
          items.push({ ...submitted, values: first, returnKey: returnVersionKey(d.slug, year, term, 1), version: 1 });
          const later = afterTerm(terms, year, term, 12);
          items.push({ ...submitted, savedAt: later, submittedAt: later, returnKey: returnVersionKey(d.slug, year, term, 2), version: 2, narrative: `${base.narrative} Amended: six primary referrals had been counted twice.` });
          continue;
        }
        if (d.slug === "ashford" && year === "2025-26" && term === 6) {
          items.push({
            ...submitted,
            returnKey: returnVersionKey(d.slug, year, term, 1),
            version: 1,
            status: "returned",
            returnedAt: afterTerm(terms, year, term, 10),
            returnedByName: "Commissioner",
            comment: "Please check the caseload figure: it is lower than children actively supported last term.",
          });
          continue;
        }
        items.push({ ...submitted, returnKey: returnVersionKey(d.slug, year, term, 1), version: 1 });
      }
    }
  }
  return items;
}

export async function seedKpiDemo(ctx: FeatureContext, service: KpiService): Promise<string[]> {
  await service.aggregator.sync();
  const existing = new Set(service.aggregator.returnItems().map((i) => i.value.returnKey));
  const districts = await ctx.reference.districts();
  const calendar = await service.calendar();
  const items = demoReturnItems(districts, calendar.terms).filter((i) => !existing.has(i.returnKey));
  await createManyParallel(service.returns, items.map((value) => ({ value, idempotencyKey: value.returnKey })), 8);
  await service.aggregator.sync();
  return items.length > 0 ? [`KPI returns: ${items.length} demo return versions (2025-26 terms 1–6, 2026-27 term 1)`] : [];
}
