/** Which files a referral takes (by their bytes), the stored name, the label and the download header. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDocument, contentDisposition, MAX_DOCUMENT_BYTES, sanitiseLabel, sniffType, storedFileName } from "../../../src/domain/referral-documents/file-type";

const bytes = (...head: number[]) => Buffer.concat([Buffer.from(head), Buffer.alloc(64, 0x20)]);
const PDF = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(64, 1)]);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe1);
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from("word/document.xml")]);
const XLSX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from("xl/workbook.xml")]);

describe("sniffType", () => {
  it.each([
    [PDF, "pdf"],
    [PNG, "png"],
    [JPEG, "jpeg"],
    [DOCX, "docx"],
    [XLSX, undefined],
    [Buffer.from("GIF89a..."), undefined],
    [Buffer.from("<html><script>"), undefined],
  ])("%#: %s", (b, type) => {
    expect(sniffType(b)).toBe(type);
  });
});

describe("checkDocument", () => {
  it.each([
    ["a.pdf", PDF, true],
    ["A.PDF", PDF, true],
    ["photo.jpeg", JPEG, true],
    ["photo.jpg", JPEG, true],
    ["plan.docx", DOCX, true],
    ["plan.doc", DOCX, false],
    ["report.pdf", PNG, false],
    ["report.png", PDF, false],
    ["noextension", PDF, false],
    ["sheet.xlsx", XLSX, false],
  ])("%s → ok %s", (name, b, ok) => {
    expect(checkDocument(name, b).ok).toBe(ok);
  });

  it("refuses empty (400) and oversized (413) files before looking at the type", () => {
    expect(checkDocument("a.pdf", Buffer.alloc(0))).toMatchObject({ ok: false, status: 400 });
    const big = Buffer.alloc(MAX_DOCUMENT_BYTES + 1);
    PDF.copy(big);
    expect(checkDocument("a.pdf", big)).toMatchObject({ ok: false, status: 413 });
    const edge = Buffer.alloc(MAX_DOCUMENT_BYTES);
    PDF.copy(edge);
    expect(checkDocument("a.pdf", edge).ok).toBe(true);
  });
});

describe("names", () => {
  it("the stored name holds ids only", () => {
    expect(storedFileName("42", "0f8fad5b-d9cb-469f-a165-70867728950e", "pdf")).toBe("referral-42-0f8fad5b-d9cb-469f-a165-70867728950e.pdf");
    expect(storedFileName("42", "k", "jpeg")).toBe("referral-42-k.jpg");
  });

  it("the label keeps the last path part without control or reserved characters, at most 100 characters", () => {
    expect(sanitiseLabel("C:\\Users\\jo\\Evidence: term 1?.pdf")).toBe("Evidence term 1.pdf");
    expect(sanitiseLabel("../../etc/passwd")).toBe("passwd");
    expect(sanitiseLabel(".pdf")).toBe("document.pdf");
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (name) => {
        const label = sanitiseLabel(name);
        expect(label.length).toBeGreaterThan(0);
        expect(label.length).toBeLessThanOrEqual(108);
        // eslint-disable-next-line no-control-regex
        expect(label).not.toMatch(/[\u0000-\u001f\u007f"*:<>?|;/\\]/);
      }),
    );
  });

  it("Content-Disposition is an attachment whose quoted name cannot be broken out of", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }).map(sanitiseLabel), (label) => {
        const header = contentDisposition(label);
        expect(header.startsWith("attachment; filename=\"")).toBe(true);
        const quoted = /^attachment; filename="([^"]*)"; filename\*=UTF-8''(\S*)$/.exec(header);
        expect(quoted).not.toBeNull();
        expect(decodeURIComponent(quoted?.[2] ?? "")).toBe(label);
        expect(header).not.toMatch(/[\r\n]/);
      }),
    );
  });
});
