// Sizes that follow from a ModelConfig: token grid, channels and values per token.
import type { ModelConfig } from './model-config';

export interface ModelDimensions {
  /** Token grid rows h/d. */
  gridHeight: number;
  /** Token grid columns w/d. */
  gridWidth: number;
  /** Tokens n per frame. */
  tokens: number;
  /** Channels of one frame c. */
  frameChannels: number;
  /** Model input channels: c, or 3c for the t−3 / t / t+3 stack. */
  inputChannels: number;
  /** Output channels per pixel: c, plus 1 with the anomaly-map channel. */
  outputChannels: number;
  /** Values each token head predicts: d·d·outputChannels. */
  valuesPerToken: number;
  /** Tokens the encoder keeps when masking is on: ⌊n(1−r)⌋ as in the code. */
  visibleTokens: number;
}

export function modelDimensions(config: ModelConfig): ModelDimensions {
  const gridHeight = Math.floor(config.inputHeight / config.patchSize);
  const gridWidth = Math.floor(config.inputWidth / config.patchSize);
  const tokens = gridHeight * gridWidth;
  const frameChannels = config.colour === 'rgb' ? 3 : 1;
  const inputChannels = config.temporalInput === 'stack-t3' ? 3 * frameChannels : frameChannels;
  const outputChannels = frameChannels + (config.ablation.anomalyMaps ? 1 : 0);
  return {
    gridHeight,
    gridWidth,
    tokens,
    frameChannels,
    inputChannels,
    outputChannels,
    valuesPerToken: config.patchSize * config.patchSize * outputChannels,
    visibleTokens: Math.floor(tokens * (1 - config.maskRatio) + 1e-9),
  };
}

/** Index of frame t's first channel in the model input (the middle of the t−3 / t / t+3 stack). */
export function currentFrameChannelOffset(config: ModelConfig): number {
  const c = config.colour === 'rgb' ? 3 : 1;
  return config.temporalInput === 'stack-t3' ? c : 0;
}
