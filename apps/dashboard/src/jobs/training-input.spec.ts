import { trainingInput, type TrainingForm } from './training-input';

const form = (change: Partial<TrainingForm> = {}): TrainingForm => ({
  datasetVersionId: 'dv1',
  modelName: ' sdmae ',
  preset: 'tiny',
  epochsTeacher: '',
  epochsStudent: '',
  batchSize: '',
  seed: '',
  overrides: '',
  ...change,
});

describe('trainingInput', () => {
  it('sends only what was filled in, with the name trimmed', () => {
    expect(trainingInput(form())).toEqual({ ok: true, input: { datasetVersionId: 'dv1', modelName: 'sdmae', preset: 'tiny' } });
  });

  it('reads the advanced settings', () => {
    const result = trainingInput(form({ epochsTeacher: '3', epochsStudent: '2', batchSize: '16', seed: '0', overrides: '{"useMotion": false}' }));
    expect(result).toEqual({
      ok: true,
      input: {
        datasetVersionId: 'dv1',
        modelName: 'sdmae',
        preset: 'tiny',
        epochsTeacher: 3,
        epochsStudent: 2,
        batchSize: 16,
        seed: 0,
        overrides: { useMotion: false },
      },
    });
  });

  it('names every wrong field', () => {
    const result = trainingInput(form({ datasetVersionId: '', modelName: ' ', epochsTeacher: '1.5', batchSize: '0', overrides: '[1]' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['batchSize', 'datasetVersionId', 'epochsTeacher', 'modelName', 'overrides']);
    expect(result.errors.epochsTeacher).toBe('Teacher epochs must be a whole number ≥ 1');
  });
});
