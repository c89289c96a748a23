import { defaultTrainingReplicas } from './default-replicas';

describe('defaultTrainingReplicas', () => {
  it('uses one replica per core on wasm and one on multithreaded backends', () => {
    expect(defaultTrainingReplicas('wasm', 8)).toBe(8);
    expect(defaultTrainingReplicas('tensorflow', 8)).toBe(1);
    expect(defaultTrainingReplicas('cpu', 8)).toBe(1);
  });
});
