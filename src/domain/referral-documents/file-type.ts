/**
 * Which files a referral may carry, told by their first bytes (a renamed file is refused), and the
 * names they are stored and offered under. Pure: the server and the tab both use it.
 */
import { DOCUMENT_TYPE_KEYS, MAX_DOCUMENT_BYTES, type DocumentType } from "../../schemas/referral-documents/records";

export { DOCUMENT_TYPE_KEYS, MAX_DOCUMENT_BYTES, type DocumentType };

export const DOCUMENT_TYPES: Record<DocumentType, { contentType: string; extensions: readonly string[]; label: string }> = {
  pdf: { contentType: "application/pdf", extensions: ["pdf"], label: "PDF" },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"], label: "Word (.docx)" },
  jpeg: { contentType: "image/jpeg", extensions: ["jpg", "jpeg"], label: "JPEG image" },
  png: { contentType: "image/png", extensions: ["png"], label: "PNG image" },
};

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);

/**
 * The type the bytes are, or undefined. A .docx is a ZIP whose entries include
 * `word/document.xml`: the name is looked for in the first 64 KB, where Word writes it.
 */
export function sniffType(bytes: Uint8Array): DocumentType | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = Buffer.from(bytes.subarray(0, 64 * 1024)).toString("latin1");
    if (head.includes("word/")) return "docx";
  }
  return undefined;
}

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

export type DocumentCheck = { ok: true; type: DocumentType } | { ok: false; status: 400 | 413; message: string };

/** The checks an upload passes, in the order a person would want to hear about them. */
export function checkDocument(fileName: string, bytes: Uint8Array): DocumentCheck {
  if (bytes.length === 0) return { ok: false, status: 400, message: "The file is empty." };
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, status: 413, message: `The file is larger than ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB.` };
  const type = sniffType(bytes);
  const allowed = "Attach a PDF, a Word document (.docx) or a JPEG or PNG image.";
  if (!type) return { ok: false, status: 400, message: `This kind of file cannot be attached. ${allowed}` };
  const ext = extensionOf(fileName);
  if (!DOCUMENT_TYPES[type].extensions.includes(ext)) {
    return { ok: false, status: 400, message: `The file's name ends .${ext || "(nothing)"} but it is a ${DOCUMENT_TYPES[type].label}. ${allowed}` };
  }
  return { ok: true, type };
}

/**
 * The uploader's label for the file, made safe to show and to offer as a download name: the last
 * path part, control and reserved characters removed, spaces collapsed, at most 100 characters.
 */
export function sanitiseLabel(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"*:<>?|;]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100);
  return cleaned === "" || cleaned.startsWith(".") ? `document${cleaned}` : cleaned;
}

/** The name the file is stored under: ids only, never the label (which may name the child). */
export function storedFileName(referralId: string, documentKey: string, type: DocumentType): string {
  return `referral-${referralId}-${documentKey}.${DOCUMENT_TYPES[type].extensions[0]}`;
}

/**
 * `Content-Disposition` for a download: `attachment` (never rendered in the app's origin), an ASCII
 * fallback name and the label in RFC 5987 encoding.
 */
export function contentDisposition(label: string): string {
  const ascii = label.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  // RFC 5987 attr-char excludes ' ( ) * which encodeURIComponent leaves as they are.
  const extended = encodeURIComponent(label).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${extended}`;
}
