// A contact sheet: rows of equally sized RGB tiles on a dark background, encoded as PNG (pngjs), for
// people to look at what the data pipeline produces.
import { PNG } from 'pngjs';

export interface RgbImage {
  width: number;
  height: number;
  /** height × width × 3 values. */
  data: Uint8Array;
}

export function contactSheet(rows: readonly (readonly RgbImage[])[], gap = 4, background = 24): RgbImage {
  const tileWidth = Math.max(...rows.flat().map((t) => t.width));
  const tileHeight = Math.max(...rows.flat().map((t) => t.height));
  const columns = Math.max(...rows.map((r) => r.length));
  const width = columns * tileWidth + (columns + 1) * gap;
  const height = rows.length * tileHeight + (rows.length + 1) * gap;
  const data = new Uint8Array(width * height * 3).fill(background);
  rows.forEach((row, r) =>
    row.forEach((tile, c) => {
      const left = gap + c * (tileWidth + gap);
      const top = gap + r * (tileHeight + gap);
      for (let y = 0; y < tile.height; y++) data.set(tile.data.subarray(y * tile.width * 3, (y + 1) * tile.width * 3), ((top + y) * width + left) * 3);
    }),
  );
  return { width, height, data };
}

export function encodePng(image: RgbImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height, colorType: 2, inputColorType: 2, inputHasAlpha: false });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return PNG.sync.write(png, { colorType: 2, inputColorType: 2, inputHasAlpha: false });
}
