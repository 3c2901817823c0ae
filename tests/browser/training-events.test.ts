/**
 * The Training and transition tab end to end against the real API, on a fixed clock (Tuesday 24
 * November 2026, term 2 of 2026-27) with the demo data. In the browser teacher.dover records a
 * training session (a refused save first: the error summary links to its fields) with its attendance
 * — a Dover school and a school outside the district, picked from the register — and the evaluation
 * returns, then a transition event with its attendance register. Dover's KPI return for the term then
 * shows the training and transition measures prefilled from them, in the API and on the KPI return
 * tab. A stale change offers theirs or mine, and a record made in error is deleted; the page passes axe; a SENCo is told it is not theirs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startTestApp } from "../support/test-app";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { apiFor, type Api } from "../support/api-client";
import { pageRunner, seriousAxeViolations } from "./helpers";

const NOW = new Date("2026-11-24T10:00:00Z");
const TEACHER = "teacher.dover@lift.local";
const LEAD = "lead.dover@lift.local";
const WAIT = { timeout: 20_000 };
const COURSE = "Zones of regulation for lunchtime staff";
const EVENT = "Year 6 to Year 7 taster morning";

type Prefill = Record<string, { value: number; source: string }>;
type Json = Record<string, any>;

let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: TestBrowser;
let api: Api;
const withPage = pageRunner(() => browser);
let before: Prefill = {};
/** Term 2 of 2026-27 so far, from the calendar. */
const TERM = { from: "", to: "2026-11-24" };
const recorded = { session: false, event: false };

const returnPrefill = async (): Promise<Prefill> => {
  const res = await api(LEAD, "GET", "/api/kpi/returns/dover/2026-27/2");
  expect(res.status).toBe(200);
  return res.body.return.prefill;
};

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { now: () => NOW }), launchBrowser()]);
  api = apiFor(app.url);
  const terms = (await api(LEAD, "GET", "/api/reference")).body.terms as Json[];
  TERM.from = terms.find((t) => t.academicYear === "2026-27" && t.term === 2)!.start;
  before = await returnPrefill();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openTraining(page: Page, upn: string, query = ""): Promise<void> {
  // The forms' "today" is the server's fixed day.
  await page.clock.setFixedTime(NOW);
  await page.goto(`${app.url}/tabs/training?as=${encodeURIComponent(upn)}${query}`);
  await page.getByTestId("signed-in-user").waitFor(WAIT);
}

/** Finds a setting by name in the form's picker and ticks it. */
async function pick(form: ReturnType<Page["getByTestId"]>, name: string): Promise<void> {
  await form.getByLabel("Find a school or setting").fill(name);
  await form.getByRole("checkbox", { name: new RegExp(`^${name}`) }).check();
}

const termSessions = async (): Promise<Json[]> => (await api(LEAD, "GET", `/api/training-events/sessions?from=${TERM.from}&to=${TERM.to}`)).body.items;
const termEvents = async (): Promise<Json[]> => (await api(LEAD, "GET", `/api/training-events/transition?from=${TERM.from}&to=${TERM.to}`)).body.items;

describe("Training and transition tab: recording, and the KPI return prefilled from it", { timeout: 180_000 }, () => {
  it("as teacher.dover: records a training session with its attendance and evaluation returns", async () => {
    const settings = (await api(TEACHER, "GET", "/api/training-events/settings")).body.items as Json[];
    const own = settings.find((s) => s.districtSlug === "dover" && s.phase === "primary")!;
    const outside = settings.find((s) => s.districtSlug === "thanet" && s.phase === "primary")!;
    await withPage(async (page) => {
      await openTraining(page, TEACHER);
      await page.getByTestId("sessions-table").waitFor(WAIT);
      await page.getByRole("button", { name: "Record a training session" }).click();
      const form = page.getByTestId("session-form");

      // Nothing filled in: refused, with a summary whose links go to the fields.
      await form.getByRole("button", { name: "Record the training session" }).click();
      const summary = page.getByTestId("session-errors");
      await summary.waitFor(WAIT);
      await summary.getByRole("link", { name: "Enter the course title" }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-session-title");
      const axe = await seriousAxeViolations(page);
      expect(axe, `axe on the refused session form:\n${axe}`).toBe("");

      await form.getByLabel("Course title").fill(COURSE);
      await form.getByLabel(/district need it was developed for/).fill("Lunchtime incidents raised at the autumn LIFT meetings");
      await form.getByRole("radio", { name: "School or setting staff" }).check();
      await form.getByLabel("Date").fill("2026-11-20");
      await pick(form, own.name);
      await pick(form, outside.name);
      expect(await form.getByRole("list", { name: "Chosen: 2" }).textContent()).toContain("Thanet");
      await form.getByLabel("Number of attendees").fill("5");
      await form.getByRole("checkbox", { name: /Evaluation forms have come back/ }).check();
      await form.getByLabel("Forms returned").fill("4");
      for (const [score, n] of [[1, 0], [2, 0], [3, 1], [4, 2], [5, 1]] as const) await form.getByLabel(`Score ${score}`, { exact: true }).fill(String(n));
      await form.getByRole("button", { name: "Record the training session" }).click();
      await page.getByText("The training session is recorded").waitFor(WAIT);
      const row = page.getByTestId("sessions-table").getByRole("row", { name: new RegExp(COURSE) });
      await row.waitFor(WAIT);
      expect(await row.textContent()).toContain("2: 2 primary");
    });
    const saved = (await termSessions()).find((s) => s.title === COURSE);
    expect(saved).toMatchObject({ audience: "staff", date: "2026-11-20", attendees: 5, settingIds: [own.id, outside.id], evaluation: { returned: 4, scores: [0, 0, 1, 2, 1] } });
    recorded.session = true;
  });

  it("as teacher.dover: records a transition event with its attendance register", async () => {
    const settings = (await api(TEACHER, "GET", "/api/training-events/settings")).body.items as Json[];
    const dover = settings.filter((s) => s.districtSlug === "dover" && s.open && s.phase !== "early-years").slice(0, 2);
    expect(dover).toHaveLength(2);
    await withPage(async (page) => {
      await openTraining(page, TEACHER);
      await page.getByRole("tab", { name: "Transition events" }).click();
      await page.getByRole("button", { name: "Record a transition event" }).click();
      const form = page.getByTestId("event-form");
      await form.getByLabel("Event title").fill(EVENT);
      await form.getByRole("radio", { name: "School transition" }).check();
      await form.getByLabel("Date").fill("2026-11-18");
      // The register by keyboard alone: type in the search box, Tab to the match, Space to tick it.
      await form.getByLabel("Find a school or setting").focus();
      await page.keyboard.type(dover[0]!.name);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Space");
      await form.getByRole("button", { name: `Remove ${dover[0]!.name}` }).waitFor(WAIT);
      await pick(form, dover[1]!.name);
      await form.getByRole("button", { name: "Record the transition event" }).click();
      await page.getByText("The transition event is recorded").waitFor(WAIT);
      await page.getByTestId("events-table").getByRole("row", { name: new RegExp(EVENT) }).waitFor(WAIT);
    });
    const saved = (await termEvents()).find((e) => e.title === EVENT);
    expect(saved).toMatchObject({ kind: "school", date: "2026-11-18", settingIds: dover.map((s) => s.id) });
    recorded.event = true;
  });

  it("Dover's KPI return for the term shows the training and transition measures prefilled from them", async () => {
    expect(recorded).toEqual({ session: true, event: true });
    const after = await returnPrefill();
    // One more course title; its 4 answers, 3 of them scoring 4 or above.
    expect(after.training_courses?.value).toBe((before.training_courses?.value ?? 0) + 1);
    expect(after.kpi_3_3?.value).toBe((before.kpi_3_3?.value ?? 0) + 1);
    expect(after.kpi_3_1_num?.value).toBe((before.kpi_3_1_num?.value ?? 0) + 3);
    expect(after.kpi_3_1_den?.value).toBe((before.kpi_3_1_den?.value ?? 0) + 4);
    // The different settings, counted by hand from the records: Dover's own for "trained"; any on a register for KPI 4.1.
    const settings = new Map(((await api(LEAD, "GET", "/api/training-events/settings")).body.items as Json[]).map((s) => [s.id, s.districtSlug]));
    const staff = (await termSessions()).filter((s) => s.audience === "staff");
    expect(after.settings_trained?.value).toBe(new Set(staff.flatMap((s) => s.settingIds).filter((id: string) => settings.get(id) === "dover")).size);
    expect(after.kpi_4_1?.value).toBe(new Set((await termEvents()).flatMap((e) => e.settingIds)).size);
    expect(after.kpi_4_1!.source).toMatch(/transition/);

    await withPage(async (page) => {
      await page.clock.setFixedTime(NOW);
      await page.goto(`${app.url}/tabs/kpi-return?as=${encodeURIComponent(LEAD)}`);
      await page.getByTestId("signed-in-user").waitFor(WAIT);
      for (const id of ["training_courses", "settings_trained", "kpi_4_1"]) {
        const prefill = page.getByTestId(`prefill-${id}`);
        await prefill.waitFor(WAIT);
        expect(await prefill.textContent()).toContain(`Prefilled ${after[id]!.value} from LIFT Hub: ${after[id]!.source}`);
      }
    });
  });
});

describe("Training and transition tab: a stale change, the autism target, who sees what", { timeout: 180_000 }, () => {
  it("a stale change offers their version or mine re-applied; mine is saved over theirs; then it is deleted", async () => {
    const made = await api(LEAD, "POST", "/api/training-events/sessions", {
      idempotencyKey: `stale-${process.pid}`,
      session: { districtSlug: "dover", title: "Attention autism", audience: "staff", date: "2026-11-10", trainerName: "Lead", settingIds: [], attendees: 3 },
    });
    expect(made.status).toBe(201);
    const id = made.body.session.id as string;
    await withPage(async (page) => {
      await openTraining(page, TEACHER);
      await page.getByRole("button", { name: /Change “Attention autism”/ }).click();
      const form = page.getByTestId("session-form");
      // The lead changes the attendees meanwhile.
      const theirs = (await api(LEAD, "GET", `/api/training-events/sessions/${id}`)).body.session;
      const { id: _id, eTag, phases: _p, updatedAt: _u, updatedByName: _n, ...value } = theirs;
      expect((await api(LEAD, "PUT", `/api/training-events/sessions/${id}`, { eTag, session: { ...value, attendees: 9 } })).status).toBe(200);

      await form.getByLabel("Trainer").fill("Sam Patel");
      await form.getByRole("button", { name: "Save the training session" }).click();
      const stale = page.getByTestId("session-stale");
      await stale.waitFor(WAIT);
      expect(await stale.textContent()).toContain("9 attendees");
      await stale.getByRole("button", { name: "Re-apply my changes to theirs and save" }).click();
      await page.getByText("The training session is saved").waitFor(WAIT);
      expect((await api(LEAD, "GET", `/api/training-events/sessions/${id}`)).body.session).toMatchObject({ attendees: 9, trainerName: "Sam Patel" });

      // Recorded in error after all: deleted, after a confirmation.
      await page.getByRole("button", { name: /Change “Attention autism”/ }).click();
      await form.getByRole("button", { name: "Delete…" }).click();
      await form.getByRole("button", { name: "Delete it" }).click();
      await page.getByText("The training session is deleted").waitFor(WAIT);
      await page.getByRole("button", { name: /Change “Attention autism”/ }).waitFor({ state: "detached", ...WAIT });
    });
    expect((await api(LEAD, "GET", `/api/training-events/sessions/${id}`)).status).toBe(404);
  });

  it("shows the autism education target from the API; a commissioner reads a district without forms, in the dark theme", async () => {
    const target = (await api(LEAD, "GET", "/api/training-events/autism-target?year=2026-27")).body;
    await withPage(async (page) => {
      await openTraining(page, "commissioner@lift.local", "&district=dover&theme=dark");
      await page.getByTestId("sessions-table").waitFor(WAIT);
      expect(await page.getByRole("button", { name: /Record a|Change “/ }).count()).toBe(0);
      await page.getByRole("tab", { name: "Autism education target" }).click();
      const row = page.getByTestId("aet-school-age");
      await row.waitFor(WAIT);
      const group = target.groups.find((g: Json) => g.group === "school-age");
      const cells = await row.getByRole("cell").allTextContents();
      expect(cells.slice(0, 3)).toEqual(["School age", String(group.settings), String(group.trained)]);
      const axe = await seriousAxeViolations(page);
      expect(axe, `axe on the autism target:\n${axe}`).toBe("");
    }, "dark");
  });

  it("the server's field messages (400) show beside the field and in the summary", async () => {
    await withPage(async (page) => {
      // A setting the register no longer holds (removed since the page loaded): only the server knows.
      await page.route("**/api/training-events/settings*", async (route) => {
        const answer = await route.fetch();
        const body = (await answer.json()) as { items: Json[] };
        body.items.unshift({ id: "DOV-Z99", name: "Gone Away Primary School", districtSlug: "dover", phase: "primary", open: true });
        await route.fulfill({ response: answer, json: body });
      });
      await openTraining(page, TEACHER);
      await page.getByRole("tab", { name: "Transition events" }).click();
      await page.getByRole("button", { name: "Record a transition event" }).click();
      const form = page.getByTestId("event-form");
      await form.getByLabel("Event title").fill("Nursery to Reception visit");
      await form.getByRole("radio", { name: "Early years transition" }).check();
      await pick(form, "Gone Away Primary School");
      await form.getByRole("button", { name: "Record the transition event" }).click();
      const summary = page.getByTestId("event-errors");
      await summary.waitFor(WAIT);
      await summary.getByRole("link", { name: "Choose a school or setting from the register" }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-event-settingIds");
      expect(await form.getByRole("group", { name: /Attendance register/ }).textContent()).toContain("Choose a school or setting from the register");
    });
    expect((await termEvents()).some((e) => e.title === "Nursery to Reception visit")).toBe(false);
  });

  it("a SENCo is told the page is the STLS's", async () => {
    await withPage(async (page) => {
      await openTraining(page, "senco.dover@lift.local");
      await page.getByText(/kept by each district.s STLS/).waitFor(WAIT);
    });
  });
});
