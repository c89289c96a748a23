// Adam (Kingma & Ba 2015; the paper's optimiser) and AdamW (Loshchilov & Hutter 2019, decoupled weight
// decay; the code's) over an explicit list of named variables. Written here rather than taken from
// tf.train because tfjs has no AdamW, and because the state (step, first and second moments by
// parameter name) must round-trip through checkpoints exactly.
import * as tf from '@tensorflow/tfjs';
import type { OptimizerConfig } from '../config/model-config';
import { ModelError, ModelErrorCode } from '../model.error';
import type { NamedArray } from '../checkpoints/named-array';
import { learningRateAt } from './learning-rate-schedule';

export interface OptimizedParameter {
  name: string;
  variable: tf.Variable;
}

export interface OptimizerSnapshot {
  step: number;
  /** `<parameter>/m` and `<parameter>/v` for every optimised parameter. */
  moments: NamedArray[];
}

export class AdamOptimizer {
  private step = 0;
  private readonly m = new Map<string, tf.Variable>();
  private readonly v = new Map<string, tf.Variable>();

  constructor(
    private readonly config: OptimizerConfig,
    private readonly parameters: readonly OptimizedParameter[],
    /** Steps of the stage this optimiser runs, for a schedule that decays over the stage (null: unknown). */
    private readonly stageSteps: number | null = null,
  ) {
    for (const p of parameters) {
      this.m.set(
        p.name,
        tf.tidy(() => tf.variable(tf.zerosLike(p.variable), false)),
      );
      this.v.set(
        p.name,
        tf.tidy(() => tf.variable(tf.zerosLike(p.variable), false)),
      );
    }
  }

  get steps(): number {
    return this.step;
  }

  /** One update from gradients keyed by parameter name; every optimised parameter must have one. */
  apply(gradients: ReadonlyMap<string, tf.Tensor>): void {
    this.step += 1;
    const { beta1, beta2, epsilon, weightDecay, kind } = this.config;
    const lr = learningRateAt(this.config, this.step, this.stageSteps);
    const correction1 = 1 - beta1 ** this.step;
    const correction2 = 1 - beta2 ** this.step;
    tf.tidy(() => {
      for (const p of this.parameters) {
        const g = gradients.get(p.name);
        if (g === undefined) throw new ModelError(ModelErrorCode.TrainingFailed, `no gradient for ${p.name}`);
        const m = this.m.get(p.name) as tf.Variable;
        const v = this.v.get(p.name) as tf.Variable;
        m.assign(m.mul(beta1).add(g.mul(1 - beta1)));
        v.assign(v.mul(beta2).add(g.square().mul(1 - beta2)));
        const update = m.div(correction1).div(v.div(correction2).sqrt().add(epsilon)).mul(lr);
        // Decoupled decay, as PyTorch's AdamW: p ← p·(1 − lr·wd) − lr·m̂/(√v̂ + ε); kernels only.
        const decayed = kind === 'adamw' && weightDecay > 0 && p.variable.rank >= 2 ? p.variable.mul(1 - lr * weightDecay) : p.variable;
        p.variable.assign(decayed.sub(update));
      }
    });
  }

  async snapshot(): Promise<OptimizerSnapshot> {
    const moments: NamedArray[] = [];
    for (const p of this.parameters) {
      for (const [suffix, store] of [
        ['m', this.m],
        ['v', this.v],
      ] as const) {
        const t = store.get(p.name) as tf.Variable;
        moments.push({ name: `${p.name}/${suffix}`, shape: t.shape, values: (await t.data()) as Float32Array });
      }
    }
    return { step: this.step, moments };
  }

  restore(snapshot: OptimizerSnapshot): void {
    const byName = new Map(snapshot.moments.map((a) => [a.name, a]));
    for (const p of this.parameters) {
      for (const [suffix, store] of [
        ['m', this.m],
        ['v', this.v],
      ] as const) {
        const saved = byName.get(`${p.name}/${suffix}`);
        const target = store.get(p.name) as tf.Variable;
        if (saved === undefined || saved.values.length !== target.size) {
          throw new ModelError(ModelErrorCode.InvalidCheckpoint, `optimizer state has no matching ${p.name}/${suffix}`);
        }
        tf.tidy(() => target.assign(tf.tensor(saved.values, target.shape)));
      }
    }
    this.step = snapshot.step;
  }

  dispose(): void {
    for (const t of [...this.m.values(), ...this.v.values()]) t.dispose();
    this.m.clear();
    this.v.clear();
  }
}
