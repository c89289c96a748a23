import { readableFields } from './readable-fields';

describe('readableFields', () => {
  it('flattens nested objects under readable labels and rounds numbers', () => {
    expect(
      readableFields({
        modelName: 'sdmae',
        epochsTeacher: 6,
        overrides: {},
        protocol: { name: 'paper', parameters: { sigmaTemporal: 2.000001 } },
        microAuc: 0.8372991,
      }),
    ).toEqual([
      { label: 'model name', value: 'sdmae' },
      { label: 'epochs teacher', value: '6' },
      { label: 'overrides', value: 'none' },
      { label: 'protocol · name', value: 'paper' },
      { label: 'protocol · parameters · sigma temporal', value: '2' },
      { label: 'micro auc', value: '0.8373' },
    ]);
  });

  it('summarises long lists and writes empty values plainly', () => {
    expect(readableFields({ videoIds: ['a', 'b'], scores: new Array(120).fill(0.5), seed: null, frames: 12345, keep: true })).toEqual([
      { label: 'video ids', value: 'a, b' },
      { label: 'scores', value: '120 values' },
      { label: 'seed', value: '—' },
      { label: 'frames', value: '12,345' },
      { label: 'keep', value: 'yes' },
    ]);
    expect(readableFields(null)).toEqual([]);
  });
});
