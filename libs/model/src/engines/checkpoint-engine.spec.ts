// A checkpoint folder with its ONNX export: auto picks onnx, and the onnx path (stored model.onnx,
// streaming scorer) gives tfjs's numbers within 1e-4.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { Detector } from '../detector/detector';
import { scoreVideo } from '../inference/score-video';
import { ONNX_METADATA_KEYS, ONNX_OUTPUTS_VERSION, onnxInferenceModel } from '../onnx/export-onnx';
import { decodeOnnxMetadata, encodeOnnxModel } from '../onnx/onnx-model.proto';
import { ONNX_EXPORT_FILE, saveOnnxExport } from '../onnx/save-onnx-export';
import { readerFrames, scoreStreams } from '../pipeline/stream-scorer';
import { getPreset } from '../presets/model-presets';
import { SeededRandom } from '@vad/data/random';
import { chooseCheckpointEngine, engineLabel, hasOnnxExport, openCheckpointEngine } from './checkpoint-engine';

const config = getPreset('cpu-tiny').model;

describe('checkpoint engines', () => {
  let folder: string;
  let detector: Detector;

  beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'vad-engine-'));
    detector = Detector.create(config, 5);
    const head = detector.parameters.get('classifier/head/kernel');
    tf.tidy(() => head.assign(tf.randomUniform(head.shape, -1, 1, 'float32', 4)));
  });

  afterAll(async () => {
    detector.dispose();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('chooses tfjs without an export and onnx once model.onnx is stored, unless masks are asked', async () => {
    const request = { folder, requested: 'auto' as const, testMasking: { mode: 'off' as const } };
    expect(await hasOnnxExport(folder)).toBe(false);
    expect((await chooseCheckpointEngine(request)).engine).toBe('tfjs');
    await saveOnnxExport(folder, detector);
    expect((await chooseCheckpointEngine(request)).engine).toBe('onnx');
    expect((await chooseCheckpointEngine({ ...request, testMasking: { mode: 'seeded', seed: 1 } })).engine).toBe('tfjs');
  });

  it('serves token maps on onnx with the values of tfjs, exporting again (and storing) when the stored model.onnx is of an older version', async () => {
    const model = await onnxInferenceModel(detector);
    const older = { ...model, metadata: { ...model.metadata, [ONNX_METADATA_KEYS.outputs]: '1' } };
    await fs.writeFile(path.join(folder, ONNX_EXPORT_FILE), encodeOnnxModel(older));
    const rng = SeededRandom.fromSeed(22);
    const frames = Array.from({ length: 5 }, () => Float32Array.from({ length: config.inputHeight * config.inputWidth }, () => 2 * rng.nextFloat() - 1));
    const video = { frameCount: frames.length, read: (i: number) => frames[i] };
    const engine = await openCheckpointEngine(folder, detector, { engine: 'onnx', reason: 'test' });
    try {
      const [onnx] = await scoreStreams(engine, config, [readerFrames(video)], { batchSize: 4 });
      const tfjs = await scoreVideo(detector, video, { batchSize: 4 });
      onnx.forEach((score, t) => {
        const [a, b] = [score.maps, tfjs[t].maps];
        expect(a).toMatchObject({ width: b.width, height: b.height, frameChannels: b.frameChannels });
        const groups = (m: typeof a) => [m.teacherError.frame, m.teacherError.anomalyMap, m.discrepancy?.frame, m.discrepancy?.anomalyMap] as Float32Array[];
        const [mine, theirs] = [groups(a), groups(b)];
        mine.forEach((values, k) => {
          expect(values).toHaveLength(theirs[k].length);
          expect(Math.max(...values.map((v, j) => Math.abs(v - theirs[k][j])))).toBeLessThan(1e-4);
        });
      });
      expect(Array.from(onnx[0].maps.teacherError.frame).some((v) => v > 0)).toBe(true);
    } finally {
      await engine.dispose();
    }
    const stored = decodeOnnxMetadata(new Uint8Array(await fs.readFile(path.join(folder, ONNX_EXPORT_FILE))));
    expect(stored[ONNX_METADATA_KEYS.outputs]).toBe(ONNX_OUTPUTS_VERSION);
    await fs.rm(path.join(folder, ONNX_EXPORT_FILE));
  });

  it('scores an exported cpu-tiny model through the onnx path with the numbers of tfjs', async () => {
    await saveOnnxExport(folder, detector);
    const rng = SeededRandom.fromSeed(21);
    const frames = Array.from({ length: 7 }, () => Float32Array.from({ length: config.inputHeight * config.inputWidth }, () => 2 * rng.nextFloat() - 1));
    const video = { frameCount: frames.length, read: (i: number) => frames[i] };
    const engine = await openCheckpointEngine(folder, detector, { engine: 'onnx', reason: 'test' });
    try {
      expect(engineLabel(engine)).toBe('onnx-cpu');
      const [onnx] = await scoreStreams(engine, config, [readerFrames(video)], { batchSize: 4 });
      const tfjs = await scoreVideo(detector, video, { batchSize: 4, testMasking: { mode: 'off' } });
      expect(onnx).toHaveLength(7);
      onnx.forEach((score, t) => {
        for (const key of ['teacherError', 'discrepancy', 'classifier'] as const) {
          expect(Math.abs((score[key] as number) - (tfjs[t][key] as number))).toBeLessThan(1e-4);
        }
      });
      expect(onnx[0].teacherError).not.toBeCloseTo(onnx[1].teacherError, 6);
    } finally {
      await engine.dispose();
    }
  });
});
