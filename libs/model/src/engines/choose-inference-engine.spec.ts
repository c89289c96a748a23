// The engine choice: onnx only when it can serve the request, explicit requests honoured or refused.
import { ModelError } from '../model.error';
import { chooseInferenceEngine, isEngineRequest, type EngineChoiceInput } from './choose-inference-engine';

const ready: EngineChoiceInput = { requested: 'auto', hasOnnxExport: true, onnxRuntimeLoads: true, testMasking: false };

describe('chooseInferenceEngine', () => {
  it('picks onnx on auto when the export is stored, the runtime loads and nothing tfjs-only is asked', () => {
    expect(chooseInferenceEngine(ready).engine).toBe('onnx');
  });

  it.each([
    [{ hasOnnxExport: false }, /no model.onnx/],
    [{ onnxRuntimeLoads: false }, /does not load/],
    [{ testMasking: true }, /test-time masking need tfjs/],
  ])('falls back to tfjs on auto when %j', (change, reason) => {
    const choice = chooseInferenceEngine({ ...ready, ...change });
    expect(choice.engine).toBe('tfjs');
    expect(choice.reason).toMatch(reason);
  });

  it('honours an explicit tfjs even when onnx could run', () => {
    expect(chooseInferenceEngine({ ...ready, requested: 'tfjs' }).engine).toBe('tfjs');
  });

  it('honours an explicit onnx without a stored export (exported on the fly)', () => {
    expect(chooseInferenceEngine({ ...ready, requested: 'onnx', hasOnnxExport: false })).toEqual({
      engine: 'onnx',
      reason: expect.stringMatching(/exported now/),
    });
  });

  it.each([{ testMasking: true }, { onnxRuntimeLoads: false }])('refuses an explicit onnx that cannot serve %j', (change) => {
    expect(() => chooseInferenceEngine({ ...ready, requested: 'onnx', ...change })).toThrow(ModelError);
  });

  it('knows the requests', () => {
    expect(isEngineRequest('auto')).toBe(true);
    expect(isEngineRequest('fastest')).toBe(false);
  });
});
