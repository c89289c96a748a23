// A preset with a request's changes applied: the one place where the API (checking a request before it is
// queued), the TRAIN job and `vad train` turn "preset + overrides" into the configuration that trains.
// Pure and free of TensorFlow.js, so that the API can check a request without loading a backend.
import type { CheckpointSelection, ModelConfig } from '../config/model-config';
import { modelConfigProblems, trainingConfigProblems } from '../config/validate-model-config';
import { ModelError, ModelErrorCode } from '../model.error';
import { getPreset, isPresetName, PRESET_NAMES, type ModelPreset } from './model-presets';

/** What a request may change; an absent (or null) field keeps the preset's value. */
export interface PresetOverrides {
  teacherEpochs?: number | null;
  studentEpochs?: number | null;
  batchSize?: number | null;
  checkpointSelection?: CheckpointSelection | null;
  /** Untrusted JSON: ModelConfig fields of the preset, each of the preset's own JSON type. */
  model?: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const jsonType = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Where `value` departs from the shape of `template` (same keys at most, same JSON types). */
function shapeProblems(value: unknown, template: unknown, at: string): string[] {
  if (jsonType(value) !== jsonType(template))
    return [`${at} must be ${jsonType(template) === 'object' ? 'an object' : `a ${jsonType(template)}`}, got ${jsonType(value)}`];
  if (!isPlainObject(value) || !isPlainObject(template)) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key in template
      ? shapeProblems(inner, template[key], `${at}.${key}`)
      : [`${at}.${key} is not a model setting (known: ${Object.keys(template).join(', ')})`],
  );
}

type Resolution = { preset: ModelPreset; problems: [] } | { preset: null; problems: string[] };

function resolve(name: string, overrides: PresetOverrides): Resolution {
  if (!isPresetName(name)) return { preset: null, problems: [`unknown preset "${name}"; choose one of ${PRESET_NAMES.join(', ')}`] };
  const base = getPreset(name);
  const modelProblems = overrides.model === undefined || overrides.model === null ? [] : shapeProblems(overrides.model, base.model, 'overrides.model');
  if (modelProblems.length > 0) return { preset: null, problems: modelProblems };
  const model: ModelConfig = { ...base.model, ...((overrides.model ?? {}) as Partial<ModelConfig>) };
  const training = {
    ...base.training,
    teacherEpochs: overrides.teacherEpochs ?? base.training.teacherEpochs,
    studentEpochs: overrides.studentEpochs ?? base.training.studentEpochs,
    batchSize: overrides.batchSize ?? base.training.batchSize,
    checkpointSelection: overrides.checkpointSelection ?? base.training.checkpointSelection,
  };
  const problems = [...modelConfigProblems(model), ...trainingConfigProblems(training)];
  return problems.length > 0 ? { preset: null, problems } : { preset: { ...base, model, training }, problems: [] };
}

/** Everything wrong with a request for `name` with these overrides; empty when it can train. */
export function presetOverridesProblems(name: string, overrides: PresetOverrides): string[] {
  return resolve(name, overrides).problems;
}

/** The configuration that trains, or a ModelError (InvalidConfig / UnknownPreset) naming every problem. */
export function resolvePreset(name: string, overrides: PresetOverrides = {}): ModelPreset {
  const resolution = resolve(name, overrides);
  if (resolution.preset) return resolution.preset;
  const code = isPresetName(name) ? ModelErrorCode.InvalidConfig : ModelErrorCode.UnknownPreset;
  throw new ModelError(code, resolution.problems.join('; '));
}
