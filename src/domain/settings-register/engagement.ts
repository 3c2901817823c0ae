/**
 * Which settings a district's STLS worked with in a term, from what the app records: a LIFT
 * referral of theirs discussed at one of the district's meetings held in the term, a case of the
 * district's STLS opened in the term, a visit in the term to a case of theirs, or a clinic, surgery
 * or in-setting review of the district held in the term (the setting it was held in and each
 * setting that brought a question). Training and direct contact are not recorded yet, so the figure
 * is a floor the lead may raise. Setting ids only: nothing about a child is read.
 */
export interface EngagementInput {
  term: { start: string; end: string };
  /** The district's referrals discussed at its meetings held in the term (the KPI prefill's rule). */
  discussedReferrals: readonly { settingId: string }[];
  /** The district team's cases. */
  cases: readonly { id: string; settingId: string; openedAt: string }[];
  /** Visits to any case; those to the cases above count. */
  visits: readonly { caseId: string; settingId: string; date: string }[];
  /** The district's clinics. */
  clinics: readonly { status: string; date: string; settingId?: string; entries: readonly { settingId?: string }[] }[];
}

export function engagedSettings(input: EngagementInput): Set<string> {
  const { start, end } = input.term;
  const within = (d: string) => d >= start && d <= end;
  const out = new Set<string>();
  for (const r of input.discussedReferrals) out.add(r.settingId);
  const caseIds = new Set(input.cases.map((c) => c.id));
  for (const c of input.cases) if (within(c.openedAt)) out.add(c.settingId);
  for (const v of input.visits) if (caseIds.has(v.caseId) && within(v.date)) out.add(v.settingId);
  for (const c of input.clinics) {
    if (c.status !== "held" || !within(c.date)) continue;
    if (c.settingId) out.add(c.settingId);
    for (const e of c.entries) if (e.settingId) out.add(e.settingId);
  }
  return out;
}
