/** Questionnaires sent, answered (Teams card or link) and counted for the KPI return. README.md explains the design. */
import type { Router } from "express";
import type { AdaptiveCard, BotUser } from "../../../../bot/bot-port";
import { openListStore } from "../../../graph/site";
import type { RouteTable } from "../../app/define-routes";
import type { BackgroundJob, FeatureContext } from "../../core/feature-context";
import { seedQuestionnairesDemo } from "./demo";
import { questionnaireLinkPage } from "./link-page";
import { LinkTokens } from "./link-token";
import { QuestionnaireInvitationsList, QuestionnaireResponsesList } from "./lists";
import { questionnairesRoutes } from "./routes";
import { QUESTIONNAIRE_VERB, QuestionnairesService, type QuestionnaireSources } from "./service";

export { QUESTIONNAIRE_LISTS } from "./lists";
export type { QuestionnairesService, QuestionnaireSources } from "./service";

/** How often the job looks for questionnaires due (the scan is cheap and idempotent). */
const PASS_EVERY_MS = 5 * 60_000;

export interface QuestionnairesFeature {
  service: QuestionnairesService;
  routes: RouteTable;
  /** `/q/<token>`: the answer page for anyone without an account, mounted before sign-in. */
  linkPage: Router;
  /** The questionnaire card's button, for the bot: `undefined` when the verb is another's. */
  cardAction(verb: string, data: Record<string, unknown>, user: BotUser): Promise<AdaptiveCard | undefined>;
  seedDemo(): Promise<string[]>;
  /** The job (with REMINDERS=on, the switch for everything the app sends by itself). */
  start(): BackgroundJob | undefined;
}

export async function createQuestionnairesFeature(ctx: FeatureContext, deps: { sources: QuestionnaireSources }): Promise<QuestionnairesFeature> {
  const stores = { invitations: await openListStore(ctx.site, QuestionnaireInvitationsList), responses: await openListStore(ctx.site, QuestionnaireResponsesList) };
  const service = new QuestionnairesService(ctx, stores, deps.sources, new LinkTokens(ctx.config.questionnaireLinkSecret));
  return {
    service,
    routes: questionnairesRoutes(service),
    linkPage: questionnaireLinkPage(service),
    cardAction: async (verb, data, user) => (verb === QUESTIONNAIRE_VERB ? service.answerFromCard(user, data) : undefined),
    seedDemo: () => seedQuestionnairesDemo(ctx, stores),
    start() {
      if (!ctx.config.reminders) return undefined;
      let running: Promise<unknown> = Promise.resolve();
      const tick = () => {
        running = running.then(() => service.pass()).catch((error: unknown) => ctx.log.warn({ errCode: (error as { code?: string }).code }, "questionnaires: pass failed; the next one tries again"));
      };
      const timer = setInterval(tick, PASS_EVERY_MS);
      timer.unref();
      tick();
      return {
        stop: async () => {
          clearInterval(timer);
          await running;
        },
      };
    },
  };
}
