/**
 * The only place that imports botbuilder (4.23, archived; [teams-platform.md §5](../docs/reference/teams-platform.md#5-status-of-the-bot-framework-sdk)). It turns Bot
 * Framework activities into calls on our `BotHandlers` and implements our `BotMessenger` with the
 * SDK's `CloudAdapter`, so replacing the SDK means replacing this file only.
 */
import type { RequestHandler } from "express";
import { ConfidentialClientApplication, type Configuration } from "@azure/msal-node";
import { AuthenticationError, MsalServiceClientCredentialsFactory } from "botframework-connector";
import {
  CallerIdConstants,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  InvokeException,
  MessageFactory,
  StatusCodes,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type ConversationReference,
} from "botbuilder";
import { z } from "zod";
import { msalAuthority } from "../src/auth/msal-authority";
import { AppError } from "../src/errors";
import type { AdaptiveCard, BotConfig, BotHandlers, BotLog, BotMessenger, BotReply, BotUser, ConversationRef } from "./bot-port";

export interface BotEndpoint {
  /** Mount at POST /api/messages after a JSON body parser. */
  endpoint: RequestHandler;
  messenger: BotMessenger;
}

/**
 * The bot's connection to Bot Framework: the proactive sender exists at once; the endpoint is made
 * when the handlers are ready (the reminders the handlers answer with are built with the sender).
 */
export interface BotAdapter {
  messenger: BotMessenger;
  endpointFor(handlers: BotHandlers): RequestHandler;
}

export function createBotEndpoint(config: BotConfig, handlers: BotHandlers, options: { log?: BotLog } = {}): BotEndpoint {
  const adapter = createBotAdapter(config, options);
  return { messenger: adapter.messenger, endpoint: adapter.endpointFor(handlers) };
}

const silentLog: BotLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Content types of the `adaptiveCard/action` invoke response (Universal Actions, [teams-platform.md §4.2](../docs/reference/teams-platform.md#42-adaptive-cards-and-universal-actions)). */
const CARD_RESPONSE = "application/vnd.microsoft.card.adaptive";
const ERROR_RESPONSE = "application/vnd.microsoft.error";

export function createBotAdapter(config: BotConfig, options: { log?: BotLog } = {}): BotAdapter {
  const log = options.log ?? silentLog;
  const authentication = new ConfigurationBotFrameworkAuthentication(authOptions(config), credentialsFactory(config));
  const adapter = new CloudAdapter(authentication);

  adapter.onTurnError = async (context, error) => {
    // Log what failed, never the activity's text: it may name a child ([Logging](../docs/reference/architecture.md#logging)).
    log.error({ ...describeError(error), activityType: context.activity.type, activityName: context.activity.name }, "bot turn failed");
    if (context.activity.type !== "message") return;
    try {
      await context.sendActivity("Sorry, something went wrong on my side. Please try again in a few minutes.");
    } catch (sendError) {
      log.warn(describeError(sendError), "bot could not tell the user about a failed turn");
    }
  };

  const endpointFor = (handlers: BotHandlers): RequestHandler => {
    const bot = new LiftTeamsBot(handlers, log);
    return (req, res, next) => {
      // With an app id every request must carry a Bot Framework token. Refuse the obvious case here so
      // it is answered in our error format and not logged by the SDK with a stack trace; the SDK still
      // validates every token that is present.
      if (config.appId && !req.headers.authorization) {
        next(new AppError("unauthenticated", "A Bot Framework token is required."));
        return;
      }
      // CloudAdapter.process throws a ZodError (→ 500) or answers a bare 400 for bodies it cannot
      // read; check the shape first so a malformed activity is the client's fault, in our error format.
      const parsed = IncomingActivity.safeParse(req.body);
      if (!parsed.success) {
        next(new AppError("bad_request", "The request body is not a Bot Framework activity (it needs type, serviceUrl, conversation.id, from.id and recipient.id)."));
        return;
      }
      const refused = refusal(config, parsed.data);
      if (refused) {
        log.warn({ code: refused.code, activityType: parsed.data.type }, "bot activity refused");
        next(refused);
        return;
      }
      authenticated(parsed.data as unknown as Activity, req.headers.authorization ?? "").then((refusedToken) => {
        if (refusedToken) {
          log.warn({ code: refusedToken.code, activityType: parsed.data.type }, "bot activity refused: its token is not valid");
          next(refusedToken);
          return;
        }
        adapter.process(req, res, (context) => bot.run(context)).catch(next);
      }, next);
    };
  };

  /**
   * The SDK's token check, run before the SDK handles the request: the SDK would answer a forged or
   * expired token with a plain-text 401 and print the error's stack to the console, outside our log.
   * `process` checks the token again (keys are cached, so that costs no request).
   */
  const authenticated = async (activity: Activity, authHeader: string): Promise<AppError | undefined> => {
    if (!config.appId) return undefined;
    try {
      await authentication.authenticateRequest(activity, authHeader);
      return undefined;
    } catch (error) {
      if (error instanceof AuthenticationError) return new AppError("unauthenticated", "The Bot Framework token is not valid for this bot.");
      throw error;
    }
  };

  const appId = config.appId ?? "";
  const continueWith = async (ref: ConversationRef, logic: (context: TurnContext) => Promise<void>) => {
    // The SDK runs proactive logic through its middleware, which hands any error to `onTurnError`
    // and then resolves: a throttled or refused send would look delivered. Keep the error and
    // rethrow it to the caller (the reminder outbox decides whether to retry).
    let failure: { error: unknown } | undefined;
    // `continueConversation` throws "deprecated" on CloudAdapter; the Async form takes the bot's
    // app id (empty when authentication is off) — [teams-platform.md §4.1](../docs/reference/teams-platform.md#41-setup-conversation-references-and-proactive-messages).
    await adapter.continueConversationAsync(appId, toSdkReference(ref), async (context) => {
      // The SDK gives the synthetic continuation activity a random id, and TurnContext then sends
      // every message as a reply to it (POST …/activities/{random id}). A proactive message is a
      // plain "send to conversation" (POST …/activities), so drop the id that was never sent.
      context.activity.id = undefined;
      try {
        await logic(context);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw toAppError(failure.error);
  };

  const messenger: BotMessenger = {
    async sendCard(ref, card, sendOptions) {
      let activityId = "";
      await continueWith(ref, async (context) => {
        const sent = await context.sendActivity(cardActivity(card, sendOptions?.summary));
        activityId = sent?.id ?? "";
      });
      return { activityId };
    },
    async sendText(ref, text) {
      let activityId = "";
      await continueWith(ref, async (context) => {
        const sent = await context.sendActivity(MessageFactory.text(text));
        activityId = sent?.id ?? "";
      });
      return { activityId };
    },
    async updateCard(ref, activityId, card) {
      // updateActivity changes the message for everyone in the chat ([teams-platform.md §4.2](../docs/reference/teams-platform.md#42-adaptive-cards-and-universal-actions)).
      await continueWith(ref, async (context) => {
        await context.updateActivity({ ...cardActivity(card), id: activityId });
      });
    },
  };

  return { messenger, endpointFor };
}

/**
 * With no app id the SDK runs with authentication disabled: it accepts requests without a token and
 * sends replies without one (what Agents Playground and local tests need; [teams-platform.md §6.1](../docs/reference/teams-platform.md#61-microsoft-365-agents-playground)).
 * It must then stay MultiTenant, because the SingleTenant/MSI factories insist on an app id.
 */
export function authOptions(config: BotConfig): ConfigurationBotFrameworkAuthenticationOptions {
  if (!config.appId) return {};
  if (config.appType !== "MultiTenant" && !config.tenantId) {
    throw new AppError("config_invalid", `BOT_TENANT_ID is required when BOT_TYPE is ${config.appType}.`);
  }
  return {
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId,
    ...(config.endpoints ? cloudEndpoints(config.endpoints) : {}),
  };
}

/**
 * Where the bot gets its tokens for the connector (client credentials with BOT_PASSWORD). The SDK's
 * own factory builds an msal client with no known authorities, so for any token host but the public
 * and US government clouds (a national cloud, a test stand-in) msal asks login.microsoftonline.com
 * to vouch for the host, is told it does not know it, and no message can be sent. Here msal trusts
 * the configured host's own discovery document ([msal-authority.ts](../src/auth/msal-authority.ts)).
 * A single-tenant bot gets tokens from its own tenant, as the SDK does for the public cloud;
 * a multi-tenant one from the endpoint's tenant (`botframework.com`).
 * Undefined (the SDK's default) without an app id or with a managed identity. `system` reaches
 * msal-node (tests give it a network client standing in for the token endpoint).
 */
export function credentialsFactory(config: BotConfig, system?: Configuration["system"]): MsalServiceClientCredentialsFactory | undefined {
  if (!config.appId || !config.appPassword || config.appType === "UserAssignedMSI" || !config.endpoints) return undefined;
  const endpoint = new URL(config.endpoints.tokenEndpoint);
  const endpointTenant = endpoint.pathname.split("/").filter(Boolean)[0] ?? "botframework.com";
  const tenant = config.appType === "SingleTenant" && config.tenantId ? config.tenantId : endpointTenant;
  const msal = new ConfidentialClientApplication({
    auth: { clientId: config.appId, clientSecret: config.appPassword, ...msalAuthority(endpoint.origin, tenant) },
    ...(system ? { system } : {}),
  });
  // The SDK types its parameter with its own (older) msal-node; the client-credentials call it makes is the same.
  return new MsalServiceClientCredentialsFactory(config.appId, msal as unknown as ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1]);
}

/**
 * The Bot Framework endpoints of the bot's cloud (sovereign clouds, test stand-ins). The SDK takes
 * these "parameterized" settings all or nothing: given one, it uses none of its defaults, so each is
 * passed, including the two this app has no setting for (OAuth API and Emulator metadata, unused).
 */
function cloudEndpoints(endpoints: NonNullable<BotConfig["endpoints"]>): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    ToBotFromChannelOpenIdMetadataUrl: endpoints.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: endpoints.tokenIssuer,
    ToChannelFromBotLoginUrl: endpoints.tokenEndpoint,
    ToChannelFromBotOAuthScope: endpoints.oauthScope,
    // The SDK's public-cloud values for what the app does not use (the user-token OAuth API, tokens
    // from the Bot Framework Emulator app).
    OAuthUrl: "https://api.botframework.com",
    ToBotFromEmulatorOpenIdMetadataUrl: "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
  };
}

/**
 * What a production bot refuses before the SDK runs anything: a tenant it does not serve (the
 * tenant is on the conversation, or in channelData.tenant for Teams) and a serviceUrl that is not
 * https, where its replies and its token would travel in clear.
 */
function refusal(config: BotConfig, activity: z.infer<typeof IncomingActivity>): AppError | undefined {
  if (config.httpsServiceUrlOnly && new URL(activity.serviceUrl).protocol !== "https:") {
    return new AppError("bad_request", "The activity's serviceUrl must be https.");
  }
  if (config.allowedTenantIds) {
    const tenantId = activity.conversation.tenantId ?? activity.channelData?.tenant?.id;
    const allowed = config.allowedTenantIds.map((t) => t.toLowerCase());
    if (!tenantId || !allowed.includes(tenantId.toLowerCase())) {
      return new AppError("forbidden", "This bot does not serve the activity's tenant.");
    }
  }
  return undefined;
}

const Account = z.looseObject({ id: z.string().min(1) });
/** The fields every channel sends and the SDK relies on to reply (Bot Framework Activity schema). */
const IncomingActivity = z.looseObject({
  type: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.looseObject({ id: z.string().min(1), tenantId: z.string().optional() }),
  from: Account,
  recipient: Account,
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string().optional() }).optional() }).optional(),
});

class LiftTeamsBot extends TeamsActivityHandler {
  constructor(
    private readonly port: BotHandlers,
    private readonly log: BotLog,
  ) {
    super();

    this.onMessage(async (context, next) => {
      // In channels and group chats the text starts with "<at>LIFT Hub</at>"; drop it.
      const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? "";
      const reply = await this.port.onMessage(text.trim(), referenceOf(context.activity), userOf(context.activity));
      await sendReply(context, reply);
      await next();
    });

    // Teams raises both installationUpdate (add) and conversationUpdate (membersAdded = the bot)
    // for one install ([teams-platform.md §4.1](../docs/reference/teams-platform.md#41-setup-conversation-references-and-proactive-messages)); greet on the latter only so the user hears it once.
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient.id;
      if (context.activity.membersAdded?.some((member) => member.id === botId)) {
        const user = await this.lookUpUser(context);
        const reply = await this.port.onInstall(referenceOf(context.activity, user), user);
        await sendReply(context, reply);
      }
      await next();
    });

    this.onMembersRemoved(async (context, next) => {
      const botId = context.activity.recipient.id;
      if (context.activity.membersRemoved?.some((member) => member.id === botId)) await this.uninstalled(context);
      await next();
    });

    this.onInstallationUpdateRemove(async (context, next) => {
      await this.uninstalled(context);
      await next();
    });
  }

  private async uninstalled(context: TurnContext) {
    await this.port.onUninstall?.(referenceOf(context.activity), userOf(context.activity));
  }

  /** Teams does not put the UPN on activities; ask the connector once, at install. */
  private async lookUpUser(context: TurnContext): Promise<BotUser> {
    const user = userOf(context.activity);
    if (context.activity.channelId !== "msteams") return user;
    try {
      const member = await TeamsInfo.getMember(context, user.id);
      return {
        ...user,
        aadObjectId: user.aadObjectId ?? member.aadObjectId,
        upn: member.userPrincipalName ?? undefined,
        name: user.name ?? member.name,
      };
    } catch (error) {
      // Not fatal: the reference is still stored under the object id; only the UPN fallback is lost.
      this.log.warn(describeError(error), "bot could not look up the installing user");
      return user;
    }
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const { verb, data } = invokeValue.action;
    try {
      const card = await this.port.onCardAction(
        verb ?? "",
        isRecord(data) ? data : {},
        referenceOf(context.activity),
        userOf(context.activity),
      );
      // The returned card replaces the card for the user who clicked (Universal Actions).
      return { statusCode: StatusCodes.OK, type: CARD_RESPONSE, value: card };
    } catch (error) {
      // Same shape and HTTP status the SDK itself uses for a bad `adaptiveCard/action`
      // (ActivityHandler.getAdaptiveCardInvokeValue): an `application/vnd.microsoft.error` body.
      if (AppError.isAppError(error) && error.status < 500) {
        throw new InvokeException(StatusCodes.BAD_REQUEST, {
          statusCode: StatusCodes.BAD_REQUEST,
          type: ERROR_RESPONSE,
          value: { code: "BadRequest", message: error.message },
        });
      }
      this.log.error({ ...describeError(error), verb }, "bot card action failed");
      throw new InvokeException(StatusCodes.INTERNAL_SERVER_ERROR, {
        statusCode: StatusCodes.INTERNAL_SERVER_ERROR,
        type: ERROR_RESPONSE,
        value: { code: "InternalError", message: "Something went wrong on our side. Please try again in a few minutes." },
      });
    }
  }
}

async function sendReply(context: TurnContext, reply: BotReply | undefined) {
  if (!reply) return;
  if ("text" in reply) await context.sendActivity(MessageFactory.text(reply.text));
  else await context.sendActivity(cardActivity(reply.card, reply.summary));
}

function cardActivity(card: AdaptiveCard, summary?: string): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  // `summary` is what Teams shows in the notification and chat list for a card-only message.
  if (summary) activity.summary = summary;
  return activity;
}

function userOf(activity: Activity): BotUser {
  const from = activity.from;
  return {
    id: from.id,
    ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}),
    ...(from.name ? { name: from.name } : {}),
  };
}

function referenceOf(activity: Activity, user: BotUser = userOf(activity)): ConversationRef {
  const sdkRef = TurnContext.getConversationReference(activity);
  const channelData: unknown = activity.channelData;
  const channelTenant =
    isRecord(channelData) && isRecord(channelData.tenant) && typeof channelData.tenant.id === "string"
      ? channelData.tenant.id
      : undefined;
  const tenantId = activity.conversation.tenantId ?? channelTenant;
  return {
    channelId: sdkRef.channelId ?? activity.channelId,
    serviceUrl: sdkRef.serviceUrl ?? activity.serviceUrl,
    conversationId: activity.conversation.id,
    ...(activity.conversation.conversationType ? { conversationType: activity.conversation.conversationType } : {}),
    ...(tenantId ? { tenantId } : {}),
    bot: { id: activity.recipient.id, ...(activity.recipient.name ? { name: activity.recipient.name } : {}) },
    user,
  };
}

function toSdkReference(ref: ConversationRef): Partial<ConversationReference> {
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    conversation: {
      id: ref.conversationId,
      isGroup: ref.conversationType !== undefined && ref.conversationType !== "personal",
      conversationType: ref.conversationType ?? "personal",
      tenantId: ref.tenantId,
      name: "",
    },
    bot: { id: ref.bot.id, name: ref.bot.name ?? "" },
    user: { id: ref.user.id, name: ref.user.name ?? "", aadObjectId: ref.user.aadObjectId },
  };
}

/**
 * A failed connector call as our own error, so callers need no SDK types. The status and any
 * Retry-After (seconds) go in `detail`: on 429 Teams asks callers to wait that long, and 412, 502,
 * 503 and 504 are also worth retrying ([teams-platform.md §4.3](../docs/reference/teams-platform.md#43-rate-limits)). The SDK's HTTP pipeline has
 * already retried a few times before this is thrown.
 */
function toAppError(error: unknown): AppError {
  if (AppError.isAppError(error)) return error;
  const rest = error as { statusCode?: unknown; response?: { headers?: { get?: (name: string) => string | undefined } } };
  const status = typeof rest.statusCode === "number" ? rest.statusCode : undefined;
  const retryAfterHeader = rest.response?.headers?.get?.("retry-after");
  const retryAfterSeconds = retryAfterHeader !== undefined && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : undefined;
  const detail = { status, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}), retryable: isRetryable(status) };
  const code =
    status === 429
      ? "too_many_requests"
      : status === 404
        ? "not_found"
        : status === 403
          ? "forbidden"
          : status === 412
            ? "precondition_failed"
            : status !== undefined && status >= 400 && status < 500
              ? "bad_request"
              : "upstream_failed";
  return new AppError(code, `Teams did not accept the message${status ? ` (HTTP ${status})` : ""}.`, { detail, cause: error });
}

function isRetryable(status: number | undefined): boolean {
  // No status means the connector could not be reached at all: worth another try later.
  return status === undefined || status === 412 || status === 429 || status === 502 || status === 503 || status === 504;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Error facts safe to log: names and codes, not bodies or activity text. */
function describeError(error: unknown): Record<string, unknown> {
  if (AppError.isAppError(error)) return { errName: error.name, errCode: error.code, errMessage: error.message };
  if (error instanceof Error) {
    const withStatus = error as Error & { statusCode?: unknown; code?: unknown };
    return {
      errName: error.name,
      ...(typeof withStatus.code === "string" ? { errCode: withStatus.code } : {}),
      ...(typeof withStatus.statusCode === "number" ? { status: withStatus.statusCode } : {}),
    };
  }
  return { errName: typeof error };
}
