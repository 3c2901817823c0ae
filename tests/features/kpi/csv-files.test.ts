/** CSV in and out through csv-parse and csv-stringify: quoting, line ends, a broken file, injection. */
import { describe, expect, it } from "vitest";
import { parseCsv, parseTable, summaryFile } from "../../../src/server/features/kpi/files";
import { AppError } from "../../../src/errors";

describe("KPI CSV files", () => {
  it("reads quoted fields with commas, quotes and line breaks, any line end, and skips a byte-order mark and blank lines", () => {
    const text = '\ufeffdistrict,note\r\n"Folkestone, ""and"" Hythe","two\nlines"\n\n,\rthanet,x"y\r';
    expect(parseCsv(text)).toEqual([
      ["district", "note"],
      ['Folkestone, "and" Hythe', "two\nlines"],
      ["thanet", 'x"y'],
    ]);
  });

  it("refuses a file that ends inside a quoted field with a 400 naming the line", async () => {
    const error = await parseTable("csv", Buffer.from('district,term\r\n"dover,1\r\n')).catch((e: unknown) => e);
    expect(AppError.isAppError(error) && error.code).toBe("validation_failed");
    expect((error as AppError).detail).toMatchObject({ errors: [{ message: "A quoted field is not closed." }] });
  });

  it("writes what it reads back, neutralising formulas in the extra rows too", async () => {
    const extra = [["district", "=HYPERLINK(\"x\")", "2025-26", "T1", "days_x_median", "-3", "", "", "", "", ""], ["district", "a,\r\nb", "2025-26", "T1", "m", "1", "", "", "", "", ""]];
    const csv = (await summaryFile([], "csv", extra)).toString("utf8");
    const back = parseCsv(csv);
    expect(back[1]?.[1]).toBe("'=HYPERLINK(\"x\")");
    expect(back[1]?.[5]).toBe("-3");
    expect(back[2]?.[1]).toBe("a,\r\nb");
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});
