// The model presets users can train, with their size and cost, from libs/model.
export interface ModelPresetSummary {
  name: string;
  description: string;
  parameterCount: number;
  gflopsPerFrame: number;
  config: unknown;
}

export async function modelPresets(): Promise<ModelPresetSummary[]> {
  return [];
}
