/**
 * A district's work below district level: per locality (or cluster) and per LIFT group, counted
 * from the records each setting has. Pure: the caller reads the lists and passes plain values.
 *
 * Rules (README.md in this folder says why):
 * - A record counts for the district it was made in (its own `districtSlug`, which a split never
 *   changes), so the caller passes that district's records only.
 * - Within the district, a record counts under the setting's locality and LIFT groups as they are
 *   now. A setting that is not the district's now (moved to a new district by a split, or a school
 *   of another district on the district's training) counts in the "other districts" row, never in a
 *   locality it no longer has here.
 * - Localities partition the district's settings ("no locality" holds the rest), so the locality
 *   rows add up to the district row. A setting may be in more than one LIFT group; it counts in each,
 *   so group rows need not add up.
 * - "Settings that referred", "supported" and "at staff training" count each setting once per row.
 * - Counts only: no child's details come in or go out.
 */
import type { LocalityReportMeasure, LocalityReportRow } from "../../schemas/locality-report/api";
import type { LiftGroup } from "../../schemas/reference/lift-group";
import type { Locality } from "../../schemas/reference/locality";
import type { Setting } from "../../schemas/reference/setting";
import { isRetired } from "../structure/structure";

/** What one setting did in the period. */
export interface SettingWork {
  referralsReceived: number;
  casesDiscussed: number;
  outcomesApproved: number;
  resolvedAtLift: number;
  casesOpened: number;
  casesOpen: number;
  casesClosed: number;
  supported: boolean;
  trained: boolean;
}

export interface SettingWorkInput {
  /** The days counted, inclusive (UK dates). */
  period: { start: string; end: string };
  /** The district's referrals received in the period, discussed, approved and resolved (src/domain/lift-meetings/lift-work.ts). */
  lift: { received: readonly { settingId: string }[]; discussed: readonly { settingId: string }[]; approved: readonly { settingId: string }[]; resolved: readonly { settingId: string }[] };
  /** The district team's cases; `closedAt` when closed. */
  cases: readonly { settingId: string; openedAt: string; closedAt?: string }[];
  /** The district's training sessions for school or setting staff. */
  training: readonly { date: string; settingIds: readonly string[] }[];
  /** Settings the district's STLS worked with in the period (src/domain/settings-register/engagement.ts). */
  supported: ReadonlySet<string>;
}

const empty = (): SettingWork => ({ referralsReceived: 0, casesDiscussed: 0, outcomesApproved: 0, resolvedAtLift: 0, casesOpened: 0, casesOpen: 0, casesClosed: 0, supported: false, trained: false });

/** Each setting's work in the period, by setting id (only settings with some work appear). */
export function workBySetting(input: SettingWorkInput): Map<string, SettingWork> {
  const out = new Map<string, SettingWork>();
  const of = (id: string) => {
    let w = out.get(id);
    if (!w) out.set(id, (w = empty()));
    return w;
  };
  const { start, end } = input.period;
  const within = (d: string) => d >= start && d <= end;
  for (const r of input.lift.received) of(r.settingId).referralsReceived++;
  for (const r of input.lift.discussed) of(r.settingId).casesDiscussed++;
  for (const r of input.lift.approved) of(r.settingId).outcomesApproved++;
  for (const r of input.lift.resolved) of(r.settingId).resolvedAtLift++;
  for (const c of input.cases) {
    if (within(c.openedAt)) of(c.settingId).casesOpened++;
    if (c.closedAt && within(c.closedAt)) of(c.settingId).casesClosed++;
    if (c.openedAt <= end && !(c.closedAt && c.closedAt <= end)) of(c.settingId).casesOpen++;
  }
  for (const t of input.training) if (within(t.date)) for (const id of new Set(t.settingIds)) of(id).trained = true;
  for (const id of input.supported) of(id).supported = true;
  return out;
}

export interface GroupingInput {
  districtSlug: string;
  districtName: string;
  period: { start: string; end: string };
  /** Every setting known (their district and locality now). */
  settings: readonly Pick<Setting, "id" | "districtSlug" | "localitySlug">[];
  localities: readonly Locality[];
  liftGroups: readonly LiftGroup[];
  work: ReadonlyMap<string, SettingWork>;
  /** Held LIFT meetings of the period with their group, if any. */
  heldMeetings: readonly { liftGroupId?: string }[];
}

export interface LocalityReportRows {
  total: LocalityReportRow;
  byLocality: LocalityReportRow[];
  byLiftGroup: LocalityReportRow[];
}

function figuresOf(ids: Iterable<string>, work: ReadonlyMap<string, SettingWork>): Record<LocalityReportMeasure, number> {
  const f: Record<LocalityReportMeasure, number> = { referralsReceived: 0, settingsReferring: 0, casesDiscussed: 0, outcomesApproved: 0, resolvedAtLift: 0, settingsSupported: 0, settingsTrained: 0, casesOpened: 0, casesOpen: 0, casesClosed: 0 };
  for (const id of new Set(ids)) {
    const w = work.get(id);
    if (!w) continue;
    f.referralsReceived += w.referralsReceived;
    if (w.referralsReceived > 0) f.settingsReferring++;
    f.casesDiscussed += w.casesDiscussed;
    f.outcomesApproved += w.outcomesApproved;
    f.resolvedAtLift += w.resolvedAtLift;
    if (w.supported) f.settingsSupported++;
    if (w.trained) f.settingsTrained++;
    f.casesOpened += w.casesOpened;
    f.casesOpen += w.casesOpen;
    f.casesClosed += w.casesClosed;
  }
  return f;
}

/** Whether a locality or group was in use at some point of the period (one retired before it is history). */
const usedIn = (record: { retiredOn?: string }, period: { start: string }) => !isRetired(record, period.start);

/**
 * The district row, then a row per locality with "no locality" (when the district has localities),
 * a row per LIFT group with "not in a LIFT group" (when it has groups), each followed by "other
 * districts" when a setting that is not the district's now has work counted here.
 */
export function localityReportRows(input: GroupingInput): LocalityReportRows {
  const { work, districtSlug } = input;
  const mine = input.settings.filter((s) => s.districtSlug === districtSlug);
  const mineIds = new Set(mine.map((s) => s.id));
  const others = [...work.keys()].filter((id) => !mineIds.has(id));
  const otherRow = (): LocalityReportRow[] => (others.length > 0 ? [{ kind: "other-district", name: "Settings of other districts", settings: null, meetingsHeld: null, figures: figuresOf(others, work) }] : []);

  const localities = input.localities.filter((l) => l.districtSlug === districtSlug && usedIn(l, input.period));
  const localitySlugs = new Set(localities.map((l) => l.slug));
  const byLocality: LocalityReportRow[] =
    localities.length === 0
      ? []
      : [
          ...localities.map((l): LocalityReportRow => {
            const ids = mine.filter((s) => s.localitySlug === l.slug).map((s) => s.id);
            return { kind: "locality", id: l.slug, name: l.name, localityKind: l.kind, settings: ids.length, meetingsHeld: null, figures: figuresOf(ids, work) };
          }),
          (() => {
            const ids = mine.filter((s) => !s.localitySlug || !localitySlugs.has(s.localitySlug)).map((s) => s.id);
            return { kind: "no-locality", name: "No locality", settings: ids.length, meetingsHeld: null, figures: figuresOf(ids, work) } satisfies LocalityReportRow;
          })(),
          ...otherRow(),
        ];

  const groups = input.liftGroups.filter((g) => g.districtSlug === districtSlug && usedIn(g, input.period));
  const grouped = new Set(groups.flatMap((g) => g.settingIds.filter((id) => mineIds.has(id))));
  const held = (id: string) => input.heldMeetings.filter((m) => m.liftGroupId === id).length;
  const byLiftGroup: LocalityReportRow[] =
    groups.length === 0
      ? []
      : [
          ...groups.map((g): LocalityReportRow => {
            const ids = g.settingIds.filter((id) => mineIds.has(id));
            return { kind: "lift-group", id: g.id, name: g.name, settings: new Set(ids).size, meetingsHeld: held(g.id), figures: figuresOf(ids, work) };
          }),
          (() => {
            const ids = mine.filter((s) => !grouped.has(s.id)).map((s) => s.id);
            return { kind: "no-lift-group", name: "Not in a LIFT group", settings: ids.length, meetingsHeld: null, figures: figuresOf(ids, work) } satisfies LocalityReportRow;
          })(),
          ...otherRow(),
        ];

  return {
    total: { kind: "district", id: districtSlug, name: input.districtName, settings: mine.length, meetingsHeld: input.heldMeetings.length, figures: figuresOf(work.keys(), work) },
    byLocality,
    byLiftGroup,
  };
}
