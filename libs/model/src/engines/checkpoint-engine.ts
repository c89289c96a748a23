// The engine for one model version's checkpoint folder: chooses (choose-inference-engine.ts) and opens
// it — the stored `model.onnx` for onnx (exported from the detector when there is none), the detector
// itself for tfjs. Shared by `vad score` and INFER jobs.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Detector } from '../detector/detector';
import type { TestMasking } from '../inference/test-masking';
import { ONNX_METADATA_KEYS, ONNX_OUTPUTS_VERSION } from '../onnx/export-onnx';
import { decodeOnnxMetadata } from '../onnx/onnx-model.proto';
import { ONNX_EXPORT_FILE, saveOnnxExport } from '../onnx/save-onnx-export';
import { chooseInferenceEngine, type EngineChoice, type EngineRequest } from './choose-inference-engine';
import type { InferenceEngine } from './inference-engine';
import { isOnnxRuntimeAvailable, OnnxInferenceEngine, type OnnxEngineOptions } from './onnx-inference.engine';
import { TfjsInferenceEngine } from './tfjs-inference.engine';

export interface CheckpointEngineRequest {
  /** The checkpoint folder the detector was loaded from. */
  folder: string;
  requested: EngineRequest;
  testMasking: TestMasking;
}

export async function hasOnnxExport(folder: string): Promise<boolean> {
  try {
    return (await fs.stat(path.join(folder, ONNX_EXPORT_FILE))).isFile();
  } catch {
    return false;
  }
}

/** The choice for a request on a checkpoint folder, looking at the folder and at the runtime. */
export async function chooseCheckpointEngine(request: CheckpointEngineRequest): Promise<EngineChoice> {
  const hasExport = await hasOnnxExport(request.folder);
  // The runtime is only probed when it could be used: loading it costs a native library.
  const wantsOnnx = request.requested === 'onnx' || (request.requested === 'auto' && hasExport && request.testMasking.mode === 'off');
  return chooseInferenceEngine({
    requested: request.requested,
    hasOnnxExport: hasExport,
    onnxRuntimeLoads: wantsOnnx && isOnnxRuntimeAvailable(),
    testMasking: request.testMasking.mode !== 'off',
  });
}

/**
 * Opens the chosen engine. The tfjs engine runs masking off (the only graph the pipeline's mixed
 * batches support); callers that need masks score with scoreVideo on the detector instead. A stored
 * export whose outputs mean something else (written by an older version) is exported again and replaced.
 */
export async function openCheckpointEngine(folder: string, detector: Detector, choice: EngineChoice, onnx: OnnxEngineOptions = {}): Promise<InferenceEngine> {
  if (choice.engine === 'tfjs') return new TfjsInferenceEngine(detector);
  if (await hasOnnxExport(folder)) {
    const bytes = new Uint8Array(await fs.readFile(path.join(folder, ONNX_EXPORT_FILE)));
    if (decodeOnnxMetadata(bytes)[ONNX_METADATA_KEYS.outputs] === ONNX_OUTPUTS_VERSION) return OnnxInferenceEngine.fromModel(bytes, detector.config, onnx);
    await saveOnnxExport(folder, detector);
    return OnnxInferenceEngine.fromModel(new Uint8Array(await fs.readFile(path.join(folder, ONNX_EXPORT_FILE))), detector.config, onnx);
  }
  return OnnxInferenceEngine.fromDetector(detector, onnx);
}

/** The name stored on inference runs, e.g. `onnx-cpu`, `tfjs-wasm`. */
export function engineLabel(engine: InferenceEngine): string {
  return engine.device.replace('/', '-');
}
