/**
 * Questionnaire KPIs through the API on the demo data (src/server/features/kpi/demo-figures.ts):
 * "too few answers to rate" in the summary, its export and the monitoring pack, with the counts of
 * questionnaires sent; an area or the county rated on all its answers; a return without "asked"
 * (2025-26 term 1) complete, with its response rate unknown rather than invented.
 */
import { describe, expect, it } from "vitest";
import { onTestApp } from "../../support/test-app";
import { demoFigures } from "../../../src/server/features/kpi/demo-figures";
import { client } from "./helpers";

const COMMISSIONER = "commissioner@lift.local";
const LEAD = "lead.dover@lift.local";
const YEAR = "2025-26";

interface Row {
  level: string;
  name: string;
  period: string;
  measure: string;
  numerator: number | null;
  denominator: number | null;
  rag: string;
  asked: number | null;
}

let api: ReturnType<typeof client>;
onTestApp((running) => {
  api = client(running);
});

describe("questionnaire KPIs in the summary", () => {
  it("a district under 5 answers is too_few; the county is rated on every district's answers; asked adds up", async () => {
    const res = await api.call(COMMISSIONER, "GET", `/api/kpi/summary?year=${YEAR}&terms=2`);
    expect(res.status).toBe(200);
    const rows = res.body.rows as Row[];
    const dover = rows.find((r) => r.level === "district" && r.name === "Dover" && r.period === "T2" && r.measure === "kpi_4_2")!;
    const figures = demoFigures("dover", YEAR, 2);
    expect(figures.kpi_4_2_den).toBeLessThan(5);
    expect(dover).toMatchObject({ numerator: figures.kpi_4_2_num, denominator: figures.kpi_4_2_den, rag: "too_few", asked: figures.kpi_4_2_asked });

    const county = rows.find((r) => r.level === "county" && r.period === "T2" && r.measure === "kpi_4_2")!;
    const districts = rows.filter((r) => r.level === "district" && r.period === "T2" && r.measure === "kpi_4_2");
    expect(county.denominator).toBe(districts.reduce((a, r) => a + (r.denominator ?? 0), 0));
    expect(county.denominator).toBeGreaterThanOrEqual(5);
    expect(["green", "amber", "red"]).toContain(county.rag);
    expect(county.asked).toBe(districts.reduce((a, r) => a + (r.asked ?? 0), 0));
  });

  it("term 1 of 2025-26 has no count of questionnaires sent: asked is null, never 0", async () => {
    const rows = (await api.call(COMMISSIONER, "GET", `/api/kpi/summary?year=${YEAR}&terms=1,2`)).body.rows as Row[];
    const t1 = rows.filter((r) => r.period === "T1" && r.measure === "kpi_1_3");
    expect(t1.length).toBeGreaterThan(0);
    expect(t1.every((r) => r.asked === null && r.denominator !== null)).toBe(true);
    // The year mixes a term without it: unknown too.
    expect(rows.find((r) => r.level === "county" && r.period === "year" && r.measure === "kpi_1_3")!.asked).toBeNull();
  });

  it("the CSV export says too_few in the rag column and has the asked counts as rows", async () => {
    const file = await api.download(COMMISSIONER, `/api/kpi/summary/export?year=${YEAR}&terms=2&format=csv`);
    expect(file.status).toBe(200);
    const lines = file.data.toString("utf8").split("\r\n");
    const dover = lines.find((l) => l.startsWith("district,Dover,2025-26,T2,kpi_4_2,"));
    expect(dover?.split(",")[9]).toBe("too_few");
    const asked = lines.find((l) => l.startsWith("district,Dover,2025-26,T2,kpi_4_2_asked,"));
    expect(asked?.split(",")[5]).toBe(String(demoFigures("dover", YEAR, 2).kpi_4_2_asked));
  });
});

describe("questionnaire KPIs on a return and in the monitoring pack", () => {
  it("the return's computed figure carries too_few and how many were asked; asked is never 'missing'", async () => {
    const t2 = await api.call(LEAD, "GET", `/api/kpi/returns/dover/${YEAR}/2`);
    expect(t2.status).toBe(200);
    expect(t2.body.return.computed.kpi_4_2).toMatchObject({ rag: "too_few", asked: demoFigures("dover", YEAR, 2).kpi_4_2_asked });
    const t1 = await api.call(LEAD, "GET", `/api/kpi/returns/dover/${YEAR}/1`);
    expect(t1.body.return.computed.kpi_1_3.asked).toBeNull();
    expect(t1.body.return.missing.filter((id: string) => id.endsWith("_asked"))).toEqual([]);
  });

  it("the pack's district rows say too_few and give asked", async () => {
    const pack = await api.call(LEAD, "GET", `/api/kpi/monitoring-pack/dover?year=${YEAR}&terms=1,2`);
    expect(pack.status).toBe(200);
    const rows = pack.body.rows as Row[];
    const t2 = rows.find((r) => r.level === "district" && r.period === "T2" && r.measure === "kpi_4_2")!;
    expect(t2).toMatchObject({ rag: "too_few", asked: demoFigures("dover", YEAR, 2).kpi_4_2_asked });
  });
});

