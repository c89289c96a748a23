// Checks a training request's `overrides` before a job is queued, so that a bad value is answered at
// once with what is wrong instead of failing a worker later. The request's envelope is { model: {...} };
// what the settings may be is the model library's rule (resolvePreset), the same one the TRAIN job applies.
import { presetOverridesProblems, type PresetOverrides } from '@vad/model/config';

const jsonType = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

export function trainingOverridesProblems(preset: string, overrides: unknown, schedule: Omit<PresetOverrides, 'model'> = {}): string[] {
  if (overrides === null || overrides === undefined) return presetOverridesProblems(preset, schedule);
  if (jsonType(overrides) !== 'object') return [`overrides must be an object like { model: { … } }, got ${jsonType(overrides)}`];
  const unknown = Object.keys(overrides as object).filter((key) => key !== 'model');
  if (unknown.length > 0) return [`overrides may only hold "model", not ${unknown.map((k) => `"${k}"`).join(', ')}`];
  return presetOverridesProblems(preset, { ...schedule, model: (overrides as { model?: unknown }).model });
}
