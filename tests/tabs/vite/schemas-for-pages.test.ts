import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { build, type Plugin, type Rollup } from "vite";
import { schemasForPages } from "../../../tabs/vite/schemas-for-pages";
import * as referral from "../../../src/schemas/referrals/referral";
import * as meetingsApi from "../../../src/schemas/lift-meetings/api";
import * as catalogue from "../../../src/domain/kpi/catalogue";

/**
 * The tab build's handling of src/schemas and src/domain (tabs/vite/schemas-for-pages.ts): a page
 * that takes an option list from a schema module gets no zod, and what a page does take behaves as
 * the module does on the server (same constants, same schema answers, contracts reduced to method and
 * path).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "lift-hub-schemas-for-pages-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Bundles `entry` (module code; `@/` stands for the repository) as a tab page is bundled. */
async function bundle(name: string, entry: string, plugins: Plugin[]): Promise<string> {
  const file = path.join(scratch, `${name}.ts`);
  fs.writeFileSync(file, entry.replaceAll('"@/', `"${ROOT}/`));
  const output = (await build({
    configFile: false,
    logLevel: "silent",
    root: ROOT,
    plugins,
    build: {
      write: false,
      minify: false,
      sourcemap: false,
      rollupOptions: { input: file, preserveEntrySignatures: "strict", output: { format: "es", inlineDynamicImports: true } },
    },
  })) as Rollup.RollupOutput;
  return output.output.map((chunk) => (chunk.type === "chunk" ? chunk.code : "")).join("\n");
}

const plugin = () => schemasForPages(path.join(ROOT, "src", "schemas"), path.join(ROOT, "src", "domain"));
const ZOD = /ZodError|\$ZodType/;

describe("the tab build of src/schemas and src/domain", () => {
  const onlyOptions = `import { AREAS_OF_NEED } from "@/src/schemas/referrals/referral";\nexport const areas = AREAS_OF_NEED;\n`;

  it("leaves zod out of a page that takes only an option list from a schema module", async () => {
    // The same module without the plugin carries zod: the check can fail.
    expect(await bundle("plain", onlyOptions, [])).toMatch(ZOD);
    expect(await bundle("split", onlyOptions, [plugin()])).not.toMatch(ZOD);
  }, 120_000);

  it("gives a page the same constants, schema answers and routes as the server's modules", async () => {
    const code = await bundle(
      "full",
      [
        `export { AREAS_OF_NEED, ReferralDraft, childAgeInMonths } from "@/src/schemas/referrals/referral";`,
        `export { liftMeetingsApi, PlanMeetingsRequest } from "@/src/schemas/lift-meetings/api";`,
        `export { GROUPS, measuresFor } from "@/src/domain/kpi/catalogue";`,
      ].join("\n"),
      [plugin()],
    );
    const file = path.join(scratch, "full.mjs");
    fs.writeFileSync(file, code);
    const built = (await import(pathToFileURL(file).href)) as typeof referral & typeof meetingsApi & typeof catalogue;

    expect(built.AREAS_OF_NEED).toEqual(referral.AREAS_OF_NEED);
    expect(built.GROUPS).toEqual(catalogue.GROUPS);
    expect(built.measuresFor("2025-26")).toEqual(catalogue.measuresFor("2025-26"));
    expect(built.childAgeInMonths("2020-03-15", "2026-12-03")).toBe(referral.childAgeInMonths("2020-03-15", "2026-12-03"));

    const plans: unknown[] = [
      {},
      { idempotencyKey: "plan-12345678", districtSlug: "dover", meetings: [] },
      { idempotencyKey: "plan-12345678", districtSlug: "dover", meetings: [{ kind: "school", startsAt: "2027-01-12T09:30:00Z", endsAt: "2027-01-12T12:00:00Z" }] },
      { idempotencyKey: "plan-12345678", districtSlug: "Dover!", meetings: [{ kind: "nursery", startsAt: "soon", endsAt: "later" }] },
    ];
    for (const plan of plans) {
      const ours = built.PlanMeetingsRequest.safeParse(plan);
      const theirs = meetingsApi.PlanMeetingsRequest.safeParse(plan);
      expect(ours.success).toBe(theirs.success);
      expect(ours.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual(theirs.error?.issues.map((i) => [i.path.join("."), i.message]));
    }
    expect(built.ReferralDraft.safeParse({}).success).toBe(referral.ReferralDraft.safeParse({}).success);

    // A contract in the browser is its routes' methods and paths, without their schemas.
    const route = built.liftMeetingsApi.planMeetings;
    expect({ method: route.method, path: route.path }).toEqual({ method: meetingsApi.liftMeetingsApi.planMeetings.method, path: meetingsApi.liftMeetingsApi.planMeetings.path });
    expect(Object.keys(built.liftMeetingsApi)).toEqual(Object.keys(meetingsApi.liftMeetingsApi));
    expect("body" in route).toBe(false);
  }, 120_000);
});
