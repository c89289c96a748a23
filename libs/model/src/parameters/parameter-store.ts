// All variables of a detector, by stable name, with the role that decides in which stage they train.
// Values are drawn from the project's seeded generator (not tfjs' own), so that the same seed gives
// the same initial weights on every backend. Variables get no tfjs name: names are global in the
// engine, and two detectors (teacher run and resumed run, tests) must coexist.
import * as tf from '@tensorflow/tfjs';
import { SeededRandom } from '@vad/data/random';
import { ModelError, ModelErrorCode } from '../model.error';
import type { NamedArray } from '../checkpoints/named-array';

/** Which part of the detector a variable belongs to (docs/method.md §3). */
export type ParameterRole = 'encoder' | 'decoder' | 'teacher-head' | 'student' | 'classifier';

/** How a variable starts. `uniform` is PyTorch's default for convolutions: U(±1/√fan_in). */
export type Initialiser = { kind: 'zeros' } | { kind: 'ones' } | { kind: 'truncated-normal'; std: number } | { kind: 'uniform'; limit: number };

export interface ParameterEntry {
  name: string;
  variable: tf.Variable;
  role: ParameterRole;
  /** False for BatchNorm running statistics: saved and loaded, never given to an optimiser. */
  trainable: boolean;
}

export class ParameterStore {
  private readonly entries = new Map<string, ParameterEntry>();

  constructor(private readonly rng: SeededRandom) {}

  add(name: string, shape: number[], init: Initialiser, role: ParameterRole, trainable = true): tf.Variable {
    if (this.entries.has(name)) throw new ModelError(ModelErrorCode.InvalidConfig, `parameter ${name} defined twice`);
    const size = shape.reduce((p, v) => p * v, 1);
    const values = new Float32Array(size);
    switch (init.kind) {
      case 'zeros':
        break;
      case 'ones':
        values.fill(1);
        break;
      case 'truncated-normal':
        for (let i = 0; i < size; i++) values[i] = this.rng.nextTruncatedNormal(init.std);
        break;
      case 'uniform':
        for (let i = 0; i < size; i++) values[i] = (2 * this.rng.nextFloat() - 1) * init.limit;
        break;
    }
    const variable = tf.tidy(() => tf.variable(tf.tensor(values, shape, 'float32'), trainable));
    this.entries.set(name, { name, variable, role, trainable });
    return variable;
  }

  get(name: string): tf.Variable {
    const entry = this.entries.get(name);
    if (entry === undefined) throw new ModelError(ModelErrorCode.InvalidCheckpoint, `no parameter named ${name}`);
    return entry.variable;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Every entry, in creation order (stable: the checkpoint manifest follows it). */
  list(): ParameterEntry[] {
    return [...this.entries.values()];
  }

  /** Trainable entries whose role is in `roles`: the variable list of one training stage. */
  trainable(roles: ReadonlySet<ParameterRole>): ParameterEntry[] {
    return this.list().filter((e) => e.trainable && roles.has(e.role));
  }

  /** Number of trainable values (BatchNorm statistics excluded), comparable to countParameters(). */
  trainableSize(): number {
    return this.list()
      .filter((e) => e.trainable)
      .reduce((sum, e) => sum + e.variable.size, 0);
  }

  /** Current values of every variable (statistics included), in creation order. */
  async snapshot(): Promise<NamedArray[]> {
    const entries = this.list();
    const values = await Promise.all(entries.map((e) => e.variable.data() as Promise<Float32Array>));
    return entries.map((e, i) => ({ name: e.name, shape: [...e.variable.shape], values: values[i] }));
  }

  /** Overwrites every variable from `arrays`; names and shapes must match exactly. */
  restore(arrays: readonly NamedArray[]): void {
    const byName = new Map(arrays.map((a) => [a.name, a]));
    const missing = this.list()
      .filter((e) => !byName.has(e.name))
      .map((e) => e.name);
    const unknown = arrays.filter((a) => !this.entries.has(a.name)).map((a) => a.name);
    if (missing.length > 0 || unknown.length > 0) {
      throw new ModelError(
        ModelErrorCode.InvalidCheckpoint,
        `weights do not match the model config: missing ${missing.slice(0, 5).join(', ') || 'none'}; unknown ${unknown.slice(0, 5).join(', ') || 'none'}`,
      );
    }
    for (const e of this.list()) {
      const a = byName.get(e.name) as NamedArray;
      if (a.shape.length !== e.variable.rank || a.shape.some((v, i) => v !== e.variable.shape[i])) {
        throw new ModelError(ModelErrorCode.InvalidCheckpoint, `${e.name} has shape [${a.shape}] in the weights, [${e.variable.shape}] in the model`);
      }
      tf.tidy(() => e.variable.assign(tf.tensor(a.values, a.shape, 'float32')));
    }
  }

  dispose(): void {
    for (const e of this.entries.values()) e.variable.dispose();
    this.entries.clear();
  }
}
