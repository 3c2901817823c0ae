/**
 * PNG facts the Teams manifest schema cannot check: pixel size and transparency of the icons
 * ([teams-platform.md §1.8](../../docs/reference/teams-platform.md#18-validating-a-manifest-offline): "Schema does not check: icon pixel sizes").
 */
import { PNG } from "pngjs";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngInfo {
  width: number;
  height: number;
  /** PNG colour type from IHDR: 2 = RGB, 6 = RGBA, 3 = palette, 0/4 = grey (+alpha). */
  colorType: number;
}

/** Reads width, height and colour type from the IHDR chunk, which must come first in any PNG. */
export function readPngInfo(bytes: Buffer): PngInfo {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new Error("not a PNG file (bad signature)");
  }
  if (bytes.toString("ascii", 12, 16) !== "IHDR") {
    throw new Error("not a PNG file (first chunk is not IHDR)");
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes.readUInt8(25) };
}

export interface PixelSummary {
  total: number;
  /** Pixels with alpha 0. */
  transparent: number;
  /** Pixels with alpha > 0 whose colour is not pure white. */
  nonWhiteVisible: number;
  /** Pixels with alpha 255. */
  opaque: number;
}

/** Decodes the image and counts transparent, opaque and visible non-white pixels. */
export function summarisePixels(bytes: Buffer): PixelSummary {
  const png = PNG.sync.read(bytes);
  const summary: PixelSummary = { total: png.width * png.height, transparent: 0, nonWhiteVisible: 0, opaque: 0 };
  for (let i = 0; i < png.data.length; i += 4) {
    const alpha = png.data[i + 3] ?? 0;
    if (alpha === 0) {
      summary.transparent++;
      continue;
    }
    if (alpha === 255) summary.opaque++;
    if (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255) summary.nonWhiteVisible++;
  }
  return summary;
}
