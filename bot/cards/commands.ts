/** The commands the bot understands, shared by the help card and the "didn't understand" reply. */
export const BOT_COMMANDS = [
  { command: "help", description: "what I can do and the commands I understand" },
  { command: "status", description: "where your district's termly KPI return is up to" },
  { command: "deadlines", description: "the next KPI return and Local Activity Report deadlines" },
] as const;

export type BotCommand = (typeof BOT_COMMANDS)[number]["command"];

export const COMMAND_LIST = BOT_COMMANDS.map((c) => c.command).join(", ");
