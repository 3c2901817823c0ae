/**
 * LIFT Hub's bot: greets on install, stores the conversation so reminders can be sent later, and
 * answers help/status/deadlines. Status, deadlines and the reminder cards' buttons are answered by the
 * reminders feature (`ReminderBot`, src/server/features/reminders); without it (e.g. a test app with no
 * features) status and deadlines say plainly that there is nothing to show rather than invent data.
 */
import { AppError } from "../src/errors";
import type { AdaptiveCard, BotHandlers, BotLog, BotReply, BotUser, ConversationRef } from "./bot-port";
import { COMMAND_LIST } from "./cards/commands";
import { answerCard, helpCard, welcomeCard } from "./cards/lift-cards";
import type { ConversationStore } from "./conversation-store";

/** The reminder side of the bot, implemented by the reminders feature. */
export interface ReminderBot {
  status(user: BotUser): Promise<BotReply>;
  deadlines(user: BotUser): Promise<BotReply>;
  /** Answers a reminder card's button; `undefined` when the verb is not a reminder's. */
  cardAction(verb: string, data: Record<string, unknown>, ref: ConversationRef, user: BotUser): Promise<AdaptiveCard | undefined>;
}

export interface LiftBotDeps {
  conversations: ConversationStore;
  log?: BotLog;
  /** The reminders' answers; without them (a command that only sends) the bot gives the plain texts. */
  reminders?: ReminderBot;
  /** The questionnaire card's button (the questionnaires feature); `undefined` for another verb. */
  questionnaires?: { cardAction(verb: string, data: Record<string, unknown>, user: BotUser): Promise<AdaptiveCard | undefined> };
}

export const NOT_UNDERSTOOD = `Sorry, I didn't understand that. I know these commands: ${COMMAND_LIST}. Type help to see what each does.`;
export const STATUS_TEXT =
  "I can't show a KPI return status yet: termly KPI returns are not set up in LIFT Hub. Once they are, I'll show here what's due for your district and what has been submitted.";
export const DEADLINES_TEXT =
  "No deadlines are set up yet. The termly KPI return and Local Activity Report deadlines will be listed here once KPI returns are added to LIFT Hub, and I'll remind you before each one.";

type Command = "help" | "hello" | "status" | "deadlines";

/** First word of the message, lower-cased, without a leading slash or trailing punctuation. */
export function parseCommand(text: string): Command | undefined {
  const word = text.trim().toLowerCase().split(/\s+/)[0]?.replace(/^\//, "").replace(/[.!?]+$/, "") ?? "";
  switch (word) {
    case "help":
    case "?":
    case "commands":
      return "help";
    case "hi":
    case "hello":
      return "hello";
    case "status":
      return "status";
    case "deadline":
    case "deadlines":
      return "deadlines";
    default:
      return undefined;
  }
}

export function createLiftBot(deps: LiftBotDeps): BotHandlers {
  const { conversations } = deps;

  const remember = async (ref: ConversationRef) => {
    if (!ref.user.aadObjectId && !ref.user.upn) {
      deps.log?.warn({ conversationType: ref.conversationType }, "bot: conversation without a user id not stored");
      return;
    }
    await conversations.save(ref);
  };

  const cardFor = (command: Command, name?: string): AdaptiveCard => {
    switch (command) {
      case "help":
        return helpCard();
      case "hello":
        return welcomeCard(name);
      case "status":
        return answerCard("KPI return status", STATUS_TEXT);
      case "deadlines":
        return answerCard("Deadlines", DEADLINES_TEXT);
    }
  };

  return {
    async onInstall(ref, user) {
      await remember(ref);
      return { card: welcomeCard(user.name), summary: "Hello from LIFT Hub" };
    },

    async onUninstall(ref) {
      await conversations.remove(ref.conversationId);
    },

    async onMessage(text, ref, user): Promise<BotReply> {
      // Teams sends the install event once; if it was missed (e.g. the bot was down), the first
      // message is the next chance to capture the reference ([teams-platform.md §4.1](../docs/reference/teams-platform.md#41-setup-conversation-references-and-proactive-messages)).
      if (ref.conversationType === "personal" && !(await conversations.findByUser(user))) await remember(ref);
      const command = parseCommand(text);
      switch (command) {
        case "help":
        case "hello":
          return { card: cardFor(command, user.name) };
        case "status":
          return (await deps.reminders?.status(user)) ?? { text: STATUS_TEXT };
        case "deadlines":
          return (await deps.reminders?.deadlines(user)) ?? { text: DEADLINES_TEXT };
        case undefined:
          return { text: NOT_UNDERSTOOD };
      }
    },

    async onCardAction(verb, data, ref, user) {
      const reminderCard = await deps.reminders?.cardAction(verb, data, ref, user);
      if (reminderCard) return reminderCard;
      const questionnaireCard = await deps.questionnaires?.cardAction(verb, data, user);
      if (questionnaireCard) return questionnaireCard;
      const command = parseCommand(verb);
      if (!command) {
        throw new AppError("bad_request", `This button isn't supported any more. Type help to see what I can do.`, {
          detail: { verb },
        });
      }
      if (command === "status" || command === "deadlines") {
        const reminders = deps.reminders;
        if (reminders) {
          const reply = command === "status" ? await reminders.status(user) : await reminders.deadlines(user);
          return "card" in reply ? reply.card : answerCard(command === "status" ? "KPI return status" : "Deadlines", reply.text);
        }
      }
      return cardFor(command, user.name);
    },
  };
}
