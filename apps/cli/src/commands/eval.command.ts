// `vad eval`: evaluates result files against ground truth with @vad/metrics — frame-level AUC/EER
// (`vad eval frames`) and region-level RBDC/TBDC (`vad eval regions`). Files are read and validated here, at
// the edge; every number comes from the library. Bad input exits with code 2 and one line naming the problem.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  MetricsError,
  PROTOCOL_PRESET_NAMES,
  applyProtocolToScores,
  evaluateFrames,
  evaluateRegions,
  isProtocolPresetName,
  protocolPreset,
  type Box,
  type Detection,
  type GroundTruthRegion,
  type PostProcessingProtocol,
  type ProtocolStage,
  type VideoFrames,
} from '@vad/metrics';
import { CliUsageError } from '../cli-error';
import { fieldList, percent, textTable } from '../output/text-table';

/** Reads a whole text file; injected so that tests need no files. */
export type ReadText = (path: string) => string;

export interface EvalFramesOptions {
  scores?: string;
  labels?: string;
  macroPad?: boolean;
  protocol?: string;
}

export interface EvalRegionsOptions {
  detections?: string;
  tracks?: string;
  numFrames?: string;
}

/** The frame report for people: the AUCs and EER, then each video's AUC. */
function frameReportText(result: ReturnType<typeof evaluateFrameFiles>): string {
  const summary = fieldList([
    ['micro AUC %', percent(result.microAuc)],
    ['macro AUC %', percent(result.macroAuc)],
    ['EER %', percent(result.eer)],
    ['videos', result.numVideos],
    ['frames', `${result.numFrames} (${result.numAnomalousFrames} abnormal)`],
    [
      'single-class videos',
      result.skippedVideos.length ? `${result.skippedVideos.join(', ')} (${result.macroPad ? 'padded' : 'left out of the macro AUC'})` : null,
    ],
    ['protocol', result.protocol?.name ?? 'none (scores as given)'],
  ]);
  const videos = textTable(
    ['video', 'AUC %'],
    Object.entries(result.perVideoAuc).map(([video, auc]) => [video, auc === null ? 'single class' : percent(auc)]),
  );
  return `${summary}\n${videos}`;
}

export function registerEvalCommand(program: Command): void {
  const evaluate = program
    .command('eval')
    .description('evaluate anomaly scores against ground truth (frame AUC, EER; region RBDC, TBDC); a table, or JSON with --json');

  evaluate
    .command('frames')
    .description(
      'frame-level micro/macro ROC AUC, EER and per-video AUC (identical to scikit-learn roc_auc_score). ' +
        'Fractions in [0, 1]. Videos with a single class are skipped from the macro AUC and counted in videosSkipped.',
    )
    .option('--scores <file>', 'JSON {"<video>": [score, ...]}: one finite score per test frame, higher = more anomalous')
    .option('--labels <file>', 'JSON {"<video>": [0|1, ...]}: one label per test frame, 1 = anomalous; same videos as --scores')
    .option('--macro-pad', "pad each video with a (0, score 0) and a (1, score 1) frame before its AUC, as the method authors' code does")
    .option(
      '--protocol <name>',
      `post-process the scores per video with a named protocol (${PROTOCOL_PRESET_NAMES.join(', ')}) before evaluating; ` +
        'the scores count as combined frame scores, so only the frame steps (smoothing, normalisation) run. Default: scores as given',
    )
    .option('--json', 'print one JSON object instead of a table')
    .action((options: EvalFramesOptions & { json?: boolean }) => {
      const result = evaluateFrameFiles(options, readTextFile);
      if (result.labelledWithoutScores.length > 0) {
        process.stderr.write(
          `vad eval frames: left out ${result.labelledWithoutScores.length} labelled video(s) without scores: ${result.labelledWithoutScores.join(', ')}\n`,
        );
      }
      process.stdout.write(options.json ? JSON.stringify(result) + '\n' : frameReportText(result));
    });

  evaluate
    .command('regions')
    .description(
      'region- and track-based detection criteria RBDC and TBDC (Ramachandra & Jones, WACV 2020): IoU ≥ 0.1 on inclusive ' +
        'pixel boxes, a track is found at ≥ 10% of its regions, area under the curve for false positives per frame in [0, 1]. Fractions.',
    )
    .option('--detections <file>', 'JSON [{"video":"01","frame":0,"box":[x1,y1,x2,y2],"score":0.9}, ...]; boxes are inclusive integer pixels')
    .option('--tracks <file>', 'JSON [{"video":"01","track":"a","frame":0,"box":[x1,y1,x2,y2]}, ...]: the ground-truth regions and their tracks')
    .option('--num-frames <n>', 'number of test frames of all evaluated videos (the false-positive-rate denominator; Ped2 2010, Avenue 15324)')
    .option('--json', 'print one JSON object instead of a table')
    .action((options: EvalRegionsOptions & { json?: boolean }) => {
      const result = evaluateRegionFiles(options, readTextFile);
      for (const warning of result.warnings) process.stderr.write(`vad eval regions: ${warning}\n`);
      process.stdout.write(
        options.json
          ? JSON.stringify(result) + '\n'
          : fieldList([
              ['RBDC %', percent(result.rbdc)],
              ['TBDC %', percent(result.tbdc)],
              ['detections', result.numDetections],
              ['regions', result.numRegions],
              ['tracks', result.numTracks],
              ['frames', result.numFrames],
            ]),
      );
    });
}

/** The `vad eval frames` result: the library's report plus the protocol that produced the scores. */
export function evaluateFrameFiles(options: EvalFramesOptions, readText: ReadText) {
  const scoresPath = requireOption(options.scores, '--scores <file>');
  const labelsPath = requireOption(options.labels, '--labels <file>');
  const protocol = options.protocol === undefined ? null : presetOrThrow(options.protocol);
  const { videos, labelledWithoutScores } = parseFrameInputs(readInput(readText, scoresPath), scoresPath, readInput(readText, labelsPath), labelsPath);
  return withMetricsErrorsAsUsage(() => {
    let stagesNotApplied: readonly ProtocolStage[] = [];
    const processed = videos.map((video) => {
      if (protocol === null) return video;
      const output = applyProtocolToScores(video.scores, protocol);
      stagesNotApplied = output.stagesNotApplied;
      return { ...video, scores: output.scores };
    });
    const report = evaluateFrames(processed, { macroPad: options.macroPad === true });
    return { ...report, protocol, protocolStagesNotApplied: stagesNotApplied, labelledWithoutScores };
  });
}

/** The `vad eval regions` result (the curve itself is left out: it can have one point per detection). */
export function evaluateRegionFiles(options: EvalRegionsOptions, readText: ReadText) {
  const detectionsPath = requireOption(options.detections, '--detections <file>');
  const tracksPath = requireOption(options.tracks, '--tracks <file>');
  const numFrames = parseNumFrames(requireOption(options.numFrames, '--num-frames <n>'));
  const detections = parseDetections(readInput(readText, detectionsPath), detectionsPath);
  const tracks = parseTracks(readInput(readText, tracksPath), tracksPath);
  // As the reference RBDC/TBDC does, a detection in a video without ground-truth regions (a normal-only
  // test video) is a false positive; it is counted, and named in a warning in case the ids are wrong.
  const videosWithTracks = new Set(tracks.map((region) => region.video));
  const videosWithoutTracks = [...new Set(detections.filter((d) => !videosWithTracks.has(d.video)).map((d) => d.video))].sort();
  const warnings =
    videosWithoutTracks.length === 0
      ? []
      : [
          `${detectionsPath} has detections in ${videosWithoutTracks.length} video(s) without ground-truth regions in ${tracksPath} ` +
            `(${videosWithoutTracks.join(', ')}): counted as false positives; check the video ids if these videos do have anomalies`,
        ];
  return withMetricsErrorsAsUsage(() => {
    const result = evaluateRegions(detections, tracks, numFrames);
    return {
      rbdc: result.rbdc,
      tbdc: result.tbdc,
      numDetections: result.numDetections,
      numRegions: result.numRegions,
      numTracks: result.numTracks,
      numFrames: result.numFrames,
      iouThreshold: result.iouThreshold,
      trackFoundFraction: result.trackFoundFraction,
      videosWithoutTracks,
      warnings,
    };
  });
}

export interface FrameInputs {
  /** One entry per scored video, sorted by id. */
  videos: VideoFrames[];
  /** Videos of the labels file that have no scores: left out (a labels file of a whole test split, scores of a part). */
  labelledWithoutScores: string[];
}

/**
 * Scores and labels files → one entry per scored video (sorted by id), checked in this order: each file's
 * values (finite scores, 0/1 labels), then labels for every scored video, then one label per score.
 */
export function parseFrameInputs(scoresText: string, scoresSource: string, labelsText: string, labelsSource: string): FrameInputs {
  const scores = parseVideoRecord(scoresText, scoresSource, (value, video, i) => {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    throw new CliUsageError(`${scoresSource}: video "${video}": score ${i} ${describeNonNumber(value)}; scores must be finite numbers`);
  });
  const labels = parseVideoRecord(labelsText, labelsSource, (value, video, i) => {
    if (value === 0 || value === 1) return value;
    throw new CliUsageError(`${labelsSource}: video "${video}": label ${i} is ${JSON.stringify(value)}; labels must be 0 or 1`);
  });
  const labelledWithoutScores = [...labels.keys()].filter((video) => !scores.has(video)).sort();
  const videos = [...scores.keys()].sort().map((video) => {
    const frameScores = scores.get(video) ?? [];
    const frameLabels = labels.get(video);
    if (frameLabels === undefined) throw new CliUsageError(`${scoresSource}: unknown video "${video}" (not in ${labelsSource})`);
    if (frameScores.length !== frameLabels.length) {
      throw new CliUsageError(`video "${video}": ${frameScores.length} scores in ${scoresSource} but ${frameLabels.length} labels in ${labelsSource}`);
    }
    return { video, scores: frameScores, labels: frameLabels };
  });
  return { videos, labelledWithoutScores };
}

export function parseDetections(text: string, source: string): Detection[] {
  return parseArray(text, source, 'detection').map((item, i) => {
    const what = `${source}: detection ${i}`;
    const score = item.score;
    if (typeof score !== 'number' || !Number.isFinite(score)) {
      throw new CliUsageError(`${what}: score ${describeNonNumber(score)}; it must be a finite number`);
    }
    return { video: parseVideoId(item.video, what), frame: parseFrame(item.frame, what), box: parseBox(item.box, what), score };
  });
}

export function parseTracks(text: string, source: string): GroundTruthRegion[] {
  const regions = parseArray(text, source, 'region').map((item, i) => {
    const what = `${source}: region ${i}`;
    const track = item.track;
    if (!(typeof track === 'string' && track !== '') && !Number.isInteger(track)) {
      throw new CliUsageError(`${what}: track must be a non-empty string (or an integer)`);
    }
    return { video: parseVideoId(item.video, what), track: String(track), frame: parseFrame(item.frame, what), box: parseBox(item.box, what) };
  });
  if (regions.length === 0) throw new CliUsageError(`${source} has no ground-truth regions; RBDC and TBDC need at least one`);
  return regions;
}

export function parseNumFrames(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new CliUsageError(`--num-frames is "${value}"; give the number of test frames as a positive integer`);
  }
  return n;
}

function readTextFile(path: string): string {
  return readFileSync(path, 'utf8');
}

function readInput(readText: ReadText, path: string): string {
  try {
    return readText(path);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such file' : String(error);
    throw new CliUsageError(`cannot read ${path}: ${reason}`);
  }
}

function requireOption(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new CliUsageError(`missing ${flag}`);
  return value;
}

function presetOrThrow(name: string): PostProcessingProtocol {
  if (!isProtocolPresetName(name)) {
    throw new CliUsageError(`unknown protocol "${name}"; choose one of ${PROTOCOL_PRESET_NAMES.join(', ')}`);
  }
  return protocolPreset(name);
}

function withMetricsErrorsAsUsage<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof MetricsError) throw new CliUsageError(error.message);
    throw error;
  }
}

/**
 * JSON.parse with a clear one-line error. Python's json module writes NaN and Infinity as bare tokens, which
 * are not JSON; they are turned into strings first so that the validators can say which value is NaN.
 */
function parseJson(text: string, source: string): unknown {
  if (text.trim() === '') throw new CliUsageError(`${source} is empty`);
  const tolerant = text.replace(/(?<=[[,:]\s*)(-?(?:NaN|Infinity))(?=\s*[,\]}])/g, '"$1"');
  try {
    return JSON.parse(tolerant);
  } catch (error) {
    throw new CliUsageError(`${source} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** A `{"<video>": [value, ...]}` file, each value checked by `read` (which throws naming video and index). */
function parseVideoRecord(text: string, source: string, read: (value: unknown, video: string, index: number) => number): Map<string, number[]> {
  const value = parseJson(text, source);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliUsageError(`${source} must be a JSON object {"<video>": [...]} with one array per video`);
  }
  const entries = Object.entries(value);
  if (entries.length === 0) throw new CliUsageError(`${source} has no videos`);
  return new Map(
    entries.map(([video, frames]) => {
      if (!Array.isArray(frames)) throw new CliUsageError(`${source}: video "${video}" must map to an array, one value per frame`);
      if (frames.length === 0) throw new CliUsageError(`${source}: video "${video}" has no frames`);
      return [video, frames.map((frame: unknown, i) => read(frame, video, i))];
    }),
  );
}

function parseArray(text: string, source: string, itemName: string): Record<string, unknown>[] {
  const value = parseJson(text, source);
  if (!Array.isArray(value)) throw new CliUsageError(`${source} must be a JSON array of ${itemName} objects`);
  value.forEach((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new CliUsageError(`${source}: ${itemName} ${i} must be an object`);
    }
  });
  return value as Record<string, unknown>[];
}

function parseVideoId(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw new CliUsageError(`${what}: video must be a non-empty string`);
  return value;
}

function parseFrame(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new CliUsageError(`${what}: frame ${JSON.stringify(value)} must be an integer ≥ 0`);
  }
  return value;
}

function parseBox(value: unknown, what: string): Box {
  if (!Array.isArray(value) || value.length !== 4 || !value.every((v) => typeof v === 'number' && Number.isInteger(v))) {
    throw new CliUsageError(`${what}: box ${JSON.stringify(value)} must be four integers [x1, y1, x2, y2]`);
  }
  const [x1, y1, x2, y2] = value as number[];
  if (x2 < x1 || y2 < y1) throw new CliUsageError(`${what}: box ${JSON.stringify(value)} has x2 < x1 or y2 < y1 (corners are inclusive)`);
  return [x1, y1, x2, y2];
}

function describeNonNumber(value: unknown): string {
  if (value === 'NaN' || (typeof value === 'number' && Number.isNaN(value))) return 'is NaN';
  if (value === 'Infinity' || value === '-Infinity') return `is ${value}`;
  return `is not a number (${JSON.stringify(value) ?? String(value)})`;
}
