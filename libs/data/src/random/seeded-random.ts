// The platform's one source of pseudo-random numbers: sfc32 (Chris Doty-Humphrey's "small fast chaotic"
// generator), whose whole state is four 32-bit words, so that checkpoints can store it and a resumed run draws
// the same numbers. The model library (initialisation, masks, dropout) and the data pipeline (shuffling,
// synthetic anomalies) both draw from it; each keeps its seeding, so that old seeds reproduce old runs.

/** Serialisable state of a SeededRandom: four unsigned 32-bit integers. */
export type RandomState = [number, number, number, number];

/** Mixes a 32-bit value (splitmix32 finaliser): consecutive seeds give unrelated streams. */
function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** The splitmix32 sequence of `seed`: the mixer applied to seed, seed + γ, seed + 2γ, … (γ the golden ratio's bits). */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    const out = mix32(state);
    state = (state + 0x9e3779b9) >>> 0;
    return out;
  };
}

/**
 * Derives an independent seed for one purpose (initialisation, masking, a frame index...) from a base
 * seed, so that streams never share numbers and adding a purpose does not shift the others.
 */
export function deriveSeed(seed: number, ...labels: Array<string | number>): number {
  let h = mix32(seed >>> 0);
  for (const label of labels) {
    const text = String(label);
    for (let i = 0; i < text.length; i++) h = mix32(h ^ text.charCodeAt(i));
    h = mix32(h ^ 0x5bd1e995);
  }
  return h;
}

export class SeededRandom {
  private constructor(private readonly s: Uint32Array) {}

  static fromSeed(seed: number): SeededRandom {
    const a = mix32(seed >>> 0);
    const b = mix32(a);
    const c = mix32(b);
    const rng = new SeededRandom(Uint32Array.of(a, b, c, 1));
    // sfc32 needs a few rounds before its output is well mixed.
    for (let i = 0; i < 12; i++) rng.nextUint32();
    return rng;
  }

  /**
   * The seeding of the data pipeline's streams (four successive splitmix32 outputs), kept beside `fromSeed` so
   * that a seed reproduces the batches, synthetic anomalies and shuffles of runs made before the two met here.
   */
  static fromSeedStream(seed: number): SeededRandom {
    const next = splitmix32(seed);
    const rng = new SeededRandom(Uint32Array.of(next(), next(), next(), next()));
    for (let i = 0; i < 12; i++) rng.nextUint32();
    return rng;
  }

  static fromState(state: RandomState): SeededRandom {
    if (state.length !== 4 || state.some((v) => !Number.isInteger(v) || v < 0 || v > 0xffffffff)) {
      throw new RangeError(`a random state is four unsigned 32-bit integers, got ${JSON.stringify(state)}`);
    }
    return new SeededRandom(Uint32Array.from(state));
  }

  getState(): RandomState {
    return [this.s[0], this.s[1], this.s[2], this.s[3]];
  }

  nextUint32(): number {
    const s = this.s;
    const t = (((s[0] + s[1]) >>> 0) + s[3]) >>> 0;
    s[3] = (s[3] + 1) >>> 0;
    s[0] = s[1] ^ (s[1] >>> 9);
    s[1] = (s[2] + (s[2] << 3)) >>> 0;
    s[2] = ((s[2] << 21) | (s[2] >>> 11)) >>> 0;
    s[2] = (s[2] + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  nextInt(n: number): number {
    return Math.floor(this.nextFloat() * n);
  }

  /** Standard normal (Box–Muller; one value per call keeps the state easy to reason about). */
  nextNormal(): number {
    const u = 1 - this.nextFloat();
    const v = this.nextFloat();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Normal(0, std) truncated to ±2 std by resampling, as timm's trunc_normal_ used by CvT. */
  nextTruncatedNormal(std: number): number {
    for (;;) {
      const z = this.nextNormal();
      if (Math.abs(z) <= 2) return z * std;
    }
  }

  /** A child generator seeded from this one's next output. */
  fork(): SeededRandom {
    return SeededRandom.fromSeed(this.nextUint32());
  }

  /** Fisher–Yates shuffle of 0..n−1. */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, maxExclusive). */
  int(min: number, maxExclusive: number): number;
  /** Uniform in [min, max). */
  float(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** The data pipeline's view of a generator: uniform draws in ranges. */
export function createRandom(seed: number): Random {
  const rng = SeededRandom.fromSeedStream(seed);
  const next = () => rng.nextFloat();
  return {
    next,
    int: (min, maxExclusive) => min + Math.floor(next() * (maxExclusive - min)),
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]) => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
  };
}

/** A seed combined from several numbers (run seed, epoch, sample index), well mixed: the data pipeline's derivation. */
export function combineSeeds(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193) >>> 0;
    h = splitmix32(h)();
  }
  return h;
}

/** Fisher–Yates shuffle, in place. */
export function shuffleInPlace<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
