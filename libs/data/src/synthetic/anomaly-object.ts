// An object to paste as a synthetic anomaly: gray pixels and a binary shape mask of the same size,
// plus where it came from. Sources hand out objects; the paste step scales, blurs and moves them.
import type { Random } from '../random/seeded-random';

export interface AnomalyObject {
  width: number;
  height: number;
  /** height × width gray values. */
  pixels: Uint8Array;
  /** height × width, 1 inside the object. */
  mask: Uint8Array;
  /** e.g. "procedural:ellipse" or "region:07#123". */
  origin: string;
}

export interface AnomalyObjectSource {
  readonly name: string;
  /** Number of distinct objects available (procedural sources: unbounded, reported as Infinity). */
  readonly size: number;
  sample(random: Random): AnomalyObject;
}

/** Draws from several sources in proportion to their weights. */
export function mixObjectSources(parts: ReadonlyArray<{ source: AnomalyObjectSource; weight: number }>): AnomalyObjectSource {
  const usable = parts.filter((p) => p.weight > 0 && p.source.size > 0);
  if (usable.length === 0) throw new RangeError('no anomaly object source with objects and a positive weight');
  const total = usable.reduce((s, p) => s + p.weight, 0);
  return {
    name: usable.map((p) => p.source.name).join('+'),
    size: usable.reduce((s, p) => s + p.source.size, 0),
    sample(random) {
      let r = random.next() * total;
      for (const part of usable) {
        r -= part.weight;
        if (r < 0) return part.source.sample(random);
      }
      return usable[usable.length - 1].source.sample(random);
    },
  };
}

/** A source over a fixed pool of objects (cut from frames). */
export function poolSource(name: string, objects: readonly AnomalyObject[]): AnomalyObjectSource {
  return {
    name,
    size: objects.length,
    sample: (random) => random.pick(objects),
  };
}
