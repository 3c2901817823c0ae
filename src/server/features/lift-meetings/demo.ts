/**
 * Demo agendas: every upcoming meeting of every district opens with a short "welcome" item, so the
 * agenda shows both kinds of entry; its cases are the demo referrals the referrals feature placed on
 * it (appended in submission order). Idempotent: a meeting that already has an agenda is left alone.
 */
import type { FeatureContext } from "../../core/feature-context";
import type { ListStore } from "../../../graph/list-store";
import type { LiftMeetingsList } from "./lists";
import { DEFAULT_SLOT_MINUTES } from "../../../domain/lift-meetings/agenda";

export async function seedMeetingsDemo(ctx: FeatureContext, meetings: ListStore<typeof LiftMeetingsList.schema>): Promise<string[]> {
  const now = ctx.now().getTime();
  const upcoming = (await meetings.all()).filter((m) => m.value.status === "scheduled" && Date.parse(m.value.startsAt) > now && !m.value.agenda);
  if (upcoming.length === 0) return ["LIFT agendas: nothing to add"];
  await meetings.updateMany(
    upcoming.map((m) => ({
      id: m.id,
      eTag: m.eTag,
      value: { ...m.value, agenda: { slotMinutes: DEFAULT_SLOT_MINUTES, entries: [{ kind: "item" as const, id: "welcome", title: "Welcome, introductions and apologies", minutes: 5 }] } },
    })),
  );
  return [`LIFT agendas: ${upcoming.length} upcoming meetings given a running order`];
}
