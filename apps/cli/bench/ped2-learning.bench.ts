// Proof that the detector learns (issue 5): scores the UCSD Ped2 test set with a trained run and with a
// trivial baseline of the same pipeline (frame-difference energy at the model's input size), evaluates both
// under the same protocol, and draws test video 01's curves against its labels.
//   npm run bench:ped2 -- --run <training run folder> [--out <folder>]
// Train first with: npx vad train --dataset ../shared/datasets/ucsd-ped2/frames --format ucsd --preset cpu-ped2 ...
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FrameCache, importDataset, openCachedVideos } from '@vad/data';
import { applyProtocolToComponents, applyProtocolToScores, evaluateFrames, protocolPreset } from '@vad/metrics';
import { loadDetector, resolveCheckpoint, scoreVideo, selectBackend } from '@vad/model';
import { scorePlotPng } from './score-plot';

const PED2 = path.resolve(__dirname, '../../../../shared/datasets/ucsd-ped2');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { run: { type: 'string' }, out: { type: 'string' }, cache: { type: 'string' }, 'mask-seed': { type: 'string' } } });
  if (!values.run) throw new Error('usage: npm run bench:ped2 -- --run <training run folder> [--out <folder>]');
  const out = path.resolve(values.out ?? 'bench-results/ped2');
  fs.mkdirSync(out, { recursive: true });
  await selectBackend({});
  const checkpoint = await resolveCheckpoint(path.resolve(values.run));
  const { detector, checkpoint: loaded } = await loadDetector(checkpoint);
  const config = loaded.state.config;
  const labelsByVideo = JSON.parse(fs.readFileSync(path.join(PED2, 'ground_truth/frame_labels.json'), 'utf8')) as Record<string, number[]>;
  const dataset = await importDataset(path.join(PED2, 'frames'), { format: 'ucsd', verifyDecode: false });
  const tests = dataset.videos.filter((v) => v.split === 'test');
  const stores = await openCachedVideos(new FrameCache(path.resolve(values.cache ?? 'data/cache/frames')), tests, {
    width: config.inputWidth,
    height: config.inputHeight,
    colour: config.colour,
  });
  const model: { video: string; teacherError: number[]; discrepancy: number[]; classifier: number[] }[] = [];
  const baseline: { video: string; energy: number[] }[] = [];
  const started = performance.now();
  let frames = 0;
  for (const store of stores) {
    const read = async (i: number) => Float32Array.from(await store.readFrame(i), (v) => v / 127.5 - 1);
    const seed = values['mask-seed'] === undefined ? 0 : Number(values['mask-seed']);
    const scores = await scoreVideo(detector, { frameCount: store.frameCount, read }, { batchSize: 32, testMasking: { mode: 'seeded', seed } });
    const zeros = scores.map(() => 0);
    model.push({
      video: store.name,
      teacherError: scores.map((s) => s.teacherError),
      discrepancy: scores[0].discrepancy === null ? zeros : scores.map((s) => s.discrepancy as number),
      classifier: scores[0].classifier === null ? zeros : scores.map((s) => s.classifier as number),
    });
    // baseline: mean absolute difference to the previous frame (the first frame copies the second's score)
    const energy: number[] = [];
    let previous = await store.readFrame(0);
    for (let t = 1; t < store.frameCount; t++) {
      const current = await store.readFrame(t);
      let sum = 0;
      for (let i = 0; i < current.length; i++) sum += Math.abs(current[i] - previous[i]);
      energy.push(sum / current.length);
      previous = current;
    }
    baseline.push({ video: store.name, energy: [energy[0], ...energy] });
    frames += store.frameCount;
    await store.close();
  }
  const seconds = (performance.now() - started) / 1000;
  detector.dispose();

  const report: Record<string, unknown> = { checkpoint, preset: config, testFrames: frames, scoringSeconds: Number(seconds.toFixed(1)) };
  for (const protocolName of ['paper', 'reference-code'] as const) {
    const protocol = protocolPreset(protocolName);
    const evaluate = (scoresOf: (i: number) => ArrayLike<number>) =>
      evaluateFrames(model.map((m, i) => ({ video: m.video, scores: scoresOf(i), labels: labelsByVideo[m.video] })));
    const modelEval = evaluate((i) => applyProtocolToComponents(model[i], protocol).scores);
    const teacherOnly = evaluate((i) => applyProtocolToScores(model[i].teacherError, protocol).scores);
    const baselineEval = evaluate((i) => applyProtocolToScores(baseline[i].energy, protocol).scores);
    report[protocolName] = {
      model: { microAuc: modelEval.microAuc, macroAuc: modelEval.macroAuc, videosSkipped: modelEval.videosSkipped },
      teacherErrorOnly: { microAuc: teacherOnly.microAuc, macroAuc: teacherOnly.macroAuc },
      frameDifferenceBaseline: { microAuc: baselineEval.microAuc, macroAuc: baselineEval.macroAuc },
    };
  }
  const paper = protocolPreset('paper');
  const first = model.findIndex((m) => m.video === '01');
  fs.writeFileSync(
    path.join(out, 'ped2-test01-scores.png'),
    scorePlotPng(
      [
        { values: Array.from(applyProtocolToScores(baseline[first].energy, paper).scores), rgb: [150, 150, 150] },
        { values: Array.from(applyProtocolToComponents(model[first], paper).scores), rgb: [30, 80, 200] },
      ],
      labelsByVideo['01'],
    ),
  );
  fs.writeFileSync(path.join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
