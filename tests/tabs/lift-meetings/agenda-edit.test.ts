/** The agenda editor's working copy: my order and minutes re-applied onto theirs, and what is sent. */
import { describe, expect, it } from "vitest";
import { rebase, reapplyAgenda, toInput, type EditEntry } from "../../../tabs/lift-meetings/agenda-edit";
import type { AgendaCase } from "../../../tabs/lift-meetings/api";

const info = (id: string) => ({ id, kind: "case", caseReference: `DOV-${id}` }) as unknown as AgendaCase;
const kase = (id: string, minutes?: number): EditEntry => ({ kind: "case", key: id, id, minutes, info: info(id) });

describe("agenda working copy", () => {
  it("puts my order onto their agenda: theirs I did not have at the end, my new items kept, cases they removed dropped", () => {
    const mine: EditEntry[] = [kase("b", 20), kase("a"), { kind: "item", key: "new", title: "Training", minutes: 10 }, kase("gone")];
    const theirs: EditEntry[] = [kase("a"), kase("b"), kase("c")];
    expect(rebase(mine, theirs).map((e) => e.key)).toEqual(["b", "a", "new", "c"]);
    expect((rebase(mine, theirs)[0] as Extract<EditEntry, { kind: "case" }>).minutes).toBe(20);
  });

  it("keeps my slot length only if I changed it", () => {
    const theirs = { entries: [kase("a")], slot: "25" };
    expect(reapplyAgenda({ entries: [kase("a")], slot: "20" }, { entries: [kase("a")], slot: "20" }, theirs).slot).toBe("25");
    expect(reapplyAgenda({ entries: [kase("a")], slot: "20" }, { entries: [kase("a")], slot: "30" }, theirs).slot).toBe("30");
  });

  it("sends a case's minutes only when it has its own", () => {
    expect(toInput([kase("a"), kase("b", 15), { kind: "item", key: "k", title: "T", minutes: 5 }])).toEqual([
      { kind: "case", referralId: "a" },
      { kind: "case", referralId: "b", minutes: 15 },
      { kind: "item", title: "T", minutes: 5 },
    ]);
  });
});
