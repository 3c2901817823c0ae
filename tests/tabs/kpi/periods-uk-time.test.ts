/** The KPI tabs' academic year and default period follow UK dates, whatever the browser's zone. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { academicYearOptions, defaultPeriod } from "../../../tabs/kpi/periods";
import { ukToday } from "../../../tabs/shell/format";
import { academicYearOf } from "../../../src/domain/time/academic-year";
import { ukDateOf } from "../../../src/domain/time/uk-clock";
import { TERMS } from "../../../src/domain/reference/terms";

/** What a tab does: the UK date of the instant, then the period. */
const periodAt = (instant: string) => defaultPeriod(ukToday(new Date(instant)), TERMS);

describe("KPI tab periods", () => {
  it("the academic year turns at midnight UK time on 1 September, not at the browser's midnight", () => {
    // 23:30Z on 31 August is 00:30 BST on 1 September.
    expect(periodAt("2026-08-31T23:30:00Z").year).toBe("2026-27");
    expect(periodAt("2026-08-31T22:30:00Z").year).toBe("2025-26");
    expect(academicYearOptions(ukToday(new Date("2026-08-31T23:30:00Z")))[0]).toBe("2027-28");
  });

  it("the year is the domain's academic year of the UK date (property)", () => {
    const instants = fc.date({ min: new Date("2022-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true });
    fc.assert(fc.property(instants, (d) => defaultPeriod(ukToday(d), TERMS).year === academicYearOf(ukDateOf(d))));
  });

  it("opens on the latest term that has started, in UK time", () => {
    // Term 2 2025-26 starts on Monday 27 October 2025; 00:30 GMT that day is 00:30Z.
    expect(periodAt("2025-10-26T23:59:00Z")).toEqual({ year: "2025-26", term: 1 });
    expect(periodAt("2025-10-27T00:30:00Z")).toEqual({ year: "2025-26", term: 2 });
    // In the summer holiday it is still term 6.
    expect(periodAt("2026-08-15T12:00:00Z")).toEqual({ year: "2025-26", term: 6 });
  });
});
