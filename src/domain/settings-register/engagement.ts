/**
 * Which settings a district's STLS worked with in a term, from what the app records: a LIFT
 * referral of theirs discussed at one of the district's meetings held in the term, a case of the
 * district's STLS opened in the term, a visit in the term to a case of theirs, a clinic, surgery
 * or in-setting review of the district held in the term (the setting it was held in and each
 * setting that brought a question), or a training session for school or setting staff the district
 * ran in the term (each setting on its attendance). KPI 1.2 counts engagement "via LIFT, clinics,
 * training or direct contact" (the catalogue's definition), and the annual report's over-100 %
 * anomaly came from schools of other districts on shared training courses, so training counts and
 * those schools land in the out-of-district figure. Other direct contact is not recorded yet, so
 * the figure is a floor the lead may raise. Setting ids only: nothing about a child is read.
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
  /** The district's training sessions for school or setting staff (parents' courses are not a setting's engagement). */
  training?: readonly { date: string; settingIds: readonly string[] }[];
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
  for (const t of input.training ?? []) {
    if (within(t.date)) for (const id of t.settingIds) out.add(id);
  }
  return out;
}
