/** The KPI return form's working copy: the figures as typed. */
import { describe, expect, it } from "vitest";
import { parseFigure } from "../../../tabs/kpi/return/form-state";

describe("KPI return figures", () => {
  it("reads a blank as not reported and anything but a plain number as wrong", () => {
    expect(parseFigure(" ")).toBeNull();
    expect(parseFigure("12")).toBe(12);
    expect(parseFigure("1,200")).toBeNaN();
  });
});
