/**
 * A demo register (DEMO_DATA=on) at the scale of the 2022-23 annual report: about 600 schools and
 * 700 early years providers countywide, spread over the districts by size, with a few closed ones.
 * It goes through the same import path as a real file (a GIAS-layout and an early years CSV built
 * here), so the demo shows what an import makes. The 48 demo schools keep their ids and URNs (the
 * demo SENCos, referrals and cases point at them) and join the register. Fictitious names and
 * URNs (910000 up, EY900000 up) that no real establishment has.
 *
 * Seeded after the other features' demo activity, which is built around the demo schools.
 */
import type { District } from "../../../schemas/reference/district";
import type { Setting } from "../../../schemas/reference/setting";
import type { FeatureContext } from "../../core/feature-context";
import type { SettingsRegisterService } from "./service";

/** Relative size of each district (schools and providers), from the report's district tables. */
const SIZE: Record<string, number> = {
  canterbury: 1.1, swale: 1.1, thanet: 1.0, maidstone: 1.3, "tonbridge-and-malling": 1.1, "tunbridge-wells": 0.9,
  dartford: 0.9, gravesham: 0.8, sevenoaks: 1.0, ashford: 1.1, dover: 0.9, "folkestone-and-hythe": 0.8,
};
/** Per average district: about 38 primary, 8 secondary, 2 special, 1 post-16, 1 nursery school, 58 early years providers. */
const PER_DISTRICT = { primary: 38, secondary: 8, special: 2, post16: 1, nursery: 1, earlyYears: 58 };

const PLACES = ["Oak", "Ash", "Beech", "Chalk", "Orchard", "Meadow", "Mill", "Church", "Hill", "River", "Brook", "Downs", "Marsh", "Priory", "Abbey", "Castle", "Weald", "Harbour", "Forest", "Park"];
const PRIMARY = ["Primary School", "Church of England Primary School", "Community Primary School", "Primary Academy", "Infant School", "Junior School"];
const PRIMARY_TYPES = ["Community school", "Voluntary controlled school", "Academy converter", "Academy sponsor led", "Foundation school", "Voluntary aided school"];
const SECONDARY = ["Academy", "High School", "Grammar School", "School"];
const SECONDARY_TYPES = ["Academy converter", "Academy sponsor led", "Foundation school", "Free schools"];
const EY = [
  ["Day Nursery", "Day nursery"],
  ["Pre-School", "Pre-school"],
  ["Playgroup", "Pre-school"],
  ["Little Stars Nursery", "Day nursery"],
  ["Nursery Unit", "School-based nursery"],
] as const;

const GIAS_HEADER = ["URN", "LA (code)", "LA (name)", "EstablishmentNumber", "EstablishmentName", "TypeOfEstablishment (name)", "EstablishmentTypeGroup (name)", "EstablishmentStatus (name)", "PhaseOfEducation (name)", "OpenDate", "CloseDate", "Postcode", "DistrictAdministrative (name)"];

const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const line = (cells: readonly string[]) => cells.map(q).join(",");

/** The GIAS-layout demo file: the demo schools first, then the generated ones. */
export function demoGiasCsv(unsorted: readonly District[], demoSchools: readonly Setting[]): string {
  // In slug order, so the same districts make the same file whatever order they come in.
  const districts = [...unsorted].sort((a, b) => a.slug.localeCompare(b.slug));
  const rows: string[][] = [];
  let urn = 910000;
  const giasPhase: Record<Setting["phase"], string> = { primary: "Primary", secondary: "Secondary", "all-through": "All-through", "early-years": "Nursery" };
  const type = (group: "maintained" | "academy", t: string) => [t, group === "academy" || t.startsWith("Academy") || t.startsWith("Free") ? "Academies" : "Local authority maintained schools"];
  const add = (d: District, name: string, t: string, group: string, phase: string, status = "Open", closed = "") =>
    rows.push([String(urn++), "886", "Kent", String(2000 + (urn % 7000)), name, t, group, status, phase, "01-09-2011", closed, `${d.code.slice(0, 2)}${(urn % 20) + 1} ${urn % 9}AB`, d.name]);
  for (const s of demoSchools) {
    if (s.phase === "early-years") continue;
    const d = districts.find((x) => x.slug === s.districtSlug);
    if (!d) continue;
    rows.push([s.urn, "886", "Kent", "2999", s.name, s.phase === "secondary" ? "Academy converter" : "Community school", s.phase === "secondary" ? "Academies" : "Local authority maintained schools", "Open", giasPhase[s.phase], "01-09-2011", "", "", d.name]);
  }
  districts.forEach((d, di) => {
    const k = SIZE[d.slug] ?? 1;
    const place = (i: number) => `${PLACES[(i + di * 3) % PLACES.length]}${i >= PLACES.length ? ` ${["Green", "Vale", "Lane", "Cross"][Math.floor(i / PLACES.length) % 4]}` : ""}`;
    const primaries = Math.round(PER_DISTRICT.primary * k);
    for (let i = 0; i < primaries; i++) {
      const [t, g] = type("maintained", PRIMARY_TYPES[i % PRIMARY_TYPES.length]!);
      // Every fifteenth primary closed (amalgamated) in the summer of 2025: in the register, in no total.
      const closed = i % 15 === 14;
      add(d, `${place(i)} ${PRIMARY[i % PRIMARY.length]} (${d.name})`, t!, g!, "Primary", closed ? "Closed" : "Open", closed ? "31-08-2025" : "");
    }
    const secondaries = Math.round(PER_DISTRICT.secondary * k);
    for (let i = 0; i < secondaries; i++) {
      const [t, g] = type("academy", SECONDARY_TYPES[i % SECONDARY_TYPES.length]!);
      add(d, `${place(i + 7)} ${SECONDARY[i % SECONDARY.length]} (${d.name})`, t!, g!, i === secondaries - 1 && di % 4 === 0 ? "All-through" : "Secondary");
    }
    for (let i = 0; i < PER_DISTRICT.special; i++) add(d, `${place(i + 11)} Special School (${d.name})`, i === 0 ? "Community special school" : "Academy special converter", "Special schools", "Not applicable");
    add(d, `${d.name} Sixth Form College`, "Further education", "Colleges", "16 plus");
    add(d, `${place(3)} Nursery School (${d.name})`, "Local authority nursery school", "Local authority maintained schools", "Nursery");
    // A school of the county across the border, which the register never holds.
    rows.push([String(urn++), "887", "Medway", "2001", `Border Primary School ${di + 1}`, "Community school", "Local authority maintained schools", "Open", "Primary", "", "", "ME4 4AA", "Medway"]);
  });
  return [line(GIAS_HEADER), ...rows.map(line)].join("\r\n");
}

/** The early years provider list demo file: the demo early years settings first, then generated providers. */
export function demoEarlyYearsCsv(unsorted: readonly District[], demoSettings: readonly Setting[]): string {
  const districts = [...unsorted].sort((a, b) => a.slug.localeCompare(b.slug));
  const rows: string[][] = [];
  let n = 900000;
  for (const s of demoSettings) {
    if (s.phase !== "early-years") continue;
    const d = districts.find((x) => x.slug === s.districtSlug);
    if (d) rows.push([s.urn, s.name, "Day nursery", "", d.name, "Open", ""]);
  }
  districts.forEach((d, di) => {
    const count = Math.round(PER_DISTRICT.earlyYears * (SIZE[d.slug] ?? 1));
    for (let i = 0; i < count; i++) {
      const [suffix, type] = EY[i % EY.length]!;
      const closed = i % 20 === 19;
      rows.push([`EY${n++}`, `${PLACES[(i + di) % PLACES.length]} ${suffix} ${Math.floor(i / EY.length) + 1} (${d.name})`, type, `${d.code.slice(0, 2)}${(i % 20) + 1} ${i % 9}EY`, d.name, closed ? "Resigned" : "Active", closed ? "15/07/2025" : ""]);
    }
  });
  return [line(["urn", "name", "type", "postcode", "district", "status", "closed_on"]), ...rows.map(line)].join("\r\n");
}

/** Imports the demo register once (an import of the same files again would change nothing anyway). */
export async function seedSettingsRegisterDemo(ctx: FeatureContext, service: SettingsRegisterService): Promise<string[]> {
  if (!ctx.config.demoRegister) return ["Settings register: no demo register (DEMO_REGISTER=off)"];
  const settings = (await ctx.stores.settings.all()).map((i) => i.value);
  if (settings.some((s) => s.registerSource !== undefined)) return ["Settings register: demo register already there"];
  const districts = await ctx.reference.districts();
  const lines: string[] = [];
  for (const [source, csv] of [
    ["gias", demoGiasCsv(districts, settings)],
    ["early-years", demoEarlyYearsCsv(districts, settings)],
  ] as const) {
    const { plan } = await service.plan(source, Buffer.from(csv, "utf8"));
    if (plan.errors.length > 0) throw new Error(`The demo ${source} register has errors: ${plan.errors.slice(0, 3).map((e) => `row ${e.row} ${e.column}: ${e.message}`).join("; ")}`);
    await service.write(plan);
    lines.push(`Settings register (${source === "gias" ? "GIAS schools" : "early years providers"}): ${plan.create.length} created, ${plan.update.length} updated`);
  }
  return lines;
}
