// Speed check of the evaluation protocol against the targets: frame AUC over 1,000,000 frames in
// under 1 s, RBDC/TBDC over 50,000 detections and 10,000 ground-truth regions in under 2 s. Prints the
// figures; not a test (timings depend on the machine). Run: npx tsx libs/metrics/bench/metrics.bench.ts
import { evaluateFrames, evaluateRegions, rocAuc, type Box, type Detection, type GroundTruthRegion } from '../src/index';

/** Seeded generator (mulberry32), so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function time<T>(label: string, target: number, run: () => T): T {
  run(); // warm-up: the JIT, not the algorithm, dominates a first call
  const runs = 5;
  const times: number[] = [];
  let result = run();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(runs / 2)];
  process.stdout.write(`${label}: median ${median.toFixed(1)} ms of ${runs} (target < ${target} ms) ${median < target ? 'OK' : 'SLOW'}\n`);
  return result;
}

const next = random(42);
const frames = 1_000_000;
const scores = new Float64Array(frames);
const labels = new Uint8Array(frames);
for (let i = 0; i < frames; i++) {
  labels[i] = next() < 0.3 ? 1 : 0;
  scores[i] = Math.round((next() + 0.5 * labels[i]) * 1e4) / 1e4; // rounded: many ties, as with real scores
}
const auc = time('rocAuc, 1,000,000 frames', 1000, () => rocAuc({ scores, labels }));
process.stdout.write(`  AUC ${auc.toFixed(6)}\n`);
const videos = Array.from({ length: 100 }, (_, v) => ({
  video: String(v).padStart(3, '0'),
  scores: scores.subarray(v * 10_000, (v + 1) * 10_000),
  labels: labels.subarray(v * 10_000, (v + 1) * 10_000),
}));
time('evaluateFrames (micro + macro + EER + curve), 100 videos × 10,000 frames', 1000, () => evaluateFrames(videos));

const numFrames = 20_000;
const groundTruth: GroundTruthRegion[] = [];
for (let r = 0; r < 10_000; r++) {
  const frame = Math.floor(next() * numFrames);
  const x = Math.floor(next() * 300);
  const y = Math.floor(next() * 200);
  groundTruth.push({ video: String(frame % 20), track: String(Math.floor(r / 25)), frame, box: [x, y, x + 20, y + 30] });
}
const detections: Detection[] = [];
for (let d = 0; d < 50_000; d++) {
  const near = next() < 0.3 ? groundTruth[Math.floor(next() * groundTruth.length)] : null;
  const frame = near?.frame ?? Math.floor(next() * numFrames);
  const x = (near?.box[0] ?? Math.floor(next() * 300)) + Math.floor(next() * 10) - 5;
  const y = (near?.box[1] ?? Math.floor(next() * 200)) + Math.floor(next() * 10) - 5;
  const box: Box = [x, y, x + 20, y + 30];
  detections.push({ video: String(frame % 20), frame, box, score: Math.round(next() * 1e4) / 1e4 });
}
const regions = time('evaluateRegions, 50,000 detections × 10,000 regions', 2000, () => evaluateRegions(detections, groundTruth, numFrames));
process.stdout.write(`  RBDC ${regions.rbdc.toFixed(4)}, TBDC ${regions.tbdc.toFixed(4)}\n`);
