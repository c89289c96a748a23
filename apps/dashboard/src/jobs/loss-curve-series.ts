// A training job's loss curve as charts: one per stage, since the teacher's loss (~0.7) and the student's
// (~0.03) differ by an order of magnitude and one axis would flatten the second. Each finished epoch's
// validation loss, when there is one, sits at that epoch's last reported step.
export interface CurvePoint {
  stage: string;
  epoch: number;
  globalStep: number;
  loss: number;
}

export interface EpochPoint {
  stage: string;
  epoch: number;
  validationLoss?: number | null;
}

export interface StageSeries {
  stage: string;
  title: string;
  /** Rows for the chart: a step's loss, or an epoch's validation loss at its last step (or both). */
  rows: Array<{ globalStep: number; loss?: number; validationLoss?: number }>;
  hasValidation: boolean;
}

const STAGE_ORDER = ['teacher', 'student', 'unknown'];
const STAGE_TITLES: Record<string, string> = {
  teacher: 'Stage 1: encoder and teacher decoder',
  student: 'Stage 2: student decoder',
  unknown: 'Training loss (recorded before stages were kept)',
};

export function lossCurveSeries(curve: readonly CurvePoint[], epochs: readonly EpochPoint[]): StageSeries[] {
  const stages = [...new Set(curve.map((p) => p.stage))].sort((a, b) => rank(a) - rank(b));
  return stages.map((stage) => {
    const points = curve.filter((p) => p.stage === stage);
    const rows = new Map<number, StageSeries['rows'][number]>(points.map((p) => [p.globalStep, { globalStep: p.globalStep, loss: p.loss }]));
    let hasValidation = false;
    for (const epoch of epochs) {
      if (epoch.stage !== stage || epoch.validationLoss == null) continue;
      const lastStep = Math.max(...points.filter((p) => p.epoch === epoch.epoch).map((p) => p.globalStep));
      if (!Number.isFinite(lastStep)) continue; // an epoch of an earlier attempt: no step of it on this curve
      rows.set(lastStep, { ...rows.get(lastStep), globalStep: lastStep, validationLoss: epoch.validationLoss });
      hasValidation = true;
    }
    return { stage, title: STAGE_TITLES[stage] ?? stage, rows: [...rows.values()].sort((a, b) => a.globalStep - b.globalStep), hasValidation };
  });
}

function rank(stage: string): number {
  const i = STAGE_ORDER.indexOf(stage);
  return i < 0 ? STAGE_ORDER.length : i;
}
