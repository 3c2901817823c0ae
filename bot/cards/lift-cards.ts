/** The cards of LIFT Hub's bot, first version. Plain JSON builders; no SDK types. */
import type { AdaptiveCard } from "../bot-port";
import { adaptiveCard, escapeMarkdown, executeAction, factSet, heading, paragraph } from "./card-kit";
import { BOT_COMMANDS } from "./commands";

const commandButtons = () => [
  executeAction("Status", "status"),
  executeAction("Deadlines", "deadlines"),
];

export const WHAT_I_DO =
  "I remind district leads when the termly KPI return and the Local Activity Report are due, and before LIFT monitoring meetings. " +
  "You can answer a reminder straight from its card.";

export function welcomeCard(name?: string): AdaptiveCard {
  return adaptiveCard(
    [
      heading(name ? `Hello ${escapeMarkdown(name)}, I'm LIFT Hub` : "Hello, I'm LIFT Hub"),
      paragraph(WHAT_I_DO),
      paragraph("Type **help**, **status** or **deadlines** at any time.", { subtle: true }),
    ],
    [executeAction("Help", "help"), ...commandButtons()],
  );
}

export function helpCard(): AdaptiveCard {
  return adaptiveCard(
    [
      heading("What I can do"),
      paragraph(WHAT_I_DO),
      factSet(BOT_COMMANDS.map((c) => ({ title: c.command, value: c.description }))),
    ],
    commandButtons(),
  );
}

/** A short answer shown in place of the card the user clicked. */
export function answerCard(title: string, text: string): AdaptiveCard {
  return adaptiveCard([heading(title), paragraph(text)], [executeAction("Help", "help"), ...commandButtons()]);
}
