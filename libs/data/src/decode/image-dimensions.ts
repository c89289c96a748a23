// Width and height of a PNG, JPEG, TIFF or BMP read from its header, without decoding pixels:
// enough to check that every frame of a folder, and every mask, has the expected size.
import type { ImageKind } from './media-type';

export interface ImageSize {
  width: number;
  height: number;
}

/** Size stored in an image's header, or undefined when the header is unreadable (corrupt or truncated). */
export function readImageDimensions(kind: ImageKind, bytes: Uint8Array): ImageSize | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    switch (kind) {
      case 'png':
        return pngSize(view);
      case 'jpeg':
        return jpegSize(view);
      case 'tiff':
        return tiffSize(view);
      case 'bmp':
        return bmpSize(view);
    }
  } catch {
    // A header that points past the end of the file is a truncated or corrupt image.
    return undefined;
  }
}

function valid(width: number, height: number): ImageSize | undefined {
  return width > 0 && height > 0 ? { width, height } : undefined;
}

function pngSize(view: DataView): ImageSize | undefined {
  // Signature (8), IHDR length (4), "IHDR" (4), then width and height, big-endian.
  if (view.getUint32(12) !== 0x49484452) return undefined;
  return valid(view.getUint32(16), view.getUint32(20));
}

function bmpSize(view: DataView): ImageSize | undefined {
  const headerSize = view.getUint32(14, true);
  if (headerSize === 12) return valid(view.getUint16(18, true), view.getUint16(20, true));
  // Height is negative for top-down bitmaps.
  return valid(view.getInt32(18, true), Math.abs(view.getInt32(22, true)));
}

function jpegSize(view: DataView): ImageSize | undefined {
  let offset = 2;
  while (offset + 4 <= view.byteLength) {
    if (view.getUint8(offset) !== 0xff) return undefined;
    const marker = view.getUint8(offset + 1);
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    // Start-of-frame markers C0–CF carry the size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return valid(view.getUint16(offset + 7), view.getUint16(offset + 5));
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image or scan before any frame header
    offset += 2 + view.getUint16(offset + 2);
  }
  return undefined;
}

function tiffSize(view: DataView): ImageSize | undefined {
  const little = view.getUint8(0) === 0x49;
  const ifd = view.getUint32(4, little);
  const entries = view.getUint16(ifd, little);
  let width = 0;
  let height = 0;
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    const tag = view.getUint16(entry, little);
    const type = view.getUint16(entry + 2, little);
    // SHORT (3) or LONG (4) values fit in the entry's value field.
    const value = type === 3 ? view.getUint16(entry + 8, little) : view.getUint32(entry + 8, little);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  return valid(width, height);
}
