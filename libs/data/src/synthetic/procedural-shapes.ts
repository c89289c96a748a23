// Procedural objects that need no download and no data: ellipses, boxes, triangles and irregular blobs
// with flat, graded, striped or noisy texture. They stand in for "something that does not belong".
import type { Random } from '../random/seeded-random';
import type { AnomalyObject, AnomalyObjectSource } from './anomaly-object';

export const SHAPES = ['ellipse', 'box', 'triangle', 'blob'] as const;
export type ShapeKind = (typeof SHAPES)[number];
const TEXTURES = ['flat', 'gradient', 'stripes', 'noise'] as const;

function inside(kind: ShapeKind, u: number, v: number, harmonics: number[]): boolean {
  // u, v in [−1, 1] over the object's box.
  switch (kind) {
    case 'ellipse':
      return u * u + v * v <= 1;
    case 'box':
      return Math.abs(u) <= 0.9 && Math.abs(v) <= 0.9;
    case 'triangle':
      return v >= -0.95 && v <= 0.95 && Math.abs(u) <= (v + 0.95) / 1.9;
    case 'blob': {
      const angle = Math.atan2(v, u);
      const radius = 0.7 + harmonics.reduce((r, a, k) => r + a * Math.sin((k + 2) * angle + k), 0);
      return Math.sqrt(u * u + v * v) <= radius;
    }
  }
}

export function drawShape(random: Random, size = 48): AnomalyObject {
  const kind = random.pick(SHAPES);
  const texture = random.pick(TEXTURES);
  const aspect = random.float(0.4, 2.5);
  const width = Math.max(4, Math.round(aspect >= 1 ? size : size * aspect));
  const height = Math.max(4, Math.round(aspect >= 1 ? size / aspect : size));
  const harmonics = [random.float(-0.15, 0.15), random.float(-0.1, 0.1), random.float(-0.05, 0.05)];
  const base = random.int(0, 256);
  const contrast = random.int(40, 160) * (random.chance(0.5) ? 1 : -1);
  const period = random.int(3, 10);
  const pixels = new Uint8Array(width * height);
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = ((x + 0.5) / width) * 2 - 1;
      const v = ((y + 0.5) / height) * 2 - 1;
      if (!inside(kind, u, v, harmonics)) continue;
      const i = y * width + x;
      mask[i] = 1;
      let value = base;
      if (texture === 'gradient') value = base + (contrast * (v + 1)) / 2;
      else if (texture === 'stripes') value = base + (Math.floor(x / period) % 2 === 0 ? contrast : 0);
      else if (texture === 'noise') value = base + random.float(-0.5, 0.5) * contrast;
      pixels[i] = Math.max(0, Math.min(255, Math.round(value)));
    }
  }
  return { width, height, pixels, mask, origin: `procedural:${kind}:${texture}` };
}

export function createProceduralShapeSource(): AnomalyObjectSource {
  return { name: 'procedural', size: Number.POSITIVE_INFINITY, sample: (random) => drawShape(random) };
}
