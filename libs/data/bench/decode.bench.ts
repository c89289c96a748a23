// Throughput of the data pipeline on the shared UCSD Ped2 data (not a test):
//   1. decode + preprocess (resize, gray/RGB) + write to the frame cache, frames/s (first epoch);
//   2. reading the cache back, frames/s (later epochs);
//   3. building the 3×3-median-filtered copies the paper's motion gradients read (once, after decoding);
//   4. training batches (motion weights, synthetic anomalies, [−1, 1] floats), batches/s and samples/s.
// Run: npx tsx libs/data/bench/decode.bench.ts [--source videos|frames] [--width 360] [--height 240]
//      [--colour gray|rgb] [--decoders 2] [--batch-size 100] [--batches 10] [--input single|neighbours] [--motion paper|reference-code]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  createDefaultObjectSource,
  createTrainingBatches,
  FrameCache,
  importDataset,
  type InputMode,
  type MotionMode,
  openCachedVideos,
  openMedianFilteredFrames,
} from '../src';

const { values } = parseArgs({
  options: {
    source: { type: 'string', default: 'videos' },
    width: { type: 'string', default: '360' },
    height: { type: 'string', default: '240' },
    colour: { type: 'string', default: 'gray' },
    decoders: { type: 'string', default: '2' },
    'batch-size': { type: 'string', default: '100' },
    batches: { type: 'string', default: '10' },
    input: { type: 'string', default: 'single' },
    motion: { type: 'string', default: 'paper' },
    'patch-size': { type: 'string', default: '4' },
  },
});

const ped2 = path.resolve(__dirname, '../../../../shared/datasets/ucsd-ped2');
const geometry = { width: Number(values.width), height: Number(values.height), colour: values.colour === 'rgb' ? ('rgb' as const) : ('gray' as const) };
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

async function main(): Promise<void> {
  const source = values.source === 'frames' ? 'frames' : 'videos';
  const dataset = await importDataset(path.join(ped2, source), { format: source === 'frames' ? 'ucsd' : 'folder', verifyDecode: false });
  const videos = dataset.videos;
  const frames = videos.reduce((s, v) => s + v.frameCount, 0);
  const root = mkdtempSync(path.join(os.tmpdir(), 'vad-bench-cache-'));
  try {
    const cache = new FrameCache(root);
    let start = process.hrtime.bigint();
    const cold = await openCachedVideos(cache, videos, geometry, { concurrency: Number(values.decoders) });
    const coldSeconds = seconds(start);
    await Promise.all(cold.map((v) => v.close()));

    start = process.hrtime.bigint();
    const warm = await openCachedVideos(cache, videos, geometry);
    for (const video of warm) for (let i = 0; i < video.frameCount; i++) await video.readFrame(i);
    const warmSeconds = seconds(start);

    const train = warm.filter((_, i) => videos[i].split === 'train');
    const trainEntries = videos.filter((v) => v.split === 'train');
    start = process.hrtime.bigint();
    const medianFiltered =
      values.motion === 'paper' ? await Promise.all(train.map((frames, i) => openMedianFilteredFrames(cache, trainEntries[i], frames))) : undefined;
    const medianSeconds = seconds(start);
    const objectSource = await createDefaultObjectSource(train, { seed: 1 });
    const batchSize = Number(values['batch-size']);
    const wanted = Number(values.batches);
    let built = 0;
    let samples = 0;
    start = process.hrtime.bigint();
    for await (const batch of createTrainingBatches({
      videos: train,
      patchSize: Number(values['patch-size']),
      batchSize,
      inputMode: values.input as InputMode,
      colour: geometry.colour,
      motion: values.motion as MotionMode,
      medianFiltered,
      objectSource,
      seed: 1,
    })) {
      samples += batch.size;
      if (++built === wanted) break;
    }
    const batchSeconds = seconds(start);
    await Promise.all([...warm, ...(medianFiltered ?? [])].map((v) => v.close()));

    const report = {
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`,
      source: `UCSD Ped2 ${source} (${videos.length} videos, ${frames} frames, 360×240)`,
      preprocessing: `${geometry.width}×${geometry.height} ${geometry.colour}, bilinear, ${values.decoders} decoder process(es)`,
      decodePreprocessCacheFramesPerSecond: Math.round(frames / coldSeconds),
      cachedReadFramesPerSecond: Math.round(frames / warmSeconds),
      medianCacheFramesPerSecond: medianFiltered === undefined ? null : Math.round(train.reduce((n, v) => n + v.frameCount, 0) / medianSeconds),
      batching: `batch ${batchSize}, ${values.input}, motion ${values.motion}, patch ${values['patch-size']}, p(anomaly) 0.25`,
      batchesPerSecond: Number((built / batchSeconds).toFixed(2)),
      samplesPerSecond: Math.round(samples / batchSeconds),
      cacheMegabytes: Math.round((await cache.sizeBytes()) / 1e6),
    };
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
