// The flags every `vad bench` command shares: the preset, the tfjs backend, and loading that backend,
// each failing with one usage line the user can act on.
import {
  BACKEND_CHOICES,
  getPreset,
  isBackendChoice,
  isPresetName,
  ModelError,
  PRESET_NAMES,
  type BackendChoice,
  type ModelPreset,
  type SelectBackendOptions,
  type SelectedBackend,
} from '@vad/model';
import { CliUsageError } from '../cli-error';

export function presetFlag(name: string | undefined): ModelPreset {
  if (name === undefined || !isPresetName(name)) throw new CliUsageError(`--preset must be one of ${PRESET_NAMES.join(', ')}, got "${name ?? ''}"`);
  return getPreset(name);
}

export function backendFlag(name: string | undefined): BackendChoice | undefined {
  if (name !== undefined && !isBackendChoice(name)) throw new CliUsageError(`--backend must be one of ${BACKEND_CHOICES.join(', ')}, got "${name}"`);
  return name;
}

/** A backend that cannot load here is something the user can change: a usage error, not a crash. */
export async function selectBenchBackend(
  select: (options: SelectBackendOptions) => Promise<SelectedBackend>,
  options: SelectBackendOptions,
): Promise<SelectedBackend> {
  try {
    return await select(options);
  } catch (error) {
    if (error instanceof ModelError) throw new CliUsageError(error.message);
    throw error;
  }
}
