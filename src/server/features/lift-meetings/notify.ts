/**
 * Telling a SENCo that their referral's meeting changed, through the bot when the app is installed
 * for them. Best effort: the referral's `notice` and history already carry the news, so a failed or
 * impossible send is logged (ids only, never a name or the text) and the request goes on.
 */
import type { FeatureContext } from "../../core/feature-context";
import type { AppError } from "../../../errors";

export async function tellSenco(ctx: FeatureContext, sencoOid: string, text: string, ids: { referralId: string; meetingId: string }): Promise<void> {
  try {
    const person = await ctx.people.byOid(sencoOid);
    const ref = await ctx.bot.conversations.findByUser({ aadObjectId: sencoOid, ...(person?.upn ? { upn: person.upn } : {}) });
    if (!ref) {
      ctx.log.debug(ids, "lift-meetings: SENCo not reachable by the bot; the notice stays on the referral");
      return;
    }
    await ctx.bot.messenger.sendText(ref, text);
    ctx.log.info(ids, "lift-meetings: SENCo told by the bot");
  } catch (error) {
    ctx.log.warn({ ...ids, errName: (error as Error)?.name, errCode: (error as AppError)?.code }, "lift-meetings: could not message the SENCo");
  }
}
