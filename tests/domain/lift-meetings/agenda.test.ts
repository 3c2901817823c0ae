import { describe, expect, it } from "vitest";
import { checkReorder, orderEntries, scheduleEntries, type SavedEntry } from "../../../src/domain/lift-meetings/agenda";

const c = (referralId: string, submittedAt?: string) => ({ referralId, ...(submittedAt ? { submittedAt } : {}) });

describe("orderEntries", () => {
  it("puts cases in submission order when nothing is saved", () => {
    const order = orderEntries(undefined, [c("7", "2026-11-03T10:00:00Z"), c("5", "2026-11-04T10:00:00Z"), c("9", "2026-11-01T10:00:00Z")]);
    expect(order.map((e) => (e.kind === "case" ? e.referralId : e.id))).toEqual(["9", "7", "5"]);
  });

  it("keeps the saved order and items, drops cases that left, appends new ones by submission", () => {
    const saved: SavedEntry[] = [
      { kind: "item", id: "welcome", title: "Welcome", minutes: 5 },
      { kind: "case", referralId: "5", minutes: 30 },
      { kind: "case", referralId: "gone" },
      { kind: "case", referralId: "7" },
    ];
    const order = orderEntries(saved, [c("7", "2026-11-01T00:00:00Z"), c("5"), c("12", "2026-11-09T00:00:00Z"), c("10", "2026-11-08T00:00:00Z")]);
    expect(order).toEqual([
      { kind: "item", id: "welcome", title: "Welcome", minutes: 5 },
      { kind: "case", referralId: "5", minutes: 30 },
      { kind: "case", referralId: "7" },
      { kind: "case", referralId: "10" },
      { kind: "case", referralId: "12" },
    ]);
  });

  it("orders cases submitted at the same moment by id, and a repeated saved case once", () => {
    const at = "2026-11-01T00:00:00Z";
    expect(orderEntries([{ kind: "case", referralId: "3" }, { kind: "case", referralId: "3" }], [c("3", at), c("20", at), c("4", at)]).map((e) => (e as { referralId: string }).referralId)).toEqual(["3", "4", "20"]);
  });
});

describe("scheduleEntries", () => {
  it("starts each entry when the one before ends, a case taking the slot unless it has its own minutes", () => {
    const s = scheduleEntries("2026-12-03T13:30:00Z", 20, [
      { kind: "item", id: "w", title: "Welcome", minutes: 5 },
      { kind: "case", referralId: "1" },
      { kind: "case", referralId: "2", minutes: 30 },
      { kind: "case", referralId: "3" },
    ]);
    expect(s.map((e) => [e.id, e.startsAt, e.minutes])).toEqual([
      ["w", "2026-12-03T13:30:00.000Z", 5],
      ["1", "2026-12-03T13:35:00.000Z", 20],
      ["2", "2026-12-03T13:55:00.000Z", 30],
      ["3", "2026-12-03T14:25:00.000Z", 20],
    ]);
  });

  it("refuses a start that is not a date", () => {
    expect(() => scheduleEntries("soon", 20, [])).toThrow(RangeError);
  });
});

describe("checkReorder", () => {
  let n = 0;
  const newId = () => `item-${++n}`;

  it("accepts exactly the meeting's cases, giving new items ids", () => {
    const r = checkReorder([{ kind: "case", referralId: "2" }, { kind: "item", title: "Break", minutes: 10 }, { kind: "case", referralId: "1", minutes: 30 }], ["1", "2"], newId);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.entries).toEqual([{ kind: "case", referralId: "2" }, { kind: "item", id: "item-1", title: "Break", minutes: 10 }, { kind: "case", referralId: "1", minutes: 30 }]);
  });

  it("names the case left out, the unknown one and the repeated one", () => {
    const r = checkReorder([{ kind: "case", referralId: "1" }, { kind: "case", referralId: "99" }, { kind: "case", referralId: "1" }], ["1", "2"], newId);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors["entries.1.referralId"]?.[0]).toContain("99");
    expect(r.fieldErrors["entries.2.referralId"]?.[0]).toContain("twice");
    expect(r.fieldErrors.entries?.[0]).toContain("2");
  });

  it("refuses two items with one id, and an item id that is a case's", () => {
    const r = checkReorder([{ kind: "item", id: "x", title: "A", minutes: 5 }, { kind: "item", id: "x", title: "B", minutes: 5 }, { kind: "item", id: "1", title: "C", minutes: 5 }, { kind: "case", referralId: "1" }], ["1"], newId);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors).sort()).toEqual(["entries.1.id", "entries.2.id"]);
  });

  it("never hands out an id already taken", () => {
    const ids = ["a", "a", "b"];
    const r = checkReorder([{ kind: "item", id: "a", title: "A", minutes: 5 }, { kind: "item", title: "B", minutes: 5 }], [], () => ids.shift() as string);
    expect(r.ok && r.entries.map((e) => (e.kind === "item" ? e.id : ""))).toEqual(["a", "b"]);
  });
});
