/**
 * Referral documents over HTTP against the app on the emulator: the referral's access rules (404
 * for what the caller may not see), file types by their bytes, the size limit, audit before every
 * read and write, stored names free of the label, and removal from a draft.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../../src/server/app/start";
import { tokensFor } from "../../support/api-client";
import { addMeeting, COMMISSIONER, completeDraft, key, LEAD, OTHER_LEAD, OTHER_SENCO, SENCO, startReferralApp, TEACHER, type Api } from "../referrals/helpers";

/** A small PDF: the %PDF- signature and some body. */
export function pdfBytes(size = 2000, seed = 1): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = (i * 7 + seed) % 256;
  Buffer.from("%PDF-1.7\n").copy(b, 0);
  return b;
}
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 2)]);
/** The start of a .docx: a ZIP whose first entry is under word/. */
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from("word/document.xml"), Buffer.alloc(100, 3)]);

const LABEL = "Named Child EHCP plan.pdf";

let app: RunningApp;
let api: Api;
let logged: () => string;
let token: (upn: string) => Promise<string>;

async function upload(upn: string, referralId: string, name: string, bytes: Buffer, type = "application/pdf") {
  const res = await fetch(`${app.url}/api/referrals/${referralId}/documents?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${await token(upn)}`, "Content-Type": type },
    body: new Uint8Array(bytes),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function download(upn: string, referralId: string, documentId: string) {
  const res = await fetch(`${app.url}/api/referrals/${referralId}/documents/${documentId}/content`, { headers: { Authorization: `Bearer ${await token(upn)}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function draft(upn = SENCO): Promise<string> {
  const created = await api(upn, "POST", "/api/referrals", { idempotencyKey: key("doc"), draft: completeDraft("Named Child") });
  expect(created.status).toBe(201);
  return created.body.referral.id as string;
}

beforeAll(async () => {
  ({ app, api, logged } = await startReferralApp());
  token = tokensFor(app.url);
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

describe("referral documents", () => {
  it("the SENCo attaches a PDF to a draft; it is listed with its label and downloads as the same bytes, as an attachment", async () => {
    const id = await draft();
    const bytes = pdfBytes();
    const attached = await upload(SENCO, id, LABEL, bytes);
    expect(attached.status).toBe(201);
    expect(attached.body.document).toMatchObject({ referralId: id, label: LABEL, type: "pdf", size: bytes.length, canDelete: true });
    const listed = await api(SENCO, "GET", `/api/referrals/${id}/documents`);
    expect(listed.body.items.map((d: { id: string }) => d.id)).toEqual([attached.body.document.id]);
    const got = await download(SENCO, id, attached.body.document.id);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(bytes)).toBe(true);
    expect(got.headers.get("content-type")).toBe("application/pdf");
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(got.headers.get("content-disposition")).toMatch(/^attachment; filename="Named Child EHCP plan\.pdf"; filename\*=UTF-8''/);
  });

  it("stores the file under a name made of ids, never the label, and never logs the label", async () => {
    const id = await draft();
    const attached = await upload(SENCO, id, LABEL, pdfBytes(500, 9));
    const record = await app.features.referralDocuments.service.stores.documents.get(attached.body.document.id);
    expect(record.value.fileName).toMatch(new RegExp(`^referral-${id}-[0-9a-f-]{36}\\.pdf$`));
    const files = await app.features.referralDocuments.service.stores.files.files();
    expect(files.map((f) => f.name)).toContain(record.value.fileName);
    expect(files.some((f) => f.name.includes("Named"))).toBe(false);
    expect(logged()).not.toContain("Named Child");
  });

  it("a file over 4 MB goes through an upload session and reads back whole", async () => {
    const id = await draft();
    const bytes = pdfBytes(5 * 1024 * 1024 + 123, 4);
    const attached = await upload(SENCO, id, "scan.pdf", bytes);
    expect(attached.status).toBe(201);
    expect((await download(SENCO, id, attached.body.document.id)).bytes.equals(bytes)).toBe(true);
  });

  it.each([
    ["report.pdf", PNG, "image/png", 400, /PNG image/],
    ["notes.txt", Buffer.from("plain text notes"), "application/octet-stream", 400, /cannot be attached/],
    ["empty.pdf", Buffer.alloc(0), "application/pdf", 400, /empty/],
    ["big.pdf", pdfBytes(10 * 1024 * 1024 + 1), "application/pdf", 413, /larger than 10 MB/],
  ])("refuses %s with its status and a message for the file field", async (name, bytes, type, status, message) => {
    const id = await draft();
    const answer = await upload(SENCO, id, name, bytes, type);
    expect(answer.status).toBe(status);
    expect(answer.body.error.fieldErrors.file[0]).toMatch(message);
  });

  it.each([
    ["photo.jpg", JPEG, "image/jpeg", "jpeg"],
    ["chart.png", PNG, "image/png", "png"],
    ["plan.docx", DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
  ])("accepts %s by its bytes", async (name, bytes, type, kind) => {
    const id = await draft();
    const answer = await upload(SENCO, id, name, bytes, type);
    expect(answer.status).toBe(201);
    expect(answer.body.document.type).toBe(kind);
  });

  it("follows the referral's access rules: 404 for another setting and for district members while it is a draft; after submission the district reads, others 404", async () => {
    const id = await draft();
    const bytes = pdfBytes(800, 5);
    const doc = (await upload(SENCO, id, "evidence.pdf", bytes)).body.document.id as string;
    for (const upn of [OTHER_SENCO, TEACHER, LEAD, OTHER_LEAD, COMMISSIONER]) {
      expect((await api(upn, "GET", `/api/referrals/${id}/documents`)).status, upn).toBe(404);
      expect((await download(upn, id, doc)).status, upn).toBe(404);
      expect((await upload(upn, id, "x.pdf", pdfBytes())).status, upn).toBe(404);
    }
    const meetingId = await addMeeting(app, { startsAt: "2026-12-10T13:30:00Z" });
    expect((await api(SENCO, "POST", `/api/referrals/${id}/submit`, { meetingId })).status).toBe(200);
    for (const upn of [TEACHER, LEAD]) {
      const got = await download(upn, id, doc);
      expect(got.status, upn).toBe(200);
      expect(got.bytes.equals(bytes)).toBe(true);
      // District members read but do not attach.
      expect((await upload(upn, id, "x.pdf", pdfBytes())).status, upn).toBe(403);
    }
    for (const upn of [OTHER_SENCO, OTHER_LEAD, COMMISSIONER]) expect((await download(upn, id, doc)).status, upn).toBe(404);
    // A document id of another referral is not found through this one.
    const other = await draft();
    expect((await download(SENCO, other, doc)).status).toBe(404);
    // Submitted: still attachable by the SENCo, no longer removable.
    expect((await upload(SENCO, id, "late.pdf", pdfBytes(100, 6))).status).toBe(201);
    expect((await api(SENCO, "DELETE", `/api/referrals/${id}/documents/${doc}`)).status).toBe(409);
  });

  it("the SENCo removes a document from a draft: the file leaves the library; each read and write is in the audit trail", async () => {
    const id = await draft();
    const doc = (await upload(SENCO, id, "remove-me.pdf", pdfBytes(300, 7))).body.document.id as string;
    await download(SENCO, id, doc);
    const record = await app.features.referralDocuments.service.stores.documents.get(doc);
    expect((await api(SENCO, "DELETE", `/api/referrals/${id}/documents/${doc}`)).status).toBe(204);
    expect((await api(SENCO, "GET", `/api/referrals/${id}/documents`)).body.items).toEqual([]);
    const files = await app.features.referralDocuments.service.stores.files.files();
    expect(files.map((f) => f.name)).not.toContain(record.value.fileName);
    const audit = (await app.graph.stores.auditLog.all({ where: { listTitle: "ReferralDocuments" } })).map((a) => a.value).filter((a) => a.detail?.referralId === id || a.itemId === doc);
    expect(audit.map((a) => [a.action, a.outcome ?? "read"])).toEqual(
      expect.arrayContaining([
        ["referral.document_attached", "done"],
        ["referral.document_downloaded", "read"],
        ["referral.document_listed", "read"],
        ["referral.document_removed", "done"],
      ]),
    );
    expect(JSON.stringify(audit)).not.toContain("remove-me");
  });

  it("a subject access lists a referral's documents, and erasing the referral removes them, file and record, each with a tombstone", async () => {
    const id = await draft();
    const bytes = pdfBytes(600, 8);
    const doc = (await upload(SENCO, id, "erase-me.pdf", bytes)).body.document.id as string;
    const meetingId = await addMeeting(app, { startsAt: "2026-12-11T13:30:00Z" });
    const submitted = await api(SENCO, "POST", `/api/referrals/${id}/submit`, { meetingId });
    expect(submitted.status).toBe(200);
    const caseReference = submitted.body.referral.caseReference as string;
    const { fileName } = (await app.features.referralDocuments.service.stores.documents.get(doc)).value;

    const access = await api(COMMISSIONER, "GET", `/api/data-protection/subject-access?case=${caseReference}`);
    expect(access.status).toBe(200);
    expect(access.body.sections.documents.map((d: { id: string }) => d.id)).toEqual([doc]);
    expect(access.body.sections.audit.some((a: { value: { action: string } }) => a.value.action === "referral.document_attached")).toBe(true);

    const erased = await api(COMMISSIONER, "POST", "/api/data-protection/erasures", { caseReference, reason: "Parent's request, DPO ref 7" });
    expect(erased.status).toBe(200);
    expect(await app.features.referralDocuments.service.stores.documents.find(doc)).toBeUndefined();
    const files = await app.features.referralDocuments.service.stores.files.files();
    expect(files.map((f) => f.name)).not.toContain(fileName);
    const tombstones = (await app.graph.stores.auditLog.all({ where: { listTitle: "ReferralDocuments" } })).filter((a) => a.value.action === "privacy.erased" && a.value.itemId === doc);
    expect(tombstones).toHaveLength(1);
    expect(tombstones[0]?.value.detail?.caseReference).toBe(caseReference);
  });
});
