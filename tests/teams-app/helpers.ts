import { readFileSync } from "node:fs";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { loadEnvFile } from "../../src/teams-app/env-file";
import { fillPlaceholders } from "../../src/teams-app/fill-placeholders";

export const root = path.resolve(import.meta.dirname, "../..");
export const templateText = (): string => readFileSync(path.join(root, "appPackage/manifest.json"), "utf8");
export const localVars = (): Record<string, string> => loadEnvFile(root, "local").vars;

/** The template filled from env/.env.local, parsed (no de-duplication, no validation). */
export function filledLocalManifest(): Record<string, unknown> {
  return JSON.parse(fillPlaceholders(templateText(), localVars(), { jsonString: true })) as Record<string, unknown>;
}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/**
 * Reads a zip's central directory (APPNOTE 4.3.12) and inflates each entry, so the tests check the
 * bytes Teams would read without depending on an unzip tool.
 */
export function readZip(bytes: Buffer): ZipEntry[] {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("not a zip: no end of central directory");
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(p) !== 0x02014b50) throw new Error("bad central directory entry");
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const nameLen = bytes.readUInt16LE(p + 28);
    const extraLen = bytes.readUInt16LE(p + 30);
    const commentLen = bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.toString("utf8", p + 46, p + 46 + nameLen);
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(dataStart, dataStart + compressed);
    entries.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}
