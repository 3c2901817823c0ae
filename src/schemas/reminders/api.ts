/** The reminders API contract: which district leads the bot can reach (commissioners only). */
import { z } from "zod";
import { route } from "../core/contract";

export const ReachabilityItem = z.object({ districtSlug: z.string(), leadName: z.string(), upn: z.string(), reachable: z.boolean() });
export type ReachabilityItem = z.infer<typeof ReachabilityItem>;

export const remindersApi = {
  reachability: route("GET /reminders/reachability", "Each district lead and whether the bot has a personal chat with them (commissioners only)", { responses: { 200: z.object({ items: z.array(ReachabilityItem) }) }, errors: [403] }),
} as const;
