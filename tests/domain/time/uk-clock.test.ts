/** UK time: today, UK dates of instants and wall-clock times, across the clocks changing. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { atUkTime, ukDateAndTimeOf, ukDateOf, ukToday, ukWallClockInstant } from "../../../src/domain/time/uk-clock";

// An independent oracle: the browser's Intl with the London zone (what the tabs used before).
const intlUkDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });
const instants = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-12-31T23:59:59Z"), noInvalidDate: true });

describe("ukToday", () => {
  it.each([
    // Spring forward, Sunday 29 March 2026 at 01:00Z (01:00 GMT becomes 02:00 BST).
    ["2026-03-28T23:59:59Z", "2026-03-28", "23:59 GMT on the Saturday"],
    ["2026-03-29T00:30:00Z", "2026-03-29", "00:30 GMT, before the change"],
    ["2026-03-29T23:00:00Z", "2026-03-30", "midnight BST, the first night of summer time"],
    ["2026-03-29T22:59:59Z", "2026-03-29", "23:59 BST"],
    // Fall back, Sunday 25 October 2026 at 01:00Z (02:00 BST becomes 01:00 GMT).
    ["2026-10-24T23:00:00Z", "2026-10-25", "midnight BST, the last night of summer time"],
    ["2026-10-24T22:59:59Z", "2026-10-24", "23:59 BST on the Saturday"],
    ["2026-10-25T23:00:00Z", "2026-10-25", "23:00 GMT on the Sunday"],
    ["2026-10-26T00:00:00Z", "2026-10-26", "midnight GMT"],
  ])("at %s it is %s in the UK (%s)", (instant, expected) => {
    expect(ukToday(new Date(instant))).toBe(expected);
    expect(ukToday(instant)).toBe(expected);
    expect(ukDateOf(instant)).toBe(expected);
  });

  it("agrees with the London zone of Intl at every instant (property)", () => {
    fc.assert(fc.property(instants, (d) => ukToday(d) === intlUkDate.format(d)));
  });

  it("reads an instant's own offset, not the server's zone", () => {
    expect(ukDateOf("2026-06-01T00:30:00+01:00")).toBe("2026-06-01");
    expect(ukDateOf("2026-05-31T20:00:00-04:00")).toBe("2026-06-01");
  });
});

describe("UK wall-clock times", () => {
  it.each([
    ["2026-01-10", "09:30", "2026-01-10T09:30:00+00:00", "GMT"],
    ["2026-06-10", "09:30", "2026-06-10T09:30:00+01:00", "BST"],
    ["2026-03-29", "00:30", "2026-03-29T00:30:00+00:00", "just before the clocks go forward"],
    ["2026-03-29", "01:30", "2026-03-29T02:30:00+01:00", "a time the clocks skip moves forward an hour"],
    ["2026-03-29", "02:30", "2026-03-29T02:30:00+01:00", "just after the clocks go forward"],
    ["2026-10-25", "00:30", "2026-10-25T00:30:00+01:00", "before the clocks go back"],
    ["2026-10-25", "01:30", "2026-10-25T01:30:00+00:00", "a repeated time is the second one (GMT)"],
    ["2026-10-25", "02:30", "2026-10-25T02:30:00+00:00", "after the clocks go back"],
  ])("%s %s is %s (%s)", (date, time, expected) => {
    expect(ukWallClockInstant(date, time)).toBe(expected);
  });

  it.each([
    ["2026-02-30", "09:00"],
    ["2026-06-10", "24:30"],
    ["2026-06-10", "9:30"],
    ["10/06/2026", "09:30"],
  ])("%s %s is not a date and time", (date, time) => {
    expect(ukWallClockInstant(date, time)).toBeUndefined();
  });

  it("a date and time typed in reads back the same, except in the hour the clocks skip (property)", () => {
    const dates = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2060-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const times = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
    fc.assert(
      fc.property(dates, times, (date, time) => {
        const instant = ukWallClockInstant(date, time) as string;
        const back = ukDateAndTimeOf(instant);
        const day = new Date(`${date}T00:00:00Z`);
        const lastSundayOfMarch = day.getUTCMonth() === 2 && day.getUTCDay() === 0 && day.getUTCDate() > 24;
        if (lastSundayOfMarch && time.startsWith("01:")) return back.date === date && back.time === `02:${time.slice(3)}`;
        return back.date === date && back.time === time && atUkTime(date, Number(time.slice(0, 2)), Number(time.slice(3))) === new Date(instant).toISOString().replace(".000Z", "Z");
      }),
    );
  });

  it("an instant's UK date and time are empty when it is not an instant", () => {
    expect(ukDateAndTimeOf("soon")).toEqual({ date: "", time: "" });
    expect(ukDateAndTimeOf("2026-10-25T00:30:00Z")).toEqual({ date: "2026-10-25", time: "01:30" });
  });
});
