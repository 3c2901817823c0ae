/**
 * The structure section of the administration tab end to end: a commissioner renames Dover (seeing
 * what changes before saving) and adds an early years LIFT group; the summary tab then names the
 * district anew while its earlier returns still count for it. Dover's lead sees only Dover, keeps its
 * groups and cannot rename it. Each view passes axe.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp } from "../support/test-app";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { apiFor, type Api, type Json } from "../support/api-client";
import { expectAccessible, openStructure, pageRunner } from "./helpers";

const NOW = new Date("2026-11-03T09:00:00Z");
const COMMISSIONER = "commissioner@lift.local";
const LEAD = "lead.dover@lift.local";
const WAIT = { timeout: 20_000 };
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

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

describe("Administration tab: the structure", { timeout: 180_000 }, () => {
  it("a commissioner renames a district and adds a LIFT group; the summary shows the new name with the old returns", async () => {
    const dover = (await app.graph.stores.settings.all({ where: { districtSlug: "dover" } })).map((i) => i.value).filter((s) => s.status !== "closed");
    const ey = dover.filter((s) => s.phase === "early-years").slice(0, 2);
    const school = dover.find((s) => s.phase !== "early-years")!;
    await withPage(async (page) => {
      await openStructure(page, app.url, COMMISSIONER, NOW);
      await expectAccessible(page);
      expect(await page.getByTestId("districts-table").locator("tbody tr").count()).toBe(12);

      await page.getByRole("button", { name: "Rename Dover" }).click();
      const form = page.getByTestId("rename-form");
      await form.getByLabel("Name", { exact: true }).fill("Dover and Deal");
      await form.getByRole("button", { name: "Show what changes" }).click();
      const preview = page.getByTestId("rename-preview");
      await preview.waitFor(WAIT);
      expect(await preview.textContent()).toContain("Dover will be shown as Dover and Deal");
      expect(await preview.textContent()).toContain("its id (dover)");
      await expectAccessible(page);
      await form.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => page.getByTestId("structure-message").textContent(), WAIT).toContain("Dover and Deal is saved");
      await expect.poll(() => page.getByTestId("district-dover").textContent(), WAIT).toContain("Dover and Deal (also Dover)");

      await page.getByRole("button", { name: "Add a LIFT group" }).click();
      const group = page.getByTestId("group-form");
      await group.getByLabel("Name", { exact: true }).fill("Deal early years LIFT");
      await group.getByLabel("District", { exact: true }).selectOption("dover");
      // A school chosen for a school group leaves when the group becomes an early years one.
      await group.getByLabel("Phase", { exact: true }).selectOption("school");
      await group.getByLabel("Find a school").fill(school.name);
      await group.getByRole("checkbox", { name: new RegExp(`^${escape(school.name)} \\(`) }).check();
      await group.getByRole("button", { name: `Remove ${school.name}` }).waitFor(WAIT);
      await group.getByLabel("Phase", { exact: true }).selectOption("early-years");
      await group.getByText("None chosen yet.").waitFor(WAIT);
      // Early years settings only, chosen by keyboard: type, Tab to the match, Space.
      const find = group.getByLabel("Find an early years setting");
      await find.fill(school.name);
      await group.getByText("No school or setting of the group's phase in the district has that name.").waitFor(WAIT);
      for (const setting of ey) {
        await find.fill(setting.name);
        await find.press("Tab");
        await page.keyboard.press("Space");
        await group.getByRole("button", { name: `Remove ${setting.name}` }).waitFor(WAIT);
      }
      await expectAccessible(page);
      await group.getByRole("button", { name: "Save LIFT group" }).click();
      await expect.poll(() => page.getByTestId("structure-message").textContent(), WAIT).toContain("meets two or three times a term");
      await expect.poll(() => page.getByTestId("group-deal-early-years-lift").textContent(), WAIT).toContain("Dover and Deal");
      await page.getByTestId("cadence-table").waitFor(WAIT);
      await expectAccessible(page);

      // Another group named the same would take its id: refused beside the name and in the summary, nothing sent.
      await page.getByRole("button", { name: "Add a LIFT group" }).click();
      await group.getByLabel("Name", { exact: true }).fill("Deal Early Years LIFT");
      await group.getByLabel("District", { exact: true }).selectOption("dover");
      await group.getByLabel("Phase", { exact: true }).selectOption("school");
      await group.getByRole("button", { name: "Save LIFT group" }).click();
      const taken = "Deal early years LIFT already has the id deal-early-years-lift";
      await expect.poll(() => page.getByTestId("group-errors").textContent(), WAIT).toContain(taken);
      expect(await group.getByText(taken).count()).toBe(2);
      await expectAccessible(page);
      await group.getByRole("button", { name: "Cancel" }).click();
    });
    const stored = (await app.graph.stores.liftGroups.all()).map((i) => i.value).filter((g) => g.id === "deal-early-years-lift");
    expect(stored).toHaveLength(1);
    expect(stored[0]?.settingIds.sort()).toEqual(ey.map((s) => s.id).sort());
    const audit = (await app.graph.stores.auditLog.all()).map((i) => i.value.action);
    expect(audit).toEqual(expect.arrayContaining(["admin.structure.change_district", "admin.structure.add_lift_group"]));

    await withPage(async (page) => {
      await page.clock.setFixedTime(NOW);
      await page.goto(`${app.url}/tabs/summary?as=${encodeURIComponent(COMMISSIONER)}`);
      const links = page.getByTestId("kpi-table").getByTestId("district-link");
      await expect.poll(async () => (await links.allTextContents()).map((t) => t.trim()), WAIT).toContain("Dover and Deal");
      expect((await links.allTextContents()).map((t) => t.trim())).not.toContain("Dover");
    });
    // The returns made under the old name count for the renamed district.
    const summary = await api(COMMISSIONER, "GET", "/api/kpi/summary?year=2025-26&district=dover");
    const rows = summary.body.rows.filter((r: Json) => r.level === "district");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: Json) => r.name === "Dover and Deal")).toBe(true);
    expect(rows.some((r: Json) => r.value !== null)).toBe(true);
  });

  it("Dover's lead sees Dover only, keeps its groups and cannot rename it", async () => {
    const leadSees = (await app.graph.stores.liftGroups.all()).find((i) => i.value.id === "deal-early-years-lift")!.value.settingIds;
    await withPage(async (page) => {
      await openStructure(page, app.url, LEAD, NOW);
      expect(await page.getByTestId("districts-table").locator("tbody tr").count()).toBe(1);
      expect(await page.getByRole("button", { name: /^Rename/ }).count()).toBe(0);
      await page.getByRole("button", { name: "Change Deal early years LIFT" }).click();
      // A lead reads their own district's register: the group's settings are chosen in the picker.
      const group = page.getByTestId("group-form");
      await expect.poll(() => group.getByRole("list", { name: `Chosen: ${leadSees.length}` }).count(), WAIT).toBe(1);
      expect(await group.getByText("The settings register is kept by commissioners").count()).toBe(0);
      await expectAccessible(page);
      await group.getByRole("button", { name: "Save LIFT group" }).click();
      await expect.poll(() => page.getByTestId("structure-message").textContent(), WAIT).toContain("Deal early years LIFT is saved");
    });
  });
});
