// The detector's configuration (docs/method.md §2–§5): plain JSON, stored in every checkpoint, so that a
// model can be rebuilt from its folder alone. Every choice that differs between the paper and the
// authors' code is a named field; the paper's choice is the default.

/** Colour channels of one frame: 1 (gray) or 3 (RGB). */
export type ColourMode = 'gray' | 'rgb';

/** Model input: frame t alone, or frames t−3, t, t+3 stacked along channels in that order (docs/method.md §2). */
export type TemporalInput = 'single-frame' | 'stack-t3';

/**
 * How the encoder's visible tokens are laid out for the depthwise q/k/v convolutions.
 * - `grid`: at their true positions, masked positions filled with zeros (spatially faithful);
 * - `packed`: the reference code's behaviour — visible tokens, in their random order, reshaped into an
 *   h × w·(1−r) grid, so the 3×3 neighbourhoods mix unrelated tokens.
 */
export type VisibleTokenLayout = 'grid' | 'packed';

/** Stage-2 loss (eq. 4): the paper weights all tokens by motion; the code averages masked tokens only. */
export type DistillationLoss = 'weighted-all-tokens' | 'unweighted-masked-tokens';

/** Attention scale: the code uses the full width C^−0.5; standard multi-head attention uses (C/heads)^−0.5. */
export type AttentionScale = 'full-width' | 'head-width';

export interface TransformerStackConfig {
  /** Token width C. */
  width: number;
  /** Number of CvT blocks. */
  depth: number;
  /** Attention heads; must divide width. */
  heads: number;
}

/** The ablation switches of the paper's Table 2; all on is the full method. */
export interface AblationSwitches {
  /** Weight tokens by motion gradients in the loss (eq. 1–3); off: uniform weights 1/n. */
  motionWeights: boolean;
  /** Train the student branch (stage 2) and report teacher–student discrepancy. */
  selfDistillation: boolean;
  /** The data pipeline pastes synthetic anomalies (the model checks batches against this flag). */
  syntheticData: boolean;
  /** Predict the pixel anomaly map as an extra output channel (needs syntheticData). */
  anomalyMaps: boolean;
  /** The [CLS] classification head and its BCE loss (eq. 5; needs syntheticData). */
  classificationHead: boolean;
}

export interface LossConfig {
  /** Stage-2 loss variant (eq. 4). */
  distillation: DistillationLoss;
  /** Factor on the BCE term (eq. 5); the paper adds it to eq. 3 with weight 1. */
  classificationWeight: number;
}

export interface ModelConfig {
  /** Version of this object's shape, checked when a checkpoint is loaded. */
  formatVersion: 1;
  /** Input height h in pixels; a multiple of patchSize. */
  inputHeight: number;
  /** Input width w in pixels; a multiple of patchSize. */
  inputWidth: number;
  colour: ColourMode;
  temporalInput: TemporalInput;
  /** Patch size d (paper: Avenue 16, ShanghaiTech 8, UBnormal 8, Ped2 4). */
  patchSize: number;
  /** Encoder stack (paper: 3 blocks of width 256, 4 heads). */
  encoder: TransformerStackConfig;
  /** Teacher decoder stack (paper: 3 blocks of width 128, 4 heads). */
  decoder: TransformerStackConfig;
  /** Teacher decoder blocks shared with the student (paper: 1). */
  studentBranchAfter: number;
  /** Blocks of the student branch (paper: 1). */
  studentDepth: number;
  /** MLP hidden width = mlpRatio × width (code: 2). */
  mlpRatio: number;
  /** Dropout after the MLP's GELU, training only (code: 0.1). */
  dropoutRate: number;
  /** LayerNorm epsilon (code: 1e-6). */
  layerNormEpsilon: number;
  /** BatchNorm epsilon of the q/k/v projections (PyTorch default 1e-5). */
  batchNormEpsilon: number;
  /** BatchNorm running-statistics momentum, PyTorch convention: new = (1−m)·old + m·batch (0.1). */
  batchNormMomentum: number;
  attentionScale: AttentionScale;
  /**
   * The code's [CLS] token skips the pointwise MLP: its MLP "output" is its normalised input, so the
   * residual adds LN(x). When false, [CLS] goes through the MLP like every other token.
   */
  clsBypassesMlp: boolean;
  /** Fraction of tokens masked during training (code: 0.5). */
  maskRatio: number;
  /** MAE-style: the encoder sees only the visible tokens; false runs it on the full grid with masked tokens zeroed. */
  encoderVisibleOnly: boolean;
  visibleTokenLayout: VisibleTokenLayout;
  ablation: AblationSwitches;
  loss: LossConfig;
}

export type OptimizerKind = 'adam' | 'adamw';

/** Shape of the learning rate over a stage after warm-up: held constant, or cosine-annealed to its final factor. */
export type LearningRateDecay = 'constant' | 'cosine';

/**
 * Learning rate over one training stage (each stage starts a fresh optimiser, so each gets the whole schedule):
 * linear warm-up from lr/warmupSteps to lr, then `decay` over the stage's remaining steps.
 */
export interface LearningRateSchedule {
  /** Steps of linear warm-up at the start of the stage (0: none). */
  warmupSteps: number;
  decay: LearningRateDecay;
  /** lr at the last step of the stage as a fraction of lr (cosine only; 0 anneals to zero). */
  finalFactor: number;
}

export interface OptimizerConfig {
  /** Adam (paper) or AdamW with decoupled weight decay (code). */
  kind: OptimizerKind;
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** Decoupled weight decay (AdamW only), applied to kernels (rank ≥ 2), not to biases, norms or tokens. */
  weightDecay: number;
  /** Absent: `learningRate` for every step (the paper's and the code's choice). */
  schedule?: LearningRateSchedule;
}

/** Rule that picks the checkpoint a training run reports as its model; never the test labels. */
export type CheckpointSelection = 'last-epoch' | 'validation-loss';

export interface TrainingConfig {
  /** Stage-1 epochs: encoder + teacher + classifier (paper: 100). */
  teacherEpochs: number;
  /** Stage-2 epochs: student only, everything shared frozen (paper: 40). */
  studentEpochs: number;
  /** Samples per batch (paper and code: 100); the data pipeline honours it. */
  batchSize: number;
  optimizer: OptimizerConfig;
  checkpointSelection: CheckpointSelection;
}

/** The paper's optimiser: Adam, lr 1e-4, default betas (docs/method.md §5). */
export const PAPER_OPTIMIZER: OptimizerConfig = {
  kind: 'adam',
  learningRate: 1e-4,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  weightDecay: 0,
};

/** The reference code's optimiser: AdamW(β 0.9/0.95, wd 0.05), lr 1e-4, no warm-up. */
export const REFERENCE_CODE_OPTIMIZER: OptimizerConfig = {
  kind: 'adamw',
  learningRate: 1e-4,
  beta1: 0.9,
  beta2: 0.95,
  epsilon: 1e-8,
  weightDecay: 0.05,
};

export const FULL_METHOD: AblationSwitches = {
  motionWeights: true,
  selfDistillation: true,
  syntheticData: true,
  anomalyMaps: true,
  classificationHead: true,
};
