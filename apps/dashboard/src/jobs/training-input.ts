// The training form's fields turned into the API's TrainingInput, with a message per field that is wrong.
import type { TrainingInput } from '../graphql/generated/graphql';

export interface TrainingForm {
  datasetVersionId: string;
  modelName: string;
  preset: string;
  epochsTeacher: string;
  epochsStudent: string;
  batchSize: string;
  seed: string;
  /** JSON object of further ModelConfig fields. */
  overrides: string;
}

export type TrainingFormErrors = Partial<Record<keyof TrainingForm, string>>;

export type TrainingInputResult = { ok: true; input: TrainingInput } | { ok: false; errors: TrainingFormErrors };

function positiveInt(text: string, field: string, errors: TrainingFormErrors, key: keyof TrainingForm, allowZero = false): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) {
    errors[key] = `${field} must be a whole number${allowZero ? ' ≥ 0' : ' ≥ 1'}`;
    return undefined;
  }
  return n;
}

export function trainingInput(form: TrainingForm): TrainingInputResult {
  const errors: TrainingFormErrors = {};
  if (!form.datasetVersionId) errors.datasetVersionId = 'choose a data set with videos';
  if (!form.modelName.trim()) errors.modelName = 'name the model (a new version is added to a model of that name)';
  if (!form.preset) errors.preset = 'choose a preset';
  const epochsTeacher = positiveInt(form.epochsTeacher, 'Teacher epochs', errors, 'epochsTeacher');
  const epochsStudent = positiveInt(form.epochsStudent, 'Student epochs', errors, 'epochsStudent');
  const batchSize = positiveInt(form.batchSize, 'Batch size', errors, 'batchSize');
  const seed = positiveInt(form.seed, 'Seed', errors, 'seed', true);
  let overrides: Record<string, unknown> | undefined;
  if (form.overrides.trim()) {
    try {
      const parsed: unknown = JSON.parse(form.overrides);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      overrides = parsed as Record<string, unknown>;
    } catch {
      errors.overrides = 'overrides must be a JSON object, e.g. {"useMotion": false}';
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const input: TrainingInput = { datasetVersionId: form.datasetVersionId, modelName: form.modelName.trim(), preset: form.preset };
  if (epochsTeacher !== undefined) input.epochsTeacher = epochsTeacher;
  if (epochsStudent !== undefined) input.epochsStudent = epochsStudent;
  if (batchSize !== undefined) input.batchSize = batchSize;
  if (seed !== undefined) input.seed = seed;
  if (overrides) input.overrides = overrides;
  return { ok: true, input };
}
