import { describe, expect, it } from "vitest";
import { describeUkDateTime, formatDate, formatDateTime, formatTime, formatUkDate, formatUkDateShort, formatUkDateTime, formatUkTime } from "../../../src/domain/time/format";

describe("UK date formatting", () => {
  it.each([
    ["2027-01-15", "Friday 15 January 2027", "a bare date is that day"],
    ["2027-01-15T17:00:00Z", "Friday 15 January 2027", "an instant in GMT"],
    ["2026-05-31T23:30:00Z", "Monday 1 June 2026", "23:30Z is 00:30 BST the next day"],
    ["2027-01-15T23:30:00-02:00", "Saturday 16 January 2027", "an offset instant, read in UK time"],
    ["2025-09-01", "Monday 1 September 2025", "no leading zero"],
  ])("formatUkDate(%s) → %s (%s)", (input, expected) => {
    expect(formatUkDate(input)).toBe(expected);
  });

  it.each([
    ["2027-01-15T17:00:00Z", "5pm"],
    ["2026-06-12T16:00:00Z", "5pm"], // 17:00 BST
    ["2026-03-30T08:00:00Z", "9am"], // 09:00 BST
    ["2026-03-30T08:30:00Z", "9:30am"],
    ["2027-01-15T12:00:00Z", "midday"],
    ["2027-01-15T00:00:00Z", "midnight"],
    ["2027-01-15T12:05:00Z", "12:05pm"],
    ["2027-01-15T00:05:00Z", "12:05am"],
  ])("formatUkTime(%s) → %s", (input, expected) => {
    expect(formatUkTime(input)).toBe(expected);
  });

  it("writes a deadline the GOV.UK way", () => {
    expect(formatUkDateTime("2027-01-15T17:00:00Z")).toBe("5pm on Friday 15 January 2027");
    expect(formatUkDateTime("2026-09-14T16:00:00Z")).toBe("5pm on Monday 14 September 2026");
    expect(formatUkDateShort("2027-01-15T17:00:00Z")).toBe("Fri 15 Jan 2027");
  });

  it("rejects what is not a date", () => {
    expect(() => formatUkDate("15/01/2027")).toThrow(/not an ISO date/);
    expect(() => formatUkDate("2027-02-30")).toThrow(/not an ISO date/);
  });
});

describe("compact forms for tab pages", () => {
  it("show UK time in both GMT and BST, and leave what is not a date alone", () => {
    expect(formatDateTime("2026-06-10T08:30:00Z")).toBe("Wed, 10 Jun 2026, 09:30");
    expect(formatDateTime("2026-01-10T08:30:00Z")).toBe("Sat, 10 Jan 2026, 08:30");
    expect(formatTime("2026-10-24T23:30:00Z")).toBe("00:30");
    expect(formatDate("2026-10-24T23:30:00Z")).toBe("25 Oct 2026");
    expect(formatDate("2026-03-29")).toBe("29 Mar 2026");
    expect(formatDateTime("soon")).toBe("soon");
    expect(formatDateTime(undefined)).toBe("");
  });

  it("describe a deadline on the 24-hour clock", () => {
    expect(describeUkDateTime(new Date("2025-10-15T22:59:59.999Z"))).toBe("Wednesday 15 October 2025 at 23:59");
    expect(describeUkDateTime("2026-01-14T23:59:00Z")).toBe("Wednesday 14 January 2026 at 23:59");
  });
});
