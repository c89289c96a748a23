// Which engine an inference request runs on (issue 8): ONNX Runtime when the model version carries its
// export and the runtime loads, unless the request needs what only the tfjs graph computes — seeded
// test-time masking is not in the export (it is the masking-off graph). Pixel maps are: the graph outputs
// one value per token, the maps at their default downsample (the patch size).
import { ModelError, ModelErrorCode } from '../model.error';
import { ENGINE_NAMES, type EngineName } from './inference-engine';

export const ENGINE_REQUESTS = ['auto', ...ENGINE_NAMES] as const;
/** `auto`: the fastest engine that can serve the request. */
export type EngineRequest = (typeof ENGINE_REQUESTS)[number];

export function isEngineRequest(name: string): name is EngineRequest {
  return (ENGINE_REQUESTS as readonly string[]).includes(name);
}

export interface EngineChoiceInput {
  requested: EngineRequest;
  /** The checkpoint folder holds `model.onnx`. */
  hasOnnxExport: boolean;
  /** `onnxruntime-node` loads in this process. */
  onnxRuntimeLoads: boolean;
  /** Test-time masking (seeded or complementary) is asked for. */
  testMasking: boolean;
}

export interface EngineChoice {
  engine: EngineName;
  /** Why, for logs. */
  reason: string;
}

/**
 * `auto` picks onnx only with a stored export (exporting on the fly is for an explicit `onnx`); an explicit
 * `onnx` that cannot serve the request is an error rather than a silent fallback.
 */
export function chooseInferenceEngine(input: EngineChoiceInput): EngineChoice {
  const tfjsOnly = input.testMasking ? ['test-time masking'] : [];
  switch (input.requested) {
    case 'tfjs':
      return { engine: 'tfjs', reason: 'requested' };
    case 'onnx':
      if (tfjsOnly.length > 0) {
        throw new ModelError(
          ModelErrorCode.BackendUnavailable,
          `the onnx engine cannot compute ${tfjsOnly.join(' or ')}; turn them off or use the tfjs engine`,
        );
      }
      if (!input.onnxRuntimeLoads) {
        throw new ModelError(
          ModelErrorCode.BackendUnavailable,
          'onnxruntime-node cannot be loaded; run npm install in the repository root or use the tfjs engine',
        );
      }
      return { engine: 'onnx', reason: input.hasOnnxExport ? 'requested' : 'requested (exported now: the checkpoint has no model.onnx)' };
    case 'auto':
      if (tfjsOnly.length > 0) return { engine: 'tfjs', reason: `${tfjsOnly.join(' and ')} need tfjs` };
      if (!input.hasOnnxExport) return { engine: 'tfjs', reason: 'the checkpoint has no model.onnx' };
      if (!input.onnxRuntimeLoads) return { engine: 'tfjs', reason: 'onnxruntime-node does not load' };
      return { engine: 'onnx', reason: 'the checkpoint has model.onnx' };
  }
}
