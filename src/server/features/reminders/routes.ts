/** GET /api/reminders/reachability (contract: src/schemas/reminders/api.ts). */
import { AppError } from "../../../errors";
import { remindersApi } from "../../../schemas/reminders/api";
import { defineRoutes, type RouteTable } from "../../app/define-routes";
import type { FeatureContext } from "../../core/feature-context";
import { reachability } from "./reachability";

export function reminderRoutes(ctx: Pick<FeatureContext, "people" | "bot" | "reference">): RouteTable {
  return defineRoutes(remindersApi, {
    reachability: async ({ user }) => {
      if (user.role !== "commissioner") throw new AppError("forbidden", "Only commissioners can see which district leads the bot can reach.");
      return { items: await reachability(ctx) };
    },
  });
}
