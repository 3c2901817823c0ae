/**
 * The autism education target: "20 % of school-age, early years and Post-16 settings trained by the
 * end of the year" ([KPI framework](../../../docs/reference/service.md#kpi-framework)). Tracked
 * against the settings register: the open settings of the district in each group (any setting, not
 * only mainstream: special schools are school-age settings), and of those, the different ones whose
 * staff attended an Autism Education Trust session in the academic year up to the date.
 */
import type { Setting } from "../../schemas/reference/setting";
import { isOpenOn } from "../settings-register/totals";

export const AET_TARGET_PERCENT = 20;
export const AET_GROUPS = ["school-age", "early-years", "post-16"] as const;
export type AetGroup = (typeof AET_GROUPS)[number];

export function aetGroupOf(s: Pick<Setting, "phase" | "registerPhase">): AetGroup {
  const phase = s.registerPhase ?? s.phase;
  if (phase === "early-years") return "early-years";
  if (phase === "post-16") return "post-16";
  return "school-age";
}

export interface AetProgress {
  group: AetGroup;
  settings: number;
  trained: number;
  /** trained / settings as a percentage; undefined when the district has no such setting. */
  percent?: number;
  /** Settings still to train to reach the target. */
  toTarget: number;
  met: boolean;
}

export function autismTarget(input: {
  settings: readonly Setting[];
  districtSlug: string;
  /** Sessions of the academic year, AET only, dated up to `asOf`. */
  sessions: readonly { date: string; settingIds: readonly string[] }[];
  yearStart: string;
  asOf: string;
}): AetProgress[] {
  const own = input.settings.filter((s) => s.districtSlug === input.districtSlug && isOpenOn(s, input.asOf));
  const attended = new Set(input.sessions.filter((x) => x.date >= input.yearStart && x.date <= input.asOf).flatMap((x) => x.settingIds));
  return AET_GROUPS.map((group) => {
    const mine = own.filter((s) => aetGroupOf(s) === group);
    const trained = mine.filter((s) => attended.has(s.id)).length;
    const needed = Math.ceil((AET_TARGET_PERCENT * mine.length) / 100);
    return {
      group,
      settings: mine.length,
      trained,
      ...(mine.length > 0 ? { percent: (100 * trained) / mine.length } : {}),
      toTarget: Math.max(0, needed - trained),
      met: trained >= needed,
    };
  });
}
