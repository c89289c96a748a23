// Protocols are chosen by name in the API (the presets of libs/metrics).
import { isProtocolPresetName, protocolPreset, PROTOCOL_PRESET_NAMES, type PostProcessingProtocol } from '@vad/metrics';
import { apiError } from '../graphql/api-error';

export function protocolByName(name: string): PostProcessingProtocol {
  if (!isProtocolPresetName(name)) {
    throw apiError('BAD_USER_INPUT', `unknown protocol "${name}"; one of ${PROTOCOL_PRESET_NAMES.join(', ')}`);
  }
  return protocolPreset(name);
}

export const protocolNames = (): string[] => [...PROTOCOL_PRESET_NAMES];
