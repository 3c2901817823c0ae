/** Training sessions and transition events, their KPI figures and the autism education target. README.md explains the design. */
import { openListStore } from "../../../graph/site";
import type { RouteTable } from "../../app/define-routes";
import type { FeatureContext } from "../../core/feature-context";
import { seedTrainingEventsDemo } from "./demo";
import { TrainingSessionsList, TransitionEventsList } from "./lists";
import { trainingEventsRoutes } from "./routes";
import { TrainingEventsService } from "./service";

export { TRAINING_EVENTS_LISTS } from "./lists";
export type { TrainingEventsService } from "./service";

export interface TrainingEventsFeature {
  service: TrainingEventsService;
  routes: RouteTable;
  seedDemo(): Promise<string[]>;
}

export async function createTrainingEventsFeature(ctx: FeatureContext): Promise<TrainingEventsFeature> {
  const stores = { sessions: await openListStore(ctx.site, TrainingSessionsList), events: await openListStore(ctx.site, TransitionEventsList) };
  const service = new TrainingEventsService(ctx, stores);
  return { service, routes: trainingEventsRoutes(service), seedDemo: () => seedTrainingEventsDemo(ctx, stores) };
}
