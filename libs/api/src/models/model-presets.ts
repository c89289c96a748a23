// The model presets users can train, with their size and cost (libs/model's analytic counts), their schedule,
// and the training speed this team measured with each.
import type { Database } from '@vad/db';
import { countParameters, getPreset, gflopsPerFrame, PRESET_NAMES, type PresetHardware } from '@vad/model/config';

export interface ModelPresetSummary {
  name: string;
  description: string;
  intendedFor: PresetHardware;
  teacherEpochs: number;
  studentEpochs: number;
  batchSize: number;
  parameterCount: number;
  gflopsPerFrame: number;
  config: unknown;
}

export interface TrainingSpeed {
  teacherFramesPerSecond: number | null;
  studentFramesPerSecond: number | null;
  trainings: number;
}

export function modelPresets(): ModelPresetSummary[] {
  return PRESET_NAMES.map((name) => {
    const preset = getPreset(name);
    return {
      name,
      description: preset.description,
      intendedFor: preset.intendedFor,
      teacherEpochs: preset.training.teacherEpochs,
      studentEpochs: preset.training.studentEpochs,
      batchSize: preset.training.batchSize,
      parameterCount: countParameters(preset.model),
      gflopsPerFrame: gflopsPerFrame(preset.model),
      config: { model: preset.model, training: preset.training },
    };
  });
}

interface EpochHistory {
  history?: Array<{ stage?: number; frames?: number; seconds?: number }>;
}

/** Frames per second per stage over the epochs of the team's latest trainings (at most 5) with each preset. */
export async function measuredTrainingSpeeds(database: Database, teamId: string): Promise<Map<string, TrainingSpeed>> {
  const versions = await database.prisma.modelVersion.findMany({
    where: { model: { teamId } },
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: { config: true, trainingMetrics: true },
  });
  const sums = new Map<string, { trainings: number; stages: Record<1 | 2, { frames: number; seconds: number }> }>();
  for (const version of versions) {
    const preset = (version.config as { preset?: unknown } | null)?.preset;
    const history = (version.trainingMetrics as EpochHistory | null)?.history;
    if (typeof preset !== 'string' || !Array.isArray(history)) continue;
    const entry = sums.get(preset) ?? { trainings: 0, stages: { 1: { frames: 0, seconds: 0 }, 2: { frames: 0, seconds: 0 } } };
    if (entry.trainings >= 5) continue;
    entry.trainings += 1;
    for (const epoch of history) {
      if ((epoch.stage === 1 || epoch.stage === 2) && Number(epoch.frames) > 0 && Number(epoch.seconds) > 0) {
        entry.stages[epoch.stage].frames += Number(epoch.frames);
        entry.stages[epoch.stage].seconds += Number(epoch.seconds);
      }
    }
    sums.set(preset, entry);
  }
  const rate = (s: { frames: number; seconds: number }) => (s.seconds > 0 ? s.frames / s.seconds : null);
  return new Map(
    [...sums].map(([preset, e]) => [preset, { trainings: e.trainings, teacherFramesPerSecond: rate(e.stages[1]), studentFramesPerSecond: rate(e.stages[2]) }]),
  );
}
