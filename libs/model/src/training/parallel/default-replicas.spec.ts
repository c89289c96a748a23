import { defaultTrainingReplicas } from './default-replicas';

describe('defaultTrainingReplicas', () => {
  it('uses one replica per core on wasm and one on multithreaded backends', () => {
    expect(defaultTrainingReplicas({ batchSize: 16, backend: 'wasm', cores: 8 })).toBe(8);
    expect(defaultTrainingReplicas({ batchSize: 16, backend: 'tensorflow', cores: 8 })).toBe(1);
    expect(defaultTrainingReplicas({ batchSize: 16, backend: 'cpu', cores: 8 })).toBe(1);
  });

  it('never uses more replicas than a batch has samples', () => {
    expect(defaultTrainingReplicas({ batchSize: 4, backend: 'wasm', cores: 64 })).toBe(4);
  });
});
