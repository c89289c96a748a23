// Seeded, deterministic data for the mock API: one data set, a model with two versions, runs with
// scores, an evaluation, a leaderboard and jobs — enough to render every screen of the dashboard.
const FRAMES = 120;
const at = (minutesAgo: number) => new Date(Date.UTC(2025, 5, 1, 12, 0) - minutesAgo * 60_000).toISOString();

/** Deterministic pseudo-random numbers (mulberry32), so screenshots are stable. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ABNORMAL: [number, number][] = [
  [40, 62],
  [95, 104],
];

const labels = Array.from({ length: FRAMES }, (_, i) => (ABNORMAL.some(([s, e]) => i >= s && i <= e) ? 1 : 0));

function series(seed: number, lift: number): number[] {
  const r = random(seed);
  let smooth = 0.2;
  return labels.map((l) => {
    smooth = 0.7 * smooth + 0.3 * (0.15 + 0.25 * r() + l * lift);
    return Number(smooth.toFixed(4));
  });
}

const user = { id: 'u1', email: 'owner@example.org', name: 'Ada Owner' };
const team = {
  id: 't1',
  slug: 'lab',
  name: 'Vision lab',
  members: [
    { user, role: 'OWNER', joinedAt: at(60 * 24 * 30) },
    { user: { id: 'u2', email: 'bo@example.org', name: 'Bo Member' }, role: 'MEMBER', joinedAt: at(60 * 24 * 3) },
  ],
  apiTokens: [{ id: 'tok1', name: 'ci', role: 'MEMBER', createdAt: at(600), lastUsedAt: at(30), revokedAt: null }],
};

export function buildData() {
  const video = (id: string, name: string, split: 'TRAIN' | 'TEST', status = 'READY', error: string | null = null) => ({
    id,
    name,
    split,
    frameCount: FRAMES,
    width: 240,
    height: 160,
    fps: 10,
    codec: 'h264',
    sizeBytes: 2_345_678,
    status,
    error,
    hasGroundTruth: split === 'TEST',
    hasPixelMasks: false,
    frameLabels: split === 'TEST' ? labels : null,
    abnormalIntervals: split === 'TEST' ? ABNORMAL : [],
    frameUrl: ({ frame }: { frame?: number }) => `/files/videos/${id}/frames/${frame ?? 0}.png`,
  });
  const videos = [
    video('v1', 'train_01', 'TRAIN'),
    video('v2', 'train_02', 'TRAIN'),
    video('v3', 'test_01', 'TEST'),
    video('v4', 'test_02', 'TEST'),
    video('v5', 'test_03', 'TEST', 'FAILED', 'test_03: the file ends after 12 frames (truncated upload?); upload it again'),
  ];
  const datasetVersion = {
    id: 'dv2',
    number: 2,
    contentHash: '9f2c4e1ab7d3c0aa55',
    format: 'upload',
    summary: { trainVideos: 2, testVideos: 3, trainFrames: 240, testFrames: 360, abnormalTestFrames: 66, hasPixelMasks: false },
    createdAt: at(500),
    videos: ({ split }: { split?: string }) => videos.filter((v) => !split || v.split === split),
    syntheticPreviewUrl: ({ seed, count }: { seed?: number; count?: number }) =>
      `/files/dataset-versions/dv2/synthetic-preview.png?seed=${seed ?? 0}&count=${count ?? 8}`,
  };
  const dataset = { id: 'd1', name: 'ped2-mini', createdAt: at(2000), versions: [datasetVersion], latestVersion: datasetVersion };
  (datasetVersion as Record<string, unknown>).dataset = dataset;

  const roc = { fpr: [0, 0, 0.05, 0.1, 0.2, 0.4, 1], tpr: [0, 0.4, 0.7, 0.85, 0.93, 0.98, 1] };
  const model: Record<string, unknown> = { id: 'm1', name: 'sdmae', createdAt: at(400) };
  const makeVersion = (id: string, number: number, aliases: string[]) => ({
    id,
    model,
    number,
    config: { patchSize: 8, depth: 4, useMotion: true },
    preset: 'tiny',
    checkpointRule: 'last-epoch',
    // version 2 chose its weights on held-out training videos; version 1 predates that
    scoreWeights:
      number > 1
        ? {
            teacherError: 0.6,
            discrepancy: 0.1,
            classifier: 0.3,
            source: 'chosen',
            validationAuc: [
              { set: 'pasted-objects', auc: 0.964 },
              { set: 'faster-motion', auc: 0.873 },
            ],
            paperWeightsValidationAuc: [
              { set: 'pasted-objects', auc: 0.951 },
              { set: 'faster-motion', auc: 0.802 },
            ],
          }
        : { teacherError: 0.4, discrepancy: 0.3, classifier: 0.3, source: 'paper', validationAuc: [], paperWeightsValidationAuc: [] },
    parameterCount: 1_480_000,
    gflopsPerFrame: 0.42,
    trainingMetrics: { finalLoss: 0.0123 },
    datasetVersion,
    trainingJob: null as unknown,
    createdBy: user,
    createdAt: at(300 - number * 10),
    aliases,
    checkpointUrl: `/files/model-versions/${id}/checkpoint.tar`,
    onnxUrl: number > 1 ? `/files/model-versions/${id}/model.onnx` : null,
    evaluations: [] as unknown[],
  });
  const v1 = makeVersion('mv1', 1, []);
  const v2 = makeVersion('mv2', 2, ['production']);
  model.versions = [v1, v2];
  model.aliases = [{ alias: 'production', modelVersion: v2 }];

  const evaluation = {
    id: 'e1',
    job: null as unknown,
    inferenceJob: null as unknown,
    modelVersion: v2,
    datasetVersion,
    protocolName: 'paper',
    protocol: { name: 'paper', version: 1 },
    microAuc: 0.9412,
    macroAuc: 0.9635,
    rbdc: 0.612,
    tbdc: 0.789,
    eer: 0.118,
    videosSkipped: 0,
    perVideoAuc: [
      { video: 'test_01', auc: 0.972 },
      { video: 'test_02', auc: 0.911 },
      { video: 'test_03', auc: null },
    ],
    rocCurve: roc,
    metrics: {},
    createdAt: at(100),
  };
  v2.evaluations = [evaluation];
  const oldEvaluation = { ...evaluation, id: 'e0', modelVersion: v1, microAuc: 0.8821, macroAuc: 0.9012, rbdc: 0.481, tbdc: 0.663 };
  v1.evaluations = [oldEvaluation];

  const SUBJECTS: Record<string, string> = {
    TRAIN: 'train sdmae on ped2-mini v2 (cpu-ped2)',
    INFER: 'score 3 videos of ped2-mini v2 with sdmae v2',
    EVALUATE: 'evaluate 3 videos of ped2-mini v2 with sdmae v2 (paper)',
    IMPORT: 'import test01 into ped2-mini (test)',
  };
  const PARAMETERS: Record<string, object> = {
    TRAIN: { datasetVersionId: 'dv2', modelName: 'sdmae', preset: 'cpu-ped2', epochsTeacher: 6, seed: 1, overrides: {} },
    INFER: { modelVersionId: 'v2', videoIds: ['t1', 't2', 't3'] },
    EVALUATE: { inferenceJobId: 'job-infer-1', protocol: { name: 'paper', version: '2', parameters: { sigmaTemporal: 2 } } },
    IMPORT: { source: 'upload', datasetId: 'd1', split: 'test', name: 'test01' },
  };
  const job = (id: string, kind: string, status: string, minutesAgo: number, extra: Record<string, unknown> = {}) => ({
    id,
    kind,
    subject: SUBJECTS[kind],
    status,
    parameters: PARAMETERS[kind],
    progress: null as unknown,
    lossCurve: [] as Array<{ stage: string; epoch: number; step: number; globalStep: number; loss: number }>,
    epochResults: [] as Array<{ stage: string; epoch: number; loss: number; validationLoss: number | null; seconds: number }>,
    attempt: 1,
    maxAttempts: 3,
    error: null as string | null,
    result: null as unknown,
    cancelRequested: false,
    queuedBy: user,
    createdAt: at(minutesAgo),
    startedAt: at(minutesAgo - 1),
    finishedAt: status === 'RUNNING' || status === 'QUEUED' ? null : at(minutesAgo - 5),
    heartbeatAt: at(0),
    logs: () => [
      { at: at(minutesAgo - 1), attempt: 1, level: 'info', message: `${kind.toLowerCase()} job started` },
      { at: at(minutesAgo - 2), attempt: 1, level: 'info', message: 'decoding 2 videos (240 frames)' },
      ...(status === 'FAILED' ? [{ at: at(minutesAgo - 3), attempt: 1, level: 'error', message: 'out of memory while allocating the batch' }] : []),
    ],
    inferenceRuns: [] as unknown[],
    modelVersion: null as unknown,
    evaluation: null as unknown,
    ...extra,
  });
  const r = random(7);
  // two teacher epochs of 250 steps (loss ~0.7 falling), then the student's (~0.03), a point every 5 steps
  const curve = (lastStep: number) =>
    Array.from({ length: Math.floor(lastStep / 5) }, (_, i) => {
      const globalStep = (i + 1) * 5;
      const epoch = Math.ceil(globalStep / 250);
      const stage = epoch <= 2 ? 'teacher' : 'student';
      const loss = stage === 'teacher' ? 0.45 + 0.4 * Math.exp(-globalStep / 120) + 0.02 * r() : 0.02 + 0.03 * Math.exp(-(globalStep - 500) / 40) + 0.002 * r();
      return { stage, epoch, step: globalStep - (epoch - 1) * 250, globalStep, loss };
    });
  const epochResults = [
    { stage: 'teacher', epoch: 1, loss: 0.612, validationLoss: 0.588, seconds: 310 },
    { stage: 'teacher', epoch: 2, loss: 0.471, validationLoss: 0.502, seconds: 305 },
  ];
  const trainJob = job('job-train-2', 'TRAIN', 'RUNNING', 20, {
    progress: { stage: 'student', epoch: 3, epochs: 5, step: 140, steps: 250, loss: 0.0213, framesPerSecond: 182.4, etaSeconds: 415, fraction: 0.56 },
    lossCurve: curve(640),
    epochResults,
  });
  const doneTrain = job('job-train-1', 'TRAIN', 'SUCCEEDED', 300, {
    modelVersion: v2,
    lossCurve: curve(1250),
    epochResults: [
      ...epochResults,
      { stage: 'student', epoch: 3, loss: 0.031, validationLoss: 0.029, seconds: 120 },
      { stage: 'student', epoch: 4, loss: 0.024, validationLoss: 0.026, seconds: 118 },
      { stage: 'student', epoch: 5, loss: 0.021, validationLoss: 0.025, seconds: 119 },
    ],
  });
  v2.trainingJob = doneTrain;
  v1.trainingJob = doneTrain;
  const inferJob = job('job-infer-1', 'INFER', 'SUCCEEDED', 120);
  const failedJob = job('job-eval-0', 'EVALUATE', 'FAILED', 200, { error: 'out of memory while allocating the batch; lower the batch size' });
  const jobs = [trainJob, inferJob, failedJob, doneTrain];

  const runScores = (seed: number) => {
    const teacherError = series(seed, 0.5);
    const discrepancy = series(seed + 1, 0.3);
    const classifier = series(seed + 2, 0.6);
    const scores = teacherError.map((t, i) => Number(((t + discrepancy[i] + classifier[i]) / 3).toFixed(4)));
    return { teacherError, discrepancy, classifier, scores };
  };
  const run = (id: string, v: ReturnType<typeof video>, seed: number) => ({
    id,
    job: inferJob,
    modelVersion: v2,
    video: v,
    engine: 'tfjs-node',
    framesPerSecond: 231.5,
    createdAt: at(110),
    hasMaps: true,
    frameScores: () => ({ protocol: { name: 'paper' }, ...runScores(seed), stagesNotApplied: [], labels, auc: 0.972 }),
    anomalyMapUrl: ({ frame, component }: { frame: number; component?: string }) => `/files/runs/${id}/maps/${frame}.png?component=${component ?? 'combined'}`,
    scoresCsvUrl: ({ protocol }: { protocol?: string }) => `/files/runs/${id}/scores.csv?protocol=${protocol ?? 'paper'}`,
    // like the API's: the combined map's peak is the frame's score; one region (the "cyclist" of mapPng) when it reaches the threshold
    anomalyMap: ({ frame, component, threshold }: { frame: number; component?: string; threshold?: number | null }) => {
      const { scores } = runScores(seed);
      const peak = scores[frame];
      const x0 = Math.floor((18 + ((frame * 5) % 220) - 18) / 10);
      return {
        url: `/files/runs/${id}/maps/${frame}.png?component=${component ?? 'combined'}`,
        width: 24,
        height: 16,
        low: 0,
        high: Math.max(...scores),
        scale: 'standardised',
        peak,
        regions: threshold != null && peak >= threshold ? [{ x0, y0: 10, x1: Math.min(23, x0 + 3), y1: 13, peak }] : [],
      };
    },
  });
  const runs = [run('run1', videos[2], 11), run('run2', videos[3], 21)];
  inferJob.inferenceRuns = runs;
  evaluation.inferenceJob = inferJob;

  const leaderboard = {
    dataset,
    metric: 'MICRO_AUC',
    protocol: 'paper',
    csvUrl: '/files/leaderboards/d1.csv?metric=MICRO_AUC&protocol=paper',
    datasetVersion,
    rows: [
      {
        rank: 1,
        evaluation,
        modelVersion: v2,
        microAuc: 0.9412,
        macroAuc: 0.9635,
        rbdc: 0.612,
        tbdc: 0.789,
        framesPerSecond: 231.5,
        parameterCount: 1_480_000,
        protocolName: 'paper',
        checkpointRule: 'last-epoch',
        datasetVersionNumber: 2,
        comparable: true,
        createdAt: at(100),
        author: user,
      },
      {
        rank: 2,
        evaluation: oldEvaluation,
        modelVersion: v1,
        microAuc: 0.8821,
        macroAuc: 0.9012,
        rbdc: 0.481,
        tbdc: 0.663,
        framesPerSecond: 240.2,
        parameterCount: 1_480_000,
        protocolName: 'paper',
        checkpointRule: 'last-epoch',
        datasetVersionNumber: 2,
        comparable: true,
        createdAt: at(250),
        author: user,
      },
      {
        rank: null,
        evaluation: { ...oldEvaluation, id: 'e-old' },
        modelVersion: v1,
        microAuc: 0.9655,
        macroAuc: 0.97,
        rbdc: null,
        tbdc: null,
        framesPerSecond: null,
        parameterCount: 1_480_000,
        protocolName: 'paper',
        checkpointRule: 'validation:auc',
        datasetVersionNumber: 1,
        comparable: false,
        createdAt: at(900),
        author: null,
      },
    ],
    references: [{ source: 'Paper (published, Ped2)', microAuc: 0.954, macroAuc: 0.979, rbdc: null, tbdc: null, framesPerSecond: 1655 }],
  };

  return { user, team, dataset, datasetVersion, videos, model, versions: [v1, v2], evaluation, jobs, runs, leaderboard, trainJob };
}
