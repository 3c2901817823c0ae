import type { ConversationRef } from "./bot-port";

/**
 * Where conversation references live between turns, so reminders can be sent proactively.
 * Keyed by the user's Entra object id, with the UPN as a fallback for references captured before
 * the object id was known. The SharePoint-list implementation comes later; this port stays.
 */
export interface ConversationStore {
  /** Insert or replace the reference for this user (and this conversation type). */
  save(ref: ConversationRef): Promise<void>;
  /** The user's personal (1:1) conversation with the bot, if the app is installed for them. */
  findByUser(user: { aadObjectId?: string; upn?: string }): Promise<ConversationRef | undefined>;
  /** Forget a conversation (the app was uninstalled). */
  remove(conversationId: string): Promise<void>;
  list(): Promise<ConversationRef[]>;
}

export class InMemoryConversationStore implements ConversationStore {
  private readonly refs: ConversationRef[] = [];

  async save(ref: ConversationRef): Promise<void> {
    const copy = structuredClone(ref);
    const index = this.refs.findIndex((r) => r.conversationId === ref.conversationId || sameUser(r, ref));
    if (index >= 0) this.refs[index] = copy;
    else this.refs.push(copy);
  }

  async findByUser(user: { aadObjectId?: string; upn?: string }): Promise<ConversationRef | undefined> {
    const personal = this.refs.filter((r) => r.conversationType === undefined || r.conversationType === "personal");
    const byOid = user.aadObjectId ? personal.find((r) => r.user.aadObjectId === user.aadObjectId) : undefined;
    const upn = user.upn?.toLowerCase();
    const found = byOid ?? (upn ? personal.find((r) => r.user.upn?.toLowerCase() === upn) : undefined);
    return found ? structuredClone(found) : undefined;
  }

  async remove(conversationId: string): Promise<void> {
    const index = this.refs.findIndex((r) => r.conversationId === conversationId);
    if (index >= 0) this.refs.splice(index, 1);
  }

  async list(): Promise<ConversationRef[]> {
    return structuredClone(this.refs);
  }
}

/** Same person in the same kind of conversation: a reinstall gives a new reference to replace the old. */
function sameUser(a: ConversationRef, b: ConversationRef): boolean {
  if ((a.conversationType ?? "personal") !== "personal" || (b.conversationType ?? "personal") !== "personal") return false;
  if (a.user.aadObjectId && b.user.aadObjectId) return a.user.aadObjectId === b.user.aadObjectId;
  const au = a.user.upn?.toLowerCase();
  return au !== undefined && au === b.user.upn?.toLowerCase();
}
