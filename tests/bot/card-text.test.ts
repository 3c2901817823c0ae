/** Text people type is shown on cards exactly as typed: Adaptive Cards' markdown never formats it. */
import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../bot/cards/card-kit";
import { welcomeCard } from "../../bot/cards/lift-cards";
import { extensionRequestCard } from "../../bot/cards/reminder-cards";

const TYPED = "**Urgent** _now_ [see here](https://evil.example)\n- one\n2. two\n# big";

/** What the markdown subset of a TextBlock would act on, left unescaped. */
function unescapedMarkdown(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?<!\\)[*_[\]()`~]/g)) found.push(m[0]);
  for (const m of text.matchAll(/^\s*(?:[-+#]|\d+\.)(?=\s)/gm)) found.push(m[0]);
  return found;
}

describe("card text from users is escaped", () => {
  it("an extension request's reason and name show as typed, not as bold, links or lists", () => {
    const card = extensionRequestCard({
      districtName: "Dover",
      academicYear: "2025-26",
      term: 1,
      leadName: "*Helen* Marsh",
      reason: TYPED,
      requestedDate: "2025-11-21",
      summaryUrl: "https://lift.example/summary",
    });
    const facts = (card.body.find((b) => b.type === "FactSet") as { facts: Array<{ title: string; value: string }> }).facts;
    const reason = facts.find((f) => f.title === "Reason")?.value as string;
    const askedBy = facts.find((f) => f.title === "Asked by")?.value as string;
    expect(unescapedMarkdown(reason)).toEqual([]);
    expect(unescapedMarkdown(askedBy)).toEqual([]);
    // Taking the backslashes away gives back exactly what was typed.
    expect(reason.replace(/\\(.)/g, "$1")).toBe(TYPED);
  });

  it("a user's name in the welcome card is escaped; the card's own markdown is kept", () => {
    const card = welcomeCard("[Boss](https://evil.example)");
    const text = JSON.stringify(card);
    expect(text).not.toContain("[Boss](");
    expect(text).toContain("**help**");
  });

  it("plain text is left alone", () => {
    expect(escapeMarkdown("Data manager on leave until the 14th")).toBe("Data manager on leave until the 14th");
  });
});
