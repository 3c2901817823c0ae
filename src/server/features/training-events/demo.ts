/**
 * Demo training sessions and transition events (DEMO_DATA=on) for every district, in the current
 * term and the one before it, so the return's training and transition figures are plausible: a few
 * staff courses (one developed for a district need), a parent course, Autism Education Trust
 * sessions for school age and early years (one booked after the term), and a school and an early
 * years transition event — each with attendance from the district's settings in the register and
 * evaluation counts (the parent course's too few to rate, as the annual report warns is common).
 *
 * Idempotent: every create carries a fixed key. Trainer names are fictitious.
 */
import { addDays, termStartedBy, type TermDates } from "../../../domain/time/calendar";
import { ukToday } from "../../../domain/time/uk-clock";
import type { Setting } from "../../../schemas/reference/setting";
import type { TrainingSessionInput, TransitionEventInput } from "../../../schemas/training-events/records";
import type { FeatureContext } from "../../core/feature-context";
import type { TrainingEventsStores } from "./service";

const TRAINERS = ["Helen Ashdown", "Marcus Reid", "Priya Natarajan"];
const phaseOf = (s: Setting) => s.registerPhase ?? s.phase;

export async function seedTrainingEventsDemo(ctx: FeatureContext, stores: TrainingEventsStores): Promise<string[]> {
  const today = ukToday(ctx.now());
  const calendar = await ctx.reference.calendar();
  const current = termStartedBy(today, calendar);
  if (!current) return [];
  const previous = calendar.terms.filter((t) => t.end < current.start).sort((a, b) => b.start.localeCompare(a.start))[0];
  const settings = (await ctx.reference.settings()).filter((s) => s.status !== "closed");
  const stamp = { updatedAt: ctx.now().toISOString(), updatedByName: "Demo data" };
  let sessions = 0;
  let events = 0;

  for (const district of await ctx.reference.districts()) {
    const own = settings.filter((s) => s.districtSlug === district.slug);
    if (own.length === 0) continue;
    const schools = own.filter((s) => phaseOf(s) !== "early-years");
    const ey = own.filter((s) => phaseOf(s) === "early-years");
    const post16 = own.filter((s) => phaseOf(s) === "post-16");
    const pick = (from: readonly Setting[], n: number, skip = 0) => from.slice(skip, skip + n).map((s) => s.id);
    // A date `days` into the term, never after today (figures so far are counted up to today).
    const on = (term: TermDates, days: number) => {
      const d = addDays(term.start, days);
      const last = term.end < today ? term.end : today;
      return d > last ? last : d;
    };
    const trainer = (i: number) => TRAINERS[i % TRAINERS.length] as string;

    const plan: { key: string; session: TrainingSessionInput }[] = [];
    const add = (key: string, s: Omit<TrainingSessionInput, "districtSlug">) => plan.push({ key: `demo-training:${district.slug}:${key}`, session: { districtSlug: district.slug, ...s } });
    for (const [label, term] of [["now", current], ["before", previous]] as const) {
      if (!term) continue;
      add(`${label}:zones`, {
        title: "Zones of Regulation in the classroom",
        needType: "SEMH",
        audience: "staff",
        date: on(term, 10),
        trainerName: trainer(0),
        settingIds: pick(schools, 4),
        attendees: 14,
        evaluation: { returned: 9, scores: [0, 1, 2, 4, 2] },
      });
      add(`${label}:attention-autism`, {
        title: "Attention Autism: bucket time",
        needType: "CI",
        districtNeed: `Early years settings in ${district.name} asked for support with children not yet engaging in group times`,
        audience: "staff",
        date: on(term, 20),
        trainerName: trainer(1),
        settingIds: [...pick(ey, 3), ...pick(schools, 1, 4)],
        attendees: 11,
        evaluation: { returned: 7, scores: [0, 0, 1, 3, 3] },
      });
      add(`${label}:parents`, {
        title: "Understanding your child's sensory needs",
        needType: "SP",
        audience: "parents",
        date: on(term, 25),
        trainerName: trainer(2),
        settingIds: [],
        attendees: 9,
        evaluation: { returned: 3, scores: [0, 0, 1, 1, 1] },
      });
    }
    add("now:aet-school", { title: "AET Making Sense of Autism (schools)", audience: "staff", aet: "school-age", date: on(current, 15), trainerName: trainer(0), settingIds: [...pick(schools, 2, 1), ...pick(post16, 1)], attendees: 18, evaluation: { returned: 12, scores: [0, 1, 2, 5, 4] } });
    add("now:aet-ey", { title: "AET Making Sense of Autism (early years)", audience: "staff", aet: "early-years", date: on(current, 30), trainerName: trainer(1), settingIds: pick(ey, 2, 1), attendees: 8, evaluation: { returned: 6, scores: [0, 0, 2, 2, 2] } });
    add("next:aet-ey", { title: "AET Good Autism Practice (early years)", audience: "staff", aet: "early-years", date: addDays(current.end, 14), trainerName: trainer(2), settingIds: [], attendees: 0 });
    for (const { key, session } of plan) {
      if (await stores.sessions.findByKey(key)) continue;
      await stores.sessions.create({ ...session, ...stamp }, { idempotencyKey: key });
      sessions++;
    }

    const transition: { key: string; event: TransitionEventInput }[] = [
      {
        key: `demo-transition:${district.slug}:now:y6`,
        event: { districtSlug: district.slug, title: "Year 6 to Year 7: sharing strategies that work", kind: "school", date: on(current, 18), settingIds: pick(schools, 5), evaluation: { returned: 5, scores: [0, 0, 1, 2, 2] } },
      },
      {
        key: `demo-transition:${district.slug}:now:ey`,
        event: { districtSlug: district.slug, title: "Starting school: early years to Reception", kind: "early-years", date: on(current, 28), settingIds: [...pick(ey, 3), ...pick(schools, 1)], evaluation: { returned: 3, scores: [0, 0, 0, 2, 1] } },
      },
    ];
    for (const { key, event } of transition) {
      if (await stores.events.findByKey(key)) continue;
      await stores.events.create({ ...event, ...stamp }, { idempotencyKey: key });
      events++;
    }
  }
  return sessions + events > 0 ? [`training-events: ${sessions} training sessions and ${events} transition events`] : [];
}
