/** The reminders' API: which district leads the bot can reach (commissioners only). */
import { Router } from "express";
import { AppError } from "../../../errors";
import { currentUser } from "../../app/authenticate";
import type { FeatureContext } from "../../core/feature-context";
import { reachability, type ReachabilityItem } from "./reachability";

export function reminderRoutes(ctx: Pick<FeatureContext, "people" | "bot" | "reference">): Router {
  const router = Router();
  router.get("/reminders/reachability", async (req, res) => {
    const me = currentUser(req);
    if (me.role !== "commissioner") throw new AppError("forbidden", "Only commissioners can see which district leads the bot can reach.");
    const items: ReachabilityItem[] = await reachability(ctx);
    res.json({ items });
  });
  return router;
}
