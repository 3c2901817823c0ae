/**
 * Referral documents end to end: the Dover SENCo attaches a PDF to a draft in the referral tab (a
 * text file is refused with the server's message), submits it, and the Dover specialist teacher, a
 * LIFT member of the district, downloads the PDF from the referral's page: the same bytes. A member
 * of another district gets 404 for the documents and the file.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startTestApp } from "../support/test-app";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { apiFor, tokensFor, type Api } from "../support/api-client";
import { pageRunner, seriousAxeViolations } from "./helpers";
import { ukToday } from "../../src/domain/time/uk-clock";

const SENCO = "senco.dover@lift.local";
const TEACHER = "teacher.dover@lift.local";
const OTHER_LEAD = "lead.thanet@lift.local";
const CHILD = "Docs Child";

let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: TestBrowser;
let api: Api;
const withPage = pageRunner(() => browser, { acceptDownloads: true });

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  api = apiFor(app.url);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openTab(page: Page, upn: string): Promise<void> {
  await page.goto(`${app.url}/tabs/referral?as=${encodeURIComponent(upn)}`);
  await page.getByTestId("signed-in-user").waitFor({ timeout: 15_000 });
}

/** A complete Year 4 school referral for White Cliffs Primary School on today's calendar. */
function completeDraft() {
  const today = ukToday(new Date());
  const [year, month] = today.split("-").map(Number) as [number, number];
  const start = month >= 9 ? year : year - 1;
  const cycle = { assess: "Reading age 6y2m", plan: "Phonics target", do: "Daily 1:1", review: "Some progress", impact: "Small gains" };
  return {
    setting: { settingId: "DOV-P1", phase: "primary" },
    referrer: { name: "Jo Bennett", email: SENCO, headteacherAware: true },
    child: { legalName: CHILD, dateOfBirth: `${start - 8}-03-03`, yearGroup: "Y4" },
    flags: { senStatus: "sen-support", lookedAfter: false, childProtection: false, childInNeed: false, earlyHelp: false, pupilPremium: false },
    needs: { primaryArea: "CL" },
    question: { question: "How can we help with reading?" },
    profile: { strengths: "Kind", presentingNeeds: "Reading well below peers" },
    apdrCycles: [cycle, cycle],
    strategies: { inPlace: "Visual timetable" },
    agreementToEngage: { given: true, name: "Parent", relationship: "mother", parentalResponsibility: true, date: `${year}-01-01`, method: "signed-form" },
  };
}

/** A PDF with varied bytes, so a truncated or re-encoded download shows. */
const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from(Array.from({ length: 40_000 }, (_, i) => (i * 13 + 7) % 256))]);

describe("referral documents in the referral tab", { timeout: 180_000 }, () => {
  let referralId = "";
  let documentId = "";

  it("as senco.dover: attach a PDF to a draft (a text file is refused), then submit", async () => {
    const created = await api(SENCO, "POST", "/api/referrals", { idempotencyKey: `docs-${process.pid}`, draft: completeDraft() });
    expect(created.status).toBe(201);
    referralId = created.body.referral.id;
    await withPage(async (page) => {
      await openTab(page, SENCO);
      const item = page.getByTestId("referral-item").filter({ hasText: CHILD });
      await item.waitFor({ timeout: 15_000 });
      await item.getByRole("button", { name: /Continue/ }).click();
      const documents = page.getByTestId("referral-documents");
      await documents.getByText("No documents attached.").waitFor({ timeout: 15_000 });

      await page.getByLabel("Attach a document").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("just text") });
      await page.getByTestId("document-problem").filter({ hasText: "cannot be attached" }).waitFor({ timeout: 15_000 });

      await page.getByLabel("Attach a document").setInputFiles({ name: "APDR evidence.pdf", mimeType: "application/pdf", buffer: PDF });
      const row = documents.getByTestId("referral-document").filter({ hasText: "APDR evidence.pdf" });
      await row.waitFor({ timeout: 15_000 });
      expect(await row.getByRole("button", { name: "Remove APDR evidence.pdf" }).count(), "the owner may remove it from a draft").toBe(1);
      expect(await seriousAxeViolations(page)).toBe("");
    });
    const listed = await api(SENCO, "GET", `/api/referrals/${referralId}/documents`);
    expect(listed.body.items).toHaveLength(1);
    documentId = listed.body.items[0].id;

    const meetings = await api(SENCO, "GET", "/api/lift-meetings");
    const meeting = (meetings.body.items as Array<{ id: string; accepting: boolean; kind: string }>).find((m) => m.accepting && m.kind === "school");
    expect(meeting, "an accepting school meeting in Dover").toBeDefined();
    const submitted = await api(SENCO, "POST", `/api/referrals/${referralId}/submit`, { meetingId: meeting?.id });
    expect(submitted.status).toBe(200);
  });

  it("as teacher.dover (a Dover LIFT member): download it from the referral's page, the same bytes", async () => {
    expect(referralId).not.toBe("");
    await withPage(async (page) => {
      await openTab(page, TEACHER);
      const listed = await api(TEACHER, "GET", `/api/referrals/${referralId}`);
      const meetingId = listed.body.referral.meeting.id as string;
      const filter = page.getByLabel("Show referrals for");
      await filter.locator(`option[value="${meetingId}"]`).waitFor({ state: "attached", timeout: 15_000 });
      await filter.selectOption(meetingId);
      const item = page.getByTestId("referral-item").filter({ hasText: listed.body.referral.caseReference });
      await item.waitFor({ timeout: 15_000 });
      await item.getByRole("button", { name: /View/ }).click();
      const button = page.getByRole("button", { name: "Download APDR evidence.pdf" });
      await button.waitFor({ timeout: 15_000 });
      expect(await page.getByRole("button", { name: /^Remove/ }).count(), "district members do not remove documents").toBe(0);
      const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
      expect(download.suggestedFilename()).toBe("APDR evidence.pdf");
      const path = await download.path();
      expect(readFileSync(path).equals(PDF)).toBe(true);
    });
  });

  it("as lead.thanet (another district): 404 for the documents and the file", async () => {
    expect(documentId).not.toBe("");
    expect((await api(OTHER_LEAD, "GET", `/api/referrals/${referralId}/documents`)).status).toBe(404);
    const token = await tokensFor(app.url)(OTHER_LEAD);
    const res = await fetch(`${app.url}/api/referrals/${referralId}/documents/${documentId}/content`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(404);
    expect(Buffer.from(await res.arrayBuffer()).includes(Buffer.from("%PDF"))).toBe(false);
  });
});
