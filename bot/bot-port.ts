/**
 * Our own bot interface. The botbuilder SDK is archived (support ended 31 Dec 2025, see
 * [teams-platform.md §5](../docs/reference/teams-platform.md#5-status-of-the-bot-framework-sdk)), so everything outside `bot/botbuilder-adapter.ts`
 * talks to Teams through these plain types only; swapping the SDK then touches one file.
 * Nothing here may import botbuilder.
 */

/** An Adaptive Card as plain JSON (schema https://adaptivecards.io/schemas/adaptive-card.json). */
export interface AdaptiveCard {
  type: "AdaptiveCard";
  version: string;
  $schema?: string;
  body: Array<Record<string, unknown>>;
  actions?: Array<Record<string, unknown>>;
  [key: string]: unknown;
}

/** The person on the other side of a turn (Teams `from`). */
export interface BotUser {
  /** Channel id of the user (Teams: `29:…`). */
  id: string;
  /** Microsoft Entra object id; the key we store references under. */
  aadObjectId?: string;
  /** User principal name; only known once looked up (Teams does not send it on activities). */
  upn?: string;
  name?: string;
}

/**
 * What we keep to message someone later (proactively). Plain JSON so it can be stored in a
 * SharePoint list item as is. Fields mirror what [teams-platform.md §4.1](../docs/reference/teams-platform.md#41-setup-conversation-references-and-proactive-messages) says to persist:
 * serviceUrl, conversation id, tenant id, bot and user.
 */
export interface ConversationRef {
  channelId: string;
  serviceUrl: string;
  conversationId: string;
  /** "personal" | "groupChat" | "channel" */
  conversationType?: string;
  tenantId?: string;
  bot: { id: string; name?: string };
  user: BotUser;
}

/** A reply to an incoming message or install. */
export type BotReply = { text: string } | { card: AdaptiveCard; summary?: string };

/** Sending outside a turn (proactive), e.g. reminders. */
export interface BotMessenger {
  sendCard(ref: ConversationRef, card: AdaptiveCard, options?: { summary?: string }): Promise<{ activityId: string }>;
  sendText(ref: ConversationRef, text: string): Promise<{ activityId: string }>;
  /** Replace a card we sent earlier, for everyone in the conversation. */
  updateCard(ref: ConversationRef, activityId: string, card: AdaptiveCard): Promise<void>;
}

/**
 * What the bot does with each kind of incoming turn. Handlers throw `AppError` for a request they
 * refuse (e.g. an unknown card verb); the adapter turns that into the channel's error response.
 */
export interface BotHandlers {
  /** The app was added to a chat or team (the bot is among `membersAdded`). */
  onInstall(ref: ConversationRef, user: BotUser): Promise<BotReply | undefined>;
  /** The app was removed; proactive sends to this conversation will now fail. */
  onUninstall?(ref: ConversationRef, user: BotUser): Promise<void>;
  /** A typed message, with any @mention of the bot removed. */
  onMessage(text: string, ref: ConversationRef, user: BotUser): Promise<BotReply | undefined>;
  /**
   * An `Action.Execute` click (Universal Actions). The returned card replaces the card for the
   * user who clicked ([teams-platform.md §4.2](../docs/reference/teams-platform.md#42-adaptive-cards-and-universal-actions)); use `BotMessenger.updateCard` to change it for all.
   */
  onCardAction(verb: string, data: Record<string, unknown>, ref: ConversationRef, user: BotUser): Promise<AdaptiveCard>;
}

/** The logging the bot needs (pino's `Logger` satisfies it). Never pass message text. */
export interface BotLog {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

/** Bot credentials (`AppConfig["bot"]`). No `appId` means local use: authentication off. */
export interface BotConfig {
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
  /** Bot Framework endpoints of the bot's cloud; absent: the SDK's public-cloud defaults. */
  endpoints?: { openIdMetadataUrl: string; tokenIssuer: string; tokenEndpoint: string; oauthScope: string };
  /** Activities from other tenants are refused (403). Absent: any tenant (local use). */
  allowedTenantIds?: string[];
  /** Activities whose serviceUrl is not https are refused (400): replies would travel in clear. */
  httpsServiceUrlOnly?: boolean;
}
