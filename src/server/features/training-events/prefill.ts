/**
 * The training and transition measures of the KPI return, from the sessions and events recorded
 * (src/domain/training-events/figures.ts has the rules). Offered on the return with their source,
 * like the other prefilled figures; a district with no training or transition record at all gets
 * none (unknown, not zero). Only counts leave this module.
 */
import { trainingFigures } from "../../../domain/training-events/figures";
import { ukToday } from "../../../domain/time/uk-clock";
import type { Setting } from "../../../schemas/reference/setting";
import type { TrainingSessionItem, TransitionEventItem } from "../../../schemas/training-events/records";
// The KPI feature's port this implements (a type only: the composition root connects the two).
import type { PrefillSource } from "../kpi/prefill";

export interface TrainingPrefillReader {
  sessions(districtSlug: string): Promise<readonly TrainingSessionItem[]>;
  events(districtSlug: string): Promise<readonly TransitionEventItem[]>;
  settings(): Promise<readonly Setting[]>;
}

export function trainingEventsPrefill(reader: TrainingPrefillReader): PrefillSource {
  return {
    async prefill(districtSlug, districtName, term, now) {
      const today = ukToday(now);
      if (today < term.start) return {};
      const [sessions, events, settings] = await Promise.all([reader.sessions(districtSlug), reader.events(districtSlug), reader.settings()]);
      if (sessions.length === 0 && events.length === 0) return {};
      const districtOf = new Map(settings.map((s) => [s.id, s.districtSlug]));
      return trainingFigures({ districtName, districtSlug, term, today, sessions, events, districtOf: (id) => districtOf.get(id) });
    },
  };
}
