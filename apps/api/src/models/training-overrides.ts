// Checks a training request's `overrides` before a job is queued, so that a bad value is answered at
// once with what is wrong instead of failing a worker later. The accepted shape is { model: {...} }
// with ModelConfig fields of the chosen preset, each of the preset's own JSON type; the merged config
// must then pass the model library's validation.
import { getPreset, modelConfigProblems, type ModelConfig, type PresetName } from '@vad/model';

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const jsonType = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Where `value` departs from the shape of `template` (same keys at most, same JSON types). */
function shapeProblems(value: unknown, template: unknown, at: string): string[] {
  if (jsonType(value) !== jsonType(template)) return [`${at} must be ${jsonType(template) === 'object' ? 'an object' : `a ${jsonType(template)}`}, got ${jsonType(value)}`];
  if (!isPlainObject(value) || !isPlainObject(template)) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key in template ? shapeProblems(inner, template[key], `${at}.${key}`) : [`${at}.${key} is not a model setting (known: ${Object.keys(template).join(', ')})`],
  );
}

export function trainingOverridesProblems(preset: PresetName, overrides: unknown): string[] {
  if (overrides === null || overrides === undefined) return [];
  if (!isPlainObject(overrides)) return [`overrides must be an object like { model: { … } }, got ${jsonType(overrides)}`];
  const unknown = Object.keys(overrides).filter((key) => key !== 'model');
  if (unknown.length > 0) return [`overrides may only hold "model", not ${unknown.map((k) => `"${k}"`).join(', ')}`];
  if (overrides.model === undefined) return [];
  const base = getPreset(preset).model;
  const problems = shapeProblems(overrides.model, base, 'overrides.model');
  if (problems.length > 0) return problems;
  return modelConfigProblems({ ...base, ...(overrides.model as Partial<ModelConfig>) });
}
