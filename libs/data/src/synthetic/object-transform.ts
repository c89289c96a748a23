// Geometric and photometric changes applied to an object before it is pasted: resizing (bilinear
// pixels, nearest-neighbour mask) and the 3×3 blur the reference code applies to pasted objects.
import type { AnomalyObject } from './anomaly-object';

export function resizeObject(object: AnomalyObject, width: number, height: number): AnomalyObject {
  const pixels = new Uint8Array(width * height);
  const mask = new Uint8Array(width * height);
  const sx = object.width / width;
  const sy = object.height / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.max(0, (y + 0.5) * sy - 0.5);
    const y0 = Math.min(Math.floor(fy), object.height - 1);
    const y1 = Math.min(y0 + 1, object.height - 1);
    const wy = fy - y0;
    const ny = Math.min(Math.floor((y + 0.5) * sy), object.height - 1);
    for (let x = 0; x < width; x++) {
      const fx = Math.max(0, (x + 0.5) * sx - 0.5);
      const x0 = Math.min(Math.floor(fx), object.width - 1);
      const x1 = Math.min(x0 + 1, object.width - 1);
      const wx = fx - x0;
      const p = object.pixels;
      const top = p[y0 * object.width + x0] * (1 - wx) + p[y0 * object.width + x1] * wx;
      const bottom = p[y1 * object.width + x0] * (1 - wx) + p[y1 * object.width + x1] * wx;
      pixels[y * width + x] = Math.round(top * (1 - wy) + bottom * wy);
      mask[y * width + x] = object.mask[ny * object.width + Math.min(Math.floor((x + 0.5) * sx), object.width - 1)];
    }
  }
  return { ...object, width, height, pixels, mask };
}

/** 3×3 box blur of the object's pixels (edges replicated); the mask is unchanged. */
export function blurObject(object: AnomalyObject): AnomalyObject {
  const { width, height } = object;
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const r = Math.min(Math.max(y + dy, 0), height - 1);
        for (let dx = -1; dx <= 1; dx++) sum += object.pixels[r * width + Math.min(Math.max(x + dx, 0), width - 1)];
      }
      pixels[y * width + x] = Math.round(sum / 9);
    }
  }
  return { ...object, pixels };
}
