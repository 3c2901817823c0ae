/**
 * Spreadsheet and CSV imports are bounded: a file's declared size, its rows, columns and cell
 * lengths are checked before its cells are walked, and a file over a limit is refused with a 4xx
 * that says which limit, quickly.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../src/errors";
import { IMPORT_LIMITS, parseTable, templateColumns } from "../../../src/server/features/kpi/files";

async function xlsx(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Returns");
  sheet.addRow(templateColumns());
  fill(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function refusal(run: Promise<unknown>): Promise<AppError> {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("bounded imports", () => {
  it("refuses a 6 KB XLSX with a cell at XFD1048576 quickly, naming the declared size", async () => {
    const data = await xlsx((sheet) => {
      sheet.getCell("XFD1048576").value = "x";
    });
    expect(data.length).toBeLessThan(12_000);
    const started = Date.now();
    const err = await refusal(parseTable("xlsx", data));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(err.status).toBeGreaterThanOrEqual(400);
    expect(err.status).toBeLessThan(500);
    expect(err.message).toMatch(/1048576 rows/);
    expect(err.message).toMatch(/16384 columns/);
  });

  it("refuses an XLSX with too many rows or a cell that is too long", async () => {
    const tall = await xlsx((sheet) => {
      sheet.getCell(`A${IMPORT_LIMITS.rows + 2}`).value = "dover";
    });
    expect((await refusal(parseTable("xlsx", tall))).message).toMatch(/rows/);
    const long = await xlsx((sheet) => {
      sheet.addRow(["dover", "2025-26", 1, "9".repeat(IMPORT_LIMITS.cellLength + 1)]);
    });
    const err = await refusal(parseTable("xlsx", long));
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/row 2.*column D|D2/i);
  });

  it("refuses a CSV with too many rows, too many columns or a cell that is too long", async () => {
    const header = templateColumns().join(",");
    const tall = [header, ...Array.from({ length: IMPORT_LIMITS.rows + 1 }, () => "dover,2025-26,1")].join("\n");
    expect((await refusal(parseTable("csv", Buffer.from(tall)))).message).toMatch(/rows/);
    const wide = `${header}\n${Array.from({ length: IMPORT_LIMITS.columns + 1 }, () => "1").join(",")}`;
    expect((await refusal(parseTable("csv", Buffer.from(wide)))).message).toMatch(/columns/);
    const long = `${header}\ndover,2025-26,${"9".repeat(IMPORT_LIMITS.cellLength + 1)}`;
    expect((await refusal(parseTable("csv", Buffer.from(long)))).status).toBe(400);
  });

  it("reads a file within the limits as before", async () => {
    const data = await xlsx((sheet) => {
      sheet.addRow(["dover", "2025-26", 1]);
    });
    const rows = await parseTable("xlsx", data);
    expect(rows[1]?.slice(0, 3)).toEqual(["dover", "2025-26", "1"]);
    expect(await parseTable("csv", Buffer.from("a,b\r\n1,\"x,y\"\r\n"))).toEqual([["a", "b"], ["1", "x,y"]]);
  });
});
