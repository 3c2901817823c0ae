/**
 * Telling a person about a change, once per operation and recipient. The port is core's; the
 * reminders feature implements it on its outbox (src/server/features/reminders/notices.ts) and the
 * composition root hands it to the features that run operations.
 */
export interface Notice {
  /** Unique per operation and recipient, e.g. `op-12`: the outbox row's idempotency key is built from it. */
  operationId: string;
  recipientOid: string;
  districtSlug: string;
  /**
   * The message, built when it is sent from what the items hold now (the case references and the
   * meeting's notice), so no text is kept in the outbox. Undefined: nothing to say any more.
   */
  text: () => Promise<string | undefined>;
}

export interface Notices {
  /**
   * Writes the notice down, then sends it unless it was sent (or found unreachable) before.
   * "done": nothing more to do for it (sent, not reachable, or given up); "later": try again on a
   * later run (the send failed or another run is sending it now).
   */
  tell(notice: Notice): Promise<"done" | "later">;
}
