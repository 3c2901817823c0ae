/**
 * Localities and splits in the administration tab's structure section, end to end: a commissioner
 * adds a cluster to Dover with two of its schools, puts a new LIFT group in it, then splits the
 * cluster off into a new district — a code already taken is refused beside its field and in the
 * summary, the preview names what moves, and after the split the new district is listed with its
 * group. Dover's lead sees the district's localities but no way to change them or to split. Each view
 * passes axe.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp } from "../support/test-app";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { apiFor, type Api } from "../support/api-client";
import { expectAccessible, openStructure, pageRunner } from "./helpers";

const NOW = new Date("2026-11-03T09:00:00Z");
const COMMISSIONER = "commissioner@lift.local";
const LEAD = "lead.dover@lift.local";
const WAIT = { timeout: 20_000 };

let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: TestBrowser;
let api: Api;
const withPage = pageRunner(() => browser);

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { now: () => NOW }), launchBrowser()]);
  api = apiFor(app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("Administration tab: localities and splitting a district", { timeout: 240_000 }, () => {
  it("a commissioner adds a cluster, puts a LIFT group in it, and splits it off into a new district after a preview", async () => {
    const schools = (await app.graph.stores.settings.all({ where: { districtSlug: "dover" } })).map((i) => i.value).filter((s) => s.phase === "primary").slice(0, 2);
    expect(schools).toHaveLength(2);
    const [first, second] = schools as [(typeof schools)[number], (typeof schools)[number]];
    await withPage(async (page) => {
      await openStructure(page, app.url, COMMISSIONER, NOW);

      // A cluster in Dover with two of its schools, chosen by searching the register.
      await page.getByRole("button", { name: "Add a locality" }).click();
      const locality = page.getByTestId("locality-form");
      await locality.getByLabel("Name", { exact: true }).fill("Deal cluster");
      await locality.getByLabel("Kind", { exact: true }).selectOption("cluster");
      await locality.getByLabel("District", { exact: true }).selectOption("dover");
      const find = locality.getByLabel("Find a school or setting");
      for (const school of schools) {
        await find.fill(school.name);
        await locality.getByRole("checkbox", { name: new RegExp(`^${escape(school.name)} \\(`) }).check();
      }
      await expectAccessible(page);
      await locality.getByRole("button", { name: "Save locality" }).click();
      await expect.poll(() => page.getByTestId("structure-message").textContent(), WAIT).toContain("Deal cluster is saved: it has 2 schools and settings");
      await expect.poll(() => page.getByTestId("locality-deal-cluster").textContent(), WAIT).toContain("Dover");
      const inCluster = (await app.graph.stores.settings.all({ where: { districtSlug: "dover" } })).filter((i) => i.value.localitySlug === "deal-cluster").map((i) => i.value.id);
      expect(inCluster.sort()).toEqual([first.id, second.id].sort());

      // A LIFT group in the cluster.
      await page.getByRole("button", { name: "Add a LIFT group" }).click();
      const group = page.getByTestId("group-form");
      await group.getByLabel("Name", { exact: true }).fill("Deal schools LIFT");
      await group.getByLabel("District", { exact: true }).selectOption("dover");
      await group.getByLabel("Phase", { exact: true }).selectOption("school");
      await group.getByLabel("Locality or cluster", { exact: true }).selectOption("deal-cluster");
      for (const school of schools) {
        await group.getByLabel("Find a school").fill(school.name);
        await group.getByRole("checkbox", { name: new RegExp(`^${escape(school.name)} \\(`) }).check();
      }
      await group.getByRole("button", { name: "Save LIFT group" }).click();
      await expect.poll(() => page.getByTestId("group-deal-schools-lift").textContent(), WAIT).toContain("Deal cluster");

      // The split: a code already taken is refused beside the field and in the summary.
      await page.getByRole("button", { name: "Split a district" }).click();
      const split = page.getByTestId("split-form");
      await split.getByLabel("District to split").selectOption("dover");
      await split.getByLabel("Takes effect on").fill("2027-01-04");
      await split.getByLabel("New district's name").fill("Deal");
      await split.getByLabel("New district's code").fill("dov");
      await split.getByRole("checkbox", { name: /^Deal cluster/ }).check();
      // Choosing the cluster takes its schools and its group along.
      await expect.poll(() => split.getByRole("checkbox", { name: "Deal schools LIFT (Deal cluster)" }).isChecked(), WAIT).toBe(true);
      await expect.poll(() => split.getByRole("list", { name: "Chosen: 2" }).count(), WAIT).toBe(1);
      await split.getByRole("button", { name: "Preview" }).click();
      const summary = page.getByTestId("split-errors");
      await summary.waitFor(WAIT);
      expect(await summary.textContent()).toContain("The code DOV is taken.");
      const codeField = split.getByLabel("New district's code");
      expect(await codeField.getAttribute("aria-invalid")).toBe("true");
      const described = (await codeField.getAttribute("aria-describedby")) ?? "";
      const beside = await Promise.all(described.split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).textContent()));
      expect(beside.join(" ")).toContain("The code DOV is taken.");
      await expectAccessible(page);
      expect((await app.graph.stores.districts.all()).some((d) => d.value.slug === "deal")).toBe(false);

      // With a free code, the preview names what moves and what stays.
      await codeField.fill("DEA");
      await split.getByRole("button", { name: "Preview" }).click();
      const preview = page.getByTestId("split-preview");
      await preview.waitFor(WAIT);
      const said = (await preview.textContent()) ?? "";
      for (const name of ["Deal schools LIFT", "Deal cluster", first.name, second.name]) expect(said).toContain(name);
      expect(said).toContain("Dover keeps its returns, referrals and meetings");
      expect((await app.graph.stores.districts.all()).some((d) => d.value.slug === "deal")).toBe(false);
      await expectAccessible(page);

      await split.getByRole("button", { name: "Split Dover" }).click();
      await expect.poll(() => page.getByTestId("structure-message").textContent(), WAIT).toContain("Deal is made from Dover");
      await expect.poll(() => page.getByTestId("district-deal").textContent(), WAIT).toContain("Starts");
      await expect.poll(() => page.getByTestId("group-deal-schools-lift").textContent(), WAIT).toMatch(/Deal schools LIFT\s*Deal\s*Deal cluster/);
      expect(await page.getByTestId("locality-deal-cluster").textContent()).toContain("Deal");
      await expectAccessible(page);
    });
    const moved = (await app.graph.stores.settings.all({ where: { districtSlug: "deal" } })).map((i) => i.value.id);
    expect(moved.sort()).toEqual([first.id, second.id].sort());
    const audit = (await app.graph.stores.auditLog.all()).map((i) => i.value.action);
    expect(audit).toEqual(expect.arrayContaining(["admin.structure.add_locality", "admin.structure.add_lift_group", "admin.structure.split_district"]));
  });

  it("Dover's lead sees Dover's localities read-only and no split form", async () => {
    const saved = await api(COMMISSIONER, "PUT", "/api/admin/structure/localities/dover-town", { name: "Dover town", kind: "locality", districtSlug: "dover" });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await withPage(async (page) => {
      await openStructure(page, app.url, LEAD, NOW);
      await expect.poll(() => page.getByTestId("locality-dover-town").textContent(), WAIT).toContain("Dover town");
      expect(await page.getByTestId("localities-table").textContent()).not.toContain("Deal cluster");
      expect(await page.getByRole("button", { name: "Split a district" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Add a locality" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Change Dover town" }).count()).toBe(0);
      expect(await page.getByTestId("split-form").count()).toBe(0);
      await expectAccessible(page);
    });
  });

  it("a commissioner renames a locality and retires it, keeping its id; a new one cannot take an id already used", async () => {
    await withPage(async (page) => {
      await openStructure(page, app.url, COMMISSIONER, NOW);
      await page.getByRole("button", { name: "Add a locality" }).click();
      const adding = page.getByTestId("locality-form");
      await adding.getByLabel("Name", { exact: true }).fill("Dover town");
      await adding.getByLabel("District", { exact: true }).selectOption("dover");
      await adding.getByRole("button", { name: "Save locality" }).click();
      const summary = page.getByTestId("locality-errors");
      await summary.waitFor(WAIT);
      expect(await summary.textContent()).toContain("Dover town already has the id dover-town");
      await expectAccessible(page);
      await adding.getByRole("button", { name: "Cancel" }).click();

      await page.getByRole("button", { name: "Change Dover town" }).click();
      const changing = page.getByTestId("locality-form");
      await changing.getByLabel("Name", { exact: true }).fill("Dover town centre");
      await changing.getByLabel("Retire from").fill("2027-04-01");
      await changing.getByRole("button", { name: "Save locality" }).click();
      await expect.poll(() => page.getByTestId("structure-message").textContent(), WAIT).toContain("Dover town centre is saved: it retires on 1 Apr 2027");
      // Today is 3 November 2026 in the page: the retirement is still to come.
      await expect.poll(() => page.getByTestId("locality-dover-town").textContent(), WAIT).toContain("Retires 1 Apr 2027");
      await expectAccessible(page);
    });
  });
});
