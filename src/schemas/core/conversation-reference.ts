import { z } from "zod";

/**
 * A Teams conversation the bot can message proactively ([teams-platform.md §4.1](../../../docs/reference/teams-platform.md#41-setup-conversation-references-and-proactive-messages): keep serviceUrl,
 * conversation id, tenant id, bot and user). Mirrors the bot's `ConversationRef` without importing
 * the bot, so the list schema stays independent of the bot SDK.
 */
export const ConversationReference = z.object({
  conversationId: z.string().min(1).max(255),
  conversationType: z.enum(["personal", "groupChat", "channel"]),
  /** Entra object id of the user for personal conversations; the lookup key for reminders. */
  userOid: z.guid().optional(),
  userUpn: z.string().toLowerCase().max(256).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url(),
  tenantId: z.string().max(64).optional(),
  bot: z.object({ id: z.string().min(1), name: z.string().optional() }),
  user: z.object({
    id: z.string().min(1),
    aadObjectId: z.string().optional(),
    upn: z.string().optional(),
    name: z.string().optional(),
  }),
});
export type ConversationReference = z.infer<typeof ConversationReference>;
