/**
 * The referral tab end to end against the real API (startTestApp): a SENCo fills in and submits a
 * school referral through the labelled fields and sees it in My referrals with its case reference;
 * the Dover specialist teacher sees it for the chosen meeting; the Thanet SENCo neither sees it nor
 * can read it from the API. Also: the form by keyboard alone (error summary linking to the fields,
 * visible focus, submit with Space/Enter), axe in light and dark, a stale save (412) and a full
 * meeting (409) offering the next one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startTestApp } from "../support/test-app";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { apiFor, type Api } from "../support/api-client";
import { pageRunner, seriousAxeViolations } from "./helpers";
import { referralValidationMessages } from "../../src/schemas/referrals/referral";
import { ukToday } from "../../src/domain/time/uk-clock";

const SENCO = "senco.dover@lift.local";
const TEACHER = "teacher.dover@lift.local";
const OTHER_SENCO = "senco.thanet@lift.local";
const CASE_REFERENCE = /^DOV-\d{4}-\d{4,6}$/;

let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: TestBrowser;
let api: Api;
const withPage = pageRunner(() => browser);

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  api = apiFor(app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

// ---------------------------------------------------------------------------------------------
// Helpers

async function openTab(page: Page, upn: string, theme = "default"): Promise<void> {
  await page.goto(`${app.url}/tabs/referral?as=${encodeURIComponent(upn)}&theme=${theme}`);
  await page.getByTestId("signed-in-user").waitFor({ timeout: 15_000 });
}

/** Dates that fit a Year 4 child this academic year, and an agreement dated today or earlier. */
function childDates(): { dateOfBirth: string; agreedOn: string } {
  const today = ukToday(new Date());
  const [year, month] = today.split("-").map(Number) as [number, number];
  const academicYearStart = month >= 9 ? year : year - 1;
  // Year 4 is aged 8 on 31 August before the year starts: born Sep (start − 9) … Aug (start − 8).
  // Day = month, so the date types the same in dd/mm and mm/dd date fields.
  return { dateOfBirth: `${academicYearStart - 8}-03-03`, agreedOn: `${year}-01-01` };
}

/** A complete school referral for White Cliffs Primary School, as the API takes it. */
function completeDraft(childName: string, meetingId: string) {
  const { dateOfBirth, agreedOn } = childDates();
  const cycle = { assess: "Reading age 6y2m", plan: "Phonics target", do: "Daily 1:1, 15 min", review: "Some progress", impact: "Small gains" };
  return {
    setting: { settingId: "DOV-P1", phase: "primary" },
    referrer: { name: "Jo Bennett", email: "senco.dover@lift.local", headteacherAware: true },
    child: { legalName: childName, dateOfBirth, yearGroup: "Y4" },
    flags: { senStatus: "sen-support", lookedAfter: false, childProtection: false, childInNeed: false, earlyHelp: false, pupilPremium: false },
    needs: { primaryArea: "CL" },
    question: { question: "How can we help with reading?" },
    profile: { strengths: "Kind, loves football", presentingNeeds: "Reading well below peers" },
    apdrCycles: [cycle, cycle],
    strategies: { inPlace: "Visual timetable, pre-teaching" },
    agreementToEngage: { given: true, name: "Parent", relationship: "mother", parentalResponsibility: true, date: agreedOn, method: "signed-form" },
    meeting: { meetingId },
  };
}

async function yesNo(page: Page, name: string, answer: "Yes" | "No"): Promise<void> {
  await page.getByRole("radiogroup", { name }).getByRole("radio", { name: answer }).check();
}

/** Fill every field a school referral needs, through the labels a user reads. */
async function fillSchoolReferral(page: Page, childName: string): Promise<void> {
  const { dateOfBirth, agreedOn } = childDates();
  await yesNo(page, "Headteacher or manager aware of this referral", "Yes");
  await page.getByLabel("Child's legal name").fill(childName);
  await page.getByLabel("Date of birth").fill(dateOfBirth);
  await page.getByLabel("Year group").selectOption({ label: "Year 4" });
  await page.getByLabel("SEN status").selectOption({ label: "SEN support" });
  for (const flag of ["Looked after child", "Child protection plan", "Child in need plan", "Early Help involved", "Pupil premium"]) {
    await yesNo(page, flag, "No");
  }
  await page.getByLabel("Primary area of need").selectOption({ label: "Communication and Interaction" });
  await page.getByLabel("Secondary area of need").selectOption({ label: "Social, Emotional and Mental Health" });
  await page.getByLabel("Question for LIFT").fill("How can we help him to stay in class for a whole lesson?");
  await page.getByLabel("Strengths and interests").fill("Loves trains; kind to younger children");
  await page.getByLabel("Presenting needs").fill("Leaves the classroom several times a day");
  const whatWasTried = page.getByRole("group", { name: /What has been tried \(assess, plan, do, review\)/ });
  for (const cycle of [1, 2]) {
    const group = whatWasTried.getByRole("group", { name: `Cycle ${cycle}` });
    for (const label of ["Assess", "Plan", "Do", "Review", "Impact"]) {
      // "Review" is also the start of "Review date": match the whole label (plus the required asterisk).
      await group.getByLabel(new RegExp(`^${label}\\s*\\*?$`)).fill(`${label} in cycle ${cycle}`);
    }
  }
  await page.getByLabel("Mainstream Core Standards strategies in place").fill("Visual timetable; movement breaks");
  await page.getByLabel("Parent/carer agreement to engage").check();
  await page.getByLabel("Parent/carer name").fill("Alex Parent");
  await page.getByLabel("Relationship to the child").selectOption({ label: "Mother" });
  await yesNo(page, "Has parental responsibility", "Yes");
  await page.getByLabel("Date of agreement").fill(agreedOn);
  await page.getByLabel("How the agreement was given").selectOption({ label: "Signed form" });
}

/** Choose the first LIFT meeting that accepts the referral; its id. */
async function chooseFirstAcceptingMeeting(page: Page): Promise<string> {
  const select = page.getByLabel("LIFT meeting", { exact: false }).and(page.locator("select"));
  await select.locator("option:not([value=''])").first().waitFor({ state: "attached", timeout: 15_000 });
  const id = await select.evaluate((el) => {
    const option = [...(el as HTMLSelectElement).options].find((o) => o.value !== "" && !o.disabled);
    return option?.value ?? "";
  });
  expect(id, "an upcoming LIFT meeting that accepts referrals").not.toBe("");
  await select.selectOption(id);
  return id;
}

async function startNewReferral(page: Page): Promise<void> {
  await page.getByRole("button", { name: "New referral" }).click();
  await page.getByLabel("Child's legal name").waitFor();
}

/** After submitting: the confirmation's case reference. */
async function submittedCaseReference(page: Page): Promise<string> {
  await page.getByTestId("submitted-notice").waitFor({ timeout: 20_000 });
  const reference = (await page.getByTestId("case-reference").textContent())?.trim() ?? "";
  expect(reference).toMatch(CASE_REFERENCE);
  return reference;
}

// ---------------------------------------------------------------------------------------------

describe("referral tab: submit, then who sees it", { timeout: 120_000 }, () => {
  const childName = "Sam <b>Flow</b> Pupil";
  let caseReference = "";
  let meetingId = "";
  let referralId = "";

  it("as senco.dover: fill in and submit a school referral, then see it in My referrals with its case reference", async () => {
    await withPage(async (page) => {
      await openTab(page, SENCO);
      await startNewReferral(page);
      // The required labels, as the referral form words them, each associated with its control.
      for (const label of ["Child's legal name", "Date of birth", "Year group", "Primary area of need", "Secondary area of need", "Question for LIFT", "Parent/carer agreement to engage"]) {
        expect(await page.getByLabel(label).count(), label).toBe(1);
      }
      expect(await page.getByRole("group", { name: /What has been tried \(assess, plan, do, review\)/ }).count()).toBe(1);
      expect(await page.getByText("Age in months").count(), "Age in months is only on the early years form").toBe(0);

      await fillSchoolReferral(page, childName);
      meetingId = await chooseFirstAcceptingMeeting(page);
      // A double click must not make two referrals.
      await page.getByRole("button", { name: "Submit referral" }).dblclick();
      caseReference = await submittedCaseReference(page);
      // Text is text: the markup typed into the name is shown, not interpreted.
      expect(await page.getByRole("heading", { name: new RegExp(caseReference) }).textContent()).toContain("<b>Flow</b>");
      expect(await page.locator("b", { hasText: "Flow" }).count()).toBe(0);

      await page.getByRole("button", { name: "Back to my referrals" }).click();
      const item = page.getByTestId("referral-item").filter({ hasText: caseReference });
      await item.waitFor({ timeout: 15_000 });
      expect(await item.getByTestId("referral-status").textContent()).toBe("Scheduled for a meeting");
      referralId = (await item.getAttribute("data-referral-id")) ?? "";
      expect(referralId).not.toBe("");
    });

    const mine = await api(SENCO, "GET", "/api/referrals?scope=mine");
    expect(mine.status).toBe(200);
    const named = (mine.body.items as { childName?: string; caseReference?: string }[]).filter((r) => r.childName === childName);
    expect(named.map((r) => r.caseReference), "one referral, however many clicks").toEqual([caseReference]);
  });

  it("as teacher.dover: see it for the chosen meeting", async () => {
    expect(caseReference).toMatch(CASE_REFERENCE);
    await withPage(async (page) => {
      await openTab(page, TEACHER);
      const filter = page.getByLabel("Show referrals for");
      await filter.locator(`option[value="${meetingId}"]`).waitFor({ state: "attached", timeout: 15_000 });
      await filter.selectOption(meetingId);
      const item = page.getByTestId("referral-item").filter({ hasText: caseReference });
      await item.waitFor({ timeout: 15_000 });
      expect(await item.textContent()).toContain("White Cliffs Primary School");
      // Opening it shows the referral read-only.
      await item.getByRole("button", { name: /View/ }).click();
      await page.getByTestId("case-reference").filter({ hasText: caseReference }).waitFor();
      expect(await page.getByRole("textbox").count(), "read-only for the LIFT team").toBe(0);
    });
  });

  it("as senco.thanet: not in their list, and 404 from the API", async () => {
    expect(referralId).not.toBe("");
    await withPage(async (page) => {
      await openTab(page, OTHER_SENCO);
      await page.getByRole("button", { name: "New referral" }).waitFor();
      await page.getByRole("progressbar").first().waitFor({ state: "detached", timeout: 15_000 });
      expect(await page.getByRole("main").textContent()).not.toContain(caseReference);
    });
    const res = await api(OTHER_SENCO, "GET", `/api/referrals/${encodeURIComponent(referralId)}`);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain("Flow");
  });
});

describe("referral form: keyboard and accessibility", { timeout: 120_000 }, () => {
  it("has no serious or critical axe violations, empty and with errors, in light and dark themes", async () => {
    for (const theme of ["default", "dark"]) {
      await withPage(async (page) => {
        await openTab(page, SENCO, theme);
        await startNewReferral(page);
        await page.locator("select option:not([value=''])").first().waitFor({ state: "attached", timeout: 15_000 });
        const empty = await seriousAxeViolations(page);
        expect(empty, `axe on the empty form (${theme}):\n${empty}`).toBe("");
        await page.getByRole("button", { name: "Submit referral" }).click();
        await page.getByTestId("error-summary").waitFor();
        const withErrors = await seriousAxeViolations(page);
        expect(withErrors, `axe on the form with errors (${theme}):\n${withErrors}`).toBe("");
      }, theme);
    }
  });

  it("can be filled in and submitted with the keyboard alone, with an error summary linking to the fields", async () => {
    type Active = { id: string; testid: string; text: string; fuiFocusVisible: boolean; underline: string };
    const active = (page: Page) =>
      page.evaluate((): Active => {
        const el = document.activeElement as HTMLElement | null;
        const wrapper = el?.closest(".fui-Input") ?? null;
        return {
          id: el?.id ?? "",
          testid: el?.getAttribute("data-testid") ?? "",
          text: (el?.textContent ?? "").trim(),
          fuiFocusVisible: el?.hasAttribute("data-fui-focus-visible") ?? false,
          // Fluent draws an input's focus as an underline (::after) that grows to full width.
          underline: wrapper ? getComputedStyle(wrapper, "::after").transform : "",
        };
      });
    const tabTo = async (page: Page, match: (a: Active) => boolean, what: string, max = 80): Promise<Active> => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press("Tab");
        const now = await active(page);
        if (match(now)) return now;
      }
      throw new Error(`Tab never reached ${what}`);
    };
    const tabToField = (page: Page, path: string) => tabTo(page, (a) => a.id === `field-${path.replace(/\./g, "-")}`, path);

    await withPage(async (page) => {
      await openTab(page, SENCO);
      await page.getByRole("button", { name: "New referral" }).waitFor();
      await tabTo(page, (a) => a.text === "New referral", "New referral");
      await page.keyboard.press("Enter");
      await page.getByLabel("Child's legal name").waitFor();
      await page.locator("select option:not([value=''])").first().waitFor({ state: "attached", timeout: 15_000 });

      // Submitting the empty form: the summary takes focus, and its first link goes to its field.
      const submit = await tabTo(page, (a) => a.testid === "submit-referral", "Submit referral", 200);
      expect(submit.fuiFocusVisible, "Submit shows a focus ring").toBe(true);
      await page.keyboard.press("Space");
      await page.getByTestId("error-summary").waitFor();
      await expect.poll(async () => (await active(page)).testid).toBe("error-summary");
      const firstLink = await tabTo(page, (a) => a.text.length > 0, "the first error link", 3);
      expect(firstLink.text).toBe("Headteacher or manager aware of this referral is required (answer yes or no)");
      await page.keyboard.press("Enter");
      await expect.poll(async () => (await active(page)).id).toBe("field-referrer-headteacherAware");
      await page.keyboard.press("Space"); // Yes

      const { dateOfBirth, agreedOn } = childDates();
      const typeDate = async (iso: string) => {
        const [y, m, d] = iso.split("-") as [string, string, string];
        await page.keyboard.type(`${d}${m}${y}`); // day = month, so either field order works
      };
      const down = async (times: number) => {
        for (let i = 0; i < times; i++) await page.keyboard.press("ArrowDown");
      };

      await tabToField(page, "child.legalName");
      // The underline grows in with a short transition.
      await expect.poll(async () => (await active(page)).underline, { message: "the focused input shows its focus underline" }).toMatch(/^matrix\(1, 0, 0, 1/);
      await page.keyboard.type("Kit Keyboard");
      await tabToField(page, "child.dateOfBirth");
      await typeDate(dateOfBirth);
      await tabToField(page, "child.yearGroup");
      await down(5); // Choose…, Reception, Year 1, 2, 3, 4
      await tabToField(page, "flags.senStatus");
      await down(2); // Not yet on SEN support, SEN support
      for (const flag of ["lookedAfter", "childProtection", "childInNeed", "earlyHelp", "pupilPremium"]) {
        await tabToField(page, `flags.${flag}`);
        await page.keyboard.press("ArrowRight"); // No
      }
      await tabToField(page, "needs.primaryArea");
      await down(2); // Cognition and Learning
      await tabToField(page, "question.question");
      await page.keyboard.type("What would help her to start tasks on her own?");
      await tabToField(page, "profile.strengths");
      await page.keyboard.type("Creative, good at drawing");
      await tabToField(page, "profile.presentingNeeds");
      await page.keyboard.type("Needs an adult to start every task");
      for (const cycle of [0, 1]) {
        for (const part of ["assess", "plan", "do", "review", "impact"]) {
          await tabToField(page, `apdrCycles.${cycle}.${part}`);
          await page.keyboard.type(`${part} ${cycle + 1}`);
        }
      }
      await tabToField(page, "strategies.inPlace");
      await page.keyboard.type("Task boards, now-and-next");
      await tabToField(page, "agreementToEngage.given");
      await page.keyboard.press("Space");
      await tabToField(page, "agreementToEngage.name");
      await page.keyboard.type("Robin Parent");
      await tabToField(page, "agreementToEngage.relationship");
      await down(2); // Father
      await tabToField(page, "agreementToEngage.parentalResponsibility");
      await page.keyboard.press("Space"); // Yes
      await tabToField(page, "agreementToEngage.date");
      await typeDate(agreedOn);
      await tabToField(page, "agreementToEngage.method");
      await down(1); // Signed form
      await tabToField(page, "meeting.meetingId");
      await down(1); // the first meeting that accepts referrals (disabled ones are skipped)
      expect(await page.locator("#field-meeting-meetingId").inputValue()).not.toBe("");

      await tabTo(page, (a) => a.testid === "submit-referral", "Submit referral");
      await page.keyboard.press("Enter");
      await submittedCaseReference(page);
      expect(await page.getByRole("heading", { level: 2 }).filter({ hasText: "Kit Keyboard" }).count()).toBe(1);
    });
  });
});

describe("referral form: conflicts", { timeout: 120_000 }, () => {
  it("a stale save (412) says someone else changed it, keeps the user's edits, and offers their version", async () => {
    const meetings = await api(SENCO, "GET", `/api/lift-meetings?district=dover&kind=school&from=${ukToday(new Date())}`);
    expect(meetings.status).toBe(200);
    const created = await api(SENCO, "POST", "/api/referrals", {
      idempotencyKey: `stale-${Date.now()}`,
      draft: { setting: { settingId: "DOV-P1", phase: "primary" }, child: { legalName: "Stale Draft" } },
    });
    expect(created.status).toBe(201);
    const id = created.body.referral.id as string;

    await withPage(async (page) => {
      await openTab(page, SENCO);
      const item = page.getByTestId("referral-item").filter({ hasText: "Stale Draft" });
      await item.getByRole("button", { name: /Continue/ }).click();
      await page.getByLabel("Child's legal name").waitFor();
      expect(await page.getByLabel("Child's legal name").inputValue()).toBe("Stale Draft");

      // Someone else saves it meanwhile.
      const current = await api(SENCO, "GET", `/api/referrals/${id}`);
      const theirs = await api(SENCO, "PUT", `/api/referrals/${id}`, {
        eTag: current.body.referral.eTag,
        draft: { ...current.body.referral.draft, question: { question: "Their question" } },
      });
      expect(theirs.status).toBe(200);

      await page.getByLabel("Question for LIFT").fill("My question");
      await page.getByRole("button", { name: "Save draft" }).click();
      await page.getByTestId("stale-warning").waitFor({ timeout: 15_000 });
      expect(await page.getByTestId("stale-warning").textContent()).toContain("Someone else changed this referral");
      expect(await page.getByLabel("Question for LIFT").inputValue(), "the user's edit is still there").toBe("My question");
      await page.getByRole("button", { name: "Load their version" }).click();
      expect(await page.getByLabel("Question for LIFT").inputValue()).toBe("Their question");
    });
  });

  it("server fieldErrors show against their fields, keyed by dotted path", async () => {
    await withPage(async (page) => {
      await openTab(page, SENCO);
      await startNewReferral(page);
      await page.getByLabel("Child's legal name").fill("Fiona Fields");
      await page.getByRole("button", { name: "Save draft" }).click();
      await page.getByRole("status").filter({ hasText: "Draft saved" }).waitFor({ timeout: 15_000 });
      // The shared rules run in the browser first, so a server-only refusal is simulated for this one
      // answer: the next save is answered with field errors as the server words them.
      await page.route(/\/api\/referrals\/[^/]+$/, (route) =>
        route.request().method() === "PUT"
          ? route.fulfill({
              status: 400,
              contentType: "application/json",
              body: JSON.stringify({
                error: {
                  code: "validation_failed",
                  message: "Check the highlighted fields",
                  fieldErrors: { "question.question": ["Question for LIFT: ask one question"], "apdrCycles.1.impact": ["Cycle 2: say how impact was measured"] },
                },
              }),
            })
          : route.fallback(),
      );
      await page.getByLabel("Question for LIFT").fill("Two questions? And another?");
      await page.getByRole("button", { name: "Save draft" }).click();
      const summary = page.getByTestId("error-summary");
      await summary.waitFor();
      expect(await summary.getByRole("link").allTextContents()).toEqual([
        "Question for LIFT: ask one question",
        "Cycle 2: say how impact was measured",
      ]);
      const question = page.locator("#field-question-question");
      expect(await question.getAttribute("aria-invalid")).toBe("true");
      const describedBy = (await question.getAttribute("aria-describedby")) ?? "";
      const described = await page.evaluate(
        (ids) => ids.split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" "),
        describedBy,
      );
      expect(described).toContain("Question for LIFT: ask one question");
      await summary.getByRole("link", { name: "Cycle 2: say how impact was measured" }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("field-apdrCycles-1-impact");
    });
  });

  it("a full meeting (409) gets a clear message and a button to pick the next meeting", async () => {
    await withPage(async (page) => {
      await openTab(page, SENCO);
      await startNewReferral(page);
      await fillSchoolReferral(page, "Nell Next");
      const chosen = await chooseFirstAcceptingMeeting(page);

      // Fill the chosen meeting up to this SENCo's limit through the API, after the page listed it as open.
      let refused = false;
      for (let i = 0; i < 5 && !refused; i++) {
        const draft = completeDraft(`Filler ${i}`, chosen);
        expect(referralValidationMessages(draft, { asOf: ukToday(new Date()), mode: "submit" }).messages).toEqual({});
        const created = await api(SENCO, "POST", "/api/referrals", { idempotencyKey: `filler-${Date.now()}-${i}`, draft });
        expect(created.status).toBe(201);
        const submitted = await api(SENCO, "POST", `/api/referrals/${created.body.referral.id}/submit`, { meetingId: chosen });
        if (submitted.status === 409) refused = true;
        else expect(submitted.status).toBe(200);
      }
      expect(refused, "the meeting stops accepting this SENCo's referrals").toBe(true);

      await page.getByRole("button", { name: "Submit referral" }).click();
      const refusal = page.getByTestId("meeting-refusal");
      await refusal.waitFor({ timeout: 15_000 });
      expect(await refusal.textContent()).toContain("cannot take this referral");
      await refusal.getByRole("button", { name: /^Choose / }).click();
      const next = await page.locator("#field-meeting-meetingId").inputValue();
      expect(next).not.toBe(chosen);
      expect(next).not.toBe("");
      await page.getByRole("button", { name: "Submit referral" }).click();
      await submittedCaseReference(page);
    });
  });
});
