// Builds the engine a caller names (CLI flag, worker setting) around a detector.
import type { Detector } from '../detector/detector';
import type { EngineName, InferenceEngine } from './inference-engine';
import { OnnxInferenceEngine, type OnnxEngineOptions } from './onnx-inference.engine';
import { TfjsInferenceEngine, type TfjsEngineOptions } from './tfjs-inference.engine';

export interface CreateInferenceEngineOptions {
  engine: EngineName;
  tfjs?: TfjsEngineOptions;
  onnx?: OnnxEngineOptions;
}

/** The tfjs engine uses the active tfjs backend (select it first); the onnx engine exports the detector. */
export async function createInferenceEngine(detector: Detector, options: CreateInferenceEngineOptions): Promise<InferenceEngine> {
  switch (options.engine) {
    case 'tfjs':
      return new TfjsInferenceEngine(detector, options.tfjs);
    case 'onnx':
      return OnnxInferenceEngine.fromDetector(detector, options.onnx);
  }
}
