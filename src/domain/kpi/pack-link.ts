/**
 * The address of a district's monitoring pack for a pair of terms in the summary tab: a
 * monitoring-meeting reminder links to that district's pack ([reminders](../../server/features/reminders/README.md)), and the KPI
 * summary builds the pack ([KPI](../../server/features/kpi/README.md)).
 * One definition for the server that writes the link and the tab that reads it.
 */
const YEAR = /^\d{4}-\d{2}$/;

export function monitoringPackLink(publicUrl: string, districtSlug: string, academicYear: string, covers: readonly [number, number]): string {
  const params = new URLSearchParams({ pack: districtSlug, year: academicYear, terms: covers.join(",") });
  return `${publicUrl}/tabs/summary?${params.toString()}`;
}

export function parseMonitoringPackLink(search: string): { slug: string; year: string; terms: [number, number] } | undefined {
  const params = new URLSearchParams(search);
  const slug = params.get("pack");
  const year = params.get("year");
  const terms = (params.get("terms") ?? "").split(",").map(Number);
  if (!slug || !/^[a-z]+(-[a-z]+)*$/.test(slug) || !year || !YEAR.test(year)) return undefined;
  const [a, b] = terms;
  // Monitoring meetings cover terms 1–2, 3–4 or 5–6.
  if (terms.length !== 2 || !a || !b || a < 1 || b > 6 || b !== a + 1 || a % 2 !== 1) return undefined;
  return { slug, year, terms: [a, b] };
}
