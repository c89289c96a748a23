import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import fc from 'fast-check';
import { CliUsageError } from '../cli-error';
import {
  evaluateFrameFiles,
  evaluateRegionFiles,
  parseDetections,
  parseFrameInputs,
  parseNumFrames,
  parseTracks,
  registerEvalCommand,
  type ReadText,
} from './eval.command';

/** A ReadText over in-memory files. */
function files(contents: Record<string, string>): ReadText {
  return (file) => {
    const text = contents[file];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    return text;
  };
}

function usageErrorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof CliUsageError) return error.message;
    throw error;
  }
  throw new Error('expected a CliUsageError, but nothing was thrown');
}

const scores = JSON.stringify({ '01': [0.1, 0.9, 0.2], '02': [0.5, 0.3] });
const labels = JSON.stringify({ '01': [0, 1, 0], '02': [0, 1] });

describe('parseFrameInputs', () => {
  it('pairs scores and labels by video', () => {
    expect(parseFrameInputs(scores, 'S.json', labels, 'L.json')).toEqual({
      videos: [
        { video: '01', scores: [0.1, 0.9, 0.2], labels: [0, 1, 0] },
        { video: '02', scores: [0.5, 0.3], labels: [0, 1] },
      ],
      labelledWithoutScores: [],
    });
  });

  it('scores the videos that have scores and names the labelled ones left out', () => {
    expect(parseFrameInputs(JSON.stringify({ '02': [0.5, 0.3] }), 'S.json', labels, 'L.json')).toEqual({
      videos: [{ video: '02', scores: [0.5, 0.3], labels: [0, 1] }],
      labelledWithoutScores: ['01'],
    });
  });

  it.each([
    ['a length mismatch', scores, JSON.stringify({ '01': [0, 1], '02': [0, 1] }), 'video "01": 3 scores in S.json but 2 labels in L.json'],
    ['a bare NaN (as Python writes it)', '{"01": [0.1, NaN, 0.2], "02": [0.5, 0.3]}', labels, 'S.json: video "01": score 1 is NaN'],
    ['a NaN even when the videos also differ', '{"09": [NaN]}', labels, 'S.json: video "09": score 0 is NaN'],
    ['Infinity', '{"01": [0.1, 0.2, Infinity], "02": [0.5, 0.3]}', labels, 'score 2 is Infinity'],
    ['a null score', '{"01": [0.1, null, 0.2], "02": [0.5, 0.3]}', labels, 'score 1 is not a number (null)'],
    ['a label of 2', scores, JSON.stringify({ '01': [0, 2, 0], '02': [0, 1] }), 'L.json: video "01": label 1 is 2; labels must be 0 or 1'],
    ['a label "1" given as a string', scores, JSON.stringify({ '01': [0, '1', 0], '02': [0, 1] }), 'label 1 is "1"'],
    ['a scored video without labels', JSON.stringify({ '01': [0.1, 0.9, 0.2], '02': [0.5, 0.3], '03': [1] }), labels, 'unknown video "03"'],
    ['an empty file', '  \n', labels, 'S.json is empty'],
    ['an empty object', '{}', labels, 'S.json has no videos'],
    ['an array instead of an object', '[0.1, 0.2]', labels, 'must be a JSON object'],
    ['a video with no frames', JSON.stringify({ '01': [], '02': [0.5, 0.3] }), labels, 'video "01" has no frames'],
    ['broken JSON', '{"01": [0.1,', labels, 'S.json is not valid JSON'],
  ])('rejects %s with a one-line message naming it', (_, scoresText, labelsText, message) => {
    const error = usageErrorOf(() => parseFrameInputs(scoresText, 'S.json', labelsText, 'L.json'));
    expect(error).toContain(message);
    expect(error).not.toContain('\n');
  });

  const testSet = fc.dictionary(
    fc.stringMatching(/^[0-9a-z_]{1,6}$/),
    fc.array(
      fc.tuple(
        fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => v + 0),
        fc.constantFrom(0, 1),
      ),
      { minLength: 1, maxLength: 20 },
    ),
    { minKeys: 1, maxKeys: 5 },
  );
  const split = (set: Record<string, [number, number][]>) => ({
    scores: JSON.stringify(Object.fromEntries(Object.entries(set).map(([v, frames]) => [v, frames.map(([s]) => s)]))),
    labels: JSON.stringify(Object.fromEntries(Object.entries(set).map(([v, frames]) => [v, frames.map(([, l]) => l)]))),
  });

  it('reads back any well-formed test set exactly', () => {
    fc.assert(
      fc.property(testSet, (set) => {
        const { scores: s, labels: l } = split(set);
        const parsed = parseFrameInputs(s, 'S.json', l, 'L.json').videos;
        expect(Object.fromEntries(parsed.map((v) => [v.video, Array.from(v.scores, (score, i) => [score, v.labels[i]])]))).toEqual(set);
      }),
    );
  });

  it('names the video of any single corrupted label', () => {
    fc.assert(
      fc.property(testSet, fc.nat(), fc.constantFrom(2, -1, 0.5, null, 'x'), (set, pick, bad) => {
        const videos = Object.keys(set);
        const video = videos[pick % videos.length];
        const { scores: s } = split(set);
        const labelsRecord = Object.fromEntries(Object.entries(set).map(([v, frames]) => [v, frames.map(([, l]) => l as unknown)]));
        labelsRecord[video][pick % labelsRecord[video].length] = bad;
        expect(usageErrorOf(() => parseFrameInputs(s, 'S.json', JSON.stringify(labelsRecord), 'L.json'))).toContain(`video "${video}"`);
      }),
    );
  });
});

describe('parseDetections and parseTracks', () => {
  it('reads well-formed files', () => {
    expect(parseDetections('[{"video":"01","frame":3,"box":[1,2,3,4],"score":0.5}]', 'D.json')).toEqual([
      { video: '01', frame: 3, box: [1, 2, 3, 4], score: 0.5 },
    ]);
    expect(parseTracks('[{"video":"01","track":7,"frame":0,"box":[0,0,0,0]}]', 'T.json')).toEqual([{ video: '01', track: '7', frame: 0, box: [0, 0, 0, 0] }]);
  });

  it('accepts a file without detections', () => {
    expect(parseDetections('[]', 'D.json')).toEqual([]);
  });

  it.each([
    ['[{"video":"01","frame":0,"box":[0,0,1,1],"score":NaN}]', 'D.json: detection 0: score is NaN'],
    ['[{"video":"01","frame":-1,"box":[0,0,1,1],"score":1}]', 'frame -1 must be an integer'],
    ['[{"video":"01","frame":0,"box":[0,0,1],"score":1}]', 'must be four integers'],
    ['[{"video":"01","frame":0,"box":[4,0,1,1],"score":1}]', 'x2 < x1'],
    ['[{"frame":0,"box":[0,0,1,1],"score":1}]', 'video must be a non-empty string'],
    ['{"video":"01"}', 'must be a JSON array'],
    ['', 'D.json is empty'],
  ])('rejects detections %s', (text, message) => {
    expect(usageErrorOf(() => parseDetections(text, 'D.json'))).toContain(message);
  });

  it('rejects a tracks file without regions', () => {
    expect(usageErrorOf(() => parseTracks('[]', 'T.json'))).toContain('T.json has no ground-truth regions');
  });
});

describe('parseNumFrames', () => {
  it('reads a positive integer', () => {
    expect(parseNumFrames('2010')).toBe(2010);
  });

  it.each(['0', '-3', '2.5', 'ten', '', '1e3'])('rejects %j', (value) => {
    expect(usageErrorOf(() => parseNumFrames(value))).toContain('--num-frames');
  });
});

describe('evaluateFrameFiles', () => {
  const read = files({ 'S.json': scores, 'L.json': labels });

  it('reports micro and macro AUC, EER and skipped videos', () => {
    // Pooled positives 0.9, 0.3 vs negatives 0.1, 0.2, 0.5: 0.9 beats 3, 0.3 beats 2 → 5/6.
    // Per video: "01" 1, "02" 0 → macro 0.5.
    const result = evaluateFrameFiles({ scores: 'S.json', labels: 'L.json' }, read);
    expect(result.microAuc).toBeCloseTo(5 / 6, 15);
    expect(result.macroAuc).toBe(0.5);
    expect(result.videosSkipped).toBe(0);
    expect(typeof result.eer).toBe('number');
    expect(result.protocol).toBeNull();
  });

  it('applies and records a named protocol', () => {
    const result = evaluateFrameFiles({ scores: 'S.json', labels: 'L.json', protocol: 'reference-code' }, read);
    expect(result.protocol?.name).toBe('reference-code');
    expect(result.protocolStagesNotApplied).toContain('component-weights');
  });

  it.each([
    [{ labels: 'L.json' }, 'missing --scores <file>'],
    [{ scores: 'S.json', labels: 'nope.json' }, 'cannot read nope.json: no such file'],
    [
      { scores: 'S.json', labels: 'L.json', protocol: 'best' },
      'unknown protocol "best"; choose one of paper, paper-chosen-weights, paper-video-min-max, reference-code',
    ],
  ])('rejects %j', (options, message) => {
    expect(usageErrorOf(() => evaluateFrameFiles(options, read))).toBe(message);
  });

  it('turns a test set with a single class into a usage error', () => {
    const single = files({ 'S.json': '{"01": [0.1, 0.2]}', 'L.json': '{"01": [0, 0]}' });
    expect(usageErrorOf(() => evaluateFrameFiles({ scores: 'S.json', labels: 'L.json' }, single))).toContain('needs both classes');
  });
});

describe('evaluateRegionFiles', () => {
  const tracks = JSON.stringify([
    { video: '01', track: 'a', frame: 0, box: [0, 0, 9, 9] },
    { video: '01', track: 'a', frame: 1, box: [0, 0, 9, 9] },
  ]);
  // One hit on frame 0 (RBDR 1/2, TBDR 1 at FPR 0), nothing else: RBDC 0.5, TBDC 1.
  const detections = JSON.stringify([{ video: '01', frame: 0, box: [0, 0, 9, 9], score: 0.9 }]);
  const read = files({ 'D.json': detections, 'T.json': tracks });

  it('reports RBDC and TBDC as fractions', () => {
    const result = evaluateRegionFiles({ detections: 'D.json', tracks: 'T.json', numFrames: '10' }, read);
    expect(result).toMatchObject({ rbdc: 0.5, tbdc: 1, numRegions: 2, numTracks: 1, numFrames: 10 });
  });

  it('counts a detection in a video without ground truth as a false positive, with a warning naming the video', () => {
    const both = files({
      'T.json': tracks,
      'B.json': JSON.stringify([
        { video: '09', frame: 0, box: [0, 0, 1, 1], score: 1 },
        { video: '01', frame: 0, box: [0, 0, 9, 9], score: 0.9 },
      ]),
    });
    const result = evaluateRegionFiles({ detections: 'B.json', tracks: 'T.json', numFrames: '10' }, both);
    // The false positive in video 09 comes first (FPR 0.1 before the hit): RBDR 1/2 from FPR 0.1 to 1.
    expect(result.rbdc).toBeCloseTo(0.45, 12);
    expect(result.tbdc).toBeCloseTo(0.9, 12);
    expect(result.numDetections).toBe(2);
    expect(result.videosWithoutTracks).toEqual(['09']);
    expect(result.warnings).toEqual([expect.stringContaining('(09): counted as false positives')]);
    expect(evaluateRegionFiles({ detections: 'D.json', tracks: 'T.json', numFrames: '10' }, read).warnings).toEqual([]);
  });

  it('requires --num-frames', () => {
    expect(usageErrorOf(() => evaluateRegionFiles({ detections: 'D.json', tracks: 'T.json' }, read))).toBe('missing --num-frames <n>');
  });
});

describe('registerEvalCommand', () => {
  let directory: string;
  let written: string[];

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'vad-eval-'));
    written = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  function program(): Command {
    const root = new Command('vad').exitOverride();
    registerEvalCommand(root);
    return root;
  }

  function file(name: string, content: string): string {
    const target = path.join(directory, name);
    fs.writeFileSync(target, content);
    return target;
  }

  it('`eval frames --json` prints one JSON line with the contract fields', async () => {
    const args = ['eval', 'frames', '--scores', file('S.json', scores), '--labels', file('L.json', labels), '--macro-pad', '--json'];
    await program().parseAsync(args, { from: 'user' });
    expect(written).toHaveLength(1);
    expect(written[0].endsWith('\n')).toBe(true);
    const result = JSON.parse(written[0]) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['microAuc', 'macroAuc', 'eer', 'videosSkipped']));
    expect(result.macroPad).toBe(true);
  });

  it('`eval frames` prints a table for people: the AUCs, then each video', async () => {
    await program().parseAsync(['eval', 'frames', '--scores', file('S.json', scores), '--labels', file('L.json', labels)], { from: 'user' });
    const text = written.join('');
    expect(text).toMatch(/^micro AUC %\s+\d+\.\d$/m);
    expect(text).toMatch(/^01\s+100\.0$/m);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('`eval regions` prints rbdc and tbdc', async () => {
    const tracks = file('T.json', JSON.stringify([{ video: '01', track: 'a', frame: 0, box: [0, 0, 9, 9] }]));
    const detections = file('D.json', JSON.stringify([{ video: '01', frame: 0, box: [0, 0, 9, 9], score: 1 }]));
    await program().parseAsync(['eval', 'regions', '--detections', detections, '--tracks', tracks, '--num-frames', '5', '--json'], { from: 'user' });
    expect(JSON.parse(written[0])).toMatchObject({ rbdc: 1, tbdc: 1 });
    written.length = 0;
    await program().parseAsync(['eval', 'regions', '--detections', detections, '--tracks', tracks, '--num-frames', '5'], { from: 'user' });
    expect(written.join('')).toMatch(/^RBDC %\s+100\.0$/m);
  });

  it('throws a CliUsageError (exit code 2) for malformed input', async () => {
    const args = ['eval', 'frames', '--scores', file('S.json', ''), '--labels', file('L.json', labels)];
    await expect(program().parseAsync(args, { from: 'user' })).rejects.toThrow(CliUsageError);
  });
});
