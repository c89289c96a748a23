// Renders examples of training samples with synthetic anomalies (docs/method.md §6) as tiles: the input the
// model sees, the anomaly map over it in red, the clean target, and the token weights as a heat map.
import { createTrainingBatches } from '../batching/create-training-batches';
import type { InputMode } from '../batching/training-sample';
import type { FrameStore } from '../cache/frame-store';
import type { MotionMode } from '../signals/motion-gradient';
import type { AnomalyObjectSource } from '../synthetic/anomaly-object';
import { contactSheet, type RgbImage } from './contact-sheet';

export interface SyntheticPreviewOptions {
  videos: readonly FrameStore[];
  objectSource: AnomalyObjectSource;
  seed: number;
  /** Number of examples (rows). */
  count: number;
  patchSize: number;
  motion?: MotionMode;
  inputMode?: InputMode;
}

const fromUnit = (v: number) => Math.max(0, Math.min(255, Math.round((v + 1) * 127.5)));

export async function renderSyntheticPreview(options: SyntheticPreviewOptions): Promise<RgbImage> {
  const colour = options.videos[0]?.channels === 3 ? 'rgb' : 'gray';
  const batches = createTrainingBatches({
    videos: options.videos,
    patchSize: options.patchSize,
    batchSize: options.count,
    inputMode: options.inputMode ?? 'single',
    colour,
    motion: options.motion ?? 'paper',
    syntheticAnomalyProbability: 1,
    objectSource: options.objectSource,
    seed: options.seed,
    prefetch: 0,
  });
  const iterator = batches[Symbol.asyncIterator]();
  const { value: batch } = await iterator.next();
  await iterator.return?.();
  if (batch === undefined) return contactSheet([[{ width: 1, height: 1, data: new Uint8Array(3) }]]);
  const { width, height, inputChannels, targetChannels, patchSize } = batch;
  const channels = targetChannels - 1;
  // In a neighbour stack, frame t is the middle group of channels.
  const centre = inputChannels > channels ? channels : 0;
  const cols = width / patchSize;
  const tokens = cols * (height / patchSize);
  const rows: RgbImage[][] = [];
  for (let s = 0; s < batch.size; s++) {
    const input = new Uint8Array(width * height * 3);
    const overlay = new Uint8Array(width * height * 3);
    const target = new Uint8Array(width * height * 3);
    const heat = new Uint8Array(width * height * 3);
    const weights = batch.tokenWeights.subarray(s * tokens, (s + 1) * tokens);
    const maxWeight = Math.max(...weights) || 1;
    for (let p = 0; p < width * height; p++) {
      const inBase = (s * width * height + p) * inputChannels + centre;
      const tBase = (s * width * height + p) * targetChannels;
      const onMap = batch.target[tBase + channels] > 0;
      for (let c = 0; c < 3; c++) {
        const k = channels === 3 ? c : 0;
        input[p * 3 + c] = fromUnit(batch.input[inBase + k]);
        target[p * 3 + c] = fromUnit(batch.target[tBase + k]);
        overlay[p * 3 + c] = onMap ? (c === 0 ? 255 : Math.round(input[p * 3 + c] * 0.3)) : input[p * 3 + c];
      }
      const x = p % width;
      const y = (p - x) / width;
      const w = weights[Math.floor(y / patchSize) * cols + Math.floor(x / patchSize)] / maxWeight;
      heat[p * 3] = Math.round(255 * Math.min(1, 2 * w));
      heat[p * 3 + 1] = Math.round(255 * Math.max(0, 2 * w - 1));
      heat[p * 3 + 2] = 32;
    }
    rows.push([input, overlay, target, heat].map((data) => ({ width, height, data })));
  }
  return contactSheet(rows);
}
