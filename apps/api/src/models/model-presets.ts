// The model presets users can train, with their size and cost (libs/model's analytic counts).
import { countParameters, getPreset, gflopsPerFrame, PRESET_NAMES } from '@vad/model';

export interface ModelPresetSummary {
  name: string;
  description: string;
  parameterCount: number;
  gflopsPerFrame: number;
  config: unknown;
}

export function modelPresets(): ModelPresetSummary[] {
  return PRESET_NAMES.map((name) => {
    const preset = getPreset(name);
    return {
      name,
      description: preset.description,
      parameterCount: countParameters(preset.model),
      gflopsPerFrame: gflopsPerFrame(preset.model),
      config: { model: preset.model, training: preset.training },
    };
  });
}
