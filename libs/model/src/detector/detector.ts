// The self-distilled masked auto-encoder (docs/method.md §3): patch embedding + [CLS] → CvT encoder (visible
// tokens only, MAE-style) → decoder embedding + mask tokens → teacher decoder; the student branches
// after the first `studentBranchAfter` teacher blocks (shared: the "self" in self-distillation) and adds
// its own block(s), norm and head; a classification head reads the encoder's final [CLS] token.
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '../config/model-config';
import { modelDimensions, type ModelDimensions } from '../config/model-dimensions';
import { assertValidModelConfig } from '../config/validate-model-config';
import { CvtBlock } from '../blocks/cvt-block';
import type { ForwardMode } from '../blocks/forward-mode';
import { LayerNorm } from '../blocks/layer-norm';
import { Linear } from '../blocks/linear';
import { PatchEmbedding } from '../blocks/patch-embedding';
import { fullGridLayout, packedLayout, scatteredLayout, type TokenLayout } from '../blocks/token-layout';
import { maskIndexTensors, type TokenMask } from '../masking/token-mask';
import { ModelError, ModelErrorCode } from '../model.error';
import { ParameterStore, type ParameterRole } from '../parameters/parameter-store';
import { deriveSeed, SeededRandom } from '@vad/data/random';

/** Roles trained in stage 1 (encoder, teacher, classifier) and stage 2 (student only). */
export const STAGE_ROLES: Readonly<Record<1 | 2, ReadonlySet<ParameterRole>>> = {
  1: new Set<ParameterRole>(['encoder', 'decoder', 'teacher-head', 'classifier']),
  2: new Set<ParameterRole>(['student']),
};

export interface ForwardRequest {
  /** Tokens to hide, or null for no masking (e.g. test time with masking off). */
  mask: TokenMask | null;
  /** Mode of the encoder, shared decoder blocks, teacher tail and classifier. */
  backbone: ForwardMode;
  /** Mode of the student branch. */
  student: ForwardMode;
  /** Which outputs to compute; the classifier is computed whenever the model has one. */
  outputs: { teacher: boolean; student: boolean };
}

export interface DetectorOutputs {
  /** Teacher prediction per token, [B, n, d·d·outputChannels]. */
  teacher: tf.Tensor3D | null;
  /** Student prediction per token, same shape. */
  student: tf.Tensor3D | null;
  /** Classification-head logits, [B]. */
  classLogits: tf.Tensor1D | null;
}

/**
 * A learned [1, 1, C] token ([CLS], mask) repeated to [batch, count, C]. A broadcast add rather than tf.tile:
 * tile's gradient slices and adds one copy at a time (864 slices and 864 adds in each cpu-ped2 training
 * step for the mask token), a broadcast's gradient is one sum.
 */
function repeatToken(token: tf.Tensor, batch: number, count: number): tf.Tensor3D {
  return tf.zeros([batch, count, token.shape[2] as number]).add(token) as tf.Tensor3D;
}

export class Detector {
  readonly dims: ModelDimensions;
  private readonly patchEmbedding: PatchEmbedding;
  private readonly clsToken: tf.Variable;
  private readonly encoderBlocks: CvtBlock[];
  private readonly encoderNorm: LayerNorm;
  private readonly decoderEmbedding: Linear;
  private readonly maskToken: tf.Variable;
  private readonly decoderBlocks: CvtBlock[];
  private readonly teacherNorm: LayerNorm;
  private readonly teacherHead: Linear;
  private readonly studentBlocks: CvtBlock[];
  private readonly studentNorm: LayerNorm | null;
  private readonly studentHead: Linear | null;
  private readonly classifier: Linear | null;

  private constructor(
    readonly config: ModelConfig,
    readonly parameters: ParameterStore,
  ) {
    const dims = modelDimensions(config);
    this.dims = dims;
    const store = parameters;
    const e = config.encoder;
    const d = config.decoder;
    const epsilon = config.layerNormEpsilon;
    this.patchEmbedding = new PatchEmbedding(store, {
      name: 'encoder/patch_embedding',
      patchSize: config.patchSize,
      inputChannels: dims.inputChannels,
      width: e.width,
      layerNormEpsilon: epsilon,
    });
    this.clsToken = store.add('encoder/cls_token', [1, 1, e.width], { kind: 'truncated-normal', std: 0.02 }, 'encoder');
    this.encoderBlocks = Array.from(
      { length: e.depth },
      (_, i) => new CvtBlock(store, config, { name: `encoder/block${i}`, width: e.width, heads: e.heads, role: 'encoder' }),
    );
    this.encoderNorm = new LayerNorm(store, { name: 'encoder/norm', width: e.width, epsilon, role: 'encoder' });
    this.decoderEmbedding = new Linear(store, { name: 'decoder/embedding', inputs: e.width, outputs: d.width, role: 'decoder' });
    this.maskToken = store.add('decoder/mask_token', [1, 1, d.width], { kind: 'truncated-normal', std: 0.02 }, 'decoder');
    this.decoderBlocks = Array.from(
      { length: d.depth },
      (_, i) => new CvtBlock(store, config, { name: `decoder/block${i}`, width: d.width, heads: d.heads, role: 'decoder' }),
    );
    this.teacherNorm = new LayerNorm(store, { name: 'teacher/norm', width: d.width, epsilon, role: 'teacher-head' });
    this.teacherHead = new Linear(store, { name: 'teacher/head', inputs: d.width, outputs: dims.valuesPerToken, role: 'teacher-head' });
    const sd = config.ablation.selfDistillation;
    this.studentBlocks = sd
      ? Array.from(
          { length: config.studentDepth },
          (_, i) => new CvtBlock(store, config, { name: `student/block${i}`, width: d.width, heads: d.heads, role: 'student' }),
        )
      : [];
    this.studentNorm = sd ? new LayerNorm(store, { name: 'student/norm', width: d.width, epsilon, role: 'student' }) : null;
    this.studentHead = sd ? new Linear(store, { name: 'student/head', inputs: d.width, outputs: dims.valuesPerToken, role: 'student' }) : null;
    this.classifier = config.ablation.classificationHead
      ? new Linear(store, { name: 'classifier/head', inputs: e.width, outputs: 1, role: 'classifier' })
      : null;
  }

  /** A new detector with weights drawn from `seed` (same seed → same weights on every backend). */
  static create(config: ModelConfig, seed: number): Detector {
    assertValidModelConfig(config);
    const rng = SeededRandom.fromSeed(deriveSeed(seed, 'initialisation'));
    return new Detector(structuredClone(config), new ParameterStore(rng));
  }

  get hasStudent(): boolean {
    return this.studentHead !== null;
  }

  get hasClassifier(): boolean {
    return this.classifier !== null;
  }

  /**
   * Runs the network on `input` [B, H, W, inputChannels]. Call inside tf.tidy (or a gradient function):
   * intermediate tensors are left to the enclosing scope.
   */
  forward(input: tf.Tensor4D, request: ForwardRequest): DetectorOutputs {
    const { config, dims } = this;
    const [b, h, w, c] = input.shape;
    if (h !== config.inputHeight || w !== config.inputWidth || c !== dims.inputChannels) {
      throw new ModelError(
        ModelErrorCode.ShapeMismatch,
        `input is ${h}×${w}×${c}, the model expects ${config.inputHeight}×${config.inputWidth}×${dims.inputChannels}`,
      );
    }
    const mask = request.mask;
    if (mask !== null && (mask.batch !== b || mask.tokens !== dims.tokens)) {
      throw new ModelError(ModelErrorCode.ShapeMismatch, `mask is for ${mask.batch}×${mask.tokens} tokens, input has ${b}×${dims.tokens}`);
    }
    const n = dims.tokens;
    const { gridHeight: gh, gridWidth: gw } = dims;
    const full = fullGridLayout(gh, gw);
    const indices = mask === null ? null : maskIndexTensors(mask);
    const e = config.encoder.width;
    const dw = config.decoder.width;

    // Encoder (docs/method.md §3): only the visible tokens unless configured otherwise.
    let tokens = this.patchEmbedding.apply(input);
    let layout: TokenLayout = full;
    if (mask !== null && indices !== null) {
      if (config.encoderVisibleOnly) {
        tokens = tf.gather(tokens.reshape([b * n, e]), indices.visibleFlat).reshape([b, mask.visible, e]);
        layout =
          config.visibleTokenLayout === 'packed'
            ? packedLayout(gh, mask.visible)
            : scatteredLayout(gh, gw, mask.visible, indices.restoreFlat, indices.visibleFlat);
      } else {
        tokens = tokens.mul(indices.keep);
      }
    }
    let x = tf.concat([repeatToken(this.clsToken, b, 1), tokens], 1) as tf.Tensor3D;
    for (const block of this.encoderBlocks) x = block.apply(x, layout, request.backbone);
    x = this.encoderNorm.apply(x);
    const classLogits = this.classifier === null ? null : (this.classifier.apply(x.slice([0, 0, 0], [b, 1, e])).reshape([b]) as tf.Tensor1D);

    // Decoder input: embed, then put mask tokens at the masked positions.
    let y = this.decoderEmbedding.apply(x);
    if (mask !== null && indices !== null) {
      const cls = y.slice([0, 0, 0], [b, 1, dw]);
      const patches = y.slice([0, 1, 0], [b, y.shape[1] - 1, dw]);
      let restored: tf.Tensor;
      if (config.encoderVisibleOnly) {
        const sequence = tf.concat([patches, repeatToken(this.maskToken, b, n - mask.visible)], 1);
        restored = tf.gather(sequence.reshape([b * n, dw]), indices.restoreFlat).reshape([b, n, dw]);
      } else {
        restored = patches.mul(indices.keep).add(this.maskToken.mul(tf.scalar(1).sub(indices.keep)));
      }
      y = tf.concat([cls, restored], 1) as tf.Tensor3D;
    }
    for (let i = 0; i < config.studentBranchAfter; i++) y = this.decoderBlocks[i].apply(y, full, request.backbone);
    const shared = y;

    let teacher: tf.Tensor3D | null = null;
    if (request.outputs.teacher) {
      let t = shared;
      for (let i = config.studentBranchAfter; i < config.decoder.depth; i++) t = this.decoderBlocks[i].apply(t, full, request.backbone);
      teacher = this.teacherHead.apply(this.teacherNorm.apply(t)).slice([0, 1, 0], [b, n, dims.valuesPerToken]);
    }
    let student: tf.Tensor3D | null = null;
    if (request.outputs.student) {
      if (this.studentHead === null || this.studentNorm === null) {
        throw new ModelError(ModelErrorCode.InvalidConfig, 'the student output was requested but ablation.selfDistillation is off');
      }
      let s = shared;
      for (const block of this.studentBlocks) s = block.apply(s, full, request.student);
      student = this.studentHead.apply(this.studentNorm.apply(s)).slice([0, 1, 0], [b, n, dims.valuesPerToken]);
    }
    return { teacher, student, classLogits };
  }

  dispose(): void {
    this.parameters.dispose();
  }
}
