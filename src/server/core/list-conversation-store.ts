/**
 * Conversation references in the `ConversationReferences` list (src/server/core/lists.ts), so proactive
 * reminders survive restarts and are shared by every instance. One row per conversation (the unique
 * conversation id is its idempotency key); a personal conversation is also found by the user's Entra
 * object id (indexed) or, when Teams has not told us the id, by the user principal name.
 */
import type { ConversationRef } from "../../../bot/bot-port";
import type { ConversationStore } from "../../../bot/conversation-store";
import type { PeopleDirectory } from "../../auth/people-directory";
import type { Item, ListStore } from "../../graph/list-store";
import type { ConversationReferencesList } from "./lists";
import type { ConversationReference } from "../../schemas/core/conversation-reference";

type Store = ListStore<typeof ConversationReferencesList.schema>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONVERSATION_TYPES = ["personal", "groupChat", "channel"] as const;

export class ListConversationStore implements ConversationStore {
  /**
   * @param people when given, a reference whose user Teams identified only by UPN (or e-mail) is
   * linked to the person's object id from the People list, so reminders find it by id.
   */
  constructor(
    private readonly store: Store,
    private readonly people?: PeopleDirectory,
  ) {}

  async save(ref: ConversationRef): Promise<void> {
    const value = await this.toRow(ref);
    const existing = (await this.findRow(ref.conversationId)) ?? (value.conversationType === "personal" ? await this.findPersonalRow(value) : undefined);
    if (existing) {
      await this.store.update(existing.id, value);
      return;
    }
    // Two install events for one install arrive together ([teams-platform.md §4.1](../../../docs/reference/teams-platform.md#41-setup-conversation-references-and-proactive-messages)): the key makes
    // the second create return the first row instead of a duplicate.
    const created = await this.store.create(value, { idempotencyKey: keyOf(ref.conversationId) });
    if (JSON.stringify(created.value) !== JSON.stringify(value)) await this.store.update(created.id, value);
  }

  async findByUser(user: { aadObjectId?: string; upn?: string }): Promise<ConversationRef | undefined> {
    if (user.aadObjectId && GUID.test(user.aadObjectId)) {
      for await (const row of this.store.query({ where: { userOid: user.aadObjectId.toLowerCase() } })) {
        if (row.value.conversationType === "personal") return toRef(row.value);
      }
    }
    const upn = user.upn?.trim().toLowerCase();
    if (!upn) return undefined;
    // The UPN column is not indexed; the list holds one row per person who installed the app, so a
    // full read is small (and it is the fallback path only).
    return (await this.list()).find((r) => (r.conversationType ?? "personal") === "personal" && r.user.upn?.toLowerCase() === upn);
  }

  async remove(conversationId: string): Promise<void> {
    const row = await this.findRow(conversationId);
    if (row) await this.store.delete(row.id);
  }

  async list(): Promise<ConversationRef[]> {
    return (await this.store.all()).map((row) => toRef(row.value));
  }

  private async findRow(conversationId: string): Promise<Item<ConversationReference> | undefined> {
    return this.store.findByKey(keyOf(conversationId));
  }

  /** The same person's earlier personal conversation (a reinstall gives a new one to replace it). */
  private async findPersonalRow(value: ConversationReference): Promise<Item<ConversationReference> | undefined> {
    if (value.userOid) {
      for await (const row of this.store.query({ where: { userOid: value.userOid } })) {
        if (row.value.conversationType === "personal") return row;
      }
      return undefined;
    }
    if (!value.userUpn) return undefined;
    for (const row of await this.store.all()) {
      if (row.value.conversationType === "personal" && row.value.userUpn === value.userUpn) return row;
    }
    return undefined;
  }

  private async toRow(ref: ConversationRef): Promise<ConversationReference> {
    const conversationType = CONVERSATION_TYPES.find((t) => t === ref.conversationType) ?? "personal";
    let oid = ref.user.aadObjectId && GUID.test(ref.user.aadObjectId) ? ref.user.aadObjectId.toLowerCase() : undefined;
    const upn = ref.user.upn?.trim().toLowerCase() || undefined;
    if (!oid && upn && this.people) oid = (await this.people.byUpn(upn))?.oid.toLowerCase();
    return {
      conversationId: ref.conversationId,
      conversationType,
      ...(conversationType === "personal" && oid ? { userOid: oid } : {}),
      ...(upn ? { userUpn: upn } : {}),
      channelId: ref.channelId,
      serviceUrl: ref.serviceUrl,
      ...(ref.tenantId ? { tenantId: ref.tenantId } : {}),
      bot: { id: ref.bot.id, ...(ref.bot.name ? { name: ref.bot.name } : {}) },
      user: {
        id: ref.user.id,
        ...(ref.user.aadObjectId ? { aadObjectId: ref.user.aadObjectId } : {}),
        ...(ref.user.upn ? { upn: ref.user.upn } : {}),
        ...(ref.user.name ? { name: ref.user.name } : {}),
      },
    };
  }
}

function keyOf(conversationId: string): string {
  return `conversation:${conversationId}`;
}

function toRef(row: ConversationReference): ConversationRef {
  return {
    channelId: row.channelId,
    serviceUrl: row.serviceUrl,
    conversationId: row.conversationId,
    conversationType: row.conversationType,
    ...(row.tenantId ? { tenantId: row.tenantId } : {}),
    bot: { id: row.bot.id, ...(row.bot.name ? { name: row.bot.name } : {}) },
    user: {
      id: row.user.id,
      ...(row.user.aadObjectId ? { aadObjectId: row.user.aadObjectId } : {}),
      ...(row.user.upn ? { upn: row.user.upn } : {}),
      ...(row.user.name ? { name: row.user.name } : {}),
    },
  };
}
