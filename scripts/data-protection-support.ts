/**
 * What the data-protection commands share: the data-protection service built as the app builds it.
 * The commands never send anything, so the bot's sender refuses. They act as the command-line actor
 * (COMMAND_ACTOR), which the audit trail names.
 */
import type { BotMessenger } from "../bot/bot-port";
import { loadConfig } from "../src/config/config";
import { AppError } from "../src/errors";
import { composeFeatures } from "../src/server/app/compose";
import type { DataProtectionService } from "../src/server/features/data-protection";
import { withFeatureContext } from "./command-support";

const NO_BOT: BotMessenger = {
  sendCard: () => Promise.reject(new AppError("internal", "The data-protection commands send no Teams messages")),
  sendText: () => Promise.reject(new AppError("internal", "The data-protection commands send no Teams messages")),
  updateCard: () => Promise.reject(new AppError("internal", "The data-protection commands send no Teams messages")),
};

export async function withDataProtection<T>(run: (service: DataProtectionService) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  return withFeatureContext(config, { messenger: () => NO_BOT }, async (ctx) => run((await composeFeatures(ctx)).dataProtection.service), () => undefined);
}
